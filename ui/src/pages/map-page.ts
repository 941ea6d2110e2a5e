/**
 * World map: world-atlas countries (110m, bundled) drawn with d3-geo in SVG, shaded by the number of
 * events each country takes part in; located events as circles at their country; clicking a
 * country opens the event list filtered to it.
 */
import { geoCentroid, geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import atlas from 'world-atlas/countries-110m.json';
import countries from 'virtual:countries';
import { h, mount, s, tooltip } from '../dom.js';
import { api, type GeoView } from '../api.js';
import { go } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';

const W = 960, H = 500;
type Row = [string, string, string, number, number];
const rows = countries as Row[];
const byNumeric = new Map(rows.map((r) => [r[1], r]));
const byIso3 = new Map(rows.map((r) => [r[0], r]));

/** Sequential shading, light to dark, on a log scale so one busy country does not wash out the rest. */
function shade(n: number, max: number): string {
  if (n <= 0) return '#e6e8eb';
  const t = Math.log1p(n) / Math.log1p(Math.max(1, max));
  const l = 88 - t * 55;
  return `hsl(210, 60%, ${l.toFixed(1)}%)`;
}

export const mapPage: Page = async (root) => {
  const body = h('div', null, loading('Loading map data'));
  mount(root, h('h1', null, 'Map'), h('p', { class: 'muted' }, 'Countries shaded by the events they take part in (as actor, recipient or location). Circles: located events. Click a country to list its events.'), body);
  let geo: GeoView;
  try {
    geo = await api.geo({});
  } catch (e) {
    mount(body, errorBox(e));
    return;
  }
  const tip = tooltip();
  const topo = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  const projection = geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const activity = new Map(geo.countries.map((c) => [c.code, c]));
  const max = Math.max(0, ...geo.countries.map((c) => c.events));

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart world-map', id: 'world-map', role: 'img', 'aria-label': 'World map of event activity' });
  svg.append(s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }), s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  const centroids = new Map<string, [number, number]>();
  const g = s('g', { class: 'countries' });
  for (const f of fc.features as Feature<Geometry, { name: string }>[]) {
    const row = f.id !== undefined ? byNumeric.get(String(f.id).padStart(3, '0')) : undefined;
    const code = row?.[0] ?? null;
    const name = row?.[2] ?? f.properties?.name ?? 'unknown';
    const act = code ? activity.get(code) : undefined;
    const d = path(f);
    if (!d) continue;
    if (code) centroids.set(code, geoCentroid(f) as [number, number]);
    const p = s('path', { d, class: `country${act ? ' active' : ''}`, fill: shade(act?.events ?? 0, max), 'data-code': code ?? '', 'data-events': act?.events ?? 0 });
    const lines = [name + (code ? ` (${code})` : ''), act ? `${act.events} events: ${act.asActor} as actor, ${act.asRecipient} as recipient, ${act.asLocation} located here` : 'no events', act?.goldsteinMean != null ? `mean Goldstein ${act.goldsteinMean.toFixed(1)}` : ''];
    p.addEventListener('mousemove', (e) => tip.show(e as MouseEvent, lines.filter(Boolean)));
    p.addEventListener('mouseleave', () => tip.hide());
    if (code) p.addEventListener('click', () => { tip.hide(); go(['events'], { party: code }); });
    g.append(p);
  }
  svg.append(g);

  const dots = s('g', { class: 'located' });
  for (const loc of geo.located) {
    const ll = centroids.get(loc.code) ?? (byIso3.has(loc.code) ? [byIso3.get(loc.code)![4], byIso3.get(loc.code)![3]] as [number, number] : null);
    const xy = ll ? projection(ll) : null;
    if (!xy) continue;
    const c = s('circle', { cx: xy[0], cy: xy[1], r: 4 + Math.sqrt(loc.events) * 2.5, class: 'event-dot', 'data-code': loc.code, 'data-events': loc.events });
    const lines = [`${loc.location}: ${loc.events} located event${loc.events === 1 ? '' : 's'}`, ...loc.sample.map((e) => `${e.date ?? '—'} ${e.summary}`)];
    c.addEventListener('mousemove', (e) => tip.show(e as MouseEvent, lines));
    c.addEventListener('mouseleave', () => tip.hide());
    c.addEventListener('click', () => { tip.hide(); go(['events'], { party: loc.code }); });
    dots.append(c);
  }
  svg.append(dots);

  const top = [...geo.countries].sort((a, b) => b.events - a.events).slice(0, 15);
  mount(body,
    svg,
    geo.truncated ? h('p', { class: 'warning' }, `Showing the first ${geo.scanned} events only.`) : null,
    h('h2', null, 'Most active'),
    h('table', { class: 'events compact', id: 'country-table' },
      h('thead', null, h('tr', null, ['Country', 'Events', 'As actor', 'As recipient', 'Located', ''].map((t) => h('th', null, t)))),
      h('tbody', null, top.map((c) => h('tr', null,
        h('td', null, h('a', { href: `#/events?party=${encodeURIComponent(c.code)}` }, byIso3.get(c.code)?.[2] ?? c.code)),
        h('td', { class: 'num' }, String(c.events)), h('td', { class: 'num' }, String(c.asActor)),
        h('td', { class: 'num' }, String(c.asRecipient)), h('td', { class: 'num' }, String(c.asLocation)),
        h('td', null, h('a', { href: `#/posture/${encodeURIComponent(c.code)}` }, 'posture')))))),
  );
};
