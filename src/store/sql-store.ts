/**
 * The knowledge base over SQL, written once for both backends (./sqlite, ./postgres) through
 * the small SqlDriver interface. Ingest (one transaction per article), fusion across articles,
 * the actor registry and every query of the Store interface live here; the rules they apply are
 * pure functions in src/kb/ (fusion, near-duplicates, actor keys, state log, posture).
 */
import { createHash } from 'node:crypto';
import { AnalysisRecordSchema, type AnalysisRecord, type EntityRecord, type Modality, type PloverType } from '../contract/analysis-schema.js';
import { inList, insertMany, type SqlDriver, type SqlExecutor, type SqlValue } from './sql-driver.js';
import {
  StoreError,
  type ActorQuery, type ActorRef, type ActorSummary, type ActorView, type ArticleQuery, type ArticleRef, type ArticleView,
  type EventQuery, type EventReport, type EventView, type EvidenceSpan, type IngestRecordOptions, type IngestResult,
  type OfficeHeld, type Page, type Period, type PostureView, type Quad, type SearchQuery, type SearchResult, type Store,
  type StoreStats, type TimelineOptions, type TimelinePeriod, type TimelineView,
} from './store.js';
import { addDays, dayOf, daysBetween, edtfRange, normName, periodOf } from '../kb/normalize.js';
import { isNearDuplicate, shingles, similarity, textBands } from '../kb/near-duplicate.js';
import { aggregate, bestMatch, compatibleTypes, contentWords, isSymmetric, mayMatch, modalityClass, partyKey, type AggReport, type CandidateEvent, type NewReport } from '../kb/fusion.js';
import { officeOf, prefetchActors, resolveEntity } from '../kb/actor-registry.js';
import { classifyState, deriveStates, shortName } from '../kb/relation-states.js';
import { goldsteinOf, ploverScore } from '../kb/scores.js';
import { groupPosture, type FactRow } from '../kb/posture.js';
import { countryCentroid } from '../kb/geo.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const QUAD_NAMES: Record<number, string> = { 1: 'verbal-cooperation', 2: 'material-cooperation', 3: 'verbal-conflict', 4: 'material-conflict' };
const MAX_LIMIT = 1000;

/** JSON with object keys sorted: the same record always hashes the same, whatever built it. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  return '{' + Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

function parseJson<T>(s: unknown, fallback: T): T {
  if (typeof s !== 'string') return fallback;
  try { return JSON.parse(s) as T; } catch { return fallback; }
}

function clampLimit(n: number | undefined, dflt: number): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(n)));
}

function seqOf(id: string, prefix: string): number | null {
  const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
  return m ? Number(m[1]) : null;
}

/** Which actors an actor reference stands for: by code (every actor with it) or by actor ids. */
interface PartyFilter {
  codes: string[];
  actors: number[];
  refs: ActorRef[];
  label: string;
}

/** The table an event page is read from in date order (see SqlStore.eventWhere). */
interface EventDriver {
  /** table and alias, joined to \`events e\` when other conditions need it */
  table: string;
  /** its condition holds the date range (so none is needed on e) */
  dated: boolean;
  /** its condition refers to e */
  usesE: boolean;
  /** its event seq expression */
  event: string;
  /** its date_lo column ('' for the full-text table, whose rowid is the order) */
  date: string;
  /** the full-text table's rowid (date key * FTS_DATE_KEY + seq) */
  ftsRowid?: string;
  /** its condition keeps the dated rows only (DATED_ROWS); the undated ones come after */
  undated?: boolean;
}

const DAY_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/** Whether an FTS5 query from fts5Query is phrases joined by OR only (no implicit AND): then an
 *  event's joined document matches exactly when one of its reports does. */
export function ftsDisjunction(fq: string): boolean {
  const items = fq.match(/"[^"]*"\*?|\bOR\b/g) ?? [];
  return items.every((x, i) => (i % 2 === 1) === (x === 'OR'));
}

/** events_fts rowids are YYYYMMDD of date_lo * 2^36 + event seq (see sqlite-migrations.ts, v2). */
const FTS_DATE_KEY = 68719476736;
const DATED_ROWS = `f.rowid >= ${FTS_DATE_KEY}`;
const UNDATED_ROWS = `f.rowid < ${FTS_DATE_KEY}`;

/** A party filter on `alias`.code / .actor (event_parties), or on .code1 / .actor1 (side 1 or 2 of event_pairs). */
function partyCond(alias: string, f: PartyFilter, params: SqlValue[], side: 1 | 2 | '' = ''): string {
  if (f.codes.length) { params.push(...f.codes); return `${alias}.code${side} IN ${inList(f.codes.length)}`; }
  if (f.actors.length) { params.push(...f.actors); return `${alias}.actor${side} IN ${inList(f.actors.length)}`; }
  return '1 = 0';
}

/** A user's full-text query as an FTS5 query: words and "quoted phrases" (all must match),
 *  OR between terms, a trailing * for a prefix; everything else is dropped, so no input can
 *  be an FTS5 syntax error. */
export function fts5Query(text: string): string {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text.slice(0, 500)))) {
    if (m[1] !== undefined) {
      const w = m[1].match(/[\p{L}\p{N}]+/gu);
      if (w) out.push('"' + w.join(' ') + '"');
    } else if (m[2] === 'OR') {
      if (out.length && out[out.length - 1] !== 'OR') out.push('OR');
    } else {
      const prefix = m[2].endsWith('*');
      for (const w of m[2].match(/[\p{L}\p{N}]+/gu) ?? []) out.push('"' + w + '"' + (prefix ? '*' : ''));
    }
  }
  while (out[out.length - 1] === 'OR') out.pop();
  while (out[0] === 'OR') out.shift();
  return out.join(' ');
}

/** A short excerpt of text around the first query term. */
export function snippet(text: string, query: string, width = 160): string {
  const terms = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t !== 'or').map((t) => (t.length > 5 ? t.slice(0, t.length - 2) : t));
  const low = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = low.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ').trim() + (end < text.length ? '…' : '');
}

/** Checks a record beyond its schema: references and spans, so nothing stored points nowhere. */
export function validateRecord(record: unknown): AnalysisRecord {
  const r = AnalysisRecordSchema.safeParse(record);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new StoreError(`not a sitrep.analysis/1 record: ${i.path.join('.') || 'record'}: ${i.message}`);
  }
  const rec = r.data;
  const len = rec.article.text.length;
  const ids = new Set(rec.entities.map((e) => e.id));
  if (ids.size !== rec.entities.length) throw new StoreError('record: entity ids are not unique');
  const span = (s: { start: number; end: number }, what: string) => {
    if (s.start > s.end || s.end > len) throw new StoreError(`record: ${what} span ${s.start}-${s.end} is outside the text (length ${len})`);
  };
  const evIds = new Set<string>();
  for (const e of rec.events) {
    if (evIds.has(e.id)) throw new StoreError(`record: event id ${e.id} is not unique`);
    evIds.add(e.id);
    for (const id of [...e.actor, ...e.recipient]) if (!ids.has(id)) throw new StoreError(`record: event ${e.id} names unknown entity ${id}`);
    for (const s of e.evidence) span(s, `event ${e.id} evidence`);
    const sp = e.attribution?.speaker;
    if (sp && !ids.has(sp)) throw new StoreError(`record: event ${e.id} has unknown speaker ${sp}`);
  }
  for (const f of rec.facts) {
    if (!ids.has(f.host)) throw new StoreError(`record: a ${f.kind} fact has unknown host ${f.host}`);
    if (f.kind === 'deployment' && !ids.has(f.force)) throw new StoreError(`record: a deployment fact has unknown force ${f.force}`);
    for (const s of f.evidence) span(s, `${f.kind} fact evidence`);
  }
  for (const e of rec.entities) for (const m of e.mentions) span(m, `entity ${e.id} mention`);
  return rec;
}

/** Party rows (role, actor) of stored events, kept for one write transaction. */
type PartyCache = Map<number, { role: string; actor: number }[]>;

/**
 * The content words of a stored report (its evidence without its parties' names, and its cue),
 * memoised on the stored text: the same reports are candidates for many articles of a day, and
 * the words cost more than the query. Keyed on the inputs, so it cannot go stale; bounded.
 */
