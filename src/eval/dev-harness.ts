/**
 * `sitrep eval --dev DIR`: the engine measured on external development sets (shared/dev), read
 * at run time and never copied into the project. Every figure is defined here once; README
 * ("Dev-set figures") repeats the definitions for readers of the numbers.
 *
 * PLOVER gold sentences (plover-gsr.jsonl), each analysed alone, gold type =
 * `event_type_current_plover_guess`:
 * - event found: share of sentences with at least one event.
 * - type right: of the sentences with an event, share where some event has the gold type.
 * - the *scored event* of a sentence is its first event (by evidence start, then id) of the gold
 *   type, else its first event.
 * - actor accuracy: of the sentences with an event and at least one gold actor code, share whose
 *   scored event has an actor entity with one of the gold codes. Recipient accuracy likewise over
 *   sentences with a gold recipient code.
 * - actor / recipient recall: of all gold actor (recipient) codes, deduplicated per sentence, the
 *   share carried by the actor (recipient) entities of any event of that sentence.
 * - code equality: entity `code` = gold code (case-insensitive); gold "IGO"/"NGO" (international
 *   bodies, no country) is met by an entity with sector IGO or NGO or a code that is not an ISO
 *   3166-1 alpha-3 code (an IGO short name such as "UN", "ECOWAS").
 * PETRARCH validation (petrarch-validation.jsonl):
 * - up-gsr CAMEO root agreement: expected codings are reduced to their root (first two digits)
 *   and deduplicated per sentence; a root agrees when some event of ours has a cameo with that
 *   root. Figure = agreeing roots / expected roots, over sentences that expect events. Root
 *   precision = our distinct roots that are expected / our distinct roots, same sentences.
 * - no-event rate: of the `expect_no_events` sentences, share that yield no event at all.
 * - petr2-unittest (fictional actors: no codes are compared): event found among sentences that
 *   expect events, and the no-event rate.
 * MEANTIME (meantime-wikinews.jsonl), each document analysed whole with `dct` as publication date:
 * - time values: TIMEX3 of type DATE with a span and a concrete value (a year, month, day, ISO week
 *   or season/quarter); found when one of our times overlaps its span, right when an overlapping
 *   time has the same value (an ISO week also equals the Monday–Sunday interval). Reported over
 *   all such TIMEX3 and without the dateline (functionInDocument = CREATION_TIME).
 * - entity mention recall: named mentions (syntactic type NAM or PRE.NAM) of persons,
 *   organisations and locations; found when some entity mention of ours overlaps the span
 *   ("strict": covers it). MEANTIME extents include modifiers ("Airbus parent EADS"), hence overlap.
 * Gold offsets index the dev text; our offsets index article.text (layout trims spaces and drops
 * lines), so spans are carried over line by line (`makeAligner`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { analyze } from '../pipeline/index.js';
import type { AnalysisRecord, EntityRecord, EventRecord } from '../contract/analysis-schema.js';
import { ratio, round4, showRatio, type Ratio } from './metrics.js';
import { InputError } from '../io/read-input.js';

const ISO3: ReadonlySet<string> = new Set(
  (createRequire(import.meta.url)('world-countries') as { cca3: string }[]).map((c) => c.cca3),
);

// ---------------------------------------------------------------- input schemas

const Party = z.looseObject({ text: z.string().nullish(), code: z.string().nullish(), sector: z.string().nullish() });
const PloverRow = z.looseObject({
  id: z.string(),
  text: z.string(),
  date: z.string().nullish(),
  event_type_current_plover_guess: z.string(),
  actors: z.array(Party).default([]),
  recipients: z.array(Party).default([]),
});
const PetrarchRow = z.looseObject({
  id: z.string(),
  text: z.string(),
  date: z.string().nullish(),
  expected: z.array(z.looseObject({ source_actor_code: z.string().nullish(), target_actor_code: z.string().nullish(), cameo_code: z.string().nullish() })).default([]),
  expect_no_events: z.boolean().default(false),
});
const MeantimeDoc = z.looseObject({
  doc_id: z.string(),
  dct: z.string(),
  text: z.string(),
  entity_mentions: z.array(z.looseObject({ start: z.number(), end: z.number(), text: z.string(), syntactic_type: z.string().nullish(), ent_type: z.string().nullish() })).default([]),
  timex3: z.array(z.looseObject({ type: z.string(), value: z.string().nullish(), functionInDocument: z.string().nullish(), start: z.number().optional(), end: z.number().optional(), text: z.string().optional() })).default([]),
});

export type PloverInput = z.output<typeof PloverRow>;
export type PetrarchInput = z.output<typeof PetrarchRow>;
export type MeantimeInput = z.output<typeof MeantimeDoc>;

function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try { raw = JSON.parse(line); } catch { throw new InputError(`${path}:${i + 1}: not valid JSON`); }
    const r = schema.safeParse(raw);
    if (!r.success) throw new InputError(`${path}:${i + 1}: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
    out.push(r.data);
  });
  return out;
}

/** "20080804" / "2008-08-04" / "03-02-2009" (day first, as MEANTIME writes it) → "2008-08-04". */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s.trim());
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return null;
}

