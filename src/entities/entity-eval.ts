/**
 * Measures entity recognition against gold readings: the sample's gold file (entities with their
 * mention strings) and MEANTIME's annotated entity mentions. Used by the tests (with floors) and by
 * scripts/entity-recall.mjs (which prints the figures).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../pipeline/doc.js';
import { analyzeDoc } from '../pipeline/index.js';
import { SHARED_DIR } from '../util/paths.js';
import { isoDate } from '../eval/dev-harness.js';

/** The shared directory: env SITREP_SHARED, else ../shared beside the project, else null. */
export function sharedDir(): string | null {
  const env = process.env.SITREP_SHARED;
  if (env && existsSync(env)) return env;
  return existsSync(SHARED_DIR) ? SHARED_DIR : null;
}

export interface GoldEntity { name: string; type: string; code?: string | null; sector?: string | null; mentions: string[] }

export interface SampleScore {
  entities: { gold: GoldEntity; found: string | null; problems: string[] }[];
  mentions: { total: number; found: number; missed: { text: string; start: number; entity: string }[] };
}

/**
 * Scores doc.entities against a gold entity list: each gold entity needs an entity with the same
 * type and code (and sector when gold gives one); each occurrence of each gold mention string in
 * the text must be covered by a mention of that entity.
 * @example scoreSample(doc, gold.entities).mentions.found
 */
export function scoreSample(doc: Doc, gold: GoldEntity[]): SampleScore {
  const text = doc.text;
  const out: SampleScore = { entities: [], mentions: { total: 0, found: 0, missed: [] } };
  for (const g of gold) {
    const cands = doc.entities.filter((e) => e.type === g.type && (e.code ?? null) === (g.code ?? null));
    const names = (e: typeof cands[number]) => [e.name, ...e.aliases].map(fold);
    const match = cands.find((e) => names(e).includes(fold(g.name)) || g.mentions.some((m) => names(e).includes(fold(m)))) ?? cands[0] ?? null;
    const problems: string[] = [];
    if (!match) problems.push(`no ${g.type} entity with code ${g.code ?? null}`);
    else if (g.sector !== undefined && (match.sector ?? null) !== (g.sector ?? null)) problems.push(`sector ${match.sector} ≠ ${g.sector}`);
    out.entities.push({ gold: g, found: match?.id ?? null, problems });
    const ms = match ? doc.mentions.filter((m) => m.entity === match.id) : [];
    for (const s of new Set(g.mentions)) {
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
        out.mentions.total++;
        if (ms.some((m) => m.start <= at && m.end >= at + s.length)) out.mentions.found++;
        else out.mentions.missed.push({ text: s, start: at, entity: g.name });
      }
    }
  }
  return out;
}

function fold(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').replace(/^the /i, '').toLowerCase();
}

/** Loads the sample's gold file and scores the analysed sample article. */
export function scoreSampleFromShared(shared: string): SampleScore & { doc: Doc } {
  const gold = JSON.parse(readFileSync(join(shared, 'gold', 'niger-us-forces-2024-03-18.gold.json'), 'utf8'));
  const text = readFileSync(join(shared, 'fixtures', 'niger-us-forces-2024-03-18.txt'), 'utf8');
  const doc = analyzeDoc({ text }, { published: gold.published ?? '2024-03-18' });
  return { ...scoreSample(doc, gold.entities), doc };
}

interface MeantimeMention { start?: number; end?: number; text: string; syntactic_type?: string; ent_type?: string }
interface MeantimeDoc { doc_id: string; dct: string; text: string; entity_mentions: MeantimeMention[] }

export interface MeantimeScore {
  docs: number;
  /** named mentions (NAM, PRE.NAM) of persons, organisations and places */
  named: { total: number; found: number; strict: number };
  missed: { doc: string; text: string }[];
}

/**
 * Entity mention recall on MEANTIME: a gold named mention (NAM/PRE.NAM of type PER, ORG or LOC) is
 * found when one of our entity mentions overlaps it and covers its last capitalised word (its head,
 * "Airbus parent EADS" → "EADS"); `strict` counts those where our mention covers the whole gold span.
 */
