/**
 * Text comparison as the contract prescribes (shared/contract/analysis-v1.md, "How gold files are
 * scored"): Unicode NFKC, then every run of white space folded to one space. The folded string
 * keeps a map back to the original offsets, so a gold cue found in the folded text can be compared
 * with evidence offsets, which always index the original `article.text`.
 */

export interface Folded {
  /** the folded text */
  text: string;
  /** map[i] = offset in the original string of folded character i; map[text.length] = original length */
  map: number[];
}

// A base character with its combining marks is normalised as one unit, so NFKC can compose them
// ("e" + U+0301 → "é") while offsets stay attached to the segment's first code unit.
const SEGMENT = /\P{M}\p{M}*|\p{M}+/gsu;

/**
 * Folds text (NFKC, white-space runs → one space) and keeps the offset map.
 * @example foldText('a\u00a0\u00a0b').text === 'a b'
 */
export function foldText(s: string): Folded {
  let out = '';
  const map: number[] = [];
  let lastSpace = false;
  for (const m of s.matchAll(SEGMENT)) {
    const at = m.index ?? 0;
    const n = m[0].normalize('NFKC');
    for (const ch of n) {
      if (/\s/u.test(ch)) {
        if (lastSpace) continue;
        out += ' ';
        map.push(at);
        lastSpace = true;
      } else {
        out += ch;
        for (let k = 0; k < ch.length; k++) map.push(at);
        lastSpace = false;
      }
    }
  }
  map.push(s.length);
  return { text: out, map };
}

/**
 * The folded form alone, trimmed: for comparing two short strings (a cue, a name, a date text).
 * @example fold(' July\u00a02023 ') === 'July 2023'
 */
export function fold(s: string): string {
  return foldText(s).text.trim();
}

/**
 * A looser, length-preserving form used only as a fallback to locate a gold string: typographic
 * quotes and dashes folded to ASCII and letters lower-cased (character by character, so offsets
 * in the folded text stay valid).
 */
export function loosen(s: string): string {
  let out = '';
  for (const ch of s) {
    let c = ch;
    if (/[’‘`´]/.test(c)) c = "'";
    else if (/[“”„]/.test(c)) c = '"';
    else if (/[‐‑‒–—]/.test(c)) c = '-';
    else {
      const lower = c.toLowerCase();
      if (lower.length === c.length) c = lower;
    }
    out += c;
  }
  return out;
}

/**
 * A key for comparing names: folded, loosened, without a leading "the", without dots in
 * abbreviations ("U.S." = "US") and without surrounding punctuation.
 * @example nameKey('The Wall Street Journal') === nameKey('Wall Street Journal')
 */
export function nameKey(s: string): string {
  return loosen(fold(s))
    .replace(/^the\s+/, '')
    .replace(/\.(?=\S)|\.$/g, '')
    .replace(/^[\s"'(]+|[\s"'),;:]+$/g, '')
    .trim();
}

// A type alias (not an interface) so it is assignable to the loose zod span types.
export type Occurrence = { start: number; end: number };

const WORD = /[\p{L}\p{N}]/u;

/**
 * Every occurrence of `needle` in the original string behind `hay`, as original offsets.
 * `wordBounded` refuses matches inside a longer word ("Niger" in "Nigerien", "US" in "USA");
 * `loose` compares the loosened forms (quotes, dashes, case).
 * @example findAll(foldText('USA and US'), 'US', { wordBounded: true }) // [{ start: 8, end: 10 }]
 */
export function findAll(hay: Folded, needle: string, opts: { wordBounded?: boolean; loose?: boolean } = {}): Occurrence[] {
  const n = fold(needle);
  if (!n) return [];
  const h = opts.loose ? loosen(hay.text) : hay.text;
  const x = opts.loose ? loosen(n) : n;
  const out: Occurrence[] = [];
  for (let at = h.indexOf(x); at >= 0; at = h.indexOf(x, at + 1)) {
    const end = at + x.length;
    if (opts.wordBounded) {
      const before = at > 0 ? h[at - 1] : '';
      const after = end < h.length ? h[end] : '';
      if ((before && WORD.test(before) && WORD.test(x[0])) || (after && WORD.test(after) && WORD.test(x[x.length - 1]))) continue;
    }
    out.push({ start: hay.map[at], end: end < hay.map.length - 1 ? hay.map[end] : hay.map[hay.map.length - 1] });
  }
  return out;
}

/**
 * Half-open spans overlap when they share at least one character.
 * @example overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }) === true
 */
export function overlaps(a: Occurrence, b: Occurrence): boolean {
  return a.start < b.end && b.start < a.end;
}
