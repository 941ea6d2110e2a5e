/**
 * Our own time parsers, for what chrono either lacks ("over the weekend" as an interval, decades,
 * "since 2014", "mid-2023", "the end of the year") or resolves against a reference without telling
 * which parts were stated ("last week" comes back with a known day). Each parser is a pattern and
 * an extract function, like chrono's `Parser`; all run over one sentence at a time.
 */
import { alternation, timeLexicon } from './time-lexicon.js';
import {
  directionOf, resolveMonth, resolveWeekend, shiftUnit, type Resolution, type ResolveContext, type TimeCandidate,
} from './time-resolvers.js';
import { fmtDay, fmtMonth, fmtYear, addDays } from './edtf.js';

export interface TextParser {
  name: string;
  pattern(): RegExp;
  /** match offsets are relative to the sentence; `base` turns them into doc offsets */
  extract(m: RegExpExecArray, base: number): TimeCandidate | null;
  /**
   * Perf pre-check, sound by construction: every match of `pattern` contains one of these
   * lower-case words, or a digit when 'digit' is listed. The stage skips the regex for a sentence
   * that holds none (see proposeTimes). Keep it in step when the pattern changes.
   */
  needs?: readonly string[];
}

const rel = (m: RegExpExecArray, base: number, rule: string, confidence: number,
  resolve: (ctx: ResolveContext) => Resolution | null): TimeCandidate => ({
  start: base + m.index, end: base + m.index + m[0].length, rule, confidence, relative: true,
  resolve: (ctx) => (ctx.ref ? resolve(ctx) : null),
});

const abs = (start: number, end: number, rule: string, confidence: number, value: string): TimeCandidate => ({
  start, end, rule, confidence, relative: false, resolve: () => ({ value, implied: [] }),
});

/** "over the weekend", "this weekend", "last weekend" → a Saturday–Sunday interval. */
const weekend: TextParser = {
  name: 'time.weekend',
  needs: ['weekend'],
  pattern: () => /\b(the|this|last|past|next|coming)\s+weekend\b/gi,
  extract: (m, base) => rel(m, base, 'time.weekend', 0.9, (c) => {
    const w = m[1].toLowerCase();
    return { value: resolveWeekend(c.ref!, w === 'the' ? null : directionOf(w), c.tense), implied: ['year', 'month', 'day'] };
  }),
};

const CASUAL_DAYS: Record<string, number> = {
  'the day before yesterday': -2, 'the day after tomorrow': 2, yesterday: -1, tomorrow: 1,
  today: 0, tonight: 0, 'earlier today': 0, 'later today': 0, 'last night': -1,
  'this morning': 0, 'this afternoon': 0, 'this evening': 0,
};
/** "yesterday", "today", "last night", "this morning" → a day. */
const casualDay: TextParser = {
  name: 'time.casual-day',
  needs: ['yesterday', 'tomorrow', 'today', 'night', 'morning', 'afternoon', 'evening'],
  pattern: () => new RegExp(`\\b(?:${alternation(Object.keys(CASUAL_DAYS)).replace(/ /g, '\\s+')})\\b`, 'gi'),
  extract: (m, base) => rel(m, base, 'time.casual-day', 0.9, (c) => ({
    value: fmtDay(addDays(c.ref!, CASUAL_DAYS[m[0].toLowerCase().replace(/\s+/g, ' ')] ?? 0)), implied: ['year', 'month', 'day'],
  })),
};

/** "last week", "next month", "this year", "earlier this month", "later this year". */
const relativeUnit: TextParser = {
  name: 'time.relative-unit',
  needs: ['week', 'month', 'year', 'decade'],
  pattern: () => /\b(?:(?:earlier|later)\s+)?(this|last|next|coming)\s+(week|month|year|decade)\b/gi,
  extract: (m, base) => rel(m, base, 'time.relative-unit', 0.85, (c) => {
    const dir = directionOf(m[1]);
    const n = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
    return { value: shiftUnit(c.ref!, m[2].toLowerCase() as 'week', n), implied: ['year', 'month', 'day'] };
  }),
};

/** "two days ago", "a year ago", "3 weeks ago". */
const ago: TextParser = {
  name: 'time.ago',
  needs: ['ago'],
  pattern: () => new RegExp(`\\b(\\d{1,3}|${timeLexicon().numberWordRe})\\s+(day|week|month|year|decade)s?\\s+ago\\b`, 'gi'),
  extract: (m, base) => {
    const n = /^\d/.test(m[1]) ? Number(m[1]) : timeLexicon().numberWord.get(m[1].toLowerCase());
    if (n === undefined || n > 400) return null;
    return rel(m, base, 'time.ago', 0.85, (c) => ({
      value: shiftUnit(c.ref!, m[2].toLowerCase() as 'day', -n), implied: ['year', 'month', 'day'],
    }));
  },
};

