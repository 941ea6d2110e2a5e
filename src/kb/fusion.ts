/**
 * Fusion across articles: deciding whether an event read in a new article is a report of an
 * event already in the store, and what a fused event says when its reports differ.
 *
 * GDELT turned one abduction into 366 "kidnapping" rows because every article (and every
 * sentence) became its own event. We keep one fused event per real-world event with every report.
 * The rules below are deliberately conservative: wrongly merging two real events hides one of
 * them from an analyst, which is worse than showing a duplicate she can see side by side.
 * Every rule is pure (no store access) so it can be tested on hand-made reports.
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';
import type { Modality, PloverType } from '../contract/analysis-schema.js';
import { daysBetween, rangeDays } from './normalize.js';
import type { Disagreement } from '../store/store.js';

const FusionFile = z.object({
  confusable: z.array(z.object({ types: z.array(z.string()).length(2), example: z.string().min(1) })),
  symmetric: z.array(z.object({ type: z.string(), example: z.string().min(1) })),
  stopwords: z.object({ words: z.array(z.string()) }),
});

interface FusionData {
  /** type → the types confusable with it (both directions), in file order */
  confusable: Map<string, string[]>;
  symmetric: Set<string>;
  stopwords: Set<string>;
}
let cached: FusionData | null = null;
function data(): FusionData {
  if (cached) return cached;
  const f = loadData('kb/fusion.json', FusionFile);
  cached = {
    confusable: new Map(),
    symmetric: new Set(f.symmetric.map((s) => s.type)),
    stopwords: new Set(f.stopwords.words),
  };
  for (const [a, b] of f.confusable.flatMap((c) => [c.types, [...c.types].reverse()])) {
    const xs = cached.confusable.get(a!) ?? [];
    if (!xs.includes(b!)) xs.push(b!);
    cached.confusable.set(a!, xs);
  }
  return cached;
}

/** 'same', 'confusable' (two types coders confuse for one event, see data/kb/fusion.json) or null. */
export function typeRelation(a: PloverType, b: PloverType): 'same' | 'confusable' | null {
  if (a === b) return 'same';
  // Called for every (report, candidate) pair the store considers: a lookup, no string building.
  return data().confusable.get(a)?.includes(b) ? 'confusable' : null;
}

/** Types whose direction outlets report either way (talks, joint action). */
export function isSymmetric(t: PloverType): boolean {
  return data().symmetric.has(t);
}

/** Types compatible with t (itself and its confusable partners), for candidate queries. */
export function compatibleTypes(t: PloverType): PloverType[] {
  const out = [t];
  for (const b of data().confusable.get(t) ?? []) if (!out.includes(b as PloverType)) out.push(b as PloverType);
  return out;
}

/**
 * Modality classes that may fuse. An event reported as done and the same event reported as
 * denied, or as only planned, are different claims: "France withdrew" and "France will withdraw"
 * are two events on the record (the announcement and the act), not one with a disagreement.
 */
export function modalityClass(m: Modality): 'asserted' | 'negated' | 'irrealis' {
  return m === 'future' || m === 'hypothetical' ? 'irrealis' : m;
}

/**
 * Content words of an evidence text for comparison: lower case, function and reporting words
 * removed (data/kb/fusion.json), the parties' own names removed (they are in every report of
 * every event between the two and say nothing about which event it is), crude suffix folding so
 * "severing"/"severed"/"severs" meet.
 */
export function contentWords(text: string, nameWords: ReadonlySet<string> = new Set()): Set<string> {
  const stop = data().stopwords;
  const out = new Set<string>();
  for (const raw of text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 2 || stop.has(raw) || nameWords.has(raw)) continue;
    out.add(stem(raw));
  }
  return out;
}

/** Folds common English suffixes (not a real stemmer; enough to compare two evidence clauses). */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): { jaccard: number; shared: number } {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, shared: 0 };
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), shared };
}

/** One side of an event as keys: an actor's code (with its sector for non-state actors), else its store id. */
export type PartyKeys = ReadonlySet<string>;

/**
 * The key an actor is matched on across articles. Outlets name one side differently ("the
 * Pentagon", "the US", "Washington", "US officials"), so state actors of one country meet on
 * the country code. Rebels, parties or companies of that country are not its government: their
 * sector stays in the key so a rebel attack and an army attack in one country never merge.
 * @example partyKey({ seq: 4, code: 'USA', sector: 'MIL', type: 'organization' }) // 'USA'
 */
