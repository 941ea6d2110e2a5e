/**
 * chrono-node for calendar dates ("March 16, 2024", "24 February 2022", "2022-02-24", "July 2023",
 * "from March 3 to 5", "at 14:30", "Monday"). We clone `chrono.casual` and keep only the parsers
 * whose known components are stated by the text: chrono's casual and relative parsers ("yesterday",
 * "last week") fill *known* values from the reference date, which would hide from us what was
 * inferred; ./relative-parsers.ts covers those, recording what was implied.
 */
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { fmtDay, fmtMonth, fmtYear, isValidDay, isoWeekday, type Day } from './edtf.js';
import {
  directionOf, resolveMonth, resolveMonthDay, resolveWeekday, type Resolution, type ResolveContext, type TimeCandidate,
} from './time-resolvers.js';

const KEEP = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser',
  'ENYearMonthNameParser', 'ENMonthNameParser',
]);

/**
 * Of KEEP, the parsers whose every pattern requires an ASCII digit (ISO and slash dates, year-first
 * dates, "July 2023"-style year-month names, clock times): they cannot match a sentence without
 * one, so such a sentence is parsed by a clone without them (perf: chrono runs every parser's regex
 * over the whole sentence, and "on Monday" sentences are common). Same results: the refiners are
 * the same and only act on what the parsers found.
 */
const NEEDS_DIGIT = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser',
  'ENYearMonthNameParser',
]);

let parser: chrono.Chrono | null = null;
let digitFree: chrono.Chrono | null = null;
function calendarChrono(): chrono.Chrono {
  if (parser) return parser;
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => KEEP.has(p.constructor.name));
  // Keep every refiner: they merge "March 3 to 5", "Monday, March 18" and "March 18 at 14:30".
  if (c.parsers.length !== KEEP.size) throw new Error(`chrono-node: expected parsers ${[...KEEP].join(', ')}; found ${c.parsers.map((p) => p.constructor.name).join(', ')}`);
  parser = c;
  return c;
}
/** Both chrono set-ups, for the test that they agree on digit-free text. */
export function chronoSetups(): { full: chrono.Chrono; digitFree: chrono.Chrono } {
  return { full: calendarChrono(), digitFree: digitFreeChrono() };
}
function digitFreeChrono(): chrono.Chrono {
  if (digitFree) return digitFree;
  const c = calendarChrono().clone();
  c.parsers = c.parsers.filter((p) => !NEEDS_DIGIT.has(p.constructor.name));
  digitFree = c;
  return c;
}

// Any fixed instant: we only read the components chrono marks as known, never the implied ones,
// so the reference never leaks into a value (and "today" is never used).
const NEUTRAL_REF = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

interface Fields { y?: number; m?: number; d?: number; wd?: number; hour?: number; minute?: number }

function fields(c: ParsedComponents): Fields {
  const k = (x: Parameters<ParsedComponents['isCertain']>[0]) => (c.isCertain(x) ? c.get(x) ?? undefined : undefined);
  const wd = k('weekday');
  return { y: k('year'), m: k('month'), d: k('day'), wd: wd === 0 ? 7 : wd, hour: k('hour'), minute: k('minute') };
}

const time = (f: Fields) => (f.hour !== undefined ? `T${String(f.hour).padStart(2, '0')}:${String(f.minute ?? 0).padStart(2, '0')}` : '');