/** "the 1990s", "the early 2000s", "the '80s" → "199X" (EDTF unspecified digit). */
const decade: TextParser = {
  name: 'time.decade',
  needs: ['digit'],
  pattern: () => /\b(?:the\s+)?(?:(early|mid|late)[- ])?(1[0-9]\d0|20\d0)['’]?s\b|\bthe\s+['’](\d)0s\b/gi,
  extract: (m, base) => {
    const y = m[2] ? Number(m[2]) : 1900 + Number(m[3]) * 10;
    return abs(base + m.index, base + m.index + m[0].length, m[1] ? `time.decade.${m[1].toLowerCase()}` : 'time.decade', 0.85,
      `${String(y).slice(0, 3)}X`);
  },
};

// A bare year is a date only after a word that takes a time ("in 2022", "since 2014"); otherwise
// "2023" may be a count, a resolution number or a model. The lookahead refuses "in 2022-02-24",
// "since 2014,000", "in 2000 cases" is caught by the stage's count-noun check.
const YEAR_CUES = 'in|since|by|until|till|during|from|before|after|through|throughout|as\\s+of|circa|around';
/** "in 2022", "since 2014", "from 2014 to 2016", "between 2014 and 2016". */
const cuedYear: TextParser = {
  name: 'time.year',
  needs: ['digit'],
  pattern: () => new RegExp(`\\b(${YEAR_CUES}|between)\\s+((?:1[6-9]|20)\\d\\d)\\b(?![-–/.,:]?\\d|\\s*%)(?:\\s*(?:-|–|to|and|through|until)\\s*((?:1[6-9]|20)\\d\\d)\\b(?![-–/.,:]?\\d|\\s*%))?`, 'gi'),
  extract: (m, base) => {
    const cue = m[1].toLowerCase();
    if (cue === 'between' && !m[3]) return null;
    // "in 2000 and 2004" is two years, not a range: "and" joins a range only after "between"
    if (m[3] && cue !== 'between' && /\sand\s/i.test(m[0])) {
      const first = m[0].slice(0, m[0].indexOf(m[2]) + 4);
      const keep0 = timeLexicon().prepositions.has(cue);
      return abs(base + m.index + (keep0 ? 0 : first.indexOf(m[2])), base + m.index + first.length, 'time.year.cued', 0.85, fmtYear(Number(m[2])));
    }
    const a = Number(m[2]), b = m[3] ? Number(m[3]) : null;
    if (b !== null && b <= a) return null;
    // the span keeps the cue only when it is a preposition the stage would attach anyway
    const keep = timeLexicon().prepositions.has(cue) || cue === 'between';
    const start = base + m.index + (keep ? 0 : m[0].indexOf(m[2]));
    const value = b === null ? fmtYear(a) : `${fmtYear(a)}/${fmtYear(b)}`;
    return abs(start, base + m.index + m[0].length, b === null ? 'time.year.cued' : 'time.year.range', 0.85, value);
  },
};

/**
 * "early March", "mid-2023", "late last year", "the end of the year", "the beginning of 2022".
 * The value is the enclosing period ("2023" for "mid-2023"), as TimeML does with its `mod`
 * attribute; the part (early/mid/late/start/end) is kept in the rule name, since the contract has
 * no field for it.
 */
const periodPart: TextParser = {
  name: 'time.period-part',
  needs: ['early', 'mid', 'late', 'beginning', 'start', 'middle', 'end'],
  pattern: () => {
    const lex = timeLexicon();
    return new RegExp(
      `\\b(?:(early|mid|late)[- ]?|the\\s+(beginning|start|middle|end)\\s+of\\s+)` +
      `(?:(${lex.monthRe})(?:\\s+((?:1[6-9]|20)\\d\\d))?\\b|((?:1[6-9]|20)\\d\\d)\\b|(the|this|last|next)\\s+(year|month))(?![-–/.,:]?\\d)`, 'gi');
  },
  extract: (m, base) => {
    const part = (m[1] ?? m[2]).toLowerCase();
    const partName = part === 'beginning' || part === 'start' ? 'start' : part === 'middle' ? 'mid' : part;
    const rule = `time.period-part.${partName}`;
    const start = base + m.index, end = start + m[0].length;
    if (m[3]) {
      // a month name after "early"/"mid"/"late" must be capitalised ("late May", not "late may")
      if (!/^\p{Lu}/u.test(m[3])) return null;
      const month = timeLexicon().month.get(m[3].toLowerCase())!;
      if (m[4]) return abs(start, end, rule, 0.85, fmtMonth(Number(m[4]), month));
      return { start, end, rule, confidence: 0.8, relative: true,
        resolve: (c) => (c.ref ? { value: (({ y, m: mo }) => fmtMonth(y, mo))(resolveMonth(c.ref, month, null, c.tense)), implied: ['year'] } : null) };
    }
    if (m[5]) return abs(start, end, rule, 0.85, fmtYear(Number(m[5])));
    const dir = m[6].toLowerCase() === 'the' ? 'this' : directionOf(m[6]);
    const n = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
    return rel(m, base, rule, 0.8, (c) => ({ value: shiftUnit(c.ref!, m[7].toLowerCase() as 'year', n), implied: ['year', 'month', 'day'] }));
  },
};

