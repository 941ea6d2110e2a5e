/**
 * Event cue patterns: a tiny token-pattern language compiled from data/events/patterns.json.
 *
 * Hand-written because no library matches over wink-nlp tokens with our needs: lemma-or-form
 * alternatives, POS filters, bounded gaps that never cross a clause, and captured noun phrases
 * whose entity mentions become roles. Every construct is bounded (gaps ≤ 8, noun phrases ≤ 6
 * tokens, patterns ≤ 12 specs), so matching is linear in the sentence length for a fixed lexicon.
 *
 *   "^sever|cut/V *2 military|diplomatic? tie|relation/N"   // severing military ties
 *   "^order|tell/V {R} *3 to leave|withdraw"                // ordered US troops to leave
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';
import { PLOVER_TYPES, type PloverType } from '../contract/analysis-schema.js';
import type { Token } from '../pipeline/doc.js';
import { StringFilter } from '../util/string-filter.js';

export type PosClass = 'N' | 'V' | 'A' | null;

export type Spec =
  | { kind: 'word'; alts: Set<string>; pos: PosClass; optional: boolean; head: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'np'; role: 'R' | 'A' | 'X'; head: boolean };

export type RoleSource = string; // subject, object, poss, adj, speaker, prev-object, rel-antecedent, country, or a preposition

export interface CompiledPattern {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  contexts: string[];
  specs: Spec[];
  /** index of the head spec (the cue's anchor) */
  headSpec: number;
  actor: RoleSource[];
  recipient: RoleSource[];
  flags: Set<string>;
  example: string;
  /** true when the head is a noun ("an order … to leave") */
  nominal: boolean;
}

const PatternEntry = z.object({
  id: z.string().min(1),
  type: z.enum(PLOVER_TYPES),
  cameo: z.string().regex(/^\d{2,4}$/).nullable().optional(),
  mode: z.string().nullable().optional(),
  contexts: z.array(z.string()).optional(),
  match: z.string().min(1),
  actor: z.array(z.string()).optional(),
  recipient: z.array(z.string()).optional(),
  flags: z.array(z.enum(['weak', 'speaker-is-actor', 'negation-in-cue', 'capture-required'])).optional(),
  example: z.string().min(1),
});
const PatternsFile = z.object({ about: z.string().optional(), patterns: z.array(PatternEntry) });

export function compileSpec(src: string): { specs: Spec[]; headSpec: number } {
  const specs: Spec[] = [];
  let headSpec = -1;
  for (let raw of src.trim().split(/\s+/)) {
    let head = false;
    if (raw.startsWith('^')) { head = true; raw = raw.slice(1); }
    const gap = /^\*(\d)$/.exec(raw);
    if (gap) { specs.push({ kind: 'gap', max: Number(gap[1]) }); continue; }
    const np = /^\{([RAX])\}$/.exec(raw);
    if (np) { if (head) headSpec = specs.length; specs.push({ kind: 'np', role: np[1] as 'R' | 'A' | 'X', head }); continue; }
    let optional = false;
    if (raw.endsWith('?')) { optional = true; raw = raw.slice(0, -1); }
    let pos: PosClass = null;
    const p = /\/([NVA])$/.exec(raw);
    if (p) { pos = p[1] as PosClass; raw = raw.slice(0, -2); }
    if (head) headSpec = specs.length;
    specs.push({ kind: 'word', alts: new Set(raw.split('|').map((w) => w.toLowerCase())), pos, optional, head });
  }
  if (headSpec < 0) headSpec = specs.findIndex((s) => s.kind === 'word');
  if (specs.length > 12) throw new Error(`pattern too long: ${src}`);
  return { specs, headSpec };
}

export interface EventPatternSet {
  patterns: CompiledPattern[];
  byFirstWord: Map<string, CompiledPattern[]>;
  /** the keys of byFirstWord, as a filter that rules most tokens out without a Map probe */
  firstWords: StringFilter;
}

let cache: EventPatternSet | null = null;

/** The compiled pattern set, indexed by the words a match can start with. */
export function eventPatterns(): EventPatternSet {
  if (cache) return cache;
  const file = loadData('events/patterns.json', PatternsFile);
  const patterns: CompiledPattern[] = file.patterns.map((e) => {
    const { specs, headSpec } = compileSpec(e.match);
    const head = specs[headSpec];
    return {
      id: e.id, type: e.type, mode: e.mode ?? null, cameo: e.cameo ?? null, contexts: e.contexts ?? [],
      specs, headSpec, actor: e.actor ?? ['subject'], recipient: e.recipient ?? ['object'],
      flags: new Set(e.flags ?? []), example: e.example,
      nominal: head?.kind === 'word' && head.pos === 'N',
    };
  });
  const byFirstWord = new Map<string, CompiledPattern[]>();
  for (const p of patterns) {
    // A match starts at the first spec; optional leading words mean it may start at the next one too.
    for (const w of firstWords(p.specs)) {
      const list = byFirstWord.get(w) ?? [];
      list.push(p);
      byFirstWord.set(w, list);
    }
  }
  const filter = new StringFilter();
  for (const w of byFirstWord.keys()) filter.add(w);
  cache = { patterns, byFirstWord, firstWords: filter };
  return cache;
}

