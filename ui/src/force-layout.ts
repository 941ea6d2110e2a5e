/**
 * A small deterministic force layout (Fruchterman–Reingold with cooling): enough for the few dozen
 * nodes of an actor graph, without a layout library. Same input → same picture.
 */
export interface LayoutNode { id: string; weight: number; x: number; y: number }
export interface LayoutEdge { source: string; target: string; weight: number }

/**
 * Positions nodes inside [0,w]×[0,h].
 * @example layout([{ id: 'USA', weight: 3 }, { id: 'NER', weight: 2 }], [{ source: 'USA', target: 'NER', weight: 2 }], 600, 400)
 */
export function layout(nodes: { id: string; weight: number }[], edges: LayoutEdge[], w: number, h: number, iterations = 300): LayoutNode[] {
  const n = nodes.length;
  const cx = w / 2, cy = h / 2;
  const R = Math.min(w, h) * 0.38;
  const out: LayoutNode[] = nodes.map((nd, i) => ({ ...nd, x: cx + R * Math.cos((2 * Math.PI * i) / Math.max(1, n)), y: cy + R * Math.sin((2 * Math.PI * i) / Math.max(1, n)) }));
  if (n <= 2) return out;
  const index = new Map(out.map((p, i) => [p.id, i]));
  const k = Math.sqrt((w * h) / n) * 0.4;
  let temp = Math.min(w, h) / 8;
  const dx = new Float64Array(n), dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0); dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = out[i].x - out[j].x, ddy = out[i].y - out[j].y;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 0.01) { ddx = 0.1 * (i - j); ddy = 0.1; d2 = ddx * ddx + ddy * ddy; }
        const f = (k * k) / d2;
        dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      const ddx = out[i].x - out[j].x, ddy = out[i].y - out[j].y;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = (d / k) * (1 + Math.log1p(e.weight) * 0.5);
      dx[i] -= ddx * f; dy[i] -= ddy * f; dx[j] += ddx * f; dy[j] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gentle gravity keeps disconnected pieces on screen.
      dx[i] += (cx - out[i].x) * 0.08 * k / 10; dy[i] += (cy - out[i].y) * 0.08 * k / 10;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(d, temp);
      out[i].x = Math.max(30, Math.min(w - 30, out[i].x + (dx[i] / d) * step));
      out[i].y = Math.max(20, Math.min(h - 20, out[i].y + (dy[i] / d) * step));
    }
    temp *= 0.985;
  }
  return fit(out, w, h);
}

/** Scales and centres the layout uniformly to fill the box (labels need a margin). */
function fit(nodes: LayoutNode[], w: number, h: number, mx = 70, my = 40): LayoutNode[] {
  const xs = nodes.map((p) => p.x), ys = nodes.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((w - 2 * mx) / Math.max(1, x1 - x0), (h - 2 * my) / Math.max(1, y1 - y0), 3);
  const ox = (w - (x1 - x0) * scale) / 2, oy = (h - (y1 - y0) * scale) / 2;
  return nodes.map((p) => ({ ...p, x: ox + (p.x - x0) * scale, y: oy + (p.y - y0) * scale }));
}