export function scoreMeantime(shared: string): MeantimeScore | null {
  const file = join(shared, 'dev', 'meantime-wikinews.jsonl');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as MeantimeDoc);
  const score: MeantimeScore = { docs: rows.length, named: { total: 0, found: 0, strict: 0 }, missed: [] };
  for (const r of rows) {
    const doc = analyzeDoc({ text: r.text, id: r.doc_id }, { published: isoDate(r.dct) ?? undefined });
    // MEANTIME's text is the analysed text (no title/byline to strip): offsets must agree
    const shift = doc.text === r.text ? 0 : doc.text.indexOf(r.text.slice(0, 200));
    const ours = doc.mentions.filter((m) => m.entity && m.kind !== 'pronoun' && m.kind !== 'descriptor');
    for (const g of r.entity_mentions) {
      if (g.start === undefined || g.end === undefined) continue;
      if (g.syntactic_type !== 'NAM' && g.syntactic_type !== 'PRE.NAM') continue;
      if (g.ent_type !== 'PER' && g.ent_type !== 'ORG' && g.ent_type !== 'LOC') continue;
      score.named.total++;
      const gs = g.start + (shift > 0 ? shift : 0);
      const ge = g.end + (shift > 0 ? shift : 0);
      const head = headSpan(r.text, g.start, g.end);
      const hs = head.start + (shift > 0 ? shift : 0);
      const he = head.end + (shift > 0 ? shift : 0);
      if (ours.some((m) => m.start < ge && m.end > gs && m.start <= hs && m.end >= he)) score.named.found++;
      else score.missed.push({ doc: r.doc_id, text: g.text });
      if (ours.some((m) => m.start <= gs && m.end >= ge)) score.named.strict++;
    }
  }
  return score;
}

/** The last capitalised word of a span (its head for a name), or the whole span. */
function headSpan(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.slice(start, end);
  const re = /[\p{Lu}][\p{L}\p{N}.&'-]*/gu;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  if (!last) return { start, end };
  return { start: start + last.index, end: start + last.index + last[0].length };
}

const LEGACY: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', GMY: 'DEU', UKG: 'GBR' };

interface PloverActor { text: string; code: string | null; sector?: string | null }
interface PloverRow { id: string; text: string; actors: PloverActor[]; recipients: PloverActor[] }

export interface PloverActorScore {
  total: number;
  /** an entity mention over the actor's words carries the gold code */
  codeRight: number;
  /** …and the gold sector, where gold gives one (a descriptor's or person's sector counts) */
  sectorTotal: number;
  sectorRight: number;
  missed: { id: string; text: string; code: string; got: string[] }[];
}

/**
 * Actor coding on the PLOVER gold sentences: for each gold actor/recipient with a country code,
 * whether one of our mentions over its words resolves to an entity (or affiliation) with that code.
 */
export function scorePloverActors(shared: string): PloverActorScore | null {
  const file = join(shared, 'dev', 'plover-gsr.jsonl');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PloverRow);
  const score: PloverActorScore = { total: 0, codeRight: 0, sectorTotal: 0, sectorRight: 0, missed: [] };
  for (const r of rows) {
    const doc = analyzeDoc({ text: r.text });
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    for (const a of [...r.actors, ...r.recipients]) {
      if (!a.code || !/^[A-Z]{3}$/.test(a.code) || a.code === 'NGO' || !a.text) continue;
      const at = doc.text.indexOf(a.text);
      if (at < 0) continue;
      score.total++;
      const over = doc.mentions.filter((m) => m.entity && m.start < at + a.text.length && m.end > at);
      const codes = over.map((m) => {
        const e = byId.get(m.entity!)!;
        return e.code ?? (e.affiliation ? byId.get(e.affiliation)?.code ?? null : null);
      });
      // PLOVER codes IGOs as "IGO" and keeps a few legacy CAMEO country codes
      const want = LEGACY[a.code] ?? a.code;
      const igo = a.code === 'IGO' && over.some((m) => byId.get(m.entity!)?.sector === 'IGO');
      if (igo || codes.includes(want)) score.codeRight++;
      else score.missed.push({ id: r.id, text: a.text, code: a.code, got: codes.filter((c): c is string => !!c) });
      if (a.sector) {
        score.sectorTotal++;
        const sectors = over.map((m) => m.ref?.sector ?? byId.get(m.entity!)?.sector ?? null);
        if (sectors.includes(a.sector)) score.sectorRight++;
      }
    }
  }
  return score;
}
