/** Force posture of one host country: foreign deployments over time, facilities, and movements, each with sources. */
import { h, mount } from '../dom.js';
import { api, type PostureView } from '../api.js';
import { go, link, type Route } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';
import { actorLinks, eventDate, evidenceLink, typeBadge } from '../event-bits.js';

type Source = PostureView['facilities'][number]['sources'][number];

function sources(list: Source[]): HTMLElement {
  return h('ul', { class: 'sources' }, list.map((src) => h('li', null,
    h('a', { href: link(['article', src.article.id]) }, src.article.title ?? src.article.id),
    src.article.published ? ` (${src.article.published})` : '',
    src.speaker ? ` · according to ${src.speaker.name}` : '',
    src.evidence.length ? h('div', { class: 'excerpt' }, src.evidence.map((e) => e.text).join(' … ')) : null)));
}

export const posturePage: Page = async (root, route: Route) => {
  const country = route.params.get('country') ?? route.path[1] ?? '';
  const input = h('input', { name: 'country', placeholder: 'NER', required: true });
  input.value = country;
  const form = h('form', { class: 'filters inline' }, h('label', { class: 'field' }, h('span', null, 'Host country'), input), h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', (e) => { e.preventDefault(); if (input.value.trim()) go(['posture', input.value.trim()]); });
  const body = h('div', null);
  mount(root, h('h1', null, 'Force posture'), form, body);
  if (!country) { mount(body, h('p', { class: 'muted' }, 'Give a host country (ISO code or name) to see foreign forces and facilities there.')); return; }
  mount(body, loading('Loading posture'));
  let p: PostureView;
  try { p = await api.posture(country); } catch (e) { mount(body, errorBox(e)); return; }
  mount(body,
    h('h2', null, `Foreign forces in ${p.hostLabel}`),
    p.deployments.length === 0 ? h('p', { class: 'muted' }, 'No deployments reported.') :
      h('table', { class: 'events', id: 'deployments' },
        h('thead', null, h('tr', null, ['Force', 'Personnel', 'As of', 'Sources'].map((t) => h('th', null, t)))),
        h('tbody', null, p.deployments.flatMap((d) => d.observations.map((o, i) => h('tr', { class: i === d.observations.length - 1 ? 'latest' : null },
          h('td', null, i === 0 ? actorLinks([d.force]) : ''),
          h('td', { class: 'num' }, o.personnel.toLocaleString('en')),
          h('td', null, (o.asOf ?? '—') + (o.asOfFromPublication ? ' (published)' : '')),
          h('td', null, sources(o.sources))))))),
    h('h2', null, 'Facilities'),
    p.facilities.length === 0 ? h('p', { class: 'muted' }, 'No facilities reported.') :
      h('table', { class: 'events', id: 'facilities' },
        h('thead', null, h('tr', null, ['Facility', 'Operator', 'Function', 'Cost', 'Reported', 'Sources'].map((t) => h('th', null, t)))),
        h('tbody', null, p.facilities.map((f) => h('tr', null,
          h('td', null, f.name), h('td', null, f.operator ? actorLinks([f.operator]) : '—'), h('td', null, f.function ?? '—'),
          h('td', null, f.cost ? `${f.cost.qualifier ? f.cost.qualifier + ' ' : ''}${f.cost.value.toLocaleString('en')} ${f.cost.currency}` : '—'),
          h('td', null, [f.firstReported, f.lastReported].filter(Boolean).join(' – ') || '—'),
          h('td', null, sources(f.sources)))))),
    h('h2', null, 'Movements, withdrawals and orders to leave'),
    p.movements.length === 0 ? h('p', { class: 'muted' }, 'None reported.') :
      h('table', { class: 'events', id: 'movements' },
        h('tbody', null, p.movements.map((ev) => {
          const href = evidenceLink(ev);
          return h('tr', null, h('td', { class: 'date' }, eventDate(ev)), h('td', null, typeBadge(ev)),
            h('td', null, actorLinks(ev.actor), ' → ', actorLinks(ev.recipient)), h('td', null, href ? h('a', { href }, ev.summary) : ev.summary));
        }))),
  );
};