function firstWords(specs: Spec[]): string[] {
  const out: string[] = [];
  for (const s of specs) {
    if (s.kind !== 'word') { out.push('*'); break; }
    out.push(...s.alts);
    if (!s.optional) break;
  }
  return out;
}

export interface PatternMatch {
  pattern: CompiledPattern;
  start: number; // token index
  end: number; // token index, exclusive
  head: number; // token index
  /** captured noun phrases: token ranges */
  captures: { role: 'R' | 'A' | 'X'; start: number; end: number }[];
  /** token indices matched by word specs (not gaps or noun phrases) */
  words: number[];
}

const POS_OK: Record<'N' | 'V' | 'A', Set<string>> = {
  N: new Set(['NOUN', 'PROPN']),
  V: new Set(['VERB', 'AUX']),
  A: new Set(['ADJ']),
};

/** Tokens a gap or noun phrase may not cross: the end of a clause. */
export function isClauseBreak(t: Token): boolean {
  return t.norm === ';' || t.norm === ':' || t.norm === '.' || t.norm === '?' || t.norm === '!' || t.norm === 'that' && t.pos === 'SCONJ'
    || t.norm === 'which' || t.norm === 'who' || t.norm === '(' || t.norm === ')';
}

/** Participles wink tags as adjectives keep their -ed form as lemma ("involved"); try the verb. */
export function participleStems(norm: string): readonly string[] {
  if (!norm.endsWith('ed')) return NO_STEMS;
  // Memo (perf): wordOk asks this for every -ed token under every candidate pattern and gap
  // position; three fresh slices each time were a visible share of the events stage. Bounded.
  let stems = stemMemo.get(norm);
  if (!stems) {
    if (stemMemo.size >= 50_000) stemMemo.clear();
    stems = [norm.slice(0, -1), norm.slice(0, -2), norm.slice(0, -3)];
    stemMemo.set(norm, stems);
  }
  return stems;
}
const NO_STEMS: readonly string[] = [];
const stemMemo = new Map<string, readonly string[]>();

/** Words after which a verb stands in its base form ("would free", "to free"). */
const BASE_VERB_SLOT = new Set(['will', 'would', "'ll", 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'to']);

function wordOk(s: Extract<Spec, { kind: 'word' }>, t: Token, prev: Token | undefined): boolean {
  if (!(s.alts.has(t.lemma) || s.alts.has(t.norm) || participleStems(t.norm).some((x) => s.alts.has(x)))) return false;
  if (s.pos && !POS_OK[s.pos].has(t.pos)) {
    // wink tags title-case headline words as PROPN, participles after "been" as ADJ, and a verb
    // that is also an adjective as ADJ after a modal ("it would free the prisoners")
    if (!(s.pos === 'V' && (t.pos === 'PROPN' || t.pos === 'ADJ' && (/(ed|en)$/.test(t.norm) || !!prev && BASE_VERB_SLOT.has(prev.norm))))) return false;
  }
  return true;
}

/** Noun phrase: 1..6 tokens, no verbs, no clause breaks, no commas. */
function npEnds(tokens: Token[], start: number, limit: number): number[] {
  const out: number[] = [];
  for (let k = start; k < Math.min(limit, start + 6); k++) {
    const t = tokens[k];
    if (isClauseBreak(t) || t.norm === ',' || t.norm === '"' || t.pos === 'VERB' || t.pos === 'AUX' || t.norm === 'to' && t.pos === 'PART') break;
    // a noun phrase does not start with a preposition ("called for sanctions" has no callee)
    if (k === start && (t.pos === 'ADP' || t.pos === 'PART')) break;
    if (k > start && t.pos === 'ADP' && t.norm !== 'of') break;
    out.push(k + 1);
  }
  return out.reverse(); // longest first
}

/**
 * Tries `p` at token `at`; returns the first (longest-gap-last) match or null.
 * Backtracking is bounded by the pattern's own size (≤ 12 specs, gaps ≤ 9, NPs ≤ 6).
 */
export function matchAt(p: CompiledPattern, tokens: Token[], at: number, limit: number): PatternMatch | null {
  const captures: PatternMatch['captures'] = [];
  const words: number[] = [];
  let head = -1;
  const go = (si: number, ti: number): number => {
    if (si === p.specs.length) return ti;
    const s = p.specs[si];
    if (s.kind === 'gap') {
      for (let g = 0; g <= s.max; g++) {
        const k = ti + g;
        if (k > limit) break;
        if (g > 0 && isClauseBreak(tokens[k - 1])) break;
        const r = go(si + 1, k);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (s.kind === 'np') {
      for (const e of npEnds(tokens, ti, limit)) {
        captures.push({ role: s.role, start: ti, end: e });
        if (s.head) head = ti;
        const r = go(si + 1, e);
        if (r >= 0) return r;
        captures.pop();
      }
      return -1;
    }
    if (ti < limit && wordOk(s, tokens[ti], tokens[ti - 1])) {
      const r = go(si + 1, ti + 1);
      if (r >= 0) { if (si === p.headSpec) head = ti; words.push(ti); return r; }
    }
    if (s.optional) return go(si + 1, ti);
    return -1;
  };
  const end = go(0, at);
  if (end < 0 || end === at) return null;
  if (head < 0) head = at;
  return { pattern: p, start: at, end, head, captures: [...captures], words };
}
