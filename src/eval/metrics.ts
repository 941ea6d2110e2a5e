/**
 * Counts and ratios shared by the gold scorer and the dev harness. A ratio keeps its numerator
 * and denominator so a report can say "0.85 (17/20)" and totals add up across documents.
 */

export interface Ratio { n: number; d: number; value: number }

/** n/d, and 0 when nothing was counted (an empty output has no precision to boast of). */
export function ratio(n: number, d: number): Ratio {
  return { n, d, value: d === 0 ? 0 : n / d };
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n + b.n, a.d + b.d);
}

export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Precision, recall and F1 from counts. */
export interface Prf { precision: Ratio; recall: Ratio; f1: number }

export function prf(tpPredicted: number, predicted: number, tpGold: number, gold: number): Prf {
  const precision = ratio(tpPredicted, predicted);
  const recall = ratio(tpGold, gold);
  return { precision, recall, f1: f1(precision.value, recall.value) };
}

export function addPrf(a: Prf, b: Prf): Prf {
  return prf(a.precision.n + b.precision.n, a.precision.d + b.precision.d, a.recall.n + b.recall.n, a.recall.d + b.recall.d);
}

/** "0.85 (17/20)", or "– (0/0)" when nothing was counted. */
export function showRatio(r: Ratio): string {
  return `${r.d === 0 ? '   – ' : r.value.toFixed(3)} (${r.n}/${r.d})`;
}

/** Rounded for machine output, so JSON figures are stable across platforms. */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export interface FloorFailure { metric: string; floor: number; measured: number | null }

/**
 * Compares measured metrics with pinned floors (trafilatura's eval gate). A floor naming a
 * metric that was not measured fails too, so a renamed metric cannot silently pass.
 * @example checkFloors({ 'events.recall': 0.8 }, { 'events.recall': 0.9 }) // one failure
 */
export function checkFloors(measured: Record<string, number>, floors: Record<string, number>): FloorFailure[] {
  const out: FloorFailure[] = [];
  for (const [metric, floor] of Object.entries(floors).sort(([a], [b]) => a.localeCompare(b))) {
    const m = measured[metric];
    if (m === undefined) out.push({ metric, floor, measured: null });
    // Figures are compared at 4 decimals, as they are stored.
    else if (round4(m) + 1e-9 < floor) out.push({ metric, floor, measured: round4(m) });
  }
  return out;
}