// ---------------------------------------------------------------- shared helpers

function byPosition(events: EventRecord[]): EventRecord[] {
  const first = (e: EventRecord) => Math.min(...e.evidence.map((s) => s.start));
  return [...events].sort((a, b) => first(a) - first(b) || a.id.localeCompare(b.id));
}

/** Does an entity stand for a gold country/IGO code? (see the header for IGO/NGO) */
export function entityHasCode(e: EntityRecord | undefined, gold: string): boolean {
  if (!e) return false;
  const g = gold.toUpperCase();
  if (e.code && e.code.toUpperCase() === g) return true;
  if (g === 'IGO' || g === 'NGO') {
    return e.sector === 'IGO' || e.sector === 'NGO' || (!!e.code && !ISO3.has(e.code.toUpperCase()));
  }
  return false;
}

/** How the harness runs the engine; tests pass a fake that returns hand-made records. */
export type Analyzer = (text: string, id: string, published: string | null) => AnalysisRecord;
const engine: Analyzer = (text, id, published) => analyze({ id, text, published }, { published });

function tally(): { n: number; d: number } { return { n: 0, d: 0 }; }
const R = (t: { n: number; d: number }): Ratio => ratio(t.n, t.d);

// ---------------------------------------------------------------- PLOVER

export interface PloverTypeRow { type: string; sentences: number; found: Ratio; typeRight: Ratio; actor: Ratio }
export interface PloverResult {
  sentences: number;
  eventFound: Ratio;
  typeRight: Ratio;
  actorAccuracy: Ratio;
  recipientAccuracy: Ratio;
  actorRecall: Ratio;
  recipientRecall: Ratio;
  byType: PloverTypeRow[];
  /** gold type → type we gave instead (first event), with counts */
  confusions: { gold: string; predicted: string; count: number }[];
  noEvent: { id: string; text: string }[];
  wrongType: { id: string; gold: string; predicted: string[]; text: string }[];
}

/**
 * PLOVER figures over gold sentences (definitions in the file header).
 * @example evaluatePlover(rows).typeRight.value
 */
export function evaluatePlover(rows: PloverInput[], onEach?: () => void, run: Analyzer = engine): PloverResult {
  const found = tally(), typeRight = tally(), actorAcc = tally(), recAcc = tally(), actorRec = tally(), recRec = tally();
  const byType = new Map<string, { sentences: number; found: { n: number; d: number }; typeRight: { n: number; d: number }; actor: { n: number; d: number } }>();
  const confusions = new Map<string, number>();
  const noEvent: PloverResult['noEvent'] = [];
  const wrongType: PloverResult['wrongType'] = [];
  for (const row of rows) {
    const gold = row.event_type_current_plover_guess.toUpperCase();
    const published = isoDate(row.date);
    const rec = run(row.text, row.id, published);
    onEach?.();
    const ents = new Map(rec.entities.map((e) => [e.id, e]));
    const events = byPosition(rec.events);
    const t = byType.get(gold) ?? { sentences: 0, found: tally(), typeRight: tally(), actor: tally() };
    byType.set(gold, t);
    t.sentences++;
    const actorCodes = [...new Set(row.actors.map((a) => a.code).filter((c): c is string => !!c))];
    const recipientCodes = [...new Set(row.recipients.map((a) => a.code).filter((c): c is string => !!c))];
    // Recall is over every sentence: a missed event misses its actors too.
    for (const c of actorCodes) { actorRec.d++; if (events.some((e) => e.actor.some((id) => entityHasCode(ents.get(id), c)))) actorRec.n++; }
    for (const c of recipientCodes) { recRec.d++; if (events.some((e) => e.recipient.some((id) => entityHasCode(ents.get(id), c)))) recRec.n++; }

    found.d++; t.found.d++;
    if (events.length === 0) { noEvent.push({ id: row.id, text: row.text }); continue; }
    found.n++; t.found.n++;
    typeRight.d++; t.typeRight.d++;
    const ofType = events.find((e) => e.type === gold);
    if (ofType) { typeRight.n++; t.typeRight.n++; } else {
      wrongType.push({ id: row.id, gold, predicted: events.map((e) => e.type), text: row.text });
      const k = `${gold}\t${events[0].type}`;
      confusions.set(k, (confusions.get(k) ?? 0) + 1);
    }
    const scored = ofType ?? events[0];
    if (actorCodes.length) {
      actorAcc.d++; t.actor.d++;
      if (scored.actor.some((id) => actorCodes.some((c) => entityHasCode(ents.get(id), c)))) { actorAcc.n++; t.actor.n++; }
    }
    if (recipientCodes.length) {
      recAcc.d++;
      if (scored.recipient.some((id) => recipientCodes.some((c) => entityHasCode(ents.get(id), c)))) recAcc.n++;
    }
  }
  return {
    sentences: rows.length,
    eventFound: R(found), typeRight: R(typeRight),
    actorAccuracy: R(actorAcc), recipientAccuracy: R(recAcc), actorRecall: R(actorRec), recipientRecall: R(recRec),
    byType: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([type, t]) => ({ type, sentences: t.sentences, found: R(t.found), typeRight: R(t.typeRight), actor: R(t.actor) })),
    confusions: [...confusions.entries()].map(([k, count]) => { const [g, p] = k.split('\t'); return { gold: g, predicted: p, count }; })
      .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted)),
    noEvent, wrongType,
  };
}

