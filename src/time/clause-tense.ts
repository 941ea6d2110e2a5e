/**
 * The tense of the clause around a time expression, from the sentence's tokens (wink POS and
 * lemmas). A bare weekday or month is resolved by it: "said on Saturday" → the last Saturday,
 * "will meet on Friday" → the next Friday.
 *
 * Why nearest-marker rather than a parse: wink gives no dependency tree, and in news the verb that
 * governs a time adverbial is nearly always the closest finite verb (or its auxiliary) in the same
 * clause. We scan outward from the expression, nearer tokens first, and stop at clause punctuation
 * (";", ":", quotes, brackets) and at the sentence edge.
 */
import type { Sentence, Token } from '../pipeline/doc.js';
import { timeLexicon } from './time-lexicon.js';

export type Tense = 'past' | 'present' | 'future' | null;

const IRREGULAR_PRESENT = new Set(['is', 'are', 'am', "'s", "'re", 'does', 'do', 'has', 'have']);
const BARRIER = /^(?:[;:()"“”\[\]]|--|—|–)$/;

function matchesAt(tokens: Token[], i: number, words: string[], lo: number, hi: number): boolean {
  if (i < lo || i + words.length > hi) return false;
  for (let k = 0; k < words.length; k++) if (tokens[i + k].norm !== words[k]) return false;
  return true;
}

/** The tense a single token (with its neighbours) signals, or null when it signals none. */
function tenseAt(tokens: Token[], i: number, lo: number, hi: number): Tense {
  const lex = timeLexicon();
  for (const w of lex.tense.future) if (matchesAt(tokens, i, w, lo, hi)) return 'future';
  for (const w of lex.tense.past) if (matchesAt(tokens, i, w, lo, hi)) return 'past';
  const t = tokens[i];
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return null;
  // "would"/"could" report or hedge; they fix no tense by themselves.
  if (t.pos === 'AUX' && !IRREGULAR_PRESENT.has(t.norm)) return null;
  if (IRREGULAR_PRESENT.has(t.norm)) return 'present';
  if (t.norm === t.lemma) return null; // base form: "to leave", "did not meet"
  if (t.norm.endsWith('ing')) return null; // the auxiliary decides ("was seeking", "is looking")
  // a participle after an auxiliary: the auxiliary decides ("will be held", "was completed")
  const prev = tokens[i - 1];
  if (i > lo && prev && (prev.pos === 'AUX' || /^(?:be|been|being|get|got)$/.test(prev.norm))) return null;
  if (t.norm.endsWith('s') && t.lemma + 's' === t.norm || t.lemma + 'es' === t.norm) return 'present';
  return 'past'; // "said", "took", "completed", "ousted": norm differs from lemma, not -s/-ing
}

/**
 * Tense of the clause containing token range [from, to) of `sentence`.
 * @example "Singh told reporters on Monday" → 'past'; "they will meet on Friday" → 'future'
 */
export function clauseTense(tokens: Token[], sentence: Sentence, from: number, to: number): Tense {
  return clauseTenseMarker(tokens, sentence, from, to).tense;
}

/** Like {@link clauseTense}, also returning the token that decided it. */
export function clauseTenseMarker(tokens: Token[], sentence: Sentence, from: number, to: number): { tense: Tense; marker: Token | null } {
  const lo = sentence.tokStart, hi = sentence.tokEnd;
  let left = from - 1, right = to;
  let leftOpen = true, rightOpen = true;
  while ((leftOpen && left >= lo) || (rightOpen && right < hi)) {
    if (leftOpen && left >= lo) {
      if (BARRIER.test(tokens[left].text)) leftOpen = false;
      else {
        const t = tenseAt(tokens, left, lo, hi);
        if (t) return { tense: t, marker: tokens[left] };
        left--;
      }
    } else leftOpen = false;
    if (rightOpen && right < hi) {
      if (BARRIER.test(tokens[right].text)) rightOpen = false;
      else {
        const t = tenseAt(tokens, right, lo, hi);
        if (t) return { tense: t, marker: tokens[right] };
        right++;
      }
    } else rightOpen = false;
  }
  return { tense: null, marker: null };
}

const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
/**
 * "closed until Friday", "suspended till Monday": a state that lasts until a weekday runs forward
 * from publication, unless a past auxiliary says it is over ("was closed until Friday").
 */
export function untilTense(spanText: string, tokens: Token[], sentence: Sentence, from: number, to: number): Tense {
  const found = clauseTenseMarker(tokens, sentence, from, to).tense;
  if (!/^(?:until|till)\s/i.test(spanText)) return found;
  for (let i = from - 1; i >= sentence.tokStart && !BARRIER.test(tokens[i].text); i--) {
    if (PAST_AUX.has(tokens[i].norm)) return 'past';
  }
  return 'future';
}
