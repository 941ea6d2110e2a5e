/**
 * Maximum-weight one-to-one matching between predictions and gold items (the Hungarian
 * algorithm). Greedy matching in list order lets an early prediction take a gold item that a
 * later one needed, so the score would depend on output order; an optimal assignment does not.
 */

/**
 * Returns pairs [row, col] of a matching that maximises the total weight; only pairs with a
 * positive weight are returned. Deterministic: ties resolve the same way for the same input.
 * @example maxWeightMatching(2, 2, (r, c) => (r === c ? 1 : 0)) // [[0, 0], [1, 1]]
 */
export function maxWeightMatching(rows: number, cols: number, weight: (row: number, col: number) => number): [number, number][] {
  if (rows === 0 || cols === 0) return [];
  const n = Math.max(rows, cols);
  const w: number[][] = [];
  let maxW = 0;
  for (let r = 0; r < n; r++) {
    const line: number[] = [];
    for (let c = 0; c < n; c++) {
      const x = r < rows && c < cols ? Math.max(0, weight(r, c)) : 0;
      line.push(x);
      if (x > maxW) maxW = x;
    }
    w.push(line);
  }
  // Minimum-cost assignment on cost = maxW - weight (1-based arrays, potentials u/v; e-maxx form).
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = (maxW - w[i0 - 1][j - 1]) - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const out: [number, number][] = [];
  for (let j = 1; j <= n; j++) {
    const r = p[j] - 1;
    const c = j - 1;
    if (r < rows && c < cols && w[r][c] > 0) out.push([r, c]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