// ---------------------------------------------------------------- PETRARCH

export interface PetrarchResult {
  upGsr: { sentences: number; eventFound: Ratio; cameoRoot: Ratio; rootPrecision: Ratio; sentencesAgreeing: Ratio; noEvent: Ratio; disagreements: { id: string; expected: string[]; ours: string[] }[]; spurious: string[] };
  unittest: { sentences: number; eventFound: Ratio; noEvent: Ratio; missed: string[]; spurious: string[] };
}

const cameoRoot = (c: string | null | undefined): string | null => (c && /^\d{2}/.test(c) ? c.slice(0, 2) : null);

/**
 * PETRARCH figures: up-gsr CAMEO roots and no-event rate; unit tests structure only.
 * @example evaluatePetrarch(rows).upGsr.cameoRoot.value
 */
export function evaluatePetrarch(rows: PetrarchInput[], onEach?: () => void, run: Analyzer = engine): PetrarchResult {
  const up = { found: tally(), root: tally(), rootP: tally(), agree: tally(), none: tally() };
  const ut = { found: tally(), none: tally() };
  const disagreements: PetrarchResult['upGsr']['disagreements'] = [];
  const upSpurious: string[] = [], utMissed: string[] = [], utSpurious: string[] = [];
  let upN = 0, utN = 0;
  for (const row of rows) {
    const isUp = row.id.startsWith('up-gsr:');
    const published = isoDate(row.date);
    const rec = run(row.text, row.id, published);
    onEach?.();
    const n = rec.events.length;
    const expectsEvents = !row.expect_no_events && row.expected.length > 0;
    if (isUp) upN++; else utN++;
    if (row.expect_no_events) {
      const t = isUp ? up.none : ut.none;
      t.d++;
      if (n === 0) t.n++; else (isUp ? upSpurious : utSpurious).push(row.id);
    }
    if (!expectsEvents) continue;
    const t = isUp ? up.found : ut.found;
    t.d++;
    if (n > 0) t.n++; else if (!isUp) utMissed.push(row.id);
    if (!isUp) continue;
    const expected = [...new Set(row.expected.map((e) => cameoRoot(e.cameo_code)).filter((r): r is string => r !== null))].sort();
    const ours = [...new Set(rec.events.map((e) => cameoRoot(e.cameo)).filter((r): r is string => r !== null))].sort();
    const agreeing = expected.filter((r) => ours.includes(r));
    up.root.d += expected.length; up.root.n += agreeing.length;
    up.rootP.d += ours.length; up.rootP.n += ours.filter((r) => expected.includes(r)).length;
    up.agree.d++;
    if (agreeing.length) up.agree.n++;
    if (agreeing.length < expected.length || ours.length > agreeing.length) disagreements.push({ id: row.id, expected, ours });
  }
  return {
    upGsr: { sentences: upN, eventFound: R(up.found), cameoRoot: R(up.root), rootPrecision: R(up.rootP), sentencesAgreeing: R(up.agree), noEvent: R(up.none), disagreements, spurious: upSpurious },
    unittest: { sentences: utN, eventFound: R(ut.found), noEvent: R(ut.none), missed: utMissed, spurious: utSpurious },
  };
}