/** One end of a (possibly single-point) chrono result → its value. */
function resolveFields(f: Fields, text: string, ctx: ResolveContext): Resolution | null {
  if (f.y !== undefined && f.m !== undefined && f.d !== undefined) {
    return isValidDay(f.y, f.m, f.d) ? { value: fmtDay({ y: f.y, m: f.m, d: f.d }) + time(f), implied: [] } : null;
  }
  if (f.y !== undefined && f.m !== undefined) return { value: fmtMonth(f.y, f.m), implied: [] };
  if (f.y !== undefined) return { value: fmtYear(f.y), implied: [] };
  const ref = ctx.ref;
  if (!ref) return null;
  if (f.m !== undefined && f.d !== undefined && f.wd !== undefined) {
    // "Wednesday, March 20": the stated weekday picks the year (nearest year where it fits)
    for (const dy of [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6]) {
      const y = ref.y + dy;
      if (isValidDay(y, f.m, f.d) && isoWeekday({ y, m: f.m, d: f.d }) === f.wd) return { value: fmtDay({ y, m: f.m, d: f.d }) + time(f), implied: ['year'] };
    }
  }
  if (f.m !== undefined && f.d !== undefined) {
    const day = resolveMonthDay(ref, f.m, f.d, ctx.tense);
    return day ? { value: fmtDay(day) + time(f), implied: ['year'] } : null;
  }
  if (f.m !== undefined) {
    const r = resolveMonth(ref, f.m, directionOf(/^(last|next|this|past|coming)\b/i.exec(text)?.[1]), ctx.tense);
    return { value: fmtMonth(r.y, r.m), implied: ['year'] };
  }
  if (f.wd !== undefined) {
    const dir = directionOf(/\b(last|next|this|past|coming)\s+\w+\s*$/i.exec(text.replace(/\s+(night|morning|afternoon|evening)$/i, ''))?.[1]);
    const day: Day = resolveWeekday(ref, f.wd, dir, ctx.tense);
    return { value: fmtDay(day) + time(f), implied: ['year', 'month', 'day'] };
  }
  if (f.hour !== undefined) return { value: fmtDay(ref) + time(f), implied: ['year', 'month', 'day'] };
  return null;
}

function shapeOf(f: Fields): TimeCandidate['shape'] {
  if (f.y !== undefined || f.d !== undefined) return undefined;
  if (f.m !== undefined) return 'month';
  if (f.wd !== undefined) return 'weekday';
  if (f.hour !== undefined) return 'time';
  return undefined;
}

/**
 * Calendar dates in one sentence, as candidates with doc offsets.
 * @example chronoCandidates('It began on Feb. 24, 2022.', 0) → [{ start: 12, end: 25, … value 2022-02-24 }]
 */
export function chronoCandidates(sentence: string, base: number): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  let results: ParsedResult[];
  try {
    results = (/[0-9]/.test(sentence) ? calendarChrono() : digitFreeChrono()).parse(sentence, NEUTRAL_REF);
  } catch {
    return out; // chrono throws on a few pathological inputs; a missed date beats a crash
  }
  for (const r of results) {
    const a = fields(r.start);
    const b = r.end ? fields(r.end) : null;
    if (b) {
      // "March 3 to 5": the end inherits the larger units it does not state
      if (b.m === undefined) b.m = a.m;
      if (b.y === undefined && b.m === a.m) b.y = a.y;
      if (b.y === undefined && a.y !== undefined && b.m !== undefined && a.m !== undefined && b.m >= a.m) b.y = a.y;
      // "from March 3 to April 5, 2024": the start takes the end's year (the year before if it wraps)
      if (a.y === undefined && b.y !== undefined && a.m !== undefined && b.m !== undefined) a.y = a.m <= b.m ? b.y : b.y - 1;
    }
    const relative = a.y === undefined || (b !== null && b.y === undefined);
    const tags = [...r.tags()].filter((t) => t.startsWith('parser/')).map((t) => t.slice(7));
    const how = tags.length ? tags[0].replace(/^EN|Parser$/g, '') : (shapeOf(a) ?? (a.y !== undefined && /^\d{4}-\d/.test(r.text) ? 'ISO' : 'calendar'));
    const rule = `time.chrono.${how}${b ? '.range' : ''}`;
    out.push({
      start: base + r.index, end: base + r.index + r.text.length, rule,
      confidence: relative ? 0.8 : 0.9, relative, shape: b ? undefined : shapeOf(a),
      resolve: (ctx) => {
        const sa = resolveFields(a, r.text, ctx);
        if (!sa || !b) return sa;
        const sb = resolveFields(b, r.text, ctx);
        if (!sb) return null;
        return { value: `${sa.value}/${sb.value}`, implied: [...new Set([...sa.implied, ...sb.implied])] };
      },
    });
  }
  return out;
}
