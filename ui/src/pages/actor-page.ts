/** One canonical actor: aliases, offices, counterparts (with links to dyad timelines) and recent events. */
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { link, type Route } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';
import { actorLinks, eventDate, evidenceLink, modalityTag, typeBadge } from '../event-bits.js';

export const actorPage: Page = async (root, route: Route) => {
  const ref = route.path[1] ?? '';
  mount(root, loading('Loading actor'));
  try {
    const a = await api.actor(ref);
    const dyadKey = a.code && a.type === 'country' ? a.code : a.id;
    mount(root,
      h('h1', null, a.name),
      h('p', { class: 'meta' }, [a.type, a.code, a.sector, a.wikidata].filter(Boolean).join(' · '),
        ` · ${a.events} events in ${a.articles} articles`, a.firstSeen ? ` · ${a.firstSeen} – ${a.lastSeen ?? ''}` : ''),
      a.aliases.length ? h('p', null, 'Also: ', a.aliases.join(', ')) : null,
      h('p', null, h('a', { href: link(['events'], { party: a.id }) }, 'All its events'),
        a.code ? [' · ', h('a', { href: link(['posture', a.code]) }, `Force posture in ${a.code}`)] : null),
      a.offices.length ? [h('h2', null, 'Offices held'), h('ul', null, a.offices.map((o) => h('li', null,
        `${o.former ? 'former ' : ''}${o.role}`, o.of ? [' of ', actorLinks([o.of])] : '', o.from ? ` (reported ${o.from}${o.to && o.to !== o.from ? ` – ${o.to}` : ''})` : '')))] : null,
      a.holders.length ? [h('h2', null, 'Office holders'), h('ul', null, a.holders.map((o) => h('li', null,
        actorLinks([o.holder]), `: ${o.former ? 'former ' : ''}${o.role}`, o.from ? ` (reported ${o.from})` : '')))] : null,
      a.counterparts.length ? [h('h2', null, 'Counterparts'), h('table', { class: 'events compact' },
        h('thead', null, h('tr', null, ['Counterpart', 'Acts on it', 'Acted on by it', 'Mean Goldstein', ''].map((t) => h('th', null, t)))),
        h('tbody', null, a.counterparts.map((c) => h('tr', null, h('td', null, actorLinks([c.actor])),
          h('td', { class: 'num' }, String(c.asActor)), h('td', { class: 'num' }, String(c.asRecipient)),
          h('td', { class: 'num' }, c.goldsteinMean?.toFixed(1) ?? '—'),
          h('td', null, h('a', { href: link(['timeline'], { a: dyadKey, b: c.actor.code && c.actor.type === 'country' ? c.actor.code : c.actor.id }) }, 'timeline'))))))] : null,
      a.recentEvents.length ? [h('h2', null, 'Recent events'), h('ul', { class: 'event-list' }, a.recentEvents.map((ev) => {
        const href = evidenceLink(ev);
        return h('li', null, h('span', { class: 'date' }, eventDate(ev)), ' ', typeBadge(ev), ' ', href ? h('a', { href }, ev.summary) : ev.summary, ' ', modalityTag(ev.modality));
      }))] : null,
    );
  } catch (e) {
    mount(root, errorBox(e));
  }
};