// ---------------------------------------------------------------- MEANTIME

/**
 * Carries spans of `src` over to `dst`, a copy with spaces trimmed/collapsed and some lines
 * dropped: each source line is found in `dst` in order, and offsets inside a line are mapped by
 * counting non-space characters. Returns null for text that is not in `dst`.
 * @example makeAligner('a  b\nc', 'a b\nc')(3, 4) // { start: 2, end: 3 }
 */
export function makeAligner(src: string, dst: string): (start: number, end: number) => { start: number; end: number } | null {
  const lines: { s: number; e: number; at: number }[] = [];
  let cursor = 0;
  for (let s = 0; s <= src.length;) {
    let e = src.indexOf('\n', s);
    if (e < 0) e = src.length;
    const key = src.slice(s, e).replace(/\s+/g, ' ').trim();
    if (key) {
      const at = dst.indexOf(key, cursor);
      if (at >= 0) { lines.push({ s, e, at }); cursor = at + key.length; }
    }
    s = e + 1;
  }
  const point = (x: number, asEnd: boolean): number | null => {
    const l = lines.find((ln) => x >= ln.s && x <= ln.e);
    if (!l) return null;
    // k = non-space characters of the line before x (for an end: up to and including x-1)
    let k = 0;
    for (let i = l.s; i < x; i++) if (!/\s/.test(src[i])) k++;
    let j = l.at;
    if (asEnd) {
      if (k === 0) return l.at;
      let seen = 0;
      for (; j < dst.length; j++) if (!/\s/.test(dst[j]) && ++seen === k) return j + 1;
      return null;
    }
    let seen = 0;
    for (; j < dst.length; j++) {
      if (!/\s/.test(dst[j])) { if (seen === k) return j; seen++; }
    }
    return null;
  };
  return (start, end) => {
    const a = point(start, false), b = point(end, true);
    return a === null || b === null || b < a ? null : { start: a, end: b };
  };
}

const CONCRETE = /^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(SP|SU|FA|WI|Q[1-4]|H[12]))$/;

/** The Monday–Sunday interval of an ISO week ("2008-W35" → "2008-08-25/2008-08-31"). */
export function isoWeekInterval(v: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]), w = Number(m[2]);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000);
  const sunday = new Date(monday.getTime() + 6 * 86400000);
  return `${monday.toISOString().slice(0, 10)}/${sunday.toISOString().slice(0, 10)}`;
}

export function sameTimeValue(ours: string | null, gold: string): boolean {
  if (!ours) return false;
  if (ours === gold) return true;
  const week = isoWeekInterval(gold);
  return week !== null && ours === week;
}

export interface MeantimeResult {
  docs: number;
  timeValues: Ratio;
  timeFound: Ratio;
  timeValuesBody: Ratio;
  entityRecall: Ratio;
  entityRecallStrict: Ratio;
  entityByType: { type: string; recall: Ratio }[];
  wrongTimes: { doc: string; text: string; gold: string; ours: string | null }[];
  unaligned: number;
}

const NAMED = new Set(['NAM', 'PRE.NAM']);
const ENT_TYPES = new Set(['PER', 'ORG', 'LOC']);

/**
 * MEANTIME figures: TIMEX3 DATE values and named entity mention recall.
 * @example evaluateMeantime(docs).timeValues.value
 */
