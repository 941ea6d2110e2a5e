/** Actor graph: who acts on whom, edges weighted by the number of fused events and coloured by mean Goldstein. */
import { h, mount, s, tooltip } from '../dom.js';
import { api, type GraphView } from '../api.js';
import { go, link, type Route } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';
import { layout } from '../force-layout.js';

const W = 960, H = 620;

function edgeColor(g: number | null): string {
  if (g === null) return '#8a8f98';
  const t = Math.max(-1, Math.min(1, g / 10));
  return t >= 0 ? `hsl(140, ${(35 + t * 40).toFixed(0)}%, ${(45 - t * 12).toFixed(0)}%)` : `hsl(6, ${(35 - t * 40).toFixed(0)}%, ${(48 + t * 8).toFixed(0)}%)`;
}

function draw(g: GraphView): SVGSVGElement {
  const tip = tooltip();
  const nodes = [...g.nodes].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, 60);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = g.edges.filter((e) => keep.has(e.source) && keep.has(e.target) && e.source !== e.target);
  const pos = new Map(layout(nodes.map((n) => ({ id: n.id, weight: n.events })), edges.map((e) => ({ source: e.source, target: e.target, weight: e.events })), W, H).map((p) => [p.id, p]));
  const maxEv = Math.max(1, ...nodes.map((n) => n.events));
  const radius = (ev: number) => 6 + 16 * Math.sqrt(ev / maxEv);

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart actor-graph', id: 'actor-graph', role: 'img', 'aria-label': 'Actor graph' });
  svg.append(s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))));
  const maxE = Math.max(1, ...edges.map((e) => e.events));
  const eg = s('g', { class: 'edges' });
  for (const e of edges) {
    const a = pos.get(e.source)!, b = pos.get(e.target)!;
    const ra = radius(nodes.find((n) => n.id === e.source)!.events), rb = radius(nodes.find((n) => n.id === e.target)!.events);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy) || 1;
    // Bend each direction to its own side so A→B and B→A stay apart.
    const bend = 0.12 * d;
    const mx = (a.x + b.x) / 2 - (dy / d) * bend, my = (a.y + b.y) / 2 + (dx / d) * bend;
    const sx = a.x + ((mx - a.x) / Math.hypot(mx - a.x, my - a.y)) * ra, sy = a.y + ((my - a.y) / Math.hypot(mx - a.x, my - a.y)) * ra;
    const tx = b.x + ((mx - b.x) / Math.hypot(mx - b.x, my - b.y)) * (rb + 2), ty = b.y + ((my - b.y) / Math.hypot(mx - b.x, my - b.y)) * (rb + 2);
    const p = s('path', {
      d: `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
      class: 'edge', stroke: edgeColor(e.goldsteinMean), 'stroke-width': (1 + 5 * Math.sqrt(e.events / maxE)).toFixed(1), 'marker-end': 'url(#arrow)',
      'data-source': e.source, 'data-target': e.target,
    });
    const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
    const lines = [`${label(e.source)} → ${label(e.target)}: ${e.events} event${e.events === 1 ? '' : 's'}`, `mean Goldstein ${e.goldsteinMean?.toFixed(1) ?? 'n/a'}`, `quads: ${e.quad.join(' / ')} (verbal coop / material coop / verbal conflict / material conflict)`];
    p.addEventListener('mousemove', (ev) => tip.show(ev as MouseEvent, lines));
    p.addEventListener('mouseleave', () => tip.hide());
    p.addEventListener('click', () => { tip.hide(); go(['timeline'], { a: e.source, b: e.target }); });
    eg.append(p);
  }
  const ng = s('g', { class: 'nodes' });
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const r = radius(n.events);
    const node = s('g', { class: `node type-${n.type}`, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, 'data-id': n.id, tabindex: 0 },
      s('circle', { r: r.toFixed(1) }),
      s('text', { y: (r + 12).toFixed(1), 'text-anchor': 'middle' }, n.label.length > 28 ? n.label.slice(0, 27) + '…' : n.label));
    node.addEventListener('mousemove', (ev) => tip.show(ev as MouseEvent, [n.label, `${n.type}${n.code ? ` · ${n.code}` : ''}`, `${n.events} events`]));
    node.addEventListener('mouseleave', () => tip.hide());
    node.addEventListener('click', () => { tip.hide(); go(['events'], { party: n.id }); });
    ng.append(node);
  }
  svg.append(eg, ng);
  return svg;
}

export const graphPage: Page = async (root, route: Route) => {
  const level = route.params.get('level') === 'actor' ? 'actor' : 'code';
  const body = h('div', null, loading('Loading graph'));
  mount(root, h('h1', null, 'Actor graph'),
    h('p', { class: 'muted' }, 'Who acts on whom: arrows point from actor to recipient, thicker for more events, green for cooperation, red for conflict. Click a node for its events, an arrow for the dyad timeline.'),
    h('p', { class: 'tabs' },
      h('a', { href: link(['graph'], { level: 'code' }), class: level === 'code' ? 'active' : null }, 'Countries and organisations'), ' · ',
      h('a', { href: link(['graph'], { level: 'actor' }), class: level === 'actor' ? 'active' : null }, 'Individual actors')),
    body);
  try {
    const g = await api.graph({ level });
    mount(body, g.nodes.length ? draw(g) : h('p', { class: 'muted' }, 'No events stored yet.'),
      g.truncated ? h('p', { class: 'warning' }, `Built from the first ${g.scanned} events only.`) : null);
  } catch (e) {
    mount(body, errorBox(e));
  }
};
