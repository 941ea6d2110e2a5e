/**
 * Article view: the text with every event's evidence highlighted; selecting an event shows its
 * actors, date, modality, speaker/reporter and "why" (the rules that produced it). The text is
 * split into Text nodes and <mark> elements: never parsed as markup.
 */
import { h, mount, QUAD_NAMES } from '../dom.js';
import { api, type ArticleView, type EventView } from '../api.js';
import { link, type Route } from '../router.js';
import { errorBox, loading, type Page } from '../page.js';
import { actorLinks, eventDate, modalityTag, typeBadge } from '../event-bits.js';

type RecordEvent = ArticleView['record']['events'][number];
type RecordEntity = ArticleView['record']['entities'][number];

interface Segment { start: number; end: number; events: string[] }

/**
 * Cuts [0, length) at every evidence boundary; each piece lists the events whose evidence covers it.
 * @example segments(10, [{ id: 'e1', spans: [{ start: 2, end: 5 }] }]) // [0,2) [2,5){e1} [5,10)
 */
export function segments(length: number, events: { id: string; spans: { start: number; end: number }[] }[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  const spans: { start: number; end: number; id: string }[] = [];
  for (const e of events) {
    for (const s of e.spans) {
      const start = Math.max(0, Math.min(length, s.start));
      const end = Math.max(start, Math.min(length, s.end));
      if (end > start) { spans.push({ start, end, id: e.id }); cuts.add(start); cuts.add(end); }
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const ids = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.id))];
    out.push({ start: a, end: b, events: ids });
  }
  return out;
}

function safeHref(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export const articlePage: Page = async (root, route: Route) => {
  const id = route.path[1];
  if (!id) { mount(root, errorBox(new Error('no article given'))); return; }
  mount(root, loading('Loading article'));
  let art: ArticleView;
  try {
    art = await api.article(id);
  } catch (e) {
    mount(root, errorBox(e));
    return;
  }
  const rec = art.record;
  const text = rec.article.text;
  const entities = new Map<string, RecordEntity>(rec.entities.map((e) => [e.id, e]));
  const entName = (eid: string | null | undefined) => (eid ? entities.get(eid)?.name ?? eid : null);
  const events = [...rec.events].sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));

  const textEl = h('div', { class: 'article-text', id: 'article-text' });
  for (const seg of segments(text.length, events.map((e) => ({ id: e.id, spans: e.evidence })))) {
    const piece = text.slice(seg.start, seg.end);
    if (seg.events.length === 0) { textEl.appendChild(document.createTextNode(piece)); continue; }
    const mark = h('mark', {
      class: `evidence quad-${events.find((e) => e.id === seg.events[0])?.quad ?? 0}${seg.events.length > 1 ? ' multi' : ''}`,
      'data-events': seg.events.join(' '),
      title: seg.events.map((x) => events.find((e) => e.id === x)?.type).join(', '),
    }, piece);
    mark.addEventListener('click', () => {
      // Clicking a stretch covered by several events cycles through them.
      const ids = seg.events;
      const cur = ids.indexOf(selected ?? '');
      select(ids[(cur + 1) % ids.length]);
    });
    textEl.appendChild(mark);
  }

  const detail = h('aside', { class: 'event-detail', id: 'event-detail' }, h('p', { class: 'muted' }, 'Select an event (or a highlighted passage) to see its details.'));
  const list = h('ol', { class: 'article-events', id: 'article-events' }, events.map((e) =>
    h('li', { 'data-event': e.id, tabindex: 0, onclick: () => select(e.id), onkeydown: (k: Event) => { if ((k as KeyboardEvent).key === 'Enter') select(e.id); } },
      typeBadge(e), ' ',
      h('span', null, e.actor.map(entName).join(' + ') || '—', ' → ', e.recipient.map(entName).join(' + ') || '—'),
      ' ', modalityTag(e.modality),
      h('div', { class: 'excerpt' }, text.slice(e.evidence[0].start, Math.min(e.evidence[0].end, e.evidence[0].start + 140)) + (e.evidence[0].end - e.evidence[0].start > 140 ? '…' : '')),
    )));

  let selected: string | null = null;
  let seq = 0;
  function select(evId: string): void {
    selected = evId;
    const mySeq = ++seq;
    for (const m of textEl.querySelectorAll('mark')) {
      m.classList.toggle('selected', (m.getAttribute('data-events') ?? '').split(' ').includes(evId));
    }
    for (const li of list.querySelectorAll('li')) li.classList.toggle('selected', li.getAttribute('data-event') === evId);
    const first = textEl.querySelector('mark.selected');
    if (first && typeof first.scrollIntoView === 'function') first.scrollIntoView({ block: 'center', behavior: 'auto' });
    history.replaceState(null, '', link(['article', id], { ev: evId }));
    const ev = events.find((e) => e.id === evId);
    if (!ev) return;
    mount(detail, recordDetail(ev, entName, text));
    const fusedId = art.eventMap[evId];
    if (fusedId) {
      api.event(fusedId).then((fused) => {
        if (mySeq === seq) mount(detail, recordDetail(ev, entName, text), fusedDetail(fused, art.id, evId));
      }, (e) => { if (mySeq === seq) detail.appendChild(errorBox(e)); });
    }
  }

  const url = safeHref(rec.article.url);
  mount(root,
    h('div', { class: 'article-head' },
      h('h1', null, rec.article.title ?? '(untitled article)'),
      h('p', { class: 'meta' },
        [rec.article.outlet, rec.article.published, rec.article.authors.join(', ') || null].filter(Boolean).join(' · '),
        url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'source')] : null,
        art.duplicateOf ? [' · near-duplicate of ', h('a', { href: link(['article', art.duplicateOf]) }, 'the original')] : null,
        ` · ${events.length} events`),
    ),
    h('div', { class: 'article-layout' },
      h('section', { class: 'article-body' }, textEl),
      h('div', { class: 'article-side' }, detail, h('h2', null, 'Events in this article'), list)),
  );
  const want = route.params.get('ev');
  if (want && events.some((e) => e.id === want)) select(want);
};

