/**
 * quantities: counts and money with unit and qualifier (see src/quantity/quantity-parsers.ts for
 * the span, unit and range policies). Runs after times so that "in 2023" or "24 February 2022"
 * is never read as a count; only sentences with a digit, a number word or a currency symbol are
 * scanned.
 */
import type { Doc, QuantityAnn, Stage, TimeAnn } from '../doc.js';
import { sentenceQuantities } from '../../quantity/quantity-parsers.js';
import { unitLexicon } from '../../quantity/unit-lexicon.js';

let cue: RegExp | null = null;
function quantityCue(): RegExp {
  const lex = unitLexicon();
  cue ??= new RegExp(`\\d|\\b(?:${lex.numberWordRe}|${lex.scaleRe})\\b`, 'i');
  return cue;
}

export const quantitiesStage: Stage = {
  name: 'quantities',
  // times first: a date is never a count (see ./index.ts)
  requires: ['tokens', 'times'],
  sets: ['quantities'],
  run(doc: Doc) {
    const out: QuantityAnn[] = [];
    // times are in text order: walk them with the sentences, so each sentence sees only its own
    const times = [...doc.times].sort((a, b) => a.start - b.start);
    let tp = 0;
    for (const s of doc.sentences) {
      while (tp < times.length && times[tp].end <= s.start) tp++;
      const local: TimeAnn[] = [];
      for (let k = tp; k < times.length && times[k].start < s.end; k++) local.push(times[k]);
      const inTime = (start: number, end: number) => local.some((t) => t.start < end && start < t.end);
      const sentence = doc.text.slice(s.start, s.end);
      if (!quantityCue().test(sentence)) continue;
      out.push(...sentenceQuantities({
        text: doc.text, tokens: doc.tokens, tokStart: s.tokStart, tokEnd: s.tokEnd, sentStart: s.start, sentEnd: s.end, inTime,
      }));
    }
    if (doc.options.explain) {
      for (const q of out) doc.trace.push({ stage: 'quantities', rule: q.rule, span: { start: q.start, end: q.end }, detail: `"${q.text}" → ${q.value} ${q.unit}${q.qualifier ? ` (${q.qualifier})` : ''}` });
    }
    doc.quantities = out;
  },
};