export function partyKey(a: { seq: number; code: string | null; sector: string | null; type: string }): string {
  if (!a.code) return '#' + a.seq;
  const stateSector = a.sector === null || ['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'IGO', 'UAF'].includes(a.sector);
  return stateSector || a.type === 'country' ? a.code : `${a.code}/${a.sector}`;
}

/** A report being placed: one event of the new article. */
export interface NewReport {
  article: number;
  type: PloverType;
  modality: Modality;
  actor: PartyKeys;
  recipient: PartyKeys;
  /** the reported date's range, or null when the report gives no date */
  range: { lo: string; hi: string } | null;
  /** the article's publication day (for undated reports) */
  pubDay: string | null;
  words: ReadonlySet<string>;
  cueWords: ReadonlySet<string>;
}

/** A stored fused event offered as a candidate. */
export interface CandidateEvent {
  seq: number;
  type: PloverType;
  mclass: string;
  actor: PartyKeys;
  recipient: PartyKeys;
  dateLo: string | null;
  dateHi: string | null;
  dateFromPub: boolean;
  /** articles already reporting it: an article never reports one event twice (its own
   *  analyzer already fused within the article; two events there are two events) */
  articles: ReadonlySet<number>;
  reports: { words: ReadonlySet<string>; cueWords: ReadonlySet<string> }[];
}

export interface FusionMatch {
  seq: number;
  score: number;
  /** the report names the sides the other way round (symmetric types only) */
  swapped: boolean;
  rule: string;
  /** days between the reported dates (0 when they overlap) */
  gap: number;
}

/** How far before publication an undated report may describe an event: news reports recent events. */
export const UNDATED_WINDOW_DAYS = 14;

function intersects(a: PartyKeys, b: PartyKeys): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** 'full' both sides named and matching, 'partial' one side unnamed in one report, null a clash. */
function dyadMatch(ra: PartyKeys, rr: PartyKeys, ea: PartyKeys, er: PartyKeys): 'full' | 'partial' | null {
  // The acting side must match when both name it: a US accusation is not a Niger accusation.
  if (ra.size && ea.size && !intersects(ra, ea)) return null;
  // PLOVER leaves the recipient optional for most types: one outlet may omit it.
  if (rr.size && er.size && !intersects(rr, er)) return null;
  return ra.size && ea.size && rr.size && er.size ? 'full' : 'partial';
}

function gapDays(a: { lo: string; hi: string }, b: { lo: string; hi: string }): number {
  if (a.hi < b.lo) return daysBetween(a.hi, b.lo);
  if (b.hi < a.lo) return daysBetween(b.hi, a.lo);
  return 0;
}

/** What matching needs of a candidate before its reports' wording is looked at. */
export type CandidateShape = Pick<CandidateEvent, 'type' | 'mclass' | 'actor' | 'recipient' | 'dateLo' | 'dateHi' | 'dateFromPub'>;

interface Fit { rel: 'same' | 'confusable'; dyad: 'full' | 'partial'; swapped: boolean; gap: number; undated: boolean }

/** Type, modality, sides and dates of a report against a candidate: null when they cannot be one event whatever the wording. */
function fit(r: NewReport, e: CandidateShape): Fit | null {
  if (modalityClass(r.modality) !== e.mclass) return null;
  const rel = typeRelation(r.type, e.type);
  if (!rel) return null;

  let swapped = false;
  let dyad = dyadMatch(r.actor, r.recipient, e.actor, e.recipient);
  if (!dyad && isSymmetric(r.type) && isSymmetric(e.type)) {
    dyad = dyadMatch(r.recipient, r.actor, e.actor, e.recipient);
    swapped = dyad !== null;
  }
  if (!dyad) return null;

  // Dates. Both dated: the gap between the reported ranges. Otherwise compare the windows in
  // which an undated report's event can lie (the fortnight before publication).
  const undated = r.range === null || e.dateFromPub;
  let gap: number;
  if (!undated && e.dateLo && e.dateHi) gap = gapDays(r.range!, { lo: e.dateLo, hi: e.dateHi });
  else {
    const rw = r.range ?? (r.pubDay ? { lo: addDaysSafe(r.pubDay, -UNDATED_WINDOW_DAYS), hi: r.pubDay } : null);
    const ew = e.dateLo && e.dateHi ? (e.dateFromPub ? { lo: addDaysSafe(e.dateLo, -UNDATED_WINDOW_DAYS), hi: e.dateHi } : { lo: e.dateLo, hi: e.dateHi }) : null;
    gap = rw && ew ? gapDays(rw, ew) : 0;
    if (gap > 0) return null;
  }
  // The widest rule below: same type, dated, three days apart.
  if (rel === 'same' ? gap > (undated ? 1 : 3) : dyad !== 'full' || gap > 1) return null;
  return { rel, dyad, swapped, gap, undated };
}

/**
 * Whether a report could fuse into a candidate with some wording: the store loads the reports
 * (and compares wording) only of candidates that pass, so this must never say no where
 * matchEvent could say yes (it is matchEvent's own first half).
 */
export function mayMatch(r: NewReport, e: CandidateShape): boolean {
  return fit(r, e) !== null;
}

/**
 * Scores a new report against one candidate event; null when they cannot be one event.
 * @example matchEvent(report, candidate) // { seq: 12, score: 1.4, rule: 'kb.fusion.same-type-dyad-day', ... }
 */
export function matchEvent(r: NewReport, e: CandidateEvent): FusionMatch | null {
  if (e.articles.has(r.article)) return null;
  const f = fit(r, e);
  if (!f) return null;
  const { rel, dyad, swapped, gap, undated } = f;

  let best = { jaccard: 0, shared: 0 };
  let cue = false;
  for (const rep of e.reports) {
    const s = jaccard(r.words, rep.words);
    if (s.jaccard > best.jaccard || (s.jaccard === best.jaccard && s.shared > best.shared)) best = s;
    if (!cue) for (const w of r.cueWords) if (rep.cueWords.has(w)) { cue = true; break; }
  }

  let rule: string | null = null;
  if (rel === 'same' && dyad === 'full' && gap <= 1 && (best.shared >= 1 || cue) && (!undated || best.jaccard >= 0.2 || cue)) {
    // Same type, same two sides, same day (± one for time zones and "over the weekend" vs
    // "on Saturday"), and at least one content word or the trigger in common: outlets word one
    // event differently ("severing military ties" / "ended military cooperation") but rarely
    // share nothing; two different same-day events between the same two sides usually do.
    rule = 'kb.fusion.same-type-dyad-day';
  } else if (rel === 'same' && !undated && gap <= 3 && best.jaccard >= 0.35) {
    // Near-identical wording a few days apart: one event whose date the reports disagree on
    // (one dates the announcement, the other the act). Kept as one event with the disagreement.
    rule = 'kb.fusion.same-wording-date-disagreement';
  } else if (rel === 'same' && dyad === 'partial' && gap <= 1 && best.jaccard >= 0.2) {
    // One outlet leaves out the recipient ("ECOWAS backed down"): the wording must carry it.
    rule = 'kb.fusion.same-type-partial-dyad';
  } else if (rel === 'confusable' && dyad === 'full' && gap <= 1 && best.jaccard >= 0.3) {
    // Coders differ on the type of one clause (RETREAT/CONCEDE): only close wording may bridge it.
    rule = 'kb.fusion.confusable-type';
  }
  if (!rule) return null;
  const score = (rel === 'same' ? 1 : 0.5) + best.jaccard + (cue ? 0.3 : 0) + (dyad === 'full' ? 0.2 : 0) - 0.1 * gap;
  return { seq: e.seq, score, swapped, rule, gap };
}

function addDaysSafe(day: string, n: number): string {
  const t = Date.parse(day + 'T00:00:00Z');
  return Number.isNaN(t) ? day : new Date(t + n * 86400000).toISOString().slice(0, 10);
}

/** The best candidate (highest score; the oldest event on ties, so results do not depend on query order). */
export function bestMatch(r: NewReport, candidates: readonly CandidateEvent[]): FusionMatch | null {
  let best: FusionMatch | null = null;
  for (const c of candidates) {
    const m = matchEvent(r, c);
    if (m && (!best || m.score > best.score || (m.score === best.score && m.seq < best.seq))) best = m;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// What a fused event says

/** One stored report, as much as aggregation needs. */
export interface AggReport {
  seq: number;
  /** content order (publication day, article, event id): ties are broken by what was
   *  published first, never by storage order, so a rebuilt store says the same */
  key: string;
  article: string;
  /** near-duplicate cluster of the article: copies of one wire story vote once */
  group: number;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  quad: number;
  goldstein: number | null;
  date: string | null;
  lo: string | null;
  hi: string | null;
  pubDay: string | null;
  modality: Modality;
  location: number | null;
  contexts: string[];
  quantities: { value: number; unit: string; text: string }[];
}

export interface Aggregate {
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  quad: number;
  goldstein: number | null;
  contexts: string[];
  date: string | null;
  dateLo: string | null;
  dateHi: string | null;
  dateFromPub: boolean;
  modality: Modality;
  location: number | null;
  sources: number;
  disagreements: Disagreement[];
}

/** The value most independent sources give; on a tie the one reported first. */
function vote<T>(reports: readonly AggReport[], key: (r: AggReport) => T | null, prefer?: (a: T, b: T) => number): T | null {
  const groups = new Map<string, { value: T; groups: Set<string>; first: string }>();
  for (const r of reports) {
    const v = key(r);
    if (v === null || v === undefined) continue;
    const k = JSON.stringify(v);
    const g = groups.get(k) ?? { value: v, groups: new Set<string>(), first: r.key };
    // Copies of one wire story vote once; the group is named by content so it is stable too.
    g.groups.add(String(r.group));
    if (r.key < g.first) g.first = r.key;
    groups.set(k, g);
  }
  let best: { value: T; groups: Set<string>; first: string } | null = null;
  for (const g of groups.values()) {
    if (!best || g.groups.size > best.groups.size) { best = g; continue; }
    if (g.groups.size < best.groups.size) continue;
    const p = prefer ? prefer(g.value, best.value) : 0;
    if (p < 0 || (p === 0 && g.first < best.first)) best = g;
  }
  return best ? best.value : null;
}

function disagreement(field: Disagreement['field'], reports: readonly AggReport[], key: (r: AggReport) => string | null, detail?: string): Disagreement | null {
  const by = new Map<string, { reports: string[]; articles: string[] }>();
  for (const r of reports) {
    const v = key(r);
    if (v === null) continue;
    const e = by.get(v) ?? { reports: [], articles: [] };
    e.reports.push('r' + r.seq);
    if (!e.articles.includes(r.article)) e.articles.push(r.article);
    by.set(v, e);
  }
  if (by.size < 2) return null;
  return { field, ...(detail ? { detail } : {}), values: [...by.entries()].map(([value, e]) => ({ value, ...e })) };
}

/**
 * The fused event's own fields from its reports. Where reports differ the value most
 * independent sources give wins for ordering and display, and every value is kept, with its
 * reports, in `disagreements`: a date or a casualty count is never averaged into a number no
 * source gave.
 */
export function aggregate(reports: readonly AggReport[]): Aggregate {
  if (reports.length === 0) throw new Error('aggregate: an event without reports');
  const sorted = [...reports].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const type = vote(sorted, (r) => r.type)!;
  const ofType = sorted.filter((r) => r.type === type);
  const first = ofType[0];
  const mode = vote(ofType, (r) => r.mode);
  const cameo = vote(ofType, (r) => r.cameo);
  const withCameo = ofType.find((r) => r.cameo === cameo) ?? first;
  // A more precise date wins a tie ("2024-03-16" over "2024-03").
  const date = vote(sorted, (r) => r.date, (a, b) => precision(a) - precision(b));
  const dated = sorted.filter((r) => r.lo && r.hi);
  let dateLo: string | null, dateHi: string | null, dateFromPub: boolean;
  if (dated.length) {
    dateLo = dated.reduce((m, r) => (r.lo! < m ? r.lo! : m), dated[0].lo!);
    dateHi = dated.reduce((m, r) => (r.hi! > m ? r.hi! : m), dated[0].hi!);
    dateFromPub = false;
  } else {
    const pubs = sorted.map((r) => r.pubDay).filter((d): d is string => !!d).sort();
    dateLo = pubs[0] ?? null;
    dateHi = pubs[pubs.length - 1] ?? null;
    dateFromPub = true;
  }
  const contexts = [...new Set(sorted.flatMap((r) => r.contexts))].sort();
  const modality = vote(sorted, (r) => r.modality)!;
  const location = vote(sorted, (r) => r.location);
  const sources = new Set(sorted.map((r) => r.group)).size;

  const dis: Disagreement[] = [];
  const d1 = disagreement('date', sorted, (r) => r.date);
  if (d1) dis.push(d1);
  const d2 = disagreement('type', sorted, (r) => r.type);
  if (d2) dis.push(d2);
  const d3 = disagreement('modality', sorted, (r) => r.modality);
  if (d3) dis.push(d3);
  const units = [...new Set(sorted.flatMap((r) => r.quantities.map((q) => q.unit)))].sort();
  for (const unit of units) {
    // Only reports that state a figure in this unit take part: silence is not a disagreement.
    const d = disagreement('quantity', sorted, (r) => {
      const vals = r.quantities.filter((q) => q.unit === unit).map((q) => q.value);
      return vals.length ? [...new Set(vals)].sort((a, b) => a - b).join(', ') : null;
    }, unit);
    if (d) dis.push(d);
  }
  return {
    type, mode, cameo, quad: first.quad, goldstein: withCameo.goldstein, contexts,
    date, dateLo, dateHi, dateFromPub, modality, location, sources, disagreements: dis,
  };
}

/** Precision of an EDTF date in days (smaller is more precise); unreadable dates count as vague. */
function precision(v: string): number {
  const parts = v.split('/');
  const lo = parts[0].slice(0, 10), hi = (parts[1] ?? parts[0]).slice(0, 10);
  const pad = (s: string, end: boolean) => s.length === 4 ? s + (end ? '-12-31' : '-01-01') : s.length === 7 ? s + (end ? '-28' : '-01') : s;
  try { return rangeDays({ lo: pad(lo, false), hi: pad(hi, true) }); } catch { return 1e6; }
}