export function evaluateMeantime(docs: MeantimeInput[], onEach?: () => void, run: Analyzer = engine): MeantimeResult {
  const tv = tally(), tf = tally(), tb = tally(), er = tally(), es = tally();
  const byType = new Map<string, { n: number; d: number }>();
  const wrongTimes: MeantimeResult['wrongTimes'] = [];
  let unaligned = 0;
  for (const d of docs) {
    const published = isoDate(d.dct);
    const rec = run(d.text, d.doc_id, published);
    onEach?.();
    const align = makeAligner(d.text, rec.article.text);
    for (const t of d.timex3) {
      if (t.type !== 'DATE' || t.start === undefined || t.end === undefined || !t.value || !CONCRETE.test(t.value)) continue;
      const body = t.functionInDocument !== 'CREATION_TIME';
      tv.d++; tf.d++; if (body) tb.d++;
      const span = align(t.start, t.end);
      if (!span) unaligned++;
      const over = span ? rec.times.filter((x) => x.start < span.end && span.start < x.end) : [];
      if (over.length) tf.n++;
      const right = over.some((x) => sameTimeValue(x.value, t.value!));
      if (right) { tv.n++; if (body) tb.n++; } else wrongTimes.push({ doc: d.doc_id, text: t.text ?? '', gold: t.value, ours: over[0]?.value ?? null });
    }
    const mentions = rec.entities.flatMap((e) => e.mentions);
    for (const m of d.entity_mentions) {
      if (!NAMED.has(m.syntactic_type ?? '') || !ENT_TYPES.has(m.ent_type ?? '')) continue;
      const t = byType.get(m.ent_type!) ?? tally();
      byType.set(m.ent_type!, t);
      er.d++; es.d++; t.d++;
      const span = align(m.start, m.end);
      if (!span) { unaligned++; continue; }
      if (mentions.some((x) => x.start < span.end && span.start < x.end)) { er.n++; t.n++; }
      if (mentions.some((x) => x.start <= span.start && x.end >= span.end)) es.n++;
    }
  }
  return {
    docs: docs.length,
    timeValues: R(tv), timeFound: R(tf), timeValuesBody: R(tb),
    entityRecall: R(er), entityRecallStrict: R(es),
    entityByType: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, t]) => ({ type, recall: R(t) })),
    wrongTimes, unaligned,
  };
}

// ---------------------------------------------------------------- the whole harness

export interface DevReport {
  dir: string;
  plover: PloverResult | null;
  petrarch: PetrarchResult | null;
  meantime: MeantimeResult | null;
  /** flat figures, the names eval/baseline.json "dev" floors refer to */
  metrics: Record<string, number>;
}

export const DEV_FILES = { plover: 'plover-gsr.jsonl', petrarch: 'petrarch-validation.jsonl', meantime: 'meantime-wikinews.jsonl' } as const;

/**
 * Runs every dev set present in `dir` (a missing file is skipped and reported as null).
 * @example evaluateDev('../shared/dev').metrics['plover.eventFound']
 */
export function evaluateDev(dir: string, onProgress?: (done: number, total: number) => void): DevReport {
  const path = (f: string) => join(dir, f);
  const plRows = existsSync(path(DEV_FILES.plover)) ? readJsonl(path(DEV_FILES.plover), PloverRow) : null;
  const ptRows = existsSync(path(DEV_FILES.petrarch)) ? readJsonl(path(DEV_FILES.petrarch), PetrarchRow) : null;
  const mtDocs = existsSync(path(DEV_FILES.meantime)) ? readJsonl(path(DEV_FILES.meantime), MeantimeDoc) : null;
  if (!plRows && !ptRows && !mtDocs) throw new InputError(`no dev set in ${dir} (expected ${Object.values(DEV_FILES).join(', ')})`);
  const total = (plRows?.length ?? 0) + (ptRows?.length ?? 0) + (mtDocs?.length ?? 0);
  let done = 0;
  const tick = () => { done++; if (done % 20 === 0 || done === total) onProgress?.(done, total); };
  const plover = plRows ? evaluatePlover(plRows, tick) : null;
  const petrarch = ptRows ? evaluatePetrarch(ptRows, tick) : null;
  const meantime = mtDocs ? evaluateMeantime(mtDocs, tick) : null;
  const metrics: Record<string, number> = {};
  if (plover) {
    for (const k of ['eventFound', 'typeRight', 'actorAccuracy', 'recipientAccuracy', 'actorRecall', 'recipientRecall'] as const) metrics[`plover.${k}`] = plover[k].value;
  }
  if (petrarch) {
    for (const k of ['eventFound', 'cameoRoot', 'rootPrecision', 'noEvent'] as const) metrics[`petrarch.upGsr.${k}`] = petrarch.upGsr[k].value;
    for (const k of ['eventFound', 'noEvent'] as const) metrics[`petrarch.unittest.${k}`] = petrarch.unittest[k].value;
  }
  if (meantime) {
    for (const k of ['timeValues', 'timeValuesBody', 'timeFound', 'entityRecall', 'entityRecallStrict'] as const) metrics[`meantime.${k}`] = meantime[k].value;
  }
  for (const k of Object.keys(metrics)) metrics[k] = round4(metrics[k]);
  return { dir, plover, petrarch, meantime, metrics };
}

