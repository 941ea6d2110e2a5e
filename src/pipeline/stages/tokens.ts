/**
 * Sentences and tokens, from wink-nlp (tokens, POS tags, lemmas, sentence boundaries), mapped
 * back onto exact offsets in doc.text, then two corrections wink does not make:
 * - a sentence never crosses a paragraph (the headline has no final period);
 * - a split right after a title abbreviation ("Col. Maj. Amadou Abdramane") is undone.
 * Both corrections only merge or cut token ranges, so no offset ever shifts.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Stage, Token } from '../doc.js';
import { lexicon } from '../../data/lexicons.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;
function wink(): Wink {
  // Only the parts we use: sentence boundaries, POS tags (lemmas need POS).
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Lower-case with typographic quotes and dashes folded, so rules match "didn’t" as "didn't". */
export function normToken(s: string): string {
  return s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/[–—]/g, '-');
}

export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['layout'],
  sets: ['tokens', 'sentences'],
  run(doc: Doc) {
    const text = doc.text;
    const w = wink().readDoc(text);
    const its = wink().its;
    const values = w.tokens().out(its.value) as string[];
    const pos = w.tokens().out(its.pos) as string[];
    const lemmas = w.tokens().out(its.lemma as any) as string[];

    // wink index → our token index (-1 for whitespace tokens, which we drop)
    const map: number[] = new Array(values.length).fill(-1);
    const tokens: Token[] = [];
    let cursor = 0;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!v || !v.trim()) continue;
      let at = text.indexOf(v, cursor);
      if (at < 0 || at - cursor > 64) {
        // wink normalised the token (rare): skip whitespace and take the same length
        while (cursor < text.length && /\s/.test(text[cursor])) cursor++;
        at = cursor;
      }
      const end = Math.min(text.length, at + v.length);
      map[k] = tokens.length;
      tokens.push({ i: tokens.length, start: at, end, text: text.slice(at, end), norm: normToken(text.slice(at, end)), lemma: (lemmas[k] || v).toLowerCase(), pos: pos[k] || 'X', sent: 0 });
      cursor = end;
    }

    // Sentence boundaries: wink's, cut at paragraph ends, merged after abbreviations.
    const starts = new Set<number>([0]);
    w.sentences().each((s: any) => {
      const ts = s.tokens();
      for (let j = 0; j < ts.length(); j++) {
        const ix = map[ts.itemAt(j).index()];
        if (ix >= 0) { starts.add(ix); break; }
      }
    });
    const paraOf = (off: number) => {
      const ps = doc.layout.paragraphs;
      for (let p = 0; p < ps.length; p++) if (off < ps[p].end + 1) return p;
      return ps.length - 1;
    };
    for (let t = 1; t < tokens.length; t++) {
      if (paraOf(tokens[t].start) !== paraOf(tokens[t - 1].start)) starts.add(t);
    }
    const abbr = lexicon().abbreviations;
    for (const s of [...starts]) {
      if (s === 0) continue;
      const prev = tokens[s - 1];
      const prevPrev = tokens[s - 2];
      const sameParagraph = paraOf(tokens[s].start) === paraOf(prev.start);
      // wink may emit "Maj." as one token or as "Maj" + "."
      const word = prev.text === '.' && prevPrev ? prevPrev.text + '.' : prev.text;
      if (sameParagraph && abbr.has(word.toLowerCase()) && /^[\p{Lu}\d]/u.test(tokens[s].text)) starts.delete(s);
    }
    const sorted = [...starts].sort((a, b) => a - b);
    const sentences: Sentence[] = sorted.map((tokStart, i) => {
      const tokEnd = i + 1 < sorted.length ? sorted[i + 1] : tokens.length;
      const p = paraOf(tokens[tokStart]?.start ?? 0);
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
