/** The UI's only network access: same-origin JSON calls to /api, with the API token when one is set. */
import type {
  ActorSummary, ActorView, ArticleRef, ArticleView, EventView, Page, PostureView, SearchResult, TimelineView,
} from '../../src/store/store.js';
import type { GeoView, GraphView, Health, IngestJob } from '../../src/server/api-types.js';

export type {
  ActorSummary, ActorView, ArticleRef, ArticleView, EventView, Page, PostureView, SearchResult, TimelineView,
  GeoView, GraphView, Health, IngestJob,
};
export type { ActorRef, EventReport, StateChange } from '../../src/store/store.js';

const TOKEN_KEY = 'sitrep.token';

export function getToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}
export function setToken(t: string): void {
  if (t) localStorage.setItem(TOKEN_KEY, t);
  else localStorage.removeItem(TOKEN_KEY);
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? 'http_' + res.status, err?.message ?? res.statusText);
  }
  return data as T;
}

export const api = {
  health: () => call<Health>('GET', '/api/health'),
  events: (q: Query) => call<Page<EventView>>('GET', '/api/events' + qs(q)),
  event: (id: string) => call<EventView>('GET', `/api/events/${encodeURIComponent(id)}`),
  articles: (q: Query) => call<Page<ArticleRef>>('GET', '/api/articles' + qs(q)),
  article: (id: string) => call<ArticleView>('GET', `/api/articles/${encodeURIComponent(id)}`),
  actors: (q: Query) => call<Page<ActorSummary>>('GET', '/api/actors' + qs(q)),
  actor: (ref: string) => call<ActorView>('GET', `/api/actors/${encodeURIComponent(ref)}`),
  timeline: (q: Query) => call<TimelineView>('GET', '/api/timeline' + qs(q)),
  posture: (country: string, q: Query = {}) => call<PostureView>('GET', `/api/posture/${encodeURIComponent(country)}` + qs(q)),
  search: (q: string) => call<SearchResult>('GET', '/api/search' + qs({ q })),
  graph: (q: Query) => call<GraphView>('GET', '/api/graph' + qs(q)),
  geo: (q: Query) => call<GeoView>('GET', '/api/geo' + qs(q)),
  jobs: () => call<{ jobs: IngestJob[] }>('GET', '/api/ingest/status'),
  postArticle: (body: unknown) => call<{ job: IngestJob }>('POST', '/api/articles', body),
};