function recordDetail(ev: RecordEvent, entName: (id: string | null | undefined) => string | null, text: string): HTMLElement {
  const att = ev.attribution;
  const rows: [string, Node | string][] = [
    ['Type', h('span', null, typeBadge(ev), ' ', `${QUAD_NAMES[ev.quad]}${ev.cameo ? ` · CAMEO ${ev.cameo}` : ''}${ev.mode ? ` · ${ev.mode}` : ''}`)],
    ['Actor', ev.actor.map(entName).join(' + ') || '—'],
    ['Recipient', ev.recipient.map(entName).join(' + ') || '—'],
    ['Date', ev.date ?? '—'],
    ['Modality', ev.modality],
    ['Speaker', att?.speaker ? `${entName(att.speaker)} (${att.verb}${att.quote ? ', quoted' : ''})` : att ? `— (${att.verb})` : '—'],
    ['Reporter', entName(att?.reporter) ?? '—'],
    ['Goldstein', ev.goldstein === null ? '—' : String(ev.goldstein)],
    ['Confidence', ev.confidence.toFixed(2)],
  ];
  return h('div', { class: 'detail-record', 'data-event': ev.id },
    h('h2', null, 'Event'),
    h('dl', null, rows.map(([k, v]) => [h('dt', null, k), h('dd', { 'data-field': k.toLowerCase() }, v)])),
    h('blockquote', { class: 'evidence-quote' }, ev.evidence.map((s) => text.slice(s.start, s.end)).join(' … ')),
  );
}

function fusedDetail(fused: EventView, articleId: string, recordEventId: string): HTMLElement {
  const mine = fused.reports.find((r) => r.article.id === articleId && r.recordEventId === recordEventId);
  const others = fused.reports.filter((r) => r !== mine);
  return h('div', { class: 'detail-fused' },
    h('h3', null, 'Why'),
    mine && mine.rules.length
      ? h('ul', { class: 'rules', id: 'event-rules' }, mine.rules.map((r) => h('li', null, h('code', null, r))))
      : h('p', { class: 'muted' }, 'No rule trail was stored for this event.'),
    mine?.cue ? h('p', null, 'Cue: ', h('q', null, mine.cue.text)) : null,
    h('h3', null, 'Across sources'),
    h('dl', null,
      h('dt', null, 'Actors'), h('dd', null, actorLinks(fused.actor), ' → ', actorLinks(fused.recipient)),
      h('dt', null, 'Date'), h('dd', null, eventDate(fused)),
      h('dt', null, 'Sources'), h('dd', null, String(fused.sources))),
    fused.disagreements.length ? h('div', { class: 'disagreements' }, h('h3', null, 'Reports disagree'),
      h('ul', null, fused.disagreements.map((d) => h('li', null, `${d.field}${d.detail ? ` (${d.detail})` : ''}: `,
        d.values.map((v) => `${v.value} [${v.articles.length} article${v.articles.length === 1 ? '' : 's'}]`).join(' vs '))))) : null,
    others.length ? h('ul', { class: 'other-reports' }, others.map((r) => h('li', null,
      h('a', { href: link(['article', r.article.id], { ev: r.recordEventId }) }, r.article.title ?? r.article.id),
      r.article.outlet ? ` (${r.article.outlet})` : '', r.speaker ? ` · according to ${r.speaker.name}` : '',
      h('div', { class: 'excerpt' }, r.evidence.map((e) => e.text).join(' … '))))) : null,
    modalityTag(fused.modality),
  );
}
