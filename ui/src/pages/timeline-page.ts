/**
 * Dyad timeline: every event between two actors as a point by date, y = Goldstein score (cooperation
 * up, conflict down) or quad class; period means as a line; the explicit state changes below.
 */
import { h, mount, s, tooltip } from '../dom.js';
import { api, type EventView, type TimelineView } from '../api.js';
import { go, link, type Route } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';
import { actorLinks, eventDate, evidenceLink, modalityTag, quadColor, typeBadge, yScore } from '../event-bits.js';
import { dateTicks, dayNumber } from '../time-scale.js';

const W = 920, H = 360, M = { l: 56, r: 20, t: 20, b: 36 };
const QUAD_Y: Record<number, number> = { 1: 2.5, 2: 7.5, 3: -2.5, 4: -7.5 };

function mid(ev: EventView): number {
  const lo = dayNumber(ev.dateLo ?? ''), hi = dayNumber(ev.dateHi ?? ev.dateLo ?? '');
  return Number.isNaN(hi) ? lo : (lo + hi) / 2;
}

function chart(tl: TimelineView, events: EventView[], yMode: 'goldstein' | 'quad'): SVGSVGElement {
  const tip = tooltip();
  const dated = events.filter((e) => !Number.isNaN(mid(e)));
  const xs = dated.map(mid);
  let lo = Math.min(...xs), hi = Math.max(...xs);
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  const pad = Math.max(1, (hi - lo) * 0.05);
  lo -= pad; hi += pad;
  const x = (d: number) => M.l + ((d - lo) / (hi - lo)) * (W - M.l - M.r);
  const y = (v: number) => M.t + ((10 - v) / 20) * (H - M.t - M.b);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline-chart', id: 'timeline-chart', role: 'img', 'aria-label': `Events between ${tl.aLabel} and ${tl.bLabel} over time` });

  // Background bands: cooperation above zero, conflict below.
  svg.append(
    s('rect', { x: M.l, y: y(10), width: W - M.l - M.r, height: y(0) - y(10), class: 'band-coop' }),
    s('rect', { x: M.l, y: y(0), width: W - M.l - M.r, height: y(-10) - y(0), class: 'band-conflict' }),
  );
  const yTicks = yMode === 'goldstein'
    ? [-10, -5, 0, 5, 10].map((v) => ({ v, label: String(v) }))
    : [{ v: 7.5, label: 'material coop.' }, { v: 2.5, label: 'verbal coop.' }, { v: -2.5, label: 'verbal conflict' }, { v: -7.5, label: 'material conflict' }];
  for (const t of yTicks) {
    svg.append(s('line', { x1: M.l, x2: W - M.r, y1: y(t.v), y2: y(t.v), class: t.v === 0 ? 'axis zero' : 'grid' }),
      s('text', { x: M.l - 6, y: y(t.v) + 4, class: 'tick', 'text-anchor': 'end' }, yMode === 'goldstein' ? t.label : t.label.split(' ')[0]));
  }
  for (const t of dateTicks(lo, hi)) {
    svg.append(s('line', { x1: x(t.at), x2: x(t.at), y1: H - M.b, y2: H - M.b + 5, class: 'axis' }),
      s('text', { x: x(t.at), y: H - M.b + 18, class: 'tick', 'text-anchor': 'middle' }, t.label));
  }
  svg.append(s('text', { x: 12, y: y(8), class: 'axis-label', transform: `rotate(-90 12 ${y(8)})`, 'text-anchor': 'end' }, 'cooperation'),
    s('text', { x: 12, y: y(-1), class: 'axis-label', transform: `rotate(-90 12 ${y(-1)})`, 'text-anchor': 'end' }, 'conflict'));

  // Mean Goldstein per period, as a step line.
  if (yMode === 'goldstein') {
    const pts = tl.periods.filter((p) => p.goldsteinMean !== null).map((p) => [x((dayNumber(p.start) + dayNumber(p.end)) / 2), y(p.goldsteinMean as number)]);
    if (pts.length > 1) svg.append(s('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: 'period-mean' }));
  }

  // Points sharing a day and a score are spread sideways so each stays clickable.
  const seen = new Map<string, number>();
  for (const ev of dated) {
    const v = yMode === 'goldstein' ? yScore(ev) : QUAD_Y[ev.quad];
    const key = `${Math.round(x(mid(ev)))}:${Math.round(y(v))}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const cx = x(mid(ev)) + (n % 2 ? 1 : -1) * Math.ceil(n / 2) * 9;
    const forward = ev.actor.some((a) => tl.a.some((b) => b.id === a.id));
    const c = s('circle', {
      cx, cy: y(v), r: 6, class: `point quad-${ev.quad}${ev.goldstein === null ? ' no-score' : ''}${forward ? ' a-to-b' : ' b-to-a'}`,
      fill: quadColor(ev.quad), 'data-event': ev.id, 'data-date': ev.dateLo ?? '', tabindex: 0,
    });
    const lines = [
      `${eventDate(ev)} · ${ev.type}${ev.modality !== 'asserted' ? ` (${ev.modality})` : ''}`,
      `${ev.actor.map((a) => a.name).join(' + ') || '—'} → ${ev.recipient.map((a) => a.name).join(' + ') || '—'}`,
      ev.summary,
      `Goldstein ${ev.goldstein ?? 'n/a'} · ${ev.sources} source${ev.sources === 1 ? '' : 's'}`,
    ];
    c.addEventListener('mouseenter', (e) => tip.show(e as MouseEvent, lines));
    c.addEventListener('mousemove', (e) => tip.show(e as MouseEvent, lines));
    c.addEventListener('mouseleave', () => tip.hide());
    c.addEventListener('click', () => { tip.hide(); const href = evidenceLink(ev); if (href) location.hash = href; });
    svg.append(c);
  }
  return svg;
}

export const timelinePage: Page = async (root, route: Route) => {
  const a = route.params.get('a') ?? '';
  const b = route.params.get('b') ?? '';
  const yMode = route.params.get('y') === 'quad' ? 'quad' : 'goldstein';
  const period = route.params.get('period') ?? '';
  // Asserted events only by default: a denial or a hypothesis did not move the relation.
  const all = route.params.get('all') === '1';
  const aIn = h('input', { name: 'a', placeholder: 'USA', required: true }); aIn.value = a;
  const bIn = h('input', { name: 'b', placeholder: 'NER', required: true }); bIn.value = b;
  const ySel = h('select', { name: 'y' }, h('option', { value: 'goldstein' }, 'Goldstein score'), h('option', { value: 'quad' }, 'Quad class'));
  ySel.value = yMode;
  const allIn = h('input', { type: 'checkbox', name: 'all' });
  allIn.checked = all;
  const pSel = h('select', { name: 'period' }, ['', 'day', 'week', 'month', 'year'].map((p) => h('option', { value: p }, p || 'auto')));
  pSel.value = period;
  const form = h('form', { class: 'filters inline' },
    h('label', { class: 'field' }, h('span', null, 'Side A'), aIn),
    h('label', { class: 'field' }, h('span', null, 'Side B'), bIn),
    h('label', { class: 'field' }, h('span', null, 'y axis'), ySel),
    h('label', { class: 'field' }, h('span', null, 'Period'), pSel),
    h('label', { class: 'field check' }, h('span', null, 'Also negated, hypothetical, future'), allIn),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', (e) => { e.preventDefault(); go(['timeline'], { a: aIn.value.trim(), b: bIn.value.trim(), y: ySel.value === 'quad' ? 'quad' : null, period: pSel.value || null, all: allIn.checked ? '1' : null }); });
  const body = h('div', null);
  mount(root, h('h1', null, 'Dyad timeline'), form, body);

  if (!a || !b) {
    mount(body, loading('Finding the busiest pairs'));
    try {
      const g = await api.graph({ level: 'code' });
      const top = [...g.edges].sort((p, q) => q.events - p.events).slice(0, 12);
      mount(body, h('p', null, 'Choose two sides (a country code, an IGO, an actor name or id). Busiest pairs:'),
        top.length ? h('ul', { class: 'pairs' }, top.map((e) => h('li', null, h('a', { href: link(['timeline'], { a: e.source, b: e.target }) }, `${e.source} → ${e.target}`), ` (${e.events})`))) : h('p', { class: 'muted' }, 'No events stored yet.'));
    } catch (e) { mount(body, errorBox(e)); }
    return;
  }
  mount(body, loading('Loading timeline'));
  try {
    const tl = await api.timeline({ a, b, period: period || undefined, modality: all ? 'asserted,negated,hypothetical,future' : undefined });
    const events = [...tl.events].sort((p, q) => (p.dateLo ?? '').localeCompare(q.dateLo ?? '') || p.id.localeCompare(q.id));
    mount(body,
      h('p', { class: 'count' }, `${tl.aLabel} ↔ ${tl.bLabel}: ${events.length} events`, tl.a.length ? ` (A = ${tl.a.map((x) => x.name).join(', ')}; B = ${tl.b.map((x) => x.name).join(', ')})` : ''),
      events.length ? chart(tl, events, yMode) : h('p', { class: 'muted' }, 'No events between these two sides.'),
      h('p', { class: 'legend' }, [1, 2, 3, 4].map((q) => h('span', { class: `badge quad-${q}` }, ['verbal coop.', 'material coop.', 'verbal conflict', 'material conflict'][q - 1])),
        ' · hollow points: no Goldstein score (placed by quad class) · line: mean per period'),
      tl.states.length ? h('section', { class: 'states' }, h('h2', null, 'State of the relation'),
        h('ul', { id: 'state-changes' }, tl.states.map((st) => h('li', null, st.sentence)))) : null,
      h('h2', null, 'Events in date order'),
      h('table', { class: 'events', id: 'timeline-events' },
        h('thead', null, h('tr', null, ['Date', 'Type', 'Actor', 'Recipient', 'What'].map((t) => h('th', null, t)))),
        h('tbody', null, events.map((ev) => {
          const href = evidenceLink(ev);
          return h('tr', { class: 'event-row', 'data-event': ev.id, 'data-date': ev.dateLo ?? '' },
            h('td', { class: 'date' }, eventDate(ev)), h('td', null, typeBadge(ev)),
            h('td', null, actorLinks(ev.actor)), h('td', null, actorLinks(ev.recipient)),
            h('td', null, href ? h('a', { href }, ev.summary) : ev.summary, ' ', modalityTag(ev.modality)));
        }))),
    );
  } catch (e) {
    mount(body, errorBox(e));
  }
};