/**
 * "the 2015 Minsk agreements", "its 2024 budget": a year used as a modifier after a determiner.
 * The stage drops it when a count noun follows ("the 2000 troops").
 */
const attributiveYear: TextParser = {
  name: 'time.year.attributive',
  needs: ['digit'],
  pattern: () => /\b(?:the|a|an|its|their|his|her|this|that)\s+((?:19|20)\d\d)(?=\s+\p{L})/giu,
  extract: (m, base) => {
    const start = base + m.index + m[0].lastIndexOf(m[1]);
    return abs(start, start + 4, 'time.year.attributive', 0.7, fmtYear(Number(m[1])));
  },
};

// EDTF level 1 seasons: 21 spring, 22 summer, 23 autumn, 24 winter.
const SEASON: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };
/** "the summer of 2022", "spring 2023", "last winter", "this autumn" → "2022-22". */
const season: TextParser = {
  name: 'time.season',
  needs: ['spring', 'summer', 'autumn', 'fall', 'winter'],
  pattern: () => /\b(?:(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b(?![-–/.,:]?\d)|(last|this|next)\s+(spring|summer|autumn|winter))\b/gi,
  extract: (m, base) => {
    if (m[1]) {
      // "fall 2022" only as a season when it cannot be the verb ("sales fall 2022"): require "the" or "of"
      if (m[1].toLowerCase() === 'fall' && !/^the\s|\sof\s/i.test(m[0])) return null;
      return abs(base + m.index, base + m.index + m[0].length, 'time.season', 0.8, `${fmtYear(Number(m[2]))}-${SEASON[m[1].toLowerCase()]}`);
    }
    const dir = directionOf(m[3]);
    const code = SEASON[m[4].toLowerCase()];
    return rel(m, base, 'time.season', 0.75, (c) => {
      // the season's year: winter belongs to the year it starts in (EDTF 2023-24 = Dec 2023–Feb 2024)
      const month = c.ref!.m;
      const current = code === 24 ? (month <= 2 ? c.ref!.y - 1 : c.ref!.y) : c.ref!.y;
      const y = dir === 'last' ? current - 1 : dir === 'next' ? current + 1 : current;
      return { value: `${fmtYear(y)}-${code}`, implied: ['year'] };
    });
  },
};

/** "last November", "next March", "this June": a month with a direction word. */
const directedMonth: TextParser = {
  name: 'time.month.directed',
  needs: ['last', 'next', 'this', 'past', 'coming'],
  pattern: () => new RegExp(`\\b(last|next|this|past|coming)\\s+(${timeLexicon().monthRe})(?!\\p{L})(?!\\s+\\d)`, 'giu'),
  extract: (m, base) => {
    if (!/^\p{Lu}/u.test(m[2])) return null; // "this may", "next march"
    const month = timeLexicon().month.get(m[2].toLowerCase())!;
    return rel(m, base, 'time.month.directed', 0.85, (c) => {
      const r = resolveMonth(c.ref!, month, directionOf(m[1]), c.tense);
      return { value: fmtMonth(r.y, r.m), implied: ['year'] };
    });
  },
};

/** "in 2000 and 2004", "in 2019, 2020 or 2022": the later years of a coordinated list. */
const coordinatedYear: TextParser = {
  name: 'time.year.coordinated',
  needs: ['digit'],
  pattern: () => /(?<=\b(?:in|since|during|between)\s+(?:1[6-9]|20)\d\d(?:\s*,\s*(?:1[6-9]|20)\d\d)*\s*,?\s*(?:,|and|or)\s+)((?:1[6-9]|20)\d\d)\b(?![-–/.,:]?\d|\s*%)/gi,
  extract: (m, base) => abs(base + m.index, base + m.index + 4, 'time.year.coordinated', 0.8, fmtYear(Number(m[1]))),
};

/** In priority order: on equal spans, the earlier parser wins. */
export const TEXT_PARSERS: readonly TextParser[] = [weekend, casualDay, relativeUnit, ago, decade, season, directedMonth, periodPart, cuedYear, coordinatedYear, attributiveYear];
