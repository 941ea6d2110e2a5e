/**
 * Publication dates as they appear in pages and feeds → ISO 8601, or null. Accepts ISO 8601
 * (with or without offset), RFC 822 (RSS pubDate) and written dates in bylines ("Updated March
 * 18, 2024 10:32 AM EDT"). Anything impossible ("32/13/2024", "2024-02-30") or ambiguous
 * (all-numeric day/month orders) is ignored rather than guessed: a wrong reference date
 * silently shifts every relative time in the article.
 */
import * as chrono from 'chrono-node';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
// RFC 822 zone names still seen in feeds.
const ZONES: Record<string, string> = {
  UT: 'Z', UTC: 'Z', GMT: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00',
  MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function build(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, zone?: string | null): string | null {
  if (!validDay(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || Number.isNaN(h)) return date;
  if (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 60) return date;
  return `${date}T${pad(h)}:${pad(mi ?? 0)}:${pad(Math.min(s ?? 0, 59))}${zone ?? ''}`;
}

function normOffset(z: string | undefined): string | null {
  if (!z) return null;
  if (/^z$/i.test(z)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (m) return Number(m[2]) <= 14 && Number(m[3]) < 60 ? `${m[1]}${m[2]}:${m[3]}` : null;
  return ZONES[z.toUpperCase()] ?? null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Normalises a publication date, or returns null.
 * Example: `parseDateLoose('Mon, 18 Mar 2024 10:00:00 GMT')` → `'2024-03-18T10:00:00Z'`.
 */
export function parseDateLoose(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 200) return null;
  let m = ISO.exec(s);
  if (m) {
    const h = m[4] === undefined ? undefined : Number(m[4]);
    return build(Number(m[1]), Number(m[2]), Number(m[3]), h, Number(m[5]), m[6] === undefined ? 0 : Number(m[6]), normOffset(m[7]));
  }
  m = RFC822.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase().slice(0, m[2].length === 4 ? 4 : 3)] ?? MONTHS[m[2].toLowerCase().slice(0, 3)];
    if (!mo) return null;
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 70 ? 2000 : 1900;
    const h = m[4] === undefined ? undefined : Number(m[4]);
    return build(y, mo, Number(m[1]), h, Number(m[5]), m[6] === undefined ? 0 : Number(m[6]), h === undefined ? null : normOffset(m[7]) ?? null);
  }
  return parseWrittenDate(s);
}

/**
 * Written dates inside bylines ("Published 10:32 AM EDT, Mon March 18, 2024"): only when the
 * day, month and year are all stated with a month name — chrono's strict mode, no guessing.
 */
export function parseWrittenDate(s: string): string | null {
  if (!/[A-Za-z]{3}/.test(s) || !/\d{4}/.test(s)) return null;
  let results;
  try { results = chrono.strict.parse(s.slice(0, 200), new Date(Date.UTC(2000, 0, 1))); } catch { return null; }
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    // All-numeric forms ("03/04/2024") are ambiguous between day-month orders.
    if (!/[A-Za-z]{3}/.test(r.text)) continue;
    const y = c.get('year')!, mo = c.get('month')!, d = c.get('day')!;
    if (!c.isCertain('hour')) return build(y, mo, d);
    const off = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
    const zone = off === null || off === undefined ? null
      : off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
    return build(y, mo, d, c.get('hour')!, c.get('minute') ?? 0, 0, zone);
  }
  return null;
}
