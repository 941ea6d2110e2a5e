import './style.css';
import { h, mount } from './dom.js';
import { currentRoute } from './router.js';
import { api } from './api.js';
import { showError, type Page } from './page.js';
import { eventsPage } from './pages/events-page.js';
import { articlePage } from './pages/article-page.js';
import { timelinePage } from './pages/timeline-page.js';
import { mapPage } from './pages/map-page.js';
import { graphPage } from './pages/graph-page.js';
import { posturePage } from './pages/posture-page.js';
import { ingestPage } from './pages/ingest-page.js';
import { actorPage } from './pages/actor-page.js';


const PAGES: Record<string, { title: string; page: Page; nav: boolean }> = {
  events: { title: 'Events', page: eventsPage, nav: true },
  timeline: { title: 'Timeline', page: timelinePage, nav: true },
  map: { title: 'Map', page: mapPage, nav: true },
  graph: { title: 'Actor graph', page: graphPage, nav: true },
  posture: { title: 'Force posture', page: posturePage, nav: true },
  ingest: { title: 'Ingest', page: ingestPage, nav: true },
  article: { title: 'Article', page: articlePage, nav: false },
  actor: { title: 'Actor', page: actorPage, nav: false },
};

const app = document.getElementById('app') as HTMLElement;
const top = document.getElementById('top') as HTMLElement;
let cleanup: (() => void) | void = undefined;
let renderSeq = 0;

function header(active: string): void {
  const stats = h('span', { class: 'stats', id: 'stats' });
  mount(top,
    h('a', { class: 'brand', href: '#/events' }, 'sitrep'),
    h('nav', null, Object.entries(PAGES).filter(([, p]) => p.nav).map(([k, p]) =>
      h('a', { href: `#/${k}`, class: k === active ? 'active' : null, 'data-page': k }, p.title))),
    stats,
  );
  api.health().then(
    // A private server answers health without store figures until a token is set.
    (hl) => mount(stats, hl.store ? `${hl.store.articles} articles · ${hl.store.events} events · ${hl.store.actors} actors` : 'token required'),
    () => mount(stats, ''),
  );
}

async function render(): Promise<void> {
  const seq = ++renderSeq;
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  const route = currentRoute();
  const key = route.path[0] && PAGES[route.path[0]] ? route.path[0] : 'events';
  header(key);
  document.title = `${PAGES[key].title} · sitrep`;
  const root = h('div', { class: `page page-${key}` });
  mount(app, root);
  try {
    const c = await PAGES[key].page(root, route);
    if (seq === renderSeq) cleanup = c;
    else if (typeof c === 'function') c();
  } catch (e) {
    if (seq === renderSeq) showError(root, e);
  }
}

window.addEventListener('hashchange', () => void render());
void render();
