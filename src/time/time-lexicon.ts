/**
 * The time lexicon, compiled once from data/time/*.json and data/units/number-words.json:
 * month and weekday words, prepositions a time span takes along, cue words a bare month needs,
 * tense markers, and the cheap pre-filter that decides whether a sentence is worth parsing.
 */
import { z } from 'zod';
import { escapeRe, loadData } from '../data/load.js';

const Example = z.string().min(1);
const CalendarFile = z.object({
  months: z.array(z.object({ n: z.number().int().min(1).max(12), forms: z.array(z.string().min(1)), ambiguous: z.boolean(), example: Example })),
  weekdays: z.array(z.object({ n: z.number().int().min(1).max(7), forms: z.array(z.string().min(1)), example: Example })),
  prepositions: z.array(z.object({ word: z.string().min(1), example: Example })),
  monthCues: z.array(z.object({ word: z.string().min(1), example: Example })),
});
const TenseFile = z.object({
  future: z.array(z.object({ words: z.array(z.string().min(1)), example: Example })),
  past: z.array(z.object({ words: z.array(z.string().min(1)), example: Example })),
  present: z.array(z.object({ words: z.array(z.string().min(1)), example: Example })),
});
const NumberWordsFile = z.object({
  numbers: z.array(z.object({ word: z.string().min(1), value: z.number(), example: Example })),
  scales: z.array(z.object({ word: z.string().min(1), value: z.number(), example: Example })),
  vague: z.array(z.object({ word: z.string().min(1), example: Example })),
});

export type NumberWords = z.infer<typeof NumberWordsFile>;

export interface TimeLexicon {
  /** lower-cased month form ("sept.", "march") → month number */
  month: Map<string, number>;
  /** month numbers whose name is also a common word or first name (March, May, June …) */
  ambiguousMonths: Set<number>;
  weekday: Map<string, number>;
  /** regex source matching any month form, longest first */
  monthRe: string;
  weekdayRe: string;
  prepositions: Set<string>;
  monthCues: Set<string>;
  tense: { future: string[][]; past: string[][]; present: string[][] };
  /** number word → value ("two" → 2) */
  numberWord: Map<string, number>;
  numberWordRe: string;
  /** one cheap regex: does a sentence contain anything that could start a time expression? */
  cue: RegExp;
  /** narrower: could chrono's calendar parsers find anything (a month or weekday word, 2024-03, 3/4, 14:30, 3 pm)? */
  chronoCue: RegExp;
}

let cached: TimeLexicon | null = null;

/** Longest first, escaped, so "Sept." wins over "Sep" (chrono's matchAnyPattern does the same). */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRe).join('|');
}

export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  const cal = loadData('time/calendar-words.json', CalendarFile);
  const tense = loadData('time/tense-markers.json', TenseFile);
  const nums = loadData('units/number-words.json', NumberWordsFile);
  const month = new Map<string, number>();
  for (const m of cal.months) for (const f of m.forms) month.set(f.toLowerCase(), m.n);
  const weekday = new Map<string, number>();
  for (const w of cal.weekdays) for (const f of w.forms) weekday.set(f.toLowerCase(), w.n);
  const numberWord = new Map<string, number>();
  for (const n of nums.numbers) numberWord.set(n.word.toLowerCase(), n.value);
  const monthRe = alternation(cal.months.flatMap((m) => m.forms));
  const weekdayRe = alternation(cal.weekdays.flatMap((w) => w.forms));
  const cueWords = [
    ...cal.months.flatMap((m) => m.forms.filter((f, i) => i === 0 || f.endsWith('.'))),
    ...cal.weekdays.map((w) => w.forms[0]),
    'yesterday', 'today', 'tomorrow', 'tonight', 'week', 'weekend', 'month', 'year', 'decade', 'century', 'ago',
    'morning', 'afternoon', 'evening', 'night', 'noon', 'midnight', 'spring', 'summer', 'autumn', 'winter',
  ];
  cached = {
    month, weekday, monthRe, weekdayRe, numberWord,
    ambiguousMonths: new Set(cal.months.filter((m) => m.ambiguous).map((m) => m.n)),
    prepositions: new Set(cal.prepositions.map((p) => p.word.toLowerCase())),
    monthCues: new Set(cal.monthCues.map((p) => p.word.toLowerCase())),
    tense: {
      future: tense.future.map((t) => t.words.map((w) => w.toLowerCase())),
      past: tense.past.map((t) => t.words.map((w) => w.toLowerCase())),
      present: tense.present.map((t) => t.words.map((w) => w.toLowerCase())),
    },
    numberWordRe: alternation(nums.numbers.map((n) => n.word)),
    // Digits or a calendar word: one pass of one regex per sentence, so chrono (regex-heavy)
    // only ever sees the few sentences that can hold a date.
    cue: new RegExp(`\\d|\\b(?:${alternation(cueWords.map((w) => w.replace(/\.$/, '')))})`, 'i'),
    chronoCue: new RegExp(`\\d[-/.:]\\d|\\d\\s*[ap]\\.?m\\b|\\b(?:noon|midnight|${alternation([...cal.months.flatMap((m) => m.forms), ...cal.weekdays.flatMap((w) => w.forms)].map((w) => w.replace(/\.$/, '')))})\\b`, 'i'),
  };
  return cached;
}

let numbersCached: NumberWords | null = null;
/** The number-word table shared with the quantities stage. */
export function numberWords(): NumberWords {
  numbersCached ??= loadData('units/number-words.json', NumberWordsFile);
  return numbersCached;
}
