/** Event list: filters (actor, recipient, either side, type, quad, modality, dates, source) and full-text search. */
import { h, mount, QUAD_NAMES } from '../dom.js';
import { api, type EventView } from '../api.js';
import { go, type Route } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';
import { actorLinks, eventDate, evidenceLink, MODALITIES, modalityTag, PLOVER_TYPES, typeBadge } from '../event-bits.js';

const FILTERS = ['party', 'actor', 'recipient', 'type', 'quad', 'modality', 'from', 'to', 'source', 'q'] as const;
const PAGE_SIZE = 50;

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', null, label), input);
}

function select(name: string, value: string, options: [string, string][]): HTMLSelectElement {
  const el = h('select', { name }, h('option', { value: '' }, 'any'), options.map(([v, l]) => h('option', { value: v }, l)));
  el.value = value;
  return el;
}

function input(name: string, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const el = h('input', { name, ...attrs });
  el.value = value;
  return el;
}

function filterForm(route: Route): HTMLFormElement {
  const p = route.params;
  const form = h('form', { class: 'filters', id: 'filters' },
    field('Full text', input('q', p.get('q') ?? '', { type: 'search', placeholder: 'uranium, military ties…' })),
    field('Either side', input('party', p.get('party') ?? '', { placeholder: 'NER, USA, CNSP…' })),
    field('Actor', input('actor', p.get('actor') ?? '', { placeholder: 'acting side' })),
    field('Recipient', input('recipient', p.get('recipient') ?? '', { placeholder: 'receiving side' })),
    field('Type', select('type', p.get('type') ?? '', PLOVER_TYPES.map((t) => [t, t]))),
    field('Quad', select('quad', p.get('quad') ?? '', [1, 2, 3, 4].map((q) => [String(q), `${q} ${QUAD_NAMES[q]}`]))),
    field('Modality', select('modality', p.get('modality') ?? '', MODALITIES.map((m) => [m, m]))),
    field('From', input('from', p.get('from') ?? '', { type: 'date' })),
    field('To', input('to', p.get('to') ?? '', { type: 'date' })),
    field('Source', input('source', p.get('source') ?? '', { placeholder: 'outlet or article' })),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Apply'),
      h('button', { type: 'button', class: 'secondary', onclick: () => go(['events']) }, 'Clear')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const params: Record<string, string> = {};
    for (const k of FILTERS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) params[k] = v;
    }
    go(['events'], params);
  });
  return form;
}

function eventRow(ev: EventView): HTMLTableRowElement {
  const href = evidenceLink(ev);
  const row = h('tr', { class: 'event-row', 'data-event': ev.id, 'data-date': ev.dateLo ?? '', tabindex: 0 },
    h('td', { class: 'date' }, eventDate(ev)),
    h('td', null, typeBadge(ev)),
    h('td', null, actorLinks(ev.actor)),
    h('td', null, actorLinks(ev.recipient)),
    h('td', { class: 'summary' }, ev.summary, ' ', modalityTag(ev.modality)),
    h('td', { class: 'num', title: `${ev.reports.length} report(s)` }, String(ev.sources)),
  );
  const open = (e: Event) => {
    if ((e.target as HTMLElement).closest('a')) return;
    if (href) location.hash = href;
  };
  row.addEventListener('click', open);
  row.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(e); });
  return row;
}

export const eventsPage: Page = async (root, route) => {
  const p = route.params;
  const offset = Math.max(0, Number(p.get('offset') ?? 0) || 0);
  const results = h('div', { class: 'results' }, loading('Loading events'));
  mount(root, h('h1', null, 'Events'), filterForm(route), results);

  const query: Record<string, string | number> = { limit: PAGE_SIZE, offset };
  for (const k of FILTERS) {
    const v = p.get(k);
    if (v) query[k] = v;
  }
  try {
    const page = await api.events(query);
    const total = page.total ?? page.items.length;
    const params = Object.fromEntries(FILTERS.filter((k) => p.get(k)).map((k) => [k, p.get(k) as string]));
    mount(results,
      h('p', { class: 'count', id: 'event-count' },
        total === 0 ? 'No events match.' : `${offset + 1}–${offset + page.items.length} of ${total} events`),
      page.items.length === 0 ? null : h('table', { class: 'events', id: 'event-table' },
        h('thead', null, h('tr', null, ['Date', 'Type', 'Actor', 'Recipient', 'What', 'Sources'].map((t) => h('th', null, t)))),
        h('tbody', null, page.items.map(eventRow))),
      h('div', { class: 'pager' },
        offset > 0 ? h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); go(['events'], { ...params, offset: Math.max(0, offset - PAGE_SIZE) }); } }, '← newer') : null,
        offset + page.items.length < total ? h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); go(['events'], { ...params, offset: offset + PAGE_SIZE }); } }, 'older →') : null),
    );
  } catch (e) {
    mount(results, errorBox(e));
  }
};
