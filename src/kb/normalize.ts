/**
 * Small normalisations shared by the knowledge base: names (to match actors across articles),
 * EDTF dates (to ranges of days for ordering, filtering and fusion), periods (for timelines).
 */

/**
 * A name folded for matching: NFKC, no diacritics, lower case, punctuation to spaces, a leading
 * "the" dropped ("The Pentagon" = "Pentagon"), curly quotes straightened.
 * @example normName('Côte d’Ivoire') // 'cote d ivoire'
 */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (month 1..12). */
function monthDays(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** The first and last day of one EDTF date (no interval), or null when it is not one we read. */
function singleRange(v: string): { lo: string; hi: string } | null {
  // EDTF qualifiers (uncertain "?", approximate "~", both "%") do not move the range.
  const s = v.trim().replace(/[?~%]/g, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo)) return null;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { lo: day, hi: day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo >= 1 && mo <= 12) return { lo: `${m[1]}-${m[2]}-01`, hi: `${m[1]}-${m[2]}-${pad(monthDays(y, mo))}` };
    // EDTF seasons 21–24 (spring … winter), northern hemisphere as EDTF defines them
    const seasons: Record<number, [string, string]> = { 21: ['03-01', '05-31'], 22: ['06-01', '08-31'], 23: ['09-01', '11-30'], 24: ['12-01', '12-31'] };
    const se = seasons[mo];
    return se ? { lo: `${m[1]}-${se[0]}`, hi: `${m[1]}-${se[1]}` } : null;
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return { lo: `${m[1]}-01-01`, hi: `${m[1]}-12-31` };
  return null;
}

/**
 * The range of days an EDTF value covers, or null when it is empty or unreadable.
 * @example edtfRange('2024-03-16/2024-03-17') // { lo: '2024-03-16', hi: '2024-03-17' }
 * @example edtfRange('2023-07') // { lo: '2023-07-01', hi: '2023-07-31' }
 */
export function edtfRange(value: string | null | undefined): { lo: string; hi: string } | null {
  if (!value) return null;
  const parts = value.split('/');
  if (parts.length === 1) return singleRange(parts[0]);
  if (parts.length !== 2) return null;
  const a = parts[0] === '' || parts[0] === '..' ? null : singleRange(parts[0]);
  const b = parts[1] === '' || parts[1] === '..' ? null : singleRange(parts[1]);
  if (!a && !b) return null;
  const lo = a ? a.lo : b!.lo;
  const hi = b ? b.hi : a!.hi;
  return lo <= hi ? { lo, hi } : { lo: hi, hi: lo };
}

/** The day (YYYY-MM-DD) of an ISO date or date-time, or null. */
export function dayOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = iso.slice(0, 10);
  return DAY_RE.test(d) ? d : null;
}

/** Adds n days to a YYYY-MM-DD day. */
export function addDays(day: string, n: number): string {
  const t = Date.parse(day + 'T00:00:00Z') + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

/** Number of days an EDTF range covers (1 for a day): a precision measure. */
export function rangeDays(r: { lo: string; hi: string }): number {
  return daysBetween(r.lo, r.hi) + 1;
}

export type PeriodKind = 'day' | 'week' | 'month' | 'year';

/**
 * The period a day falls in, with its label and first/last day. Weeks are ISO weeks (Monday first).
 * @example periodOf('2024-03-18', 'week') // { label: '2024-W12', start: '2024-03-18', end: '2024-03-24' }
 */
export function periodOf(day: string, kind: PeriodKind): { label: string; start: string; end: string } {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (kind) {
    case 'day': return { label: day, start: day, end: day };
    case 'month': return { label: day.slice(0, 7), start: `${day.slice(0, 7)}-01`, end: `${day.slice(0, 7)}-${pad(monthDays(y, m))}` };
    case 'year': return { label: day.slice(0, 4), start: `${day.slice(0, 4)}-01-01`, end: `${day.slice(0, 4)}-12-31` };
    case 'week': {
      const t = new Date(day + 'T00:00:00Z');
      const dow = (t.getUTCDay() + 6) % 7; // Monday 0
      const start = addDays(day, -dow);
      const thursday = new Date(Date.parse(start + 'T00:00:00Z') + 3 * 86400000);
      const isoYear = thursday.getUTCFullYear();
      const jan4 = new Date(Date.UTC(isoYear, 0, 4));
      const week1 = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
      const week = Math.floor(daysBetween(week1, start) / 7) + 1;
      return { label: `${isoYear}-W${pad(week)}`, start, end: addDays(start, 6) };
    }
  }
}

/** Whether a string is a real YYYY-MM-DD day. */
export function isDay(s: string): boolean {
  return singleRange(s)?.lo === s;
}
