/**
 * What a time expression means once a reference day (the publication date) and the clause's
 * tense are known. Recognizers propose candidates carrying a `resolve` function; the stage calls
 * it with the publication day, or records the time as unresolved when there is none — we never
 * fall back to today's date.
 */
import type { Tense } from './clause-tense.js';
import {
  addDays, addMonths, compareDays, daysInMonth, fmtDay, fmtInterval, fmtMonth, fmtYear, isoWeekday,
  isValidDay, weekStart, type Day,
} from './edtf.js';

export interface ResolveContext { ref: Day | null; tense: Tense }
export interface Resolution { value: string; implied: string[] }

/** A proposed time expression, offsets into doc.text. */
export interface TimeCandidate {
  start: number;
  end: number;
  rule: string;
  confidence: number;
  /** true when the value depends on the reference day ("on Monday", "last year", "in December") */
  relative: boolean;
  /** what the text states, when refiners need it: a month alone ("in December"), a weekday alone, a clock time alone */
  shape?: 'month' | 'weekday' | 'time';
  /** null when the text does not determine a value (e.g. an invalid calendar day) */
  resolve(ctx: ResolveContext): Resolution | null;
}

/** "last"/"next" force a direction; "this" and no modifier follow the clause's tense. */
export type Direction = 'last' | 'next' | 'this' | null;

export function directionOf(word: string | undefined): Direction {
  const w = (word ?? '').toLowerCase();
  if (w === 'last' || w === 'past' || w === 'previous') return 'last';
  if (w === 'next' || w === 'coming') return 'next';
  if (w === 'this') return 'this';
  return null;
}

/**
 * A weekday (1 = Monday … 7 = Sunday) seen from `ref`. Past or present clause (or no tense):
 * the most recent such day on or before `ref`; future clause: the next one on or after `ref`.
 * "last Friday" is strictly before, "next Friday" strictly after.
 * @example resolveWeekday({y:2024,m:3,d:18}, 6, null, 'past') → 2024-03-16
 */
export function resolveWeekday(ref: Day, weekday: number, dir: Direction, tense: Tense): Day {
  const today = isoWeekday(ref);
  const back = (today - weekday + 7) % 7; // 0 when ref is that weekday
  const fwd = (weekday - today + 7) % 7;
  if (dir === 'last') return addDays(ref, -(back === 0 ? 7 : back));
  if (dir === 'next') return addDays(ref, fwd === 0 ? 7 : fwd);
  if (tense === 'future') return addDays(ref, fwd);
  return addDays(ref, -back);
}

/**
 * A month without a year. Past clause: the most recent such month on or before `ref`'s month;
 * future: the next one on or after; otherwise the nearest (ties go to the past).
 * @example resolveMonth({y:2024,m:3,d:18}, 12, null, 'past') → { y: 2023, m: 12 }
 */
export function resolveMonth(ref: Day, month: number, dir: Direction, tense: Tense): { y: number; m: number } {
  const before = month <= ref.m ? ref.y : ref.y - 1;
  const after = month >= ref.m ? ref.y : ref.y + 1;
  if (dir === 'last') return { y: month < ref.m ? ref.y : ref.y - 1, m: month };
  if (dir === 'next') return { y: month > ref.m ? ref.y : ref.y + 1, m: month };
  if (tense === 'past' || tense === 'present' && dir !== 'this') return { y: before, m: month };
  if (tense === 'future') return { y: after, m: month };
  const dist = (y: number) => Math.abs((y * 12 + month) - (ref.y * 12 + ref.m));
  return { y: dist(before) <= dist(after) ? before : after, m: month };
}

/** A month and day without a year ("April 3"), by the same policy as {@link resolveMonth}. */
export function resolveMonthDay(ref: Day, month: number, day: number, tense: Tense): Day | null {
  const mk = (y: number): Day | null => (isValidDay(y, month, day) ? { y, m: month, d: day } : null);
  const thisYear = mk(ref.y) ?? mk(ref.y - 1) ?? mk(ref.y + 1);
  if (!thisYear) return null;
  const cmp = compareDays({ y: ref.y, m: month, d: Math.min(day, daysInMonth(ref.y, month)) }, ref);
  const before = cmp <= 0 ? mk(ref.y) : mk(ref.y - 1);
  const after = cmp >= 0 ? mk(ref.y) : mk(ref.y + 1);
  if (tense === 'past' || tense === 'present') return before ?? after;
  if (tense === 'future') return after ?? before;
  if (!before) return after;
  if (!after) return before;
  const db = Math.abs(compareDays(ref, before)), da = Math.abs(compareDays(after, ref));
  return db <= da ? before : after;
}

/** The Saturday–Sunday weekend: on or before `ref` (past), the coming one (future). */
export function resolveWeekend(ref: Day, dir: Direction, tense: Tense): string {
  const wd = isoWeekday(ref);
  let sat: Day;
  const lastSat = addDays(ref, -((wd - 6 + 7) % 7)); // most recent Saturday on or before ref
  if (dir === 'next') sat = addDays(ref, wd === 6 || wd === 7 ? 13 - wd : 6 - wd);
  else if (dir === 'last') sat = wd === 6 || wd === 7 ? addDays(lastSat, -7) : lastSat;
  else if (tense === 'future') sat = wd === 7 ? lastSat : addDays(ref, (6 - wd + 7) % 7);
  // Published on a Sunday, "over the weekend" is the one ending today; on a Saturday, the last one.
  else sat = wd === 6 ? addDays(ref, -7) : lastSat;
  return fmtInterval(fmtDay(sat), fmtDay(addDays(sat, 1)));
}

/** The Monday–Sunday week `offset` weeks from the one containing `ref`, as an EDTF interval. */
export function weekInterval(ref: Day, offset: number): string {
  const mon = addDays(weekStart(ref), 7 * offset);
  return fmtInterval(fmtDay(mon), fmtDay(addDays(mon, 6)));
}

/** A calendar unit shifted by `n` from `ref`: the EDTF value at that unit's granularity. */
export function shiftUnit(ref: Day, unit: 'day' | 'week' | 'month' | 'year' | 'decade', n: number): string {
  switch (unit) {
    case 'day': return fmtDay(addDays(ref, n));
    case 'week': return weekInterval(ref, n);
    case 'month': { const t = addMonths({ ...ref, d: 1 }, n); return fmtMonth(t.y, t.m); }
    case 'year': return fmtYear(ref.y + n);
    case 'decade': return `${String(Math.floor((ref.y + 10 * n) / 10)).padStart(3, '0')}X`;
  }
}
