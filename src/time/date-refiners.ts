/**
 * Refiners: recognizers propose, refiners decide (chrono's Parser/Refiner split). Each refiner
 * takes every candidate of one sentence and returns the ones it keeps, possibly with a wider span.
 * Order matters and is fixed in TIME_REFINERS below.
 */
import type { TimeCandidate } from './time-resolvers.js';
import { timeLexicon } from './time-lexicon.js';

export interface RefineContext {
  /** the whole doc text (candidates hold doc offsets) */
  text: string;
  /** sentence bounds in doc offsets */
  sentStart: number;
  sentEnd: number;
  /** true when the word is a count noun ("troops", "cases"): "in 2000 cases" is no year */
  isCountNoun(word: string): boolean;
}

export type TimeRefiner = (cands: TimeCandidate[], ctx: RefineContext) => TimeCandidate[];

const WORD_BEFORE = /([\p{L}'’-]+)[ \t]+$/u;
/** The word right before offset `at` (separated by spaces only), with its start offset. */
function wordBeforeAt(text: string, at: number, lo: number): { word: string; start: number } | null {
  const from = Math.max(lo, at - 30);
  const m = WORD_BEFORE.exec(text.slice(from, at));
  return m ? { word: m[1], start: from + m.index } : null;
}
function wordBefore(text: string, at: number, lo: number): string | null {
  return wordBeforeAt(text, at, lo)?.word ?? null;
}

/**
 * A month name alone is often not a date: "Theresa May", "the march on the capital", "troops may
 * leave", "Jan Egeland". Keep it when capitalised and either an unambiguous full name ("in
 * December", "the November election") or preceded by a word that takes a month ("in March").
 */
let monthWordRe: [RegExp, RegExp] | null = null;
export const rejectUnlikelyMonths: TimeRefiner = (cands, ctx) => cands.filter((c) => {
  if (c.shape !== 'month') return true;
  const lex = timeLexicon();
  const span = ctx.text.slice(c.start, c.end);
  monthWordRe ??= [new RegExp(`(?:^|\\s)(${lex.monthRe})\\b`, 'i'), new RegExp(`(${lex.monthRe})`, 'i')];
  const mm = monthWordRe[0].exec(span) ?? monthWordRe[1].exec(span);
  if (!mm) return false;
  const word = mm[1];
  if (!/^\p{Lu}/u.test(word)) return false;
  const month = lex.month.get(word.toLowerCase())!;
  const at = c.start + span.indexOf(word);
  const prev = wordBefore(ctx.text, at, ctx.sentStart)?.toLowerCase() ?? null;
  const cued = prev !== null && (lex.monthCues.has(prev) || prev === 'mid');
  if (cued) return true;
  const abbreviation = word.length <= 4 && !word.endsWith('.') && word.toLowerCase() !== 'june' && word.toLowerCase() !== 'july';
  if (lex.ambiguousMonths.has(month) || abbreviation) return false;
  // a capitalised word right before, not at the sentence start, is a name: "Theresa May"
  const prevRaw = wordBefore(ctx.text, at, ctx.sentStart);
  if (prevRaw && /^\p{Lu}/u.test(prevRaw) && at - prevRaw.length - 1 > ctx.sentStart) return false;
  return true;
});

/**
 * A clock time must look like one: "14:30", "3 p.m.", not "at 5" or the "500 to 2" inside
 * "1,500 to 2,000 jobs"; and no date starts in the middle of a number ("1,500").
 */
export const rejectBareNumbersAsTimes: TimeRefiner = (cands, ctx) => cands.filter((c) => {
  if (c.start > 0 && /[\d,.]/.test(ctx.text[c.start - 1]) && /^\d/.test(ctx.text.slice(c.start, c.end))) return false;
  if (c.shape !== 'time' && !c.rule.includes('TimeExpression')) return true;
  const span = ctx.text.slice(c.start, c.end);
  return /\d:\d\d|\d\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\bnoon\b|\bmidnight\b/i.test(span);
});

/** chrono reads "weekend" as a Saturday; the weekend parser gives the Saturday–Sunday interval instead. */
export const rejectWeekendAsWeekday: TimeRefiner = (cands, ctx) =>
  cands.filter((c) => !(c.shape === 'weekday' && /weekend/i.test(ctx.text.slice(c.start, c.end))));

/** "24/7", "3/4 of the troops": a slash date must state its year to be trusted. */
export const rejectYearlessSlashDates: TimeRefiner = (cands) => cands.filter((c) => !(c.rule.includes('SlashDateFormat') && c.relative));

/** "in 2000 cases", "since 1989 people": a cued number followed by a count noun is a count. */
export const rejectCountsAsYears: TimeRefiner = (cands, ctx) => cands.filter((c) => {
  if (!c.rule.startsWith('time.year')) return true;
  const next = /^\s+([\p{L}-]+)/u.exec(ctx.text.slice(c.end, Math.min(ctx.sentEnd, c.end + 40)));
  return !(next && ctx.isCountNoun(next[1].toLowerCase()));
});

/** Longest span wins; on equal spans the earlier-listed parser (lower priority number). */
export const removeOverlaps: TimeRefiner = (cands) => {
  const ranked = cands.map((c, i) => ({ c, i })).sort((x, y) => (y.c.end - y.c.start) - (x.c.end - x.c.start) || x.i - y.i);
  const kept: TimeCandidate[] = [];
  for (const { c } of ranked) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
};

/** "on Tuesday night": the part of day belongs to the weekday's span (the value stays the day). */
export const extendPartOfDay: TimeRefiner = (cands, ctx) => cands.map((c) => {
  if (c.shape !== 'weekday') return c;
  const m = /^[ \t]+(?:night|morning|afternoon|evening)\b/i.exec(ctx.text.slice(c.end, Math.min(ctx.sentEnd, c.end + 12)));
  return m ? { ...c, end: c.end + m[0].length } : c;
});

/**
 * A directly attached leading preposition joins the span ("on Monday", "Over the weekend",
 * "in December", "since 2014"), so spans read as the adverbial an analyst sees. "a July 2023
 * coup" keeps "July 2023": the preposition must be the word right before the expression.
 */
export const attachPreposition: TimeRefiner = (cands, ctx) => {
  const preps = timeLexicon().prepositions;
  return cands.map((c) => {
    const own = /^([\p{L}]+)\s/u.exec(ctx.text.slice(c.start, c.end));
    if (own && preps.has(own[1].toLowerCase())) return c;
    const prev = wordBeforeAt(ctx.text, c.start, ctx.sentStart);
    if (!prev || !preps.has(prev.word.toLowerCase())) return c;
    return { ...c, start: prev.start };
  });
};

/** chrono sometimes takes the comma after a date ("In May, troops left"): spans end on the date. */
export const trimTrailingPunctuation: TimeRefiner = (cands, ctx) => cands.map((c) => {
  let end = c.end;
  while (end > c.start && /[\s,;:]/.test(ctx.text[end - 1])) end--;
  return end === c.end ? c : { ...c, end };
});

export const TIME_REFINERS: readonly { name: string; refine: TimeRefiner }[] = [
  { name: 'trim-trailing-punctuation', refine: trimTrailingPunctuation },
  { name: 'reject-unlikely-months', refine: rejectUnlikelyMonths },
  { name: 'reject-bare-numbers-as-times', refine: rejectBareNumbersAsTimes },
  { name: 'reject-counts-as-years', refine: rejectCountsAsYears },
  { name: 'reject-yearless-slash-dates', refine: rejectYearlessSlashDates },
  { name: 'reject-weekend-as-weekday', refine: rejectWeekendAsWeekday },
  // overlaps after the filters, so a rejected reading cannot hide a good one
  { name: 'remove-overlaps', refine: removeOverlaps },
  // spans grow only after overlaps are settled, so a preposition never decides between two readings
  { name: 'extend-part-of-day', refine: extendPartOfDay },
  { name: 'attach-preposition', refine: attachPreposition },
];