const reportWordsMemo = new Map<string, { words: Set<string>; cueWords: Set<string> }>();
function storedReportWords(r: Row): { words: Set<string>; cueWords: Set<string> } {
  const key = `${r.evidence_text}\u0000${r.cue ?? ''}\u0000${r.actor_names}\u0000${r.recipient_names}`;
  const hit = reportWordsMemo.get(key);
  if (hit) return hit;
  const nameWords = new Set([...parseJson<string[]>(r.actor_names, []), ...parseJson<string[]>(r.recipient_names, [])]
    .flatMap((s) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const cue = parseJson<{ text: string } | null>(r.cue, null);
  const out = { words: contentWords(String(r.evidence_text), nameWords), cueWords: cue ? contentWords(cue.text, nameWords) : new Set<string>() };
  if (reportWordsMemo.size >= 50_000) reportWordsMemo.clear();
  reportWordsMemo.set(key, out);
  return out;
}

/**
 * The date window of a report's candidate search. Wide enough for every rule: ±3 days between
 * dated reports, plus the 14-day window of an undated report on either side. The lower bound on
 * date_lo keeps each lookup an index range scan as the store grows: events dated more vaguely
 * than a month ("in 2023") are not candidates for fusion (conservative).
 */
function candidateWindow(r: NewReport): { lo: string; hi: string } | null {
  const base = r.range ?? (r.pubDay ? { lo: r.pubDay, hi: r.pubDay } : null);
  return base ? { lo: addDays(base.lo, -17), hi: addDays(base.hi, 17) } : null;
}

/** [min date_lo, max date_lo, min date_hi] of events in a window. */
function windowBounds(win: { lo: string; hi: string }): [string, string, string] {
  return [addDays(win.lo, -31), win.hi, win.lo];
}

/** One side of a new report for its candidate lookups: the codes of its coded actors, the seqs of the others. */
interface Side { codes: string[]; seqs: number[] }

/** One index lookup of a candidate search: a pair of sides (event_pairs), or one side on one
 *  role (event_parties), then only of events naming nothing on the other role ('alone' false). */
type Lookup =
  | { kind: 'pair'; c1: 'code' | 'actor'; v1: SqlValue[]; c2: 'code' | 'actor'; v2: SqlValue[] }
  | { kind: 'one'; role: 'a' | 'r'; col: 'code' | 'actor'; vals: SqlValue[]; alone: boolean };

/**
 * The index lookups of one report's candidate search (see SqlStore.candidates); none when the
 * report names no side (it can fuse with nothing). Codes are wider than fusion's party keys (a
 * rebel group shares its country's code): matchEvent decides on the keys.
 */
function candidateLookups(actor: Side, recipient: Side, r: NewReport): Lookup[] {
  const out: Lookup[] = [];
  const by = (s: Side): ['code' | 'actor', SqlValue[]][] => [['code', s.codes], ['actor', s.seqs]].filter(([, v]) => v.length) as ['code' | 'actor', SqlValue[]][];
  // the event's actor side must meet a, its recipient side b (swapped for the other orientation)
  const orientation = (a: Side, b: Side) => {
    const hasA = a.codes.length + a.seqs.length > 0, hasB = b.codes.length + b.seqs.length > 0;
    if (hasA && hasB) for (const [c1, v1] of by(a)) for (const [c2, v2] of by(b)) out.push({ kind: 'pair', c1, v1, c2, v2 });
    // with both sides named, an event naming one of them only (the other would have to match)
    if (hasA) for (const [col, vals] of by(a)) out.push({ kind: 'one', role: 'a', col, vals, alone: !hasB });
    if (hasB) for (const [col, vals] of by(b)) out.push({ kind: 'one', role: 'r', col, vals, alone: !hasA });
  };
  orientation(actor, recipient);
  if (isSymmetric(r.type)) orientation(recipient, actor);
  return out;
}

/** The SQL of one lookup, for events of these types and modality classes in a window. */
function lookupQuery(l: Lookup, types: readonly string[], mclasses: readonly string[], win: { lo: string; hi: string } | null): { sql: string; params: SqlValue[] } {
  const cols = 'e.seq AS event, e.type, e.mclass, e.date_lo, e.date_hi, e.date_from_pub';
  const t = l.kind === 'pair' ? 'x' : 'p';
  let sql: string;
  const params: SqlValue[] = [];
  if (l.kind === 'pair') {
    sql = `SELECT ${cols} FROM event_pairs x JOIN events e ON e.seq = x.event WHERE x.${l.c1}1 IN ${inList(l.v1.length)} AND x.${l.c2}2 IN ${inList(l.v2.length)} AND x.role1 = 'a'`;
    params.push(...l.v1, ...l.v2);
  } else {
    sql = `SELECT ${cols} FROM event_parties p JOIN events e ON e.seq = p.event WHERE p.${l.col} IN ${inList(l.vals.length)} AND p.role = '${l.role}'`;
    params.push(...l.vals);
  }
  sql += ` AND e.type IN ${inList(types.length)} AND e.mclass IN ${inList(mclasses.length)}`;
  params.push(...types, ...mclasses);
  if (win) { sql += ` AND ${t}.date_lo >= ? AND ${t}.date_lo <= ? AND ${t}.date_hi >= ?`; params.push(...windowBounds(win)); }
  // on e.seq, not p.event, so SQLite checks it after the type filter, not for every party row
  if (l.kind === 'one' && !l.alone) sql += ` AND NOT EXISTS (SELECT 1 FROM event_parties o WHERE o.event = e.seq AND o.role = '${l.role === 'a' ? 'r' : 'a'}')`;
  return { sql, params };
}

export class SqlStore implements Store {
  /** (actor, alias) pairs this process has stored (see resolveEntity) */
  private readonly seenAliases = new Set<string>();

  constructor(readonly db: SqlDriver) {}

  get backend(): 'sqlite' | 'postgres' { return this.db.dialect; }
  get location(): string { return this.db.location; }

  // -------------------------------------------------------------------------------------------
  // Ingest

  async ingestRecord(record: AnalysisRecord, options: IngestRecordOptions = {}): Promise<IngestResult> {
    const rec = validateRecord(record);
    return this.withAliasCache((seen) => this.db.tx((q) => this.ingestTx(q, rec, options, seen, new Map())));
  }

  /** Alias pairs written in a transaction join the cache only once it committed. */
  private async withAliasCache<T>(fn: (seen: { has(k: string): boolean; add(k: string): void }) => Promise<T>): Promise<T> {
    const added = new Set<string>();
    const out = await fn({ has: (k) => this.seenAliases.has(k) || added.has(k), add: (k) => { added.add(k); } });
    // Bounded: a long-running ingest must not grow it forever; forgetting only costs re-inserts.
    if (this.seenAliases.size > 200_000) this.seenAliases.clear();
    for (const k of added) this.seenAliases.add(k);
    return out;
  }

  async ingestRecords(items: readonly { record: AnalysisRecord; options?: IngestRecordOptions }[]): Promise<(IngestResult | { error: string })[]> {
    const out: (IngestResult | { error: string })[] = items.map(() => ({ error: 'not stored' }));
    const valid: { i: number; rec: AnalysisRecord; options: IngestRecordOptions }[] = [];
    items.forEach((it, i) => {
      try { valid.push({ i, rec: validateRecord(it.record), options: it.options ?? {} }); } catch (e) {
        if (!(e instanceof StoreError)) throw e;
        out[i] = { error: e.message };
      }
    });
    if (valid.length) {
      await this.withAliasCache((seen) => this.db.tx(async (q) => {
        const parties: PartyCache = new Map();
        for (const v of valid) out[v.i] = await this.ingestTx(q, v.rec, v.options, seen, parties);
      }));
    }
    return out;
  }

  async sourceSeen(sourceHash: string): Promise<string | null> {
    const r = await this.db.get<Row>('SELECT id FROM articles WHERE source_hash = ? LIMIT 1', [sourceHash]);
    return r ? String(r.id) : null;
  }

  private async findArticle(q: SqlExecutor, id: string, url: string | null): Promise<Row | undefined> {
    // The URL is the key when there is one: a corrected story keeps its URL, not its text hash.
    if (url) {
      const byUrl = await q.get<Row>('SELECT seq, id, text_hash, source_hash, dup_of FROM articles WHERE url = ?', [url]);
      if (byUrl) return byUrl;
      return q.get<Row>('SELECT seq, id, text_hash, source_hash, dup_of FROM articles WHERE id = ? AND url IS NULL ORDER BY seq LIMIT 1', [id]);
    }
    return q.get<Row>('SELECT seq, id, text_hash, source_hash, dup_of FROM articles WHERE id = ? ORDER BY seq LIMIT 1', [id]);
  }

  private async ingestTx(q: SqlExecutor, rec: AnalysisRecord, opts: IngestRecordOptions, seen: { has(k: string): boolean; add(k: string): void },
    partyCache: PartyCache): Promise<IngestResult> {
    const a = rec.article;
    const url = a.url && a.url.trim() ? a.url.trim() : null;
    // The validated record's JSON: zod rebuilds objects in schema order (extra fields after, in
    // input order), so one record always serialises the same; a canonical sort cost ~1 ms.
    const hash = sha256(JSON.stringify(rec));
    const existing = await this.findArticle(q, a.id, url);
    if (existing && existing.text_hash === hash) {
      if (opts.sourceHash && existing.source_hash !== opts.sourceHash) {
        await q.run('UPDATE articles SET source_hash = ? WHERE seq = ?', [opts.sourceHash, existing.seq]);
      }
      const dup = existing.dup_of ? await q.get<Row>('SELECT id FROM articles WHERE seq = ?', [existing.dup_of]) : undefined;
      return { status: 'unchanged', articleId: String(existing.id), duplicateOf: dup ? String(dup.id) : null, reports: 0, newEvents: 0, fusedEvents: 0, facts: 0, newActors: 0 };
    }

    // A corrected version: drop everything derived from the old one, keep the row (and its seq).
    let affected: number[] = [];
    let oldActors: number[] = [];
    if (existing) {
      const s = existing.seq as number;
      affected = (await q.all<Row>('SELECT DISTINCT event FROM reports WHERE article = ?', [s])).map((r) => Number(r.event));
      oldActors = (await q.all<Row>('SELECT actor FROM article_actors WHERE article = ?', [s])).map((r) => Number(r.actor));
      for (const t of ['reports', 'facts', 'offices', 'article_actors', 'article_bands']) await q.run(`DELETE FROM ${t} WHERE article = ?`, [s]);
    }

    // Near-duplicates: a wire copy joins its original's cluster and counts as one source.
    // The bands are pure (an analyzer thread may have computed them); the shingles are needed only
    // to confirm a candidate copy, which few articles have.
    const bands = opts.prepared?.bands ?? textBands(a.text);
    let sh: Set<number> | null = null;
    let dupOf: Row | undefined;
    const cands = await q.all<Row>(
      `SELECT article, count(*) AS n FROM article_bands WHERE band IN ${inList(bands.length)} GROUP BY article ORDER BY n DESC, article LIMIT 8`, bands);
    for (const c of cands) {
      if (existing && Number(c.article) === existing.seq) continue;
      // One shared band in 32 happens by chance between unrelated articles on one template
      // ("X said on Monday that…"); copies (Jaccard ≥ 0.5) share four on average.
      if (Number(c.n) < 2) break;
      const other = await q.get<Row>('SELECT seq, id, text, dup_group FROM articles WHERE seq = ?', [c.article]);
      if (!other) continue;
      sh ??= shingles(a.text);
      const osh = shingles(String(other.text));
      if (isNearDuplicate(similarity(sh, osh), sh.size, osh.size)) { dupOf = other; break; }
    }

    const pubDay = dayOf(a.published);
    const stored = JSON.stringify({ ...rec, article: { ...a, text: '' } });
    const now = new Date().toISOString();
    const cols: SqlValue[] = [a.id, url, a.title, a.outlet, a.published, pubDay, a.language, a.text, hash,
      dupOf ? Number(dupOf.seq) : null, opts.origin ?? null, opts.sourceHash ?? null, stored, now];
    let seq: number;
    if (existing) {
      seq = Number(existing.seq);
      await q.run(`UPDATE articles SET id = ?, url = ?, title = ?, outlet = ?, published = ?, pub_day = ?, language = ?, text = ?, text_hash = ?,
        dup_of = ?, origin = COALESCE(?, origin), source_hash = COALESCE(?, source_hash), record = ?, ingested_at = ?, dup_group = ? WHERE seq = ?`,
      [...cols, dupOf ? Number(dupOf.dup_group) : seq, seq]);
    } else {
      seq = await q.insert(`INSERT INTO articles (id, url, title, outlet, published, pub_day, language, text, text_hash, dup_of, origin, source_hash, record, ingested_at, dup_group)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`, [...cols, dupOf ? Number(dupOf.dup_group) : -1]);
      if (!dupOf) await q.run('UPDATE articles SET dup_group = seq WHERE seq = ?', [seq]);
    }
    await insertMany(q, 'article_bands (band, article)', uniq(bands).map((b) => [b, seq]), 'ON CONFLICT DO NOTHING');

    // Actors.
    const actorOf = new Map<string, number>();
    let newActors = 0;
    const lookup = await prefetchActors(q, rec.entities);
    for (const e of rec.entities) {
      const r = await resolveEntity(q, e, seen, lookup);
      actorOf.set(e.id, r.seq);
      if (r.created) newActors++;
    }
    await insertMany(q, 'article_actors (article, entity, actor)', rec.entities.map((e) => [seq, e.id, actorOf.get(e.id)!]), 'ON CONFLICT DO NOTHING');
    for (const e of rec.entities) {
      const o = officeOf(e);
      if (!o) continue;
      const org = o.affiliation ? actorOf.get(o.affiliation) ?? null : null;
      await q.run('INSERT INTO offices (article, person, org, role, former, day) VALUES (?, ?, ?, ?, ?, ?)', [seq, actorOf.get(e.id)!, org, o.role, o.former ? 1 : 0, pubDay]);
    }
    const actorRows = new Map<number, Row>();
    const allSeqs = uniq(actorOf.values());
    if (allSeqs.length) {
      for (const r of await q.all<Row>(`SELECT seq, code, sector, type, name FROM actors WHERE seq IN ${inList(allSeqs.length)}`, allSeqs)) actorRows.set(Number(r.seq), r);
    }
    const keyOf = (s: number) => { const r = actorRows.get(s)!; return partyKey({ seq: s, code: r.code, sector: r.sector, type: r.type }); };
    const entityById = new Map(rec.entities.map((e) => [e.id, e]));

    // Events: each becomes a report, fused into a stored event of another article or a new one.
    let newEvents = 0, fused = 0;
    const touched = new Set<number>(affected);
    const prepared = rec.events.map((ev) => {
      const actors = uniq(ev.actor.map((id) => actorOf.get(id)).filter((x): x is number => x !== undefined));
      const recipients = uniq(ev.recipient.map((id) => actorOf.get(id)).filter((x): x is number => x !== undefined));
      const range = edtfRange(ev.date);
      const evidence: EvidenceSpan[] = ev.evidence.map((s) => ({ start: s.start, end: s.end, text: a.text.slice(s.start, s.end) }));
      const evidenceText = evidence.map((e) => e.text).join(' … ');
      const rawCue = (ev as { cue?: { start: number; end: number } }).cue;
      const cue = rawCue && Number.isInteger(rawCue.start) && Number.isInteger(rawCue.end) && rawCue.start <= rawCue.end && rawCue.end <= a.text.length
        ? { start: rawCue.start, end: rawCue.end, text: a.text.slice(rawCue.start, rawCue.end) } : null;
      const partyEntities = [...ev.actor, ...ev.recipient].map((id) => entityById.get(id)).filter((x): x is EntityRecord => !!x);
      const nameWords = new Set(partyEntities.flatMap((e) => [e.name, ...e.aliases, ...e.mentions.map((m) => m.text)])
        .flatMap((s) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
      const nr: NewReport = {
        article: seq, type: ev.type, modality: ev.modality,
        actor: new Set(actors.map(keyOf)), recipient: new Set(recipients.map(keyOf)),
        range, pubDay, words: contentWords(evidenceText, nameWords), cueWords: cue ? contentWords(cue.text, nameWords) : new Set<string>(),
      };
      return { ev, actors, recipients, range, evidence, evidenceText, cue, nr };
    });
    // Candidates for every event before any is written: the article's own events are never
    // candidates for each other, so nothing it writes below changes the sets.
    const sideOf = (ids: number[]): Side => ({ codes: uniq(ids.map((i) => actorRows.get(i)!.code).filter((c): c is string => !!c).map(String)),
      seqs: ids.filter((i) => !actorRows.get(i)!.code) });
    const candidates = await this.candidates(q, prepared.map((p) => ({ actor: sideOf(p.actors), recipient: sideOf(p.recipients), nr: p.nr })), partyCache);
    const reportRows: SqlValue[][] = [];
    const partyRows: SqlValue[][] = [];
    for (const [pi, p] of prepared.entries()) {
      const { ev, range, evidence, evidenceText, cue } = p;
      let { actors, recipients } = p;
      const match = bestMatch(p.nr, candidates[pi]);
      const loc = (ev as { location?: string | null }).location;
      let eventSeq: number;
      const rules = [...((ev as { rules?: string[] }).rules ?? [])];
      if (match) {
        eventSeq = match.seq;
        fused++;
        rules.push(match.rule);
        if (match.swapped) { [actors, recipients] = [recipients, actors]; rules.push('kb.fusion.swapped-symmetric'); }
        // an article reports one event once: its next events cannot fuse into this one too
        (candidates[pi].find((c) => c.seq === match.seq)!.articles as Set<number>).add(seq);
        touched.add(eventSeq);
      } else {
        // A new event is its one report: written complete here, no recomputation needed.
        const locSeq = loc ? actorOf.get(loc) ?? null : null;
        const lo = range?.lo ?? pubDay, hi = range?.hi ?? pubDay;
        const rowOf = (i: number) => actorRows.get(i)!;
        const side = (ids: number[]) => uniq(ids.map((i) => sideName(rowOf(i)))).join('+');
        const what = cue?.text ?? (evidenceText.length > 100 ? evidenceText.slice(0, 97) + '…' : evidenceText);
        const summary = `${side(actors) || '?'} ${ev.type}${recipients.length ? ' ' + side(recipients) : ''}: ${what}`;
        eventSeq = await q.insert(`INSERT INTO events (type, family, mode, contexts, cameo, quad, goldstein, plover_score, date, date_lo, date_hi, date_from_pub, modality, mclass, location, sources, reports, summary)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?) RETURNING seq`,
        [ev.type, QUAD_NAMES[ev.quad], ev.mode, JSON.stringify([...new Set(ev.contexts)].sort()), ev.cameo, ev.quad, goldsteinOf(ev.cameo, ev.goldstein), ploverScore(ev.type, ev.mode), ev.date,
          lo, hi, range ? 0 : 1, ev.modality, modalityClass(ev.modality), locSeq, summary]);
        partyRows.push(...actors.map((i) => [eventSeq, 'a', i, rowOf(i).code ?? null, lo, hi]), ...recipients.map((i) => [eventSeq, 'r', i, rowOf(i).code ?? null, lo, hi]));
        partyCache.delete(eventSeq);
        newEvents++;
      }
      const quantities = rec.quantities.filter((x) => evidence.some((s) => x.start >= s.start && x.end <= s.end))
        .map((x) => ({ text: x.text, value: x.value, unit: x.unit, qualifier: x.qualifier }));
      const att = ev.attribution;
      const names = (ids: string[]) => JSON.stringify(ids.map((id) => entityById.get(id)?.name ?? id));
      reportRows.push([eventSeq, seq, ev.id, ev.type, ev.mode, ev.cameo, ev.quad, goldsteinOf(ev.cameo, ev.goldstein), ev.date, range?.lo ?? null, range?.hi ?? null, ev.modality,
        JSON.stringify(actors), JSON.stringify(recipients), loc ? actorOf.get(loc) ?? null : null,
        att?.speaker ? actorOf.get(att.speaker) ?? null : null, att?.reporter ? actorOf.get(att.reporter) ?? null : null, att?.verb ?? null, att?.quote ? 1 : 0,
        ev.confidence, JSON.stringify(evidence), evidenceText, cue ? JSON.stringify(cue) : null, JSON.stringify(quantities),
        match?.swapped ? names(ev.recipient) : names(ev.actor), match?.swapped ? names(ev.actor) : names(ev.recipient),
        JSON.stringify(ev.contexts), JSON.stringify(rules)]);
    }
    await insertMany(q, 'event_parties (event, role, actor, code, date_lo, date_hi)', partyRows, 'ON CONFLICT DO NOTHING');
    await this.writePairs(q, uniq(partyRows.map((r) => Number(r[0]))));
    await insertMany(q, `reports (event, article, rec_event, type, mode, cameo, quad, goldstein, date, date_lo, date_hi, modality, actors, recipients, location,
          speaker, reporter, verb, quote, confidence, evidence, evidence_text, cue, quantities, actor_names, recipient_names, contexts, rules)`, reportRows);
    for (const e of [...touched].sort((x, y) => x - y)) { partyCache.delete(e); await this.refreshEvent(q, e); }

    // Facts (force posture).
    for (const f of rec.facts) {
      const ev = JSON.stringify(f.evidence.map((s) => ({ start: s.start, end: s.end, text: a.text.slice(s.start, s.end) })));
      const host = actorOf.get(f.host) ?? null;
      const hostCode = host !== null ? actorRows.get(host)?.code ?? null : null;
      if (f.kind === 'deployment') {
        const force = actorOf.get(f.force) ?? null;
        const speaker = (f as { speaker?: string | null }).speaker;
        await q.run(`INSERT INTO facts (article, kind, host, host_code, force, force_code, personnel, as_of, as_of_from_pub, speaker, evidence)
          VALUES (?, 'deployment', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [seq, host, hostCode, force, force !== null ? actorRows.get(force)?.code ?? null : null, f.personnel, f.asOf ?? pubDay, f.asOf ? 0 : 1,
          speaker ? actorOf.get(speaker) ?? null : null, ev]);
      } else {
        await q.run(`INSERT INTO facts (article, kind, host, host_code, name, name_norm, operator, function, cost_value, cost_currency, cost_qualifier, as_of, as_of_from_pub, evidence)
          VALUES (?, 'facility', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
        [seq, host, hostCode, f.name, normName(f.name), f.operator ? actorOf.get(f.operator) ?? null : null, f.function,
          f.cost?.value ?? null, f.cost?.currency ?? null, f.cost?.qualifier ?? null, pubDay, ev]);
      }
    }
    if (oldActors.length) await this.dropOrphanActors(q, oldActors);
    return {
      status: existing ? 'replaced' : 'new', articleId: a.id, duplicateOf: dupOf ? String(dupOf.id) : null,
      reports: rec.events.length, newEvents, fusedEvents: fused, facts: rec.facts.length, newActors,
    };
  }

  /**
   * Stored events each new report could fuse with (one list per report, in report order; the
   * events are shared objects, so an article marked on one is seen by every list). A report can
   * only fuse with an event that names one of its own sides on the same side (kb/fusion.ts,
   * dyadMatch) with no clash on the other, so each report is looked up by its own sides
   * (candidateLookups): both sides named — the event's pair of sides (event_pairs, indexed by
   * code, code, date) or an event naming only one of them; one side named — events naming it on
   * that side; for symmetric types also the other way round. Then a compatible type, the same
   * modality class and a date window wide enough for every rule. Nothing is capped: the lookups
   * are as narrow as the rules (a cap on a wider query once kept only the oldest 500 events of a
   * busy window, so a report never met the recent event it belonged to).
   */
  private async candidates(q: SqlExecutor, reports: { actor: Side; recipient: Side; nr: NewReport }[], partyCache: PartyCache): Promise<CandidateEvent[][]> {
    const found = new Map<number, CandidateEvent>();
    const perReport: number[][] = reports.map(() => []);
    // One query per lookup for the whole article, not per report: a day's reports name the same
    // few sides again and again (every event of the US in the window is read once, not once per
    // US report). Windows are merged where they overlap, types and modality classes joined; each
    // report then keeps the rows of its own types, class and window, so the result is that of
    // one query per report.
    const want = reports.map((rp) => ({ types: new Set<string>(compatibleTypes(rp.nr.type)), mclass: modalityClass(rp.nr.modality), win: candidateWindow(rp.nr) }));
    const groups = new Map<string, { lookup: Lookup; win: { lo: string; hi: string } | null; types: Set<string>; mclasses: Set<string>; members: number[] }[]>();
    reports.forEach((rp, i) => {
      const w = want[i]!;
      for (const lookup of candidateLookups(rp.actor, rp.recipient, rp.nr)) {
        const key = JSON.stringify(lookup);
        const list = groups.get(key) ?? [];
        groups.set(key, list);
        let g = list.find((x) => (x.win === null && w.win === null) || (x.win && w.win && w.win.lo <= x.win.hi && w.win.hi >= x.win.lo));
        if (!g) { g = { lookup, win: w.win, types: new Set(), mclasses: new Set(), members: [] }; list.push(g); }
        if (g.win && w.win) g.win = { lo: w.win.lo < g.win.lo ? w.win.lo : g.win.lo, hi: w.win.hi > g.win.hi ? w.win.hi : g.win.hi };
        for (const t of w.types) g.types.add(t);
        g.mclasses.add(w.mclass);
        g.members.push(i);
      }
    });
    for (const list of groups.values()) {
      for (const g of list) {
        const query = lookupQuery(g.lookup, [...g.types].sort(), [...g.mclasses].sort(), g.win);
        const rows = await q.all<Row>(query.sql, query.params);
        for (const e of rows) {
          const seq = Number(e.event);
          if (found.has(seq)) continue;
          found.set(seq, {
            seq, type: e.type, mclass: e.mclass, actor: new Set(), recipient: new Set(),
            dateLo: e.date_lo, dateHi: e.date_hi, dateFromPub: !!Number(e.date_from_pub), articles: new Set(), reports: [],
          });
        }
        for (const i of g.members) {
          const w = want[i]!;
          const [minLo, maxLo, minHi] = w.win ? windowBounds(w.win) : ['', '', ''];
          for (const e of rows) {
            if (!w.types.has(String(e.type)) || e.mclass !== w.mclass) continue;
            if (w.win && !(e.date_lo !== null && e.date_lo >= minLo && e.date_lo <= maxLo && e.date_hi !== null && e.date_hi >= minHi)) continue;
            perReport[i]!.push(Number(e.event));
          }
        }
      }
    }
    if (!found.size) return reports.map(() => []);
    const ids = [...found.keys()].sort((x, y) => x - y);
    // The parties of the candidates: the articles of one batch (one transaction, the only writer)
    // meet mostly the same stored events, so their party rows are kept for the transaction
    // (dropped for every event it creates or recomputes); the actors' codes and sectors are read
    // fresh (a sector may be filled in by the article before).
    const missing = ids.filter((seq) => !partyCache.has(seq));
    if (missing.length) {
      for (const seq of missing) partyCache.set(seq, []);
      for (const p of await q.all<Row>(`SELECT event, role, actor FROM event_parties WHERE event IN ${inList(missing.length)}`, missing)) {
        partyCache.get(Number(p.event))!.push({ role: String(p.role), actor: Number(p.actor) });
      }
    }
    const actorSeqs = uniq(ids.flatMap((seq) => partyCache.get(seq)!.map((p) => p.actor)));
    const actorInfo = new Map<number, Row>();
    if (actorSeqs.length) for (const a of await q.all<Row>(`SELECT seq, code, sector, type FROM actors WHERE seq IN ${inList(actorSeqs.length)}`, actorSeqs)) actorInfo.set(Number(a.seq), a);
    for (const seq of ids) {
      const c = found.get(seq)!;
      for (const p of partyCache.get(seq)!) {
        const a = actorInfo.get(p.actor);
        if (!a) continue;
        const k = partyKey({ seq: p.actor, code: a.code, sector: a.sector, type: a.type });
        (p.role === 'a' ? c.actor as Set<string> : c.recipient as Set<string>).add(k);
      }
    }
    // Only candidates that pass on type, modality, sides and dates load their reports, the
    // costly part (texts and content words).
    const lists = reports.map((rp, i) => uniq(perReport[i]).sort((x, y) => x - y).map((seq) => found.get(seq)!).filter((c) => mayMatch(rp.nr, c)));
    const fit = uniq(lists.flat().map((c) => c.seq)).sort((x, y) => x - y);
    if (!fit.length) return lists;
    const reps = await q.all<Row>(`SELECT event, article, evidence_text, cue, actor_names, recipient_names FROM reports WHERE event IN ${inList(fit.length)}`, fit);
    for (const r of reps) {
      const c = found.get(Number(r.event));
      if (!c) continue;
      (c.articles as Set<number>).add(Number(r.article));
      c.reports.push(storedReportWords(r));
    }
    return lists;
  }

  /** Recomputes a fused event from its reports (deleting it when none is left). */
  private async refreshEvent(q: SqlExecutor, seq: number): Promise<void> {
    const reps = await q.all<Row>(`SELECT r.seq, r.rec_event, r.type, r.mode, r.cameo, r.quad, r.goldstein, r.date, r.date_lo, r.date_hi, r.modality, r.location,
        r.contexts, r.quantities, r.actors, r.recipients, r.cue, r.evidence_text, a.id AS article_id, a.dup_group, a.pub_day
      FROM reports r JOIN articles a ON a.seq = r.article WHERE r.event = ? ORDER BY r.seq`, [seq]);
    if (!reps.length) {
      await q.run('DELETE FROM event_pairs WHERE event = ?', [seq]);
      await q.run('DELETE FROM event_parties WHERE event = ?', [seq]);
      await q.run('DELETE FROM events WHERE seq = ?', [seq]);
      return;
    }
    const agg = aggregate(reps.map(toAggReport));
    const actors = uniq(reps.flatMap((r) => parseJson<number[]>(r.actors, [])));
    const recipients = uniq(reps.flatMap((r) => parseJson<number[]>(r.recipients, [])));
    const all = uniq([...actors, ...recipients]);
    const rows = all.length ? await q.all<Row>(`SELECT seq, name, code, type, sector FROM actors WHERE seq IN ${inList(all.length)}`, all) : [];
    const byId = new Map(rows.map((r) => [Number(r.seq), r]));
    const label = (ids: number[]) => uniq(ids.map((i) => byId.get(i)).filter((r): r is Row => !!r).map(sideName)).join('+');
    const first = reps.find((r) => r.type === agg.type) ?? reps[0];
    const cue = parseJson<{ text: string } | null>(first.cue, null);
    const ev = String(first.evidence_text);
    const what = cue?.text ?? (ev.length > 100 ? ev.slice(0, 97) + '…' : ev);
    const summary = `${label(actors) || '?'} ${agg.type}${recipients.length ? ' ' + label(recipients) : ''}: ${what}`;
    await q.run(`UPDATE events SET type = ?, family = ?, mode = ?, contexts = ?, cameo = ?, quad = ?, goldstein = ?, plover_score = ?, date = ?, date_lo = ?, date_hi = ?,
        date_from_pub = ?, modality = ?, mclass = ?, location = ?, sources = ?, reports = ?, summary = ? WHERE seq = ?`,
    [agg.type, QUAD_NAMES[agg.quad] ?? '', agg.mode, JSON.stringify(agg.contexts), agg.cameo, agg.quad, agg.goldstein, ploverScore(agg.type, agg.mode),
      agg.date, agg.dateLo, agg.dateHi, agg.dateFromPub ? 1 : 0, agg.modality, modalityClass(agg.modality), agg.location, agg.sources, reps.length, summary, seq]);
    await q.run('DELETE FROM event_parties WHERE event = ?', [seq]);
    const rows2 = (role: string, ids: number[]) => ids.filter((i) => byId.has(i)).map((i) => [seq, role, i, byId.get(i)!.code ?? null, agg.dateLo, agg.dateHi]);
    await insertMany(q, 'event_parties (event, role, actor, code, date_lo, date_hi)', [...rows2('a', actors), ...rows2('r', recipients)], 'ON CONFLICT DO NOTHING');
    await q.run('DELETE FROM event_pairs WHERE event = ?', [seq]);
    await this.writePairs(q, [seq]);
  }

  /** event_pairs of these events from their event_parties: the p1 × p2 dyad join, stored (see the migration). */
  private async writePairs(q: SqlExecutor, events: number[]): Promise<void> {
    for (let i = 0; i < events.length; i += 500) {
      const chunk = events.slice(i, i + 500);
      await q.run(`INSERT INTO event_pairs (event, role1, actor1, actor2, code1, code2, date_lo, date_hi)
        SELECT p1.event, p1.role, p1.actor, p2.actor, p1.code, p2.code, p1.date_lo, p1.date_hi
        FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role WHERE p1.event IN ${inList(chunk.length)}
        ON CONFLICT DO NOTHING`, chunk);
    }
  }

  private async dropOrphanActors(q: SqlExecutor, candidates: number[]): Promise<void> {
    for (const s of uniq(candidates)) {
      const used = await q.get<Row>(`SELECT 1 AS x FROM article_actors WHERE actor = ? LIMIT 1`, [s]);
      if (used) continue;
      // Nothing derived can point to it: parties, facts, offices and locations all come from
      // some article's entities, and that article would still map to it.
      await q.run('DELETE FROM actor_aliases WHERE actor = ?', [s]);
      await q.run('DELETE FROM actors WHERE seq = ?', [s]);
    }
  }

  async deleteArticle(idOrUrl: string): Promise<boolean> {
    return this.db.tx(async (q) => {
      const row = await q.get<Row>('SELECT seq FROM articles WHERE id = ? OR url = ? ORDER BY seq LIMIT 1', [idOrUrl, idOrUrl]);
      if (!row) return false;
      const s = Number(row.seq);
      const affected = (await q.all<Row>('SELECT DISTINCT event FROM reports WHERE article = ?', [s])).map((r) => Number(r.event));
      const actors = (await q.all<Row>('SELECT actor FROM article_actors WHERE article = ?', [s])).map((r) => Number(r.actor));
      for (const t of ['reports', 'facts', 'offices', 'article_actors', 'article_bands']) await q.run(`DELETE FROM ${t} WHERE article = ?`, [s]);
      await q.run('UPDATE articles SET dup_of = NULL WHERE dup_of = ?', [s]);
      await q.run('DELETE FROM articles WHERE seq = ?', [s]);
      for (const e of affected.sort((x, y) => x - y)) await this.refreshEvent(q, e);
      await this.dropOrphanActors(q, actors);
      return true;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Actor references

  private async partyFilter(ref: string): Promise<PartyFilter> {
    const r = ref.trim();
    const refsOf = async (where: string, params: SqlValue[]) =>
      (await this.db.all<Row>(`SELECT seq, name, type, code, sector, wikidata FROM actors WHERE ${where} ORDER BY seq LIMIT 200`, params)).map(toActorRef);
    const byCode = async (code: string): Promise<PartyFilter> => ({ codes: [code], actors: [], refs: await refsOf('code = ?', [code]), label: code });
    const asFilter = async (refs: ActorRef[]): Promise<PartyFilter> => {
      // A country (or IGO) stands for everyone speaking for it: "Niger" means every NER actor.
      const state = refs.find((a) => (a.type === 'country' || a.sector === 'IGO') && a.code);
      if (state) return byCode(state.code!);
      return { codes: [], actors: refs.map((a) => Number(a.id.slice(1))), refs, label: refs[0]?.name ?? r };
    };
    if (!r) return { codes: [], actors: [], refs: [], label: r };
    const seq = seqOf(r, 'a');
    if (seq !== null) {
      const refs = await refsOf('seq = ?', [seq]);
      return { codes: [], actors: refs.map(() => seq), refs, label: refs[0]?.name ?? r };
    }
    if (/^Q\d+$/.test(r)) return asFilter(await refsOf('wikidata = ?', [r]));
    if (/^[A-Za-z]{2,12}$/.test(r)) {
      const code = r.toUpperCase();
      const has = await this.db.get<Row>('SELECT 1 AS x FROM actors WHERE code = ? LIMIT 1', [code]);
      // "US" is an alias more often than a code; try the code only when it is one we store.
      if (has && (r === code || r.length === 3)) return byCode(code);
    }
    const norm = normName(r);
    const refs = await refsOf('seq IN (SELECT actor FROM actor_aliases WHERE norm = ?)', [norm]);
    if (refs.length) return asFilter(refs);
    return { codes: [], actors: [], refs: [], label: r };
  }

  async resolveActors(ref: string): Promise<ActorRef[]> {
    return (await this.partyFilter(ref)).refs;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  /**
   * The WHERE conditions of an event query (on `e`, the events table). When `driver` is given,
   * the first party filter (a dyad, else one side) or, on SQLite, the full-text filter is not
   * written as a condition on `e` but returned as the table a paged query reads in date order
   * (see events()): an index range on that table yields the page's events newest first, so a
   * query stops after `limit` rows instead of collecting every match and sorting it.
   */
  private async eventWhere(qy: EventQuery, params: SqlValue[], driver?: { out: EventDriver | null }): Promise<string[]> {
    const where: string[] = [];
    // A lower bound on date_lo for "overlaps [from, to]" (date_hi >= from): the longest stored
    // event, from the events_span index (SQLite). It turns a scan of every older event of a
    // party into a range when a window holds fewer events than a page.
    let oldest: string | null | undefined;
    const lowBound = async (): Promise<string | null> => {
      if (oldest !== undefined) return oldest;
      oldest = null;
      if (this.db.dialect === 'sqlite' && qy.from && DAY_PREFIX.test(qy.from)) {
        const r = await this.db.get<Row>('SELECT max(julianday(date_hi) - julianday(date_lo)) AS s FROM events');
        if (r && r.s !== null && Number.isFinite(Number(r.s))) oldest = addDays(qy.from.slice(0, 10), -Math.ceil(Number(r.s)));
      }
      return oldest;
    };
    const dates = async (alias: string, bounded: boolean) => {
      let s = '';
      if (qy.to) { s += ` AND ${alias}.date_lo <= ?`; params.push(qy.to); }
      if (qy.from) { s += ` AND ${alias}.date_hi >= ?`; params.push(qy.from); }
      const lo = bounded ? await lowBound() : null;
      if (lo) { s += ` AND ${alias}.date_lo >= ?`; params.push(lo); }
      return s;
    };
    const drive = (d: EventDriver, cond: string) => {
      driver!.out = d;
      where.push(cond);
    };
    const dyad = async (aRef: string, aRole: string | null, bRef: string | null) => {
      const fa = await this.partyFilter(aRef);
      if (bRef === null) {
        if (driver && !driver.out) {
          // One side, any counterpart: event_parties in date order (code or actor, then date).
          const c = partyCond('p', fa, params);
          if (aRole) params.push(aRole);
          const r = aRole ? ' AND p.role = ?' : '';
          drive({ table: 'event_parties p', event: 'p.event', date: 'p.date_lo', dated: true, usesE: false }, `${c}${r}${await dates('p', true)}`);
          return;
        }
        const c = partyCond('p1', fa, params);
        if (aRole) params.push(aRole);
        where.push(`e.seq IN (SELECT p1.event FROM event_parties p1 WHERE ${c}${aRole ? ' AND p1.role = ?' : ''}${await dates('p1', false)})`);
        return;
      }
      const fb = await this.partyFilter(bRef);
      if (driver && !driver.out) {
        // A dyad: event_pairs holds the p1 × p2 join below, both orientations, indexed by
        // (code1, code2, date) and (actor1, date). An actor list goes on side 1 (its index)
        // when the other side is a code list.
        let [s1, s2, role] = [fa, fb, aRole];
        if (!fa.actors.length && fb.actors.length) [s1, s2, role] = [fb, fa, aRole === 'a' ? 'r' : aRole === 'r' ? 'a' : null];
        const c1 = partyCond('x', s1, params, 1), c2 = partyCond('x', s2, params, 2);
        if (role) params.push(role);
        const r = role ? ' AND x.role1 = ?' : '';
        drive({ table: 'event_pairs x', event: 'x.event', date: 'x.date_lo', dated: true, usesE: false }, `${c1} AND ${c2}${r}${await dates('x', true)}`);
        return;
      }
      const ca = partyCond('p1', fa, params);
      const cb = partyCond('p2', fb, params);
      if (aRole) params.push(aRole);
      where.push(`e.seq IN (SELECT p1.event FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role
        WHERE ${ca} AND ${cb}${aRole ? ' AND p1.role = ?' : ''}${await dates('p1', false)})`);
    };
    // The dyads first: the most selective filter is the one read in order.
    if (qy.actor && qy.recipient) await dyad(qy.actor, 'a', qy.recipient);
    if (qy.party && qy.other) await dyad(qy.party, null, qy.other);
    if (qy.actor && !qy.recipient) await dyad(qy.actor, 'a', null);
    else if (qy.recipient && !qy.actor) await dyad(qy.recipient, 'r', null);
    if (qy.party && !qy.other) await dyad(qy.party, null, null);
    else if (qy.other && !qy.party) await dyad(qy.other, null, null);
    const list = <T extends SqlValue>(col: string, v: T | T[] | undefined) => {
      if (v === undefined) return;
      const xs = Array.isArray(v) ? v : [v];
      if (!xs.length) return;
      params.push(...xs);
      where.push(`${col} IN ${inList(xs.length)}`);
    };
    list('e.type', qy.type);
    list('e.quad', qy.quad);
    list('e.modality', qy.modality);
    // (a party driver carries the event's dates already)
    if (!driver?.out?.dated) {
      if (qy.to) { where.push('e.date_lo <= ?'); params.push(qy.to); }
      if (qy.from) { where.push('e.date_hi >= ?'); params.push(qy.from); }
    }
    if (qy.minSources !== undefined) { where.push('e.sources >= ?'); params.push(qy.minSources); }
    if (qy.source) {
      where.push(`e.seq IN (SELECT r.event FROM reports r JOIN articles a ON a.seq = r.article WHERE a.id = ? OR a.url = ? OR lower(a.outlet) = lower(?))`);
      params.push(qy.source, qy.source, qy.source);
    }
    if (qy.text && qy.text.trim()) {
      if (this.db.dialect === 'sqlite') {
        const fq = fts5Query(qy.text);
        if (!fq) where.push('1 = 0');
        else {
          // events_fts: one row per event, its rowid the list order (see the migration). When
          // the query ANDs words, an event of several reports may have them in different
          // reports: it counts only when one report matches alone (the EXISTS below).
          const and = !ftsDisjunction(fq);
          const verify = and ? ` AND (e.reports = 1 OR EXISTS (SELECT 1 FROM reports r JOIN reports_fts x ON x.rowid = r.seq WHERE r.event = e.seq AND x.reports_fts MATCH ?))` : '';
          // the rowid starts with date_lo: the FTS reads only the rowids in the date bounds
          let bounds = '';
          const bp: SqlValue[] = [];
          if (qy.to && DAY_PREFIX.test(qy.to)) { bounds += ' AND f.rowid < ?'; bp.push((Number(qy.to.slice(0, 10).replace(/-/g, '')) + 1) * FTS_DATE_KEY); }
          const lo = await lowBound();
          if (lo) { bounds += ' AND f.rowid >= ?'; bp.push(Number(lo.replace(/-/g, '')) * FTS_DATE_KEY); }
          if (driver && !driver.out) {
            // Ascending without a date bound, undated events (rowid < 2^36) would come first but
            // are listed last: the ordered read takes the dated ones, events() appends the rest.
            const undated = qy.order === 'date-asc' && !bounds;
            if (undated) bounds = ` AND ${DATED_ROWS}`;
            params.push(fq, ...bp);
            if (and) params.push(fq);
            drive({ table: 'events_fts f', event: `(f.rowid % ${FTS_DATE_KEY})`, date: '', dated: false, usesE: and, ftsRowid: 'f.rowid', undated }, `events_fts MATCH ?${bounds}${verify}`);
          } else {
            // a filter: the matching events straight from the FTS doclists (no report rows read)
            params.push(fq, ...bp);
            if (and) params.push(fq);
            where.push(`e.seq IN (SELECT f.rowid % ${FTS_DATE_KEY} FROM events_fts f WHERE events_fts MATCH ?${bounds})${verify}`);
          }
        }
      } else {
        where.push(`e.seq IN (SELECT r.event FROM reports r WHERE r.tsv @@ websearch_to_tsquery('english', ?))`);
        params.push(qy.text.slice(0, 500));
      }
    }
    return where;
  }

  async events(qy: EventQuery = {}): Promise<Page<EventView>> {
    const limit = clampLimit(qy.limit, 50);
    const offset = Math.max(0, Math.floor(qy.offset ?? 0));
    const params: SqlValue[] = [];
    const driver: { out: EventDriver | null } = { out: null };
    const where = await this.eventWhere(qy, params, driver);
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const dir = qy.order === 'date-asc' ? 'ASC' : 'DESC';
    // NULLS LAST is SQLite's DESC order already; ascending, it makes SQLite sort, and a date
    // bound leaves no undated event anyway.
    const nulls = dir === 'DESC' || !(qy.from || qy.to) ? ' NULLS LAST' : '';
    const d = driver.out;
    // Does the driver need the events table (a condition on e besides its own, the one entry)?
    const withE = !!d && (d.usesE || where.length > 1);
    let sql: string;
    if (!d) sql = `SELECT e.seq FROM events e ${w} ORDER BY e.date_lo ${dir}${nulls}, e.seq ${dir} LIMIT ? OFFSET ?`;
    else if (d.ftsRowid) {
      // CROSS JOIN keeps the FTS table outermost, so its rowid order is the output order.
      sql = withE ? `SELECT e.seq FROM ${d.table} CROSS JOIN events e ${w} AND e.seq = ${d.event} ORDER BY ${d.ftsRowid} ${dir} LIMIT ? OFFSET ?`
        : `SELECT ${d.event} AS seq FROM ${d.table} ${w} ORDER BY ${d.ftsRowid} ${dir} LIMIT ? OFFSET ?`;
    } else {
      // The driver's date_lo is the event's (event_parties and event_pairs copy it), so its
      // index order is the list order; an event with several matching parties comes once.
      sql = `SELECT DISTINCT ${d.event} AS seq, ${d.date} AS date_lo FROM ${d.table}${withE ? ' CROSS JOIN events e' : ''} ${w}${withE ? ` AND e.seq = ${d.event}` : ''}
        ORDER BY ${d.date} ${dir}${nulls}, ${d.event} ${dir} LIMIT ? OFFSET ?`;
    }
    const countSql = !d ? `SELECT count(*) AS n FROM events e ${w}`
      : `SELECT count(${d.ftsRowid ? '*' : 'DISTINCT ' + d.event}) AS n FROM ${d.table}${withE ? ' CROSS JOIN events e' : ''} ${w}${withE ? ` AND e.seq = ${d.event}` : ''}`;
    const count = async (q: string) => Number((await this.db.get<Row>(q, params))?.n ?? 0);
    let rows = await this.db.all<Row>(sql, [...params, limit, offset]);
    // The full-text read oldest first took the dated events; the undated ones follow them.
    const undated = (q: string) => q.replace(DATED_ROWS, UNDATED_ROWS);
    if (d?.undated && rows.length < limit) {
      const dated = rows.length || !offset ? offset + rows.length : await count(countSql);
      rows = rows.concat(await this.db.all<Row>(undated(sql), [...params, limit - rows.length, Math.max(0, offset - dated)]));
    }
    let total: number | null = null;
    if (qy.withTotal) total = (await count(countSql)) + (d?.undated ? await count(undated(countSql)) : 0);
    const items = await this.loadEvents(rows.map((r) => Number(r.seq)));
    return { items, total, limit, offset };
  }

  async event(id: string): Promise<EventView | null> {
    const s = seqOf(id, 'ev');
    if (s === null) return null;
    return (await this.loadEvents([s]))[0] ?? null;
  }

  async *exportEvents(qy: EventQuery = {}): AsyncIterable<EventView> {
    const params: SqlValue[] = [];
    const where = await this.eventWhere(qy, params);
    let after = 0;
    for (;;) {
      const w = ['e.seq > ?', ...where].join(' AND ');
      const rows = await this.db.all<Row>(`SELECT e.seq FROM events e WHERE ${w} ORDER BY e.seq LIMIT 500`, [after, ...params]);
      if (!rows.length) return;
      const views = await this.loadEvents(rows.map((r) => Number(r.seq)));
      for (const v of views) yield v;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  /** Full views of events, in the order given (each query below is one round trip for the page). */
  private async loadEvents(seqs: number[]): Promise<EventView[]> {
    if (!seqs.length) return [];
    const evs = await this.db.all<Row>(`SELECT * FROM events WHERE seq IN ${inList(seqs.length)}`, seqs);
    const parts = await this.db.all<Row>(`SELECT event, role, actor FROM event_parties WHERE event IN ${inList(seqs.length)} ORDER BY event, role, actor`, seqs);
    const reps = await this.db.all<Row>(`SELECT * FROM reports WHERE event IN ${inList(seqs.length)} ORDER BY seq`, seqs);
    const artIds = uniq(reps.map((r) => Number(r.article)));
    const arts = await this.articleRefs(artIds);
    const actorIds = uniq([
      ...parts.map((p) => Number(p.actor)),
      ...evs.filter((e) => e.location !== null).map((e) => Number(e.location)),
      ...reps.flatMap((r) => [r.speaker, r.reporter]).filter((x) => x !== null && x !== undefined).map(Number),
    ]);
    const actors = await this.actorRefs(actorIds);
    const repsBy = new Map<number, Row[]>();
    for (const r of reps) { const k = Number(r.event); repsBy.set(k, [...(repsBy.get(k) ?? []), r]); }
    const partsBy = new Map<number, Row[]>();
    for (const p of parts) { const k = Number(p.event); partsBy.set(k, [...(partsBy.get(k) ?? []), p]); }
    const views = new Map<number, EventView>();
    for (const e of evs) {
      const s = Number(e.seq);
      const rs = repsBy.get(s) ?? [];
      const ps = partsBy.get(s) ?? [];
      const reports: EventReport[] = rs.map((r) => {
        const art = arts.get(Number(r.article))!;
        return {
          id: 'r' + r.seq, article: art.ref, recordEventId: String(r.rec_event), type: r.type, mode: r.mode ?? null, cameo: r.cameo ?? null,
          evidence: parseJson<EvidenceSpan[]>(r.evidence, []), cue: parseJson<EvidenceSpan | null>(r.cue, null),
          date: r.date ?? null, modality: r.modality,
          speaker: r.speaker !== null ? actors.get(Number(r.speaker)) ?? null : null,
          reporter: r.reporter !== null ? actors.get(Number(r.reporter)) ?? null : null,
          verb: r.verb ?? null, quote: !!Number(r.quote), confidence: Number(r.confidence),
          quantities: parseJson(r.quantities, []), actorNames: parseJson(r.actor_names, []), recipientNames: parseJson(r.recipient_names, []),
          rules: parseJson(r.rules, []),
        };
      }).sort((x, y) => (x.article.published ?? '9999').localeCompare(y.article.published ?? '9999') || x.article.id.localeCompare(y.article.id) || x.recordEventId.localeCompare(y.recordEventId));
      const agg = rs.length ? aggregate(rs.map((r) => toAggReport({ ...r, article_id: arts.get(Number(r.article))!.ref.id, dup_group: arts.get(Number(r.article))!.group, pub_day: arts.get(Number(r.article))!.pubDay }))) : null;
      views.set(s, {
        id: 'ev' + s, type: e.type, mode: e.mode ?? null, contexts: parseJson(e.contexts, []), cameo: e.cameo ?? null,
        quad: Number(e.quad) as Quad, goldstein: e.goldstein === null ? null : Number(e.goldstein),
        ploverScore: e.plover_score === null ? null : Number(e.plover_score),
        actor: ps.filter((p) => p.role === 'a').map((p) => actors.get(Number(p.actor))!).filter(Boolean),
        recipient: ps.filter((p) => p.role === 'r').map((p) => actors.get(Number(p.actor))!).filter(Boolean),
        date: e.date ?? null, dateLo: e.date_lo ?? null, dateHi: e.date_hi ?? null, dateFromPublication: !!Number(e.date_from_pub),
        modality: e.modality, location: e.location !== null ? actors.get(Number(e.location)) ?? null : null,
        sources: Number(e.sources), reports, disagreements: agg?.disagreements ?? [], summary: String(e.summary),
      });
    }
    return seqs.map((s) => views.get(s)).filter((v): v is EventView => !!v);
  }

  private async articleRefs(seqs: number[]): Promise<Map<number, { ref: ArticleRef; group: number; pubDay: string | null }>> {
    const out = new Map<number, { ref: ArticleRef; group: number; pubDay: string | null }>();
    for (let i = 0; i < seqs.length; i += 500) {
      const chunk = seqs.slice(i, i + 500);
      const rows = await this.db.all<Row>(`SELECT a.seq, a.id, a.url, a.title, a.outlet, a.published, a.pub_day, a.dup_group, d.id AS dup_id
        FROM articles a LEFT JOIN articles d ON d.seq = a.dup_of WHERE a.seq IN ${inList(chunk.length)}`, chunk);
      for (const r of rows) out.set(Number(r.seq), { ref: toArticleRef(r), group: Number(r.dup_group), pubDay: r.pub_day ?? null });
    }
    return out;
  }

  private async actorRefs(seqs: number[]): Promise<Map<number, ActorRef>> {
    const out = new Map<number, ActorRef>();
    for (let i = 0; i < seqs.length; i += 500) {
      const chunk = seqs.slice(i, i + 500);
      for (const r of await this.db.all<Row>(`SELECT seq, name, type, code, sector, wikidata, coords FROM actors WHERE seq IN ${inList(chunk.length)}`, chunk)) {
        out.set(Number(r.seq), toActorRef(r));
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Articles

  async article(idOrUrl: string): Promise<ArticleView | null> {
    const r = await this.db.get<Row>(`SELECT a.*, d.id AS dup_id FROM articles a LEFT JOIN articles d ON d.seq = a.dup_of
      WHERE a.id = ? OR a.url = ? ORDER BY a.seq LIMIT 1`, [idOrUrl, idOrUrl]);
    if (!r) return null;
    const s = Number(r.seq);
    const eventMap: Record<string, string> = {};
    for (const x of await this.db.all<Row>('SELECT rec_event, event FROM reports WHERE article = ? ORDER BY seq', [s])) eventMap[String(x.rec_event)] = 'ev' + x.event;
    const actorMap: Record<string, string> = {};
    for (const x of await this.db.all<Row>('SELECT entity, actor FROM article_actors WHERE article = ? ORDER BY entity', [s])) actorMap[String(x.entity)] = 'a' + x.actor;
    const dups = await this.db.all<Row>('SELECT id FROM articles WHERE dup_group = ? AND seq <> ? ORDER BY seq', [r.dup_group, s]);
    return {
      ...toArticleRef(r), record: restoreRecord(r), eventMap, actorMap, ingestedAt: String(r.ingested_at), origin: r.origin ?? null,
      duplicates: dups.map((d) => String(d.id)),
    };
  }

  async articles(qy: ArticleQuery = {}): Promise<Page<ArticleRef>> {
    const limit = clampLimit(qy.limit, 50);
    const offset = Math.max(0, Math.floor(qy.offset ?? 0));
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (qy.source) { where.push('(a.id = ? OR a.url = ? OR lower(a.outlet) = lower(?))'); params.push(qy.source, qy.source, qy.source); }
    if (qy.from) { where.push('a.pub_day >= ?'); params.push(qy.from); }
    if (qy.to) { where.push('a.pub_day <= ?'); params.push(qy.to); }
    if (qy.text && qy.text.trim()) {
      if (this.db.dialect === 'sqlite') {
        const fq = fts5Query(qy.text);
        if (!fq) where.push('1 = 0');
        else { where.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)'); params.push(fq); }
      } else { where.push(`a.tsv @@ websearch_to_tsquery('english', ?)`); params.push(qy.text.slice(0, 500)); }
    }
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const rows = await this.db.all<Row>(`SELECT a.seq, a.id, a.url, a.title, a.outlet, a.published, d.id AS dup_id FROM articles a LEFT JOIN articles d ON d.seq = a.dup_of
      ${w} ORDER BY a.pub_day DESC NULLS LAST, a.seq DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
    const total = qy.withTotal ? Number((await this.db.get<Row>(`SELECT count(*) AS n FROM articles a ${w}`, params))?.n ?? 0) : null;
    return { items: rows.map(toArticleRef), total, limit, offset };
  }

  async *exportRecords(): AsyncIterable<AnalysisRecord> {
    let after = 0;
    for (;;) {
      const rows = await this.db.all<Row>('SELECT seq, text, record FROM articles WHERE seq > ? ORDER BY seq LIMIT 200', [after]);
      if (!rows.length) return;
      for (const r of rows) yield restoreRecord(r);
      after = Number(rows[rows.length - 1].seq);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Actors

  async actors(qy: ActorQuery = {}): Promise<Page<ActorSummary>> {
    const limit = clampLimit(qy.limit, 50);
    const offset = Math.max(0, Math.floor(qy.offset ?? 0));
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (qy.q && qy.q.trim()) {
      const n = normName(qy.q);
      where.push(`(a.seq IN (SELECT actor FROM actor_aliases WHERE norm >= ? AND norm < ?) OR a.code = ? OR a.wikidata = ?)`);
      params.push(n, n + '\uffff', qy.q.trim().toUpperCase(), qy.q.trim());
    }
    if (qy.type) { where.push('a.type = ?'); params.push(qy.type); }
    if (qy.code) { where.push('a.code = ?'); params.push(qy.code.toUpperCase()); }
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const rows = await this.db.all<Row>(`SELECT a.seq, a.name, a.type, a.code, a.sector, a.wikidata,
        (SELECT count(DISTINCT p.event) FROM event_parties p WHERE p.actor = a.seq) AS events
      FROM actors a ${w} ORDER BY events DESC, a.name, a.seq LIMIT ? OFFSET ?`, [...params, limit, offset]);
    const total = qy.withTotal ? Number((await this.db.get<Row>(`SELECT count(*) AS n FROM actors a ${w}`, params))?.n ?? 0) : null;
    return { items: await this.summaries(rows), total, limit, offset };
  }

  private async summaries(rows: Row[]): Promise<ActorSummary[]> {
    const ids = rows.map((r) => Number(r.seq));
    if (!ids.length) return [];
    const aliases = new Map<number, string[]>();
    for (const x of await this.db.all<Row>(`SELECT actor, alias FROM actor_aliases WHERE actor IN ${inList(ids.length)} ORDER BY actor, norm`, ids)) {
      const k = Number(x.actor);
      aliases.set(k, [...(aliases.get(k) ?? []), String(x.alias)]);
    }
    const seen = new Map<number, Row>();
    for (const x of await this.db.all<Row>(`SELECT x.actor, count(DISTINCT x.article) AS n, min(a.pub_day) AS first, max(a.pub_day) AS last
      FROM article_actors x JOIN articles a ON a.seq = x.article WHERE x.actor IN ${inList(ids.length)} GROUP BY x.actor`, ids)) seen.set(Number(x.actor), x);
    return rows.map((r) => {
      const s = Number(r.seq);
      const sn = seen.get(s);
      return {
        ...toActorRef(r), aliases: (aliases.get(s) ?? []).filter((x) => x !== r.name), events: Number(r.events ?? 0),
        articles: Number(sn?.n ?? 0), firstSeen: sn?.first ?? null, lastSeen: sn?.last ?? null,
      };
    });
  }

  async actor(ref: string): Promise<ActorView | null> {
    const r = ref.trim();
    let row: Row | undefined;
    const cols = `a.seq, a.name, a.type, a.code, a.sector, a.wikidata, (SELECT count(DISTINCT p.event) FROM event_parties p WHERE p.actor = a.seq) AS events`;
    const s = seqOf(r, 'a');
    if (s !== null) row = await this.db.get<Row>(`SELECT ${cols} FROM actors a WHERE a.seq = ?`, [s]);
    if (!row && /^Q\d+$/.test(r)) row = await this.db.get<Row>(`SELECT ${cols} FROM actors a WHERE a.wikidata = ? ORDER BY a.seq LIMIT 1`, [r]);
    // A name or alias; among several, the one in most events.
    if (!row) row = await this.db.get<Row>(`SELECT ${cols} FROM actors a WHERE a.seq IN (SELECT actor FROM actor_aliases WHERE norm = ?) ORDER BY events DESC, a.seq LIMIT 1`, [normName(r)]);
    // A code: its country (or IGO) actor, else its most active actor.
    if (!row && /^[A-Za-z]{2,12}$/.test(r)) {
      row = await this.db.get<Row>(`SELECT ${cols} FROM actors a WHERE a.code = ? ORDER BY CASE WHEN a.type = 'country' OR a.sector = 'IGO' THEN 0 ELSE 1 END, events DESC, a.seq LIMIT 1`, [r.toUpperCase()]);
    }
    if (!row) return null;
    const seq = Number(row.seq);
    const [summary] = await this.summaries([row]);
    const offRows = await this.db.all<Row>(`SELECT o.person, o.org, o.role, o.former, o.day, a.id AS article_id FROM offices o JOIN articles a ON a.seq = o.article
      WHERE o.person = ? OR o.org = ? ORDER BY o.day, o.seq`, [seq, seq]);
    const refs = await this.actorRefs(uniq(offRows.flatMap((o) => [o.person, o.org]).filter((x) => x !== null).map(Number)));
    const group = (rows: Row[]) => {
      const m = new Map<string, OfficeHeld & { holder: ActorRef }>();
      for (const o of rows) {
        const k = `${o.person}|${o.org ?? ''}|${String(o.role).toLowerCase()}`;
        const cur = m.get(k) ?? { role: String(o.role), of: o.org !== null ? refs.get(Number(o.org)) ?? null : null, from: null, to: null, former: false, articles: [], holder: refs.get(Number(o.person))! };
        const d = o.day ?? null;
        if (d && (!cur.from || d < cur.from)) cur.from = d;
        if (d && (!cur.to || d > cur.to)) cur.to = d;
        if (Number(o.former)) cur.former = true;
        if (!cur.articles.includes(String(o.article_id))) cur.articles.push(String(o.article_id));
        m.set(k, cur);
      }
      return [...m.values()];
    };
    const offices = group(offRows.filter((o) => Number(o.person) === seq)).map(({ holder: _h, ...o }) => o);
    const holders = group(offRows.filter((o) => Number(o.org) === seq && Number(o.person) !== seq));
    const cp = await this.db.all<Row>(`SELECT p2.actor, p1.role, count(*) AS n, avg(e.goldstein) AS g
      FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role JOIN events e ON e.seq = p1.event
      WHERE p1.actor = ? GROUP BY p2.actor, p1.role`, [seq]);
    const cpRefs = await this.actorRefs(uniq(cp.map((c) => Number(c.actor))));
    const byOther = new Map<number, { actor: ActorRef; asActor: number; asRecipient: number; gsum: number; gn: number }>();
    for (const c of cp) {
      const k = Number(c.actor);
      const cur = byOther.get(k) ?? { actor: cpRefs.get(k)!, asActor: 0, asRecipient: 0, gsum: 0, gn: 0 };
      if (c.role === 'a') cur.asActor += Number(c.n); else cur.asRecipient += Number(c.n);
      if (c.g !== null) { cur.gsum += Number(c.g) * Number(c.n); cur.gn += Number(c.n); }
      byOther.set(k, cur);
    }
    const counterparts = [...byOther.values()].filter((c) => c.actor)
      .sort((a, b) => b.asActor + b.asRecipient - (a.asActor + a.asRecipient) || a.actor.name.localeCompare(b.actor.name)).slice(0, 20)
      .map((c) => ({ actor: c.actor, asActor: c.asActor, asRecipient: c.asRecipient, goldsteinMean: c.gn ? Math.round((c.gsum / c.gn) * 100) / 100 : null }));
    const recent = await this.events({ party: 'a' + seq, limit: 10 });
    return { ...summary, offices, holders, counterparts, recentEvents: recent.items };
  }

  // -------------------------------------------------------------------------------------------
  // Relations

  async timeline(aRef: string, bRef: string, opts: TimelineOptions = {}): Promise<TimelineView> {
    const period: Period = opts.period ?? 'month';
    const fa = await this.partyFilter(aRef);
    const fb = await this.partyFilter(bRef);
    const modality = opts.modality?.length ? opts.modality : ['asserted' as Modality];
    const params: SqlValue[] = [];
    // event_pairs is the dyad join p1 × p2 (p2.role <> p1.role), stored and indexed.
    const ca = partyCond('x', fa, params, 1);
    const cb = partyCond('x', fb, params, 2);
    let sql = `SELECT x.event AS seq, x.role1 AS role, e.date_lo, e.date_hi, e.quad, e.goldstein, e.plover_score
      FROM event_pairs x JOIN events e ON e.seq = x.event
      WHERE ${ca} AND ${cb} AND e.modality IN ${inList(modality.length)}`;
    params.push(...modality);
    if (opts.directed) sql += ` AND x.role1 = 'a'`;
    if (opts.from) { sql += ' AND e.date_hi >= ?'; params.push(opts.from); }
    if (opts.to) { sql += ' AND e.date_lo <= ?'; params.push(opts.to); }
    // the role too, so an event naming each side on both sides counts the same way every time
    sql += ' ORDER BY e.date_lo, e.seq, x.role1';
    const rows = await this.db.all<Row>(sql, params);
    const seen = new Map<number, Row>();
    for (const r of rows) if (!seen.has(Number(r.seq))) seen.set(Number(r.seq), r);
    const light = [...seen.values()];
    // An event dated only to a year ("in 2023") is not placed in a month: the periods count
    // events whose date fits in one period; the event list keeps them all.
    const span = { day: 1, week: 7, month: 31, year: 366 }[period];
    const placed = light.filter((r) => r.date_lo && r.date_hi && daysBetween(String(r.date_lo), String(r.date_hi)) < span);
    const buckets = new Map<string, TimelinePeriod>();
    for (const r of placed) {
      const p = periodOf(String(r.date_lo), period);
      const b = buckets.get(p.label) ?? { period: p.label, start: p.start, end: p.end, events: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0, goldsteinMean: null, ploverScoreSum: 0, aToB: 0, bToA: 0 };
      b.events++;
      b.quad[Number(r.quad) as Quad]++;
      if (r.goldstein !== null) b.goldsteinSum += Number(r.goldstein);
      if (r.plover_score !== null) b.ploverScoreSum += Number(r.plover_score);
      if (r.role === 'a') b.aToB++; else b.bToA++;
      buckets.set(p.label, b);
    }
    // Empty periods between the first and the last stay in, so a chart's gaps are real gaps.
    const periods: TimelinePeriod[] = [];
    const labels = [...buckets.values()].sort((x, y) => x.start.localeCompare(y.start));
    if (labels.length) {
      let cur = labels[0].start;
      const last = labels[labels.length - 1].start;
      for (let i = 0; i < 2000 && cur <= last; i++) {
        const p = periodOf(cur, period);
        periods.push(buckets.get(p.label) ?? { period: p.label, start: p.start, end: p.end, events: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0, goldsteinMean: null, ploverScoreSum: 0, aToB: 0, bToA: 0 });
        cur = addDays(p.end, 1);
      }
    }
    for (const p of periods) {
      const withG = placed.filter((r) => periodOf(String(r.date_lo), period).label === p.period && r.goldstein !== null).length;
      p.goldsteinSum = Math.round(p.goldsteinSum * 100) / 100;
      p.ploverScoreSum = Math.round(p.ploverScoreSum * 100) / 100;
      p.goldsteinMean = withG ? Math.round((p.goldsteinSum / withG) * 100) / 100 : null;
    }
    // The list keeps the latest 1,000 events; the periods count them all.
    const events = await this.loadEvents(light.slice(-1000).map((r) => Number(r.seq)));
    // Acronyms read better than long official names in the state log ("the CNSP").
    const speakers = uniq(events.flatMap((e) => e.reports.map((r) => r.speaker?.id)).filter((x): x is string => !!x).map((x) => Number(x.slice(1))));
    const short = new Map<string, string>();
    if (speakers.length) {
      for (const r of await this.db.all<Row>(`SELECT actor, alias FROM actor_aliases WHERE actor IN ${inList(speakers.length)} ORDER BY actor, norm`, speakers)) {
        if (/^\p{Lu}{2,8}$/u.test(String(r.alias)) && !short.has('a' + r.actor)) short.set('a' + r.actor, String(r.alias));
      }
    }
    return { a: fa.refs, b: fb.refs, aLabel: fa.label, bLabel: fb.label, period, periods, events, states: deriveStates(events, short) };
  }

  // -------------------------------------------------------------------------------------------
  // Force posture

  async posture(country: string, opts: { from?: string; to?: string } = {}): Promise<PostureView> {
    const f = await this.partyFilter(country);
    const params: SqlValue[] = [];
    let cond = '1 = 0';
    if (f.codes.length) { cond = `f.host_code IN ${inList(f.codes.length)}`; params.push(...f.codes); }
    else if (f.actors.length) { cond = `f.host IN ${inList(f.actors.length)}`; params.push(...f.actors); }
    let sql = `SELECT f.* FROM facts f WHERE ${cond}`;
    if (opts.from) { sql += ' AND f.as_of >= ?'; params.push(opts.from); }
    if (opts.to) { sql += ' AND f.as_of <= ?'; params.push(opts.to.length === 10 ? opts.to + '\uffff' : opts.to); }
    sql += ' ORDER BY f.as_of, f.seq';
    const facts = await this.db.all<Row>(sql, params);
    const arts = await this.articleRefs(uniq(facts.map((x) => Number(x.article))));
    const actors = await this.actorRefs(uniq(facts.flatMap((x) => [x.force, x.operator, x.speaker, x.host]).filter((x) => x !== null && x !== undefined).map(Number)));
    const forceCodes = uniq(facts.map((x) => x.force_code).filter((x) => !!x).map(String));
    const countries = new Map<string, ActorRef>();
    if (forceCodes.length) {
      for (const r of await this.db.all<Row>(`SELECT seq, name, type, code, sector, wikidata FROM actors WHERE type = 'country' AND code IN ${inList(forceCodes.length)}`, forceCodes)) countries.set(String(r.code), toActorRef(r));
    }
    const rows: FactRow[] = facts.map((x) => ({
      kind: x.kind, force: x.force !== null ? actors.get(Number(x.force)) ?? null : null,
      // Forces of one country meet on its code: "US forces", "the US military", "American troops".
      forceKey: x.force_code ?? null,
      personnel: x.personnel === null ? null : Number(x.personnel), asOf: x.as_of ?? null, asOfFromPub: !!Number(x.as_of_from_pub),
      name: x.name ?? null, operator: x.operator !== null ? actors.get(Number(x.operator)) ?? null : null, function: x.function ?? null,
      cost: x.cost_value !== null ? { value: Number(x.cost_value), currency: String(x.cost_currency), qualifier: x.cost_qualifier ?? null } : null,
      source: { article: arts.get(Number(x.article))!.ref, speaker: x.speaker !== null ? actors.get(Number(x.speaker)) ?? null : null, evidence: parseJson(x.evidence, []) },
    }));
    const grouped = groupPosture(rows, (key, first) => countries.get(key) ?? first);
    const mv = (await this.events({ party: country, type: ['RETREAT', 'MOBILIZE', 'SANCTION', 'REQUEST', 'CONCEDE', 'COERCE'], from: opts.from, to: opts.to, limit: 200, order: 'date-asc' })).items;
    // Withdrawals and mobilisations always; orders to leave and expulsions when they concern a presence.
    const movements = mv.filter((e) => e.type === 'MOBILIZE' || /presence/.test(classifyState(e)?.domain ?? ''));
    return { host: f.refs, hostLabel: f.label, ...grouped, movements };
  }

  // -------------------------------------------------------------------------------------------
  // Search, stats, checks

  async search(sq: SearchQuery): Promise<SearchResult> {
    const text = (sq.text ?? '').trim();
    const limit = clampLimit(sq.limit, 20);
    if (!text) return { query: text, events: [], articles: [] };
    const evs = await this.events({ text, limit });
    const terms = text;
    const events = evs.items.map((e) => {
      const all = e.reports.flatMap((r) => r.evidence.map((s) => s.text)).join(' … ');
      return { event: e, snippet: snippet(all, terms) };
    });
    let ids: number[];
    if (this.db.dialect === 'sqlite') {
      const fq = fts5Query(text);
      ids = fq ? (await this.db.all<Row>('SELECT rowid AS seq FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?', [fq, limit])).map((r) => Number(r.seq)) : [];
    } else {
      ids = (await this.db.all<Row>(`SELECT seq FROM articles WHERE tsv @@ websearch_to_tsquery('english', ?) ORDER BY ts_rank(tsv, websearch_to_tsquery('english', ?)) DESC, seq LIMIT ?`,
        [text.slice(0, 500), text.slice(0, 500), limit])).map((r) => Number(r.seq));
    }
    const texts = ids.length ? await this.db.all<Row>(`SELECT seq, text FROM articles WHERE seq IN ${inList(ids.length)}`, ids) : [];
    const textOf = new Map(texts.map((t) => [Number(t.seq), String(t.text)]));
    const refs = await this.articleRefs(ids);
    const articles = ids.filter((i) => refs.has(i)).map((i) => ({ article: refs.get(i)!.ref, snippet: snippet(textOf.get(i) ?? '', terms) }));
    return { query: text, events, articles };
  }

  async stats(): Promise<StoreStats> {
    const n = async (sql: string) => Number((await this.db.get<Row>(sql))?.n ?? 0);
    const ver = await this.db.get<Row>("SELECT value FROM meta WHERE key = 'schema_version'");
    const dates = await this.db.get<Row>('SELECT min(date_lo) AS lo, max(date_hi) AS hi FROM events');
    return {
      backend: this.backend, location: this.location, schemaVersion: Number(ver?.value ?? 0),
      articles: await n('SELECT count(*) AS n FROM articles'),
      duplicates: await n('SELECT count(*) AS n FROM articles WHERE dup_group <> seq'),
      events: await n('SELECT count(*) AS n FROM events'),
      reports: await n('SELECT count(*) AS n FROM reports'),
      fusedEvents: await n('SELECT count(*) AS n FROM events WHERE reports > 1'),
      actors: await n('SELECT count(*) AS n FROM actors'),
      facts: await n('SELECT count(*) AS n FROM facts'),
      firstDate: dates?.lo ?? null, lastDate: dates?.hi ?? null,
    };
  }

  async check(): Promise<string[]> {
    const problems = await this.db.integrityCheck();
    const n = async (sql: string) => Number((await this.db.get<Row>(sql))?.n ?? 0);
    const orphanEvents = await n('SELECT count(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event = e.seq)');
    if (orphanEvents) problems.push(`${orphanEvents} events have no report`);
    const stale = await n('SELECT count(*) AS n FROM events e WHERE e.reports <> (SELECT count(*) FROM reports r WHERE r.event = e.seq)');
    if (stale) problems.push(`${stale} events have a stale report count`);
    const noParties = await n(`SELECT count(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_parties p WHERE p.event = e.seq)
      AND EXISTS (SELECT 1 FROM reports r WHERE r.event = e.seq AND (r.actors <> '[]' OR r.recipients <> '[]'))`);
    if (noParties) problems.push(`${noParties} events lost their parties`);
    const orphanActors = await n('SELECT count(*) AS n FROM actors a WHERE NOT EXISTS (SELECT 1 FROM article_actors x WHERE x.actor = a.seq)');
    if (orphanActors) problems.push(`${orphanActors} actors belong to no article`);
    // Event lists read event_parties / event_pairs in date order as the events' own order.
    const offDate = await n('SELECT count(*) AS n FROM event_parties p JOIN events e ON e.seq = p.event WHERE p.date_lo IS DISTINCT FROM e.date_lo OR p.date_hi IS DISTINCT FROM e.date_hi');
    if (offDate) problems.push(`${offDate} event parties have other dates than their event`);
    const pairs = await n('SELECT count(*) AS n FROM event_pairs');
    const joined = await n('SELECT count(*) AS n FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role');
    const missing = await n(`SELECT count(*) AS n FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role
      WHERE NOT EXISTS (SELECT 1 FROM event_pairs x WHERE x.event = p1.event AND x.role1 = p1.role AND x.actor1 = p1.actor AND x.actor2 = p2.actor
        AND x.code1 IS NOT DISTINCT FROM p1.code AND x.code2 IS NOT DISTINCT FROM p2.code AND x.date_lo IS NOT DISTINCT FROM p1.date_lo AND x.date_hi IS NOT DISTINCT FROM p1.date_hi)`);
    if (missing || pairs !== joined) problems.push(`event_pairs is out of step with event_parties (${missing} pairs missing, ${pairs} stored for ${joined})`);
    return problems;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** How one side is named in a summary: a state body by its country code ("NER" for the CNSP),
 *  a person or a non-state group by name. */
function sideName(r: Row): string {
  const state = r.type === 'country' || r.sector === 'IGO' || (r.type !== 'person' && ['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG'].includes(r.sector));
  return state && r.code ? String(r.code) : String(r.name);
}

function toActorRef(r: Row): ActorRef {
  const ref: ActorRef = { id: 'a' + r.seq, name: String(r.name), type: r.type, code: r.code ?? null, sector: r.sector ?? null, wikidata: r.wikidata ?? null };
  if ('coords' in r) {
    const c = parseJson<{ lat: number; lon: number } | null>(r.coords, null);
    ref.coords = c ?? (r.type === 'country' && r.code ? countryCentroid(String(r.code)) : null);
  }
  return ref;
}

function toArticleRef(r: Row): ArticleRef {
  return { id: String(r.id), url: r.url ?? null, title: r.title ?? null, outlet: r.outlet ?? null, published: r.published ?? null, duplicateOf: r.dup_id ?? null };
}

function restoreRecord(r: Row): AnalysisRecord {
  const rec = JSON.parse(String(r.record)) as AnalysisRecord;
  rec.article.text = String(r.text);
  return rec;
}

function toAggReport(r: Row): AggReport {
  return {
    seq: Number(r.seq), key: `${r.pub_day ?? '9999'}|${r.article_id}|${r.rec_event}`, article: String(r.article_id), group: Number(r.dup_group), type: r.type, mode: r.mode ?? null, cameo: r.cameo ?? null,
    quad: Number(r.quad), goldstein: r.goldstein === null ? null : Number(r.goldstein), date: r.date ?? null, lo: r.date_lo ?? null, hi: r.date_hi ?? null,
    pubDay: r.pub_day ?? null, modality: r.modality, location: r.location === null || r.location === undefined ? null : Number(r.location),
    contexts: parseJson(r.contexts, []), quantities: parseJson(r.quantities, []),
  };
}

export { shortName };
