/** Date arithmetic for charts: ISO day strings ↔ epoch days, and readable ticks. */

const DAY = 86_400_000;

/** "2024-03-18" → days since 1970-01-01 (UTC); partial dates take their first day. */
export function dayNumber(iso: string): number {
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / DAY;
}

export function isoDay(n: number): string {
  return new Date(Math.round(n) * DAY).toISOString().slice(0, 10);
}

/** About `count` ticks across [lo, hi] days, on day, month or year boundaries depending on the span. */
export function dateTicks(lo: number, hi: number, count = 6): { at: number; label: string }[] {
  const span = Math.max(1, hi - lo);
  const out: { at: number; label: string }[] = [];
  if (span <= count * 2) {
    for (let d = Math.ceil(lo); d <= hi; d += Math.max(1, Math.round(span / count))) out.push({ at: d, label: isoDay(d) });
    return out;
  }
  if (span <= 365 * 2) {
    const step = Math.max(1, Math.round(span / 30 / count));
    const start = new Date(lo * DAY);
    let y = start.getUTCFullYear(), mo = start.getUTCMonth() + 1;
    for (let i = 0; i < 400; i++) {
      const at = Date.UTC(y, mo, 1) / DAY;
      if (at > hi) break;
      if (at >= lo && (mo % step === 0)) out.push({ at, label: isoDay(at).slice(0, 7) });
      mo++;
      if (mo > 11) { mo = 0; y++; }
    }
    return out;
  }
  const step = Math.max(1, Math.round(span / 365 / count));
  for (let y = new Date(lo * DAY).getUTCFullYear() + 1; ; y += step) {
    const at = Date.UTC(y, 0, 1) / DAY;
    if (at > hi) break;
    out.push({ at, label: String(y) });
  }
  return out;
}
