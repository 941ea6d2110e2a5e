/**
 * Scoring our times against TIMEX3 gold (MEANTIME): of the gold DATE expressions, how many we
 * find (a time of ours overlaps the gold span) and, of those, how many have the right value.
 *
 * TIMEX3 and EDTF differ in form, so gold values are first brought to EDTF: ISO weeks
 * ("2008-W35") become their Monday–Sunday interval, PRESENT_REF becomes the document's creation
 * day, and a creation time written day-first ("03-02-2009", one MEANTIME file) is read as such.
 * A value then matches when the EDTF strings are equal. Gold without a usable value
 * ("XXXX-XX-XX", PAST_REF, FUTURE_REF) counts as found when overlapped but is left out of the
 * value accuracy, since no value could be right.
 */
import { addDays, fmtDay, parseIsoDay, type Day } from './edtf.js';

export interface GoldTimex { start?: number; end?: number; type: string; value: string; text?: string }
export interface FoundTime { start: number; end: number; value: string | null; text?: string }

export interface TimexScore {
  /** gold DATE expressions with a span */
  gold: number;
  /** of those, how many one of our times overlaps */
  found: number;
  /** found ones whose gold value is a comparable date */
  scorable: number;
  /** scorable ones whose value we got exactly */
  correct: number;
  /** correct / scorable */
  valueAccuracy: number;
  /** found / gold */
  recall: number;
  misses: { text: string; gold: string; ours: string | null }[];
}

/** "03-02-2009" (day first) or "2009-02-03" → Day. */
export function parseDct(dct: string): Day | null {
  const iso = parseIsoDay(dct);
  if (iso) return iso;
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(dct.trim());
  return m ? parseIsoDay(`${m[3]}-${m[2]}-${m[1]}`) : null;
}

/** ISO week "2008-W35" → "2008-08-25/2008-08-31". */
export function isoWeekInterval(year: number, week: number): string {
  const jan4: Day = { y: year, m: 1, d: 4 };
  const wd = new Date(Date.UTC(year, 0, 4)).getUTCDay() || 7;
  const mon = addDays(addDays(jan4, 1 - wd), (week - 1) * 7);
  return `${fmtDay(mon)}/${fmtDay(addDays(mon, 6))}`;
}

/**
 * A TIMEX3 value as EDTF, or null when it names no comparable date.
 * @example timexToEdtf('2008-W35', '2008-09-04') → '2008-08-25/2008-08-31'
 */
export function timexToEdtf(value: string, dct: string): string | null {
  const v = value.trim();
  const day = parseDct(dct);
  if (v === 'PRESENT_REF') return day ? fmtDay(day) : null;
  if (/^\d{2}-\d{2}-\d{4}$/.test(v)) { const d = parseDct(v); return d ? fmtDay(d) : null; }
  const w = /^(\d{4})-W(\d{2})$/.exec(v);
  if (w) return isoWeekInterval(+w[1], +w[2]);
  if (/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/.test(v)) return v;
  if (/^\d{3}X$/.test(v) || /^\d{3}$/.test(v)) return v.length === 3 ? `${v}X` : v;
  return null;
}

/**
 * Scores one document's times against its TIMEX3 gold.
 * @example scoreTimexValues(gold, doc.times, '2008-09-04').correct
 */
export function scoreTimexValues(gold: readonly GoldTimex[], found: readonly FoundTime[], dct: string): TimexScore {
  const s: TimexScore = { gold: 0, found: 0, scorable: 0, correct: 0, valueAccuracy: 0, recall: 0, misses: [] };
  for (const g of gold) {
    if (g.type !== 'DATE' || g.start === undefined || g.end === undefined) continue;
    s.gold++;
    const ours = found.filter((t) => t.start < g.end! && g.start! < t.end)
      .sort((a, b) => Math.abs(a.start - g.start!) - Math.abs(b.start - g.start!))[0];
    if (!ours) continue;
    s.found++;
    const want = timexToEdtf(g.value, dct);
    if (want === null) continue;
    s.scorable++;
    if (ours.value === want) s.correct++;
    else s.misses.push({ text: g.text ?? '', gold: want, ours: ours.value });
  }
  return finish(s);
}

function finish(s: TimexScore): TimexScore {
  s.valueAccuracy = s.scorable ? s.correct / s.scorable : 0;
  s.recall = s.gold ? s.found / s.gold : 0;
  return s;
}

/** Sums per-document scores. */
export function sumTimexScores(scores: readonly TimexScore[]): TimexScore {
  const t: TimexScore = { gold: 0, found: 0, scorable: 0, correct: 0, valueAccuracy: 0, recall: 0, misses: [] };
  for (const s of scores) {
    t.gold += s.gold; t.found += s.found; t.scorable += s.scorable; t.correct += s.correct; t.misses.push(...s.misses);
  }
  return finish(t);
}