const clip = (s: string, max = 110) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
const row = (name: string, r: Ratio, target?: string) => `  ${name.padEnd(34)} ${showRatio(r).padEnd(18)}${target ? `  target ${target}` : ''}`;

/** The table printed by `sitrep eval --dev`. */
export function formatDevReport(r: DevReport): string {
  const out: string[] = [`sitrep eval --dev ${r.dir}`, ''];
  const p = r.plover;
  if (p) {
    out.push(`PLOVER gold sentences (${p.sentences})`);
    out.push(row('event found', p.eventFound, '>= 0.85'));
    out.push(row('type right (of found)', p.typeRight, '>= 0.80'));
    out.push(row('actor country right (of found)', p.actorAccuracy, '>= 0.85'));
    out.push(row('recipient country right (of found)', p.recipientAccuracy));
    out.push(row('actor country recall', p.actorRecall));
    out.push(row('recipient country recall', p.recipientRecall));
    out.push('  by type:            n  found            type right       actor right');
    for (const t of p.byType) out.push(`    ${t.type.padEnd(12)} ${String(t.sentences).padStart(5)}  ${showRatio(t.found).padEnd(16)} ${showRatio(t.typeRight).padEnd(16)} ${showRatio(t.actor)}`);
    if (p.confusions.length) out.push(`  most common type confusions (gold → ours): ${p.confusions.slice(0, 8).map((c) => `${c.gold}→${c.predicted} ×${c.count}`).join(', ')}`);
    if (p.noEvent.length) {
      out.push(`  no event (first 10 of ${p.noEvent.length}):`);
      for (const x of p.noEvent.slice(0, 10)) out.push(`    ${x.id}: ${clip(x.text)}`);
    }
    if (p.wrongType.length) {
      out.push(`  wrong type (first 10 of ${p.wrongType.length}):`);
      for (const x of p.wrongType.slice(0, 10)) out.push(`    ${x.id} ${x.gold} → ${x.predicted.join(',')}: ${clip(x.text)}`);
    }
    out.push('');
  } else out.push('PLOVER gold sentences: absent', '');
  const t = r.petrarch;
  if (t) {
    out.push(`PETRARCH up-gsr (${t.upGsr.sentences}, real CAMEO codes)`);
    out.push(row('event found', t.upGsr.eventFound));
    out.push(row('CAMEO root agreement', t.upGsr.cameoRoot, '>= 0.70'));
    out.push(row('CAMEO root precision', t.upGsr.rootPrecision));
    out.push(row('sentences with an agreeing root', t.upGsr.sentencesAgreeing));
    out.push(row('"no event" sentences yielding none', t.upGsr.noEvent, '>= 0.90'));
    if (t.upGsr.disagreements.length) {
      out.push(`  root disagreements (first 10 of ${t.upGsr.disagreements.length}): ${t.upGsr.disagreements.slice(0, 10).map((d) => `${d.id} [${d.expected.join(',')}] vs [${d.ours.join(',')}]`).join('; ')}`);
    }
    if (t.upGsr.spurious.length) out.push(`  events in "no event" sentences: ${t.upGsr.spurious.join(', ')}`);
    out.push(`PETRARCH petr2-unittest (${t.unittest.sentences}, fictional actors: structure only)`);
    out.push(row('event found', t.unittest.eventFound));
    out.push(row('"no event" sentences yielding none', t.unittest.noEvent));
    out.push('');
  } else out.push('PETRARCH validation: absent', '');
  const m = r.meantime;
  if (m) {
    out.push(`MEANTIME Wikinews (${m.docs} documents)`);
    out.push(row('time values right (DATE)', m.timeValues, '>= 0.85'));
    out.push(row('time values right (no dateline)', m.timeValuesBody));
    out.push(row('time expressions found (span)', m.timeFound));
    out.push(row('entity mention recall (overlap)', m.entityRecall, '>= 0.85'));
    out.push(row('entity mention recall (covers)', m.entityRecallStrict));
    for (const x of m.entityByType) out.push(row(`  ${x.type}`, x.recall));
    if (m.wrongTimes.length) {
      out.push(`  wrong or missed time values (first 12 of ${m.wrongTimes.length}):`);
      for (const w of m.wrongTimes.slice(0, 12)) out.push(`    ${w.doc} "${w.text}": gold ${w.gold}, ours ${w.ours ?? 'none'}`);
    }
    if (m.unaligned) out.push(`  (${m.unaligned} gold spans fall in text the layout stage dropped)`);
    out.push('');
  } else out.push('MEANTIME: absent', '');
  return out.join('\n');
}
