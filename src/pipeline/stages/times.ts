/**
 * times: every time expression in the article, as an EDTF value with its anchor.
 *
 * Recognizers (chrono's calendar parsers + ./../../time/relative-parsers.ts) propose candidates,
 * refiners (src/time/date-refiners.ts) decide, then each candidate is resolved against the
 * publication date with the tense of its clause. Without a publication date, anything relative
 * stays unresolved (value null): we never resolve against today's date.
 *
 * Only sentences that contain a cheap cue (a digit or a calendar word) are parsed at all: chrono
 * is regex-heavy and most news sentences hold no date.
 */
import type { Doc, Stage, TimeAnn } from '../doc.js';
import { chronoCandidates } from '../../time/chrono-parsers.js';
import { TEXT_PARSERS } from '../../time/relative-parsers.js';
import { TIME_REFINERS, type RefineContext } from '../../time/date-refiners.js';
import { clauseTenseMarker, untilTense } from '../../time/clause-tense.js';
import { edtfBounds, parseIsoDay } from '../../time/edtf.js';
import { timeLexicon } from '../../time/time-lexicon.js';
import type { TimeCandidate } from '../../time/time-resolvers.js';
import { isCountNoun } from '../../quantity/unit-lexicon.js';

interface Gate { words: string[] | null; digit: boolean }
let compiled: ({ name: string; re: RegExp; extract: (typeof TEXT_PARSERS)[number]['extract'] } & Gate)[] | null = null;
function gateOf(needs: readonly string[] | undefined): Gate {
  return { words: needs ? needs.filter((w) => w !== 'digit') : null, digit: !!needs?.includes('digit') };
}
function parsers() {
  compiled ??= TEXT_PARSERS.map((p) => ({ name: p.name, re: p.pattern(), extract: p.extract, ...gateOf(p.needs) }));
  return compiled;
}

/**
 * Whether a parser's `needs` allow a match in this sentence (lower-cased once). Sound for the /i
 * and /iu patterns: under /i no non-ASCII letter matches an ASCII one, and under /iu only the
 * Kelvin sign (which lower-cases to "k") and the long s "ſ" do — a sentence with "ſ" runs every parser.
 */
function mayMatch(p: Gate, low: string, hasDigit: boolean, exotic: boolean): boolean {
  if (!p.words || exotic) return true;
  if (p.digit && hasDigit) return true;
  for (const w of p.words) if (low.includes(w)) return true;
  return false;
}
const DIGIT = /[0-9]/;

/** The pre-check proposeTimes applies for a parser's `needs` (exported for the soundness test). */
export function parserMayMatch(needs: readonly string[] | undefined, sentence: string): boolean {
  const low = sentence.toLowerCase();
  return mayMatch(gateOf(needs), low, DIGIT.test(sentence), low.includes('\u017f'));
}

/** Candidates of one sentence (doc offsets), before refining. Our parsers come first: on equal spans they win. */
export function proposeTimes(sentence: string, base: number): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  // Perf: most sentences that pass the stage's cue hold the trigger words of only a few parsers;
  // the others' regexes are not run (each is a full scan of the sentence).
  const low = sentence.toLowerCase();
  const hasDigit = DIGIT.test(sentence);
  const exotic = low.includes('\u017f');
  for (const p of parsers()) {
    if (!mayMatch(p, low, hasDigit, exotic)) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(sentence))) {
      const c = p.extract(m, base);
      if (c) out.push(c);
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }
  // chrono is the expensive part: only where a calendar word or a digit pattern could feed it
  if (timeLexicon().chronoCue.test(sentence)) out.push(...chronoCandidates(sentence, base));
  return out;
}

export const timesStage: Stage = {
  name: 'times',
  requires: ['tokens'],
  sets: ['times'],
  run(doc: Doc) {
    const ref = parseIsoDay(doc.published);
    if (doc.published && !ref) throw new Error(`times: publication date "${doc.published}" is not an ISO 8601 date`);
    const cue = timeLexicon().cue;
    const times: TimeAnn[] = [];
    for (const s of doc.sentences) {
      const sentence = doc.text.slice(s.start, s.end);
      if (!cue.test(sentence)) continue;
      let cands = proposeTimes(sentence, s.start);
      if (cands.length === 0) continue;
      const ctx: RefineContext = { text: doc.text, sentStart: s.start, sentEnd: s.end, isCountNoun };
      for (const r of TIME_REFINERS) {
        const before = cands;
        cands = r.refine(cands, ctx);
        if (doc.options.explain) {
          for (const c of before) if (!cands.some((k) => k.rule === c.rule && k.start < c.end && c.start < k.end)) {
            doc.trace.push({ stage: 'times', rule: `refiner.${r.name}`, span: { start: c.start, end: c.end }, detail: `dropped ${c.rule} "${doc.text.slice(c.start, c.end)}"` });
          }
        }
      }
      for (const c of cands) {
        let from = s.tokStart;
        while (from < s.tokEnd && doc.tokens[from].end <= c.start) from++;
        let to = from;
        while (to < s.tokEnd && doc.tokens[to].start < c.end) to++;
        const text = doc.text.slice(c.start, c.end);
        const tense = !c.relative ? null
          : c.shape === 'weekday' ? untilTense(text, doc.tokens, s, from, to)
          : clauseTenseMarker(doc.tokens, s, from, to).tense;
        const res = c.resolve({ ref, tense });
        if (!res && (!c.relative || ref)) continue; // stated but impossible ("February 30")
        const value = res?.value ?? null;
        const { earliest, latest } = edtfBounds(value);
        times.push({
          start: c.start, end: c.end, text,
          value, anchor: !c.relative ? 'absolute' : value ? 'published' : 'unresolved',
          implied: res?.implied ?? [], earliest, latest,
          rule: tense ? `${c.rule}+tense.${tense}` : c.rule, confidence: c.confidence,
        });
        if (doc.options.explain) {
          doc.trace.push({ stage: 'times', rule: c.rule, span: { start: c.start, end: c.end },
            detail: `"${text}" → ${value ?? 'unresolved'}${tense ? ` (clause tense ${tense})` : ''}${res?.implied.length ? `, implied ${res.implied.join('+')}` : ''}` });
        }
      }
    }
    doc.times = mergeMonthOfYear(doc.text, times);
  },
};

/**
 * "in July last year", "June next year": a month whose year was implied, right before a relative
 * year, takes that year ("July last year" published 2025-09 is 2024-07, not 2025-07). The two
 * become one expression.
 */
function mergeMonthOfYear(text: string, times: TimeAnn[]): TimeAnn[] {
  const out: TimeAnn[] = [];
  for (let i = 0; i < times.length; i++) {
    const a = times[i], b = times[i + 1];
    if (b && a.implied.includes('year') && a.value && /^\d{4}-\d{2}$/.test(a.value) && b.value && /^\d{4}$/.test(b.value)
      && /^\s+$/.test(text.slice(a.end, b.start)) && /^(last|next|this) year$/i.test(b.text)) {
      const month = a.value.slice(5, 7);
      const last = new Date(Date.UTC(Number(b.value), Number(month), 0)).getUTCDate();
      out.push({ ...a, end: b.end, text: text.slice(a.start, b.end), value: `${b.value}-${month}`, implied: a.implied.filter((x) => x !== 'year'),
        earliest: `${b.value}-${month}-01`, latest: `${b.value}-${month}-${String(last).padStart(2, '0')}`, rule: `${a.rule}+month-of-relative-year` });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
