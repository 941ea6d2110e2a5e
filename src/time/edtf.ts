/**
 * Calendar arithmetic on plain days (no time zones: a news date is a calendar day, and using
 * `Date` in local time would shift days on machines west of UTC) and EDTF formatting/reading.
 *
 * EDTF forms we write: "2024-03-18", "2024-03", "2024", "199X" (a decade, level 1 unspecified
 * digit), "2022-22" (summer 2022, level 1 season), "2024-03-18T14:30", and intervals "2024-03-16/2024-03-17".
 */

/** A calendar day; month 1–12. */
export interface Day { y: number; m: number; d: number }

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days in a month (month 1–12). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function toUtc(day: Day): number { return Date.UTC(day.y, day.m - 1, day.d); }
function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Adds (or subtracts) whole days. @example addDays({y:2024,m:3,d:18}, -2) → 2024-03-16 */
export function addDays(day: Day, n: number): Day { return fromUtc(toUtc(day) + n * 86400000); }

/** Adds whole months, keeping the day when it exists (clamped to the month's end). */
export function addMonths(day: Day, n: number): Day {
  const idx = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(idx / 12), m = (idx % 12) + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the ISO week containing `day`. */
export function weekStart(day: Day): Day { return addDays(day, 1 - isoWeekday(day)); }

export function compareDays(a: Day, b: Day): number { return toUtc(a) - toUtc(b); }

/** "2024-03-18" (also accepts a date-time, keeping the date part) → Day, or null when invalid. */
export function parseIsoDay(s: string | null | undefined): Day | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s.trim());
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  return isValidDay(y, mo, d) ? { y, m: mo, d } : null;
}

export function fmtDay(day: Day): string { return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`; }
export function fmtMonth(y: number, m: number): string { return `${pad(y, 4)}-${pad(m)}`; }
export function fmtYear(y: number): string { return pad(y, 4); }
export function fmtInterval(a: string, b: string): string { return a === b ? a : `${a}/${b}`; }

/**
 * The first and last day an EDTF value covers, for ordering events.
 * @example edtfBounds('2024-03') → { earliest: '2024-03-01', latest: '2024-03-31' }
 * @example edtfBounds('199X') → { earliest: '1990-01-01', latest: '1999-12-31' }
 */
export function edtfBounds(value: string | null): { earliest: string | null; latest: string | null } {
  if (!value) return { earliest: null, latest: null };
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    return { earliest: edtfBounds(a).earliest, latest: edtfBounds(b).latest };
  }
  const v = value.replace(/T.*$/, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return { earliest: v, latest: v };
  if ((m = /^(\d{4})-(2[1-4])$/.exec(v))) {
    // EDTF seasons (northern hemisphere): spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb
    const y = +m[1], s = +m[2];
    if (s === 24) return { earliest: `${m[1]}-12-01`, latest: `${pad(y + 1, 4)}-02-${pad(daysInMonth(y + 1, 2))}` };
    const first = 3 + (s - 21) * 3;
    return { earliest: `${m[1]}-${pad(first)}-01`, latest: `${m[1]}-${pad(first + 2)}-${pad(daysInMonth(y, first + 2))}` };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const y = +m[1], mo = +m[2];
    return { earliest: `${v}-01`, latest: `${v}-${pad(daysInMonth(y, mo))}` };
  }
  if ((m = /^(\d{4})$/.exec(v))) return { earliest: `${v}-01-01`, latest: `${v}-12-31` };
  if ((m = /^(\d{3})X$/.exec(v))) return { earliest: `${m[1]}0-01-01`, latest: `${m[1]}9-12-31` };
  if ((m = /^(\d{2})XX$/.exec(v))) return { earliest: `${m[1]}00-01-01`, latest: `${m[1]}99-12-31` };
  return { earliest: null, latest: null };
}
