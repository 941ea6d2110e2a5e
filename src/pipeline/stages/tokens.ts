/**
 * Sentences and tokens, from wink-nlp (tokens, POS tags, lemmas, sentence boundaries), mapped
 * back onto exact offsets in doc.text, then two corrections wink does not make:
 * - a sentence never crosses a paragraph (the headline has no final period);
 * - a split right after a title abbreviation ("Col. Maj. Amadou Abdramane") is undone.
 * Both corrections only merge or cut token ranges, so no offset ever shifts.
 */
import type { Doc, Sentence, Stage, Token } from '../doc.js';
import { lexicon } from '../../data/lexicons.js';
import { sharedWink as wink } from '../../data/wink.js';

/** Lower-case with typographic quotes and dashes folded, so rules match "didn’t" as "didn't". */
export function normToken(s: string): string {
  const low = s.toLowerCase();
  // most tokens hold none of these: one test instead of three replace scans
  if (!FOLDABLE.test(low)) return low;
  return low.replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/[–—]/g, '-');
}
const FOLDABLE = /[’‘`´“”„–—]/;

/** `/\s/.test(text[i])` without a one-character string per call: ASCII by code, the rest by the regex. */
const WS = /\s/;
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WS.test(text[i]);
}

/** Longest whitespace-free run wink is given whole; real words and most URLs are shorter. */
export const MAX_RUN = 100;

/**
 * The text with a space inserted after every MAX_RUN characters of a whitespace-free run.
 * @example breakLongRuns('A'.repeat(250)) // 'A'×100 + ' ' + 'A'×100 + ' ' + 'A'×50
 */
export function breakLongRuns(text: string): string {
  // The test is a hand scan (perf): the regex `\S{100}(?=\S)` re-reads every word from each of
  // its positions, a visible share of the stage on ordinary text where it never matches.
  let run = 0, long = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceAt(text, i)) run = 0;
    else if (++run > MAX_RUN) { long = true; break; }
  }
  if (!long) return text;
  // Linear: one pass, a bounded quantifier.
  const re = new RegExp(`\\S{${MAX_RUN}}(?=\\S)`, 'g');
  return text.replace(re, '$& ');
}

/**
 * A wire dateline at the start of a paragraph: a place (capitalised words, optionally ", Country"
 * or ", Month Day"), an optional agency in parentheses, then a dash. Without an agency the place
 * must be in capitals or be followed by a comma-separated second place, so that "Police – who …"
 * is no dateline. Hand-written: no library segments news datelines.
 * @example DATELINE.test('KYIV, Ukraine (AP) — Russia launched') // true
 * @example DATELINE.test('DUBAI, March 12 (Reuters) - U.S. forces') // true
 * @example DATELINE.test('Tbilisi, Georgia - Police fired') // true
 */
export const DATELINE = new RegExp(
  '^(?:' +
    // with an agency: "KYIV, Ukraine (AP) —", "BRUSSELS, April 14 (Reuters) -", "GAZA (AFP) -"
    "[\\p{Lu}][\\p{L}.'’-]*(?: [\\p{Lu}][\\p{L}.'’-]*){0,3}(?:, [\\p{Lu}][\\p{L}.'’-]*(?: [\\p{Lu}\\d][\\p{L}\\d.'’-]*){0,3}){0,2} ?\\([\\p{Lu}][\\p{L} .&/-]{0,30}\\)" +
    // or without one: "Tbilisi, Georgia -", "KHARTOUM -"
    "|[\\p{Lu}][\\p{L}.'’-]*(?: [\\p{Lu}][\\p{L}.'’-]*){0,2}, [\\p{Lu}][\\p{L}.'’-]*(?: [\\p{Lu}][\\p{L}.'’-]*){0,2}" +
    "|\\p{Lu}{2,}(?: \\p{Lu}{2,}){0,2}" +
  ')\\s*[-–—]{1,2}\\s+(?=[\\p{Lu}"“‘\\d])', 'u');

export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['layout'],
  sets: ['tokens', 'sentences'],
  run(doc: Doc) {
    const text = doc.text;
    // wink's tokenizer is quadratic in the length of one whitespace-free run (100,000 capitals
    // took minutes): it reads a copy where such runs are cut every MAX_RUN characters by an
    // inserted space. Tokens are then found back in `text` by position, so offsets never shift.
    const w = wink().readDoc(breakLongRuns(text));
    const its = wink().its;
    const values = w.tokens().out(its.value) as string[];
    const spaces = w.tokens().out(its.precedingSpaces as any) as string[];
    const pos = w.tokens().out(its.pos) as string[];
    const lemmas = w.tokens().out(its.lemma as any) as string[];

    // wink index → our token index (-1 for whitespace tokens, which we drop). Offsets come from
    // wink's preceding-space strings; if wink ever changed a token's text we fall back to a search.
    const map = new Int32Array(values.length).fill(-1);
    const tokens: Token[] = [];
    let cursor = 0;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      // Consume only the preceding spaces that are really in the text: the ones breakLongRuns
      // inserted are not.
      const sp = spaces[k]?.length ?? 0;
      for (let n = 0; n < sp && cursor < text.length && isSpaceAt(text, cursor); n++) cursor++;
      if (!v || !v.trim()) { cursor += v?.length ?? 0; continue; }
      let at = cursor;
      if (text.startsWith(v, at) === false) {
        // Look only a little around: an unbounded indexOf that misses scans to the end of the
        // text on every miss, quadratic on hostile input.
        const from = Math.max(0, cursor - 8);
        at = text.slice(from, cursor + 64 + v.length).indexOf(v);
        if (at >= 0) at += from;
        if (at < 0 || at - cursor > 64) {
          at = cursor;
          while (at < text.length && isSpaceAt(text, at)) at++;
        }
      }
      const end = Math.min(text.length, at + v.length);
      // wink's value is the surface itself whenever it starts here (the common case): no slice
      const surface = at === cursor && end === at + v.length ? v : text.slice(at, end);
      const norm = normToken(surface);
      const lem = lemmas[k] || v;
      map[k] = tokens.length;
      // lower case of the lemma (when lem is the surface and already lower case, that is the norm)
      tokens.push({ i: tokens.length, start: at, end, text: surface, norm, lemma: lem === norm ? norm : lem.toLowerCase(), pos: pos[k] || 'X', sent: 0 });
      cursor = end;
    }

    // Sentence boundaries: wink's (token spans), cut at paragraph ends, merged after abbreviations.
    const paras = doc.layout.paragraphs;
    const paraOfTok = new Int32Array(tokens.length);
    for (let t = 0, p = 0; t < tokens.length; t++) {
      while (p < paras.length - 1 && tokens[t].start >= paras[p].end) p++;
      paraOfTok[t] = p;
    }
    const isStart = new Uint8Array(tokens.length + 1);
    isStart[0] = 1;
    for (const [a] of w.sentences().out(its.span) as unknown as [number, number][]) {
      let k = a;
      while (k < map.length && map[k] < 0) k++;
      if (k < map.length) isStart[map[k]] = 1;
    }
    const abbr = lexicon().abbreviations;
    for (let t = 1; t < tokens.length; t++) {
      if (paraOfTok[t] !== paraOfTok[t - 1]) { isStart[t] = 1; continue; }
      if (!isStart[t]) continue;
      // wink may emit "Maj." as one token or as "Maj" + "."
      const prev = tokens[t - 1];
      const word = prev.text === '.' && t >= 2 ? tokens[t - 2].text + '.' : prev.text;
      if (abbr.has(word.toLowerCase()) && /^[\p{Lu}\d]/u.test(tokens[t].text)) isStart[t] = 0;
    }
    // A dateline opening the first body paragraph ("KYIV, Ukraine (AP) —", "DUBAI, March 12
    // (Reuters) -", "Tbilisi, Georgia - ") is its own sentence: its place names are not the lede's subject.
    const firstBody = paras.findIndex((p) => p.zone === 'body');
    if (firstBody >= 0) {
      const p = paras[firstBody];
      const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 120)));
      if (m) {
        const cut = p.start + m[0].length;
        const t = tokens.findIndex((x) => x.start >= cut);
        if (t > 0 && paraOfTok[t] === firstBody) isStart[t] = 1;
      }
    }
    const starts: number[] = [];
    for (let t = 0; t < tokens.length; t++) if (isStart[t]) starts.push(t);
    const sentences: Sentence[] = starts.map((tokStart, i) => {
      const tokEnd = i + 1 < starts.length ? starts[i + 1] : tokens.length;
      const p = paraOfTok[tokStart] ?? 0;
      return {
        i, tokStart, tokEnd,
        start: tokens[tokStart]?.start ?? 0,
        end: tokens[tokEnd - 1]?.end ?? 0,
        zone: doc.layout.paragraphs[p]?.zone ?? 'body',
        paragraph: p,
      };
    }).filter((s) => s.tokEnd > s.tokStart);
    sentences.forEach((s, i) => { s.i = i; for (let t = s.tokStart; t < s.tokEnd; t++) tokens[t].sent = i; });

    doc.tokens = tokens;
    doc.sentences = sentences;
  },
};
