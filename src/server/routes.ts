/**
 * The API routes, each declared with its schemas (see openapi.ts). Handlers are thin: they map
 * query names to the store's query types and return the store's views as JSON.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { decodeText, parsePublished, InputError } from '../io/read-input.js';
import type { ArticleInput } from '../pipeline/doc.js';
import { ApiError } from './api-error.js';
import type { RouteSpec } from './openapi.js';
import { toEventQuery, type RouteContext } from './app.js';
import {
  ActorsQuerySchema, ArticlesQuerySchema, EventFilterSchema, EventsQuerySchema, ExportQuerySchema, GraphQuerySchema,
  PostArticlesQuerySchema, PostArticlesSchema, PostureQuerySchema, SearchQuerySchema, TimelineQuerySchema,
} from './query-schemas.js';
import { actorGraph, geoActivity } from './aggregate.js';
import { ItemError, type IngestItem } from './ingest-jobs.js';
import { exportStream, EXPORT_TYPES } from './export-stream.js';
import type { Health } from './api-types.js';

type Input = { query: any; body: any; params: Record<string, string> };
export type Register = (spec: RouteSpec, handler: (c: Context, input: Input) => Promise<Response> | Response) => void;

const notFound = (what: string) => new ApiError(404, 'not_found', `no ${what}`);

/**
 * Short-lived memo for the scanning aggregates (graph, map): they read up to SCAN_CAP events, so
 * page changes in the UI should not redo it. Cleared by this server's own ingests; other writers
 * (a CLI ingest into the same store) show up within TTL_MS.
 */
class AggregateCache {
  static readonly TTL_MS = 15_000;
  private readonly map = new Map<string, { at: number; value: Promise<unknown> }>();
  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.map.get(key);
    if (hit && now - hit.at < AggregateCache.TTL_MS) return hit.value as Promise<T>;
    if (this.map.size > 100) this.map.clear();
    const value = make();
    this.map.set(key, { at: now, value });
    value.catch(() => this.map.delete(key));
    return value;
  }
  clear(): void { this.map.clear(); }
}

export function registerRoutes(ctx: RouteContext, route: Register): void {
  const { store } = ctx;
  const aggregates = new AggregateCache();
  ctx.queue.onStored(() => aggregates.clear());

  route({
    method: 'get', path: '/api/health', operationId: 'health', tag: 'meta', access: 'none',
    summary: 'Liveness, version, read access mode, accepted inputs and store statistics',
    responses: { 200: { description: 'the server is up', schema: 'Health' } },
  }, async (c) => {
    const body: Health = { ok: true, version: ctx.opts.version, readAccess: ctx.opts.readAccess, accepts: accepts(ctx) };
    if (ctx.opts.readAccess === 'open' || (await ctx.authorized(c))) body.store = await store.stats();
    return c.json(body);
  });

  route({
    method: 'get', path: '/api/events', operationId: 'listEvents', tag: 'events', access: 'read',
    summary: 'Fused events matching the filters, newest first by default',
    description: 'Actor-like filters take a country or IGO code (every actor with that code matches), a store actor id, a Wikidata id or a name.',
    query: EventsQuerySchema, responses: { 200: { description: 'a page of events with the total count', schema: 'EventPage' } },
  }, async (c, { query }) => {
    const q = { ...toEventQuery(query), limit: query.limit, offset: query.offset, order: query.order, withTotal: true };
    return c.json(await store.events(q));
  });

  route({
    method: 'get', path: '/api/events/:id', operationId: 'getEvent', tag: 'events', access: 'read',
    summary: 'One fused event with every report of it', params: { id: 'store event id ("ev42")' },
    responses: { 200: { description: 'the event', schema: 'EventView' } },
  }, async (c, { params }) => c.json((await store.event(params.id)) ?? throwIt(notFound(`event "${params.id}"`))));

  route({
    method: 'get', path: '/api/articles', operationId: 'listArticles', tag: 'articles', access: 'read',
    summary: 'Stored articles, filtered by source, dates or text', query: ArticlesQuerySchema,
    responses: { 200: { description: 'a page of articles', schema: 'ArticlePage' } },
  }, async (c, { query }) => c.json(await store.articles({ source: query.source, from: query.from, to: query.to, text: query.q, limit: query.limit, offset: query.offset, withTotal: true })));

  route({
    method: 'get', path: '/api/articles/:id', operationId: 'getArticle', tag: 'articles', access: 'read',
    summary: 'One article: its record (text, entities, events with evidence offsets) and the map to fused events',
    params: { id: 'article id ("sha256:…") or URL, percent-encoded' },
    responses: { 200: { description: 'the article', schema: 'ArticleView' } },
  }, async (c, { params }) => c.json((await store.article(params.id)) ?? throwIt(notFound(`article "${params.id}"`))));

  route({
    method: 'post', path: '/api/articles', operationId: 'postArticles', tag: 'ingest', access: 'write',
    summary: 'Add articles: plain text, HTML page source, a URL to fetch, or a batch of these',
    description: 'The article is analysed and stored (idempotent: the same article twice changes nothing; new text under the same URL or id replaces its events). With wait=true (default) the answer comes when the job finished (201); with wait=false at once (202).',
    query: PostArticlesQuerySchema, body: PostArticlesSchema,
    responses: { 201: { description: 'the finished job with each article\'s result', schema: { type: 'object', properties: { job: { $ref: '#/components/schemas/IngestJob' } } } }, 202: { description: 'the queued job', schema: { type: 'object', properties: { job: { $ref: '#/components/schemas/IngestJob' } } } } },
  }, async (c, { query, body }) => {
    const { kind, label, items } = toItems(ctx, body);
    await checkUrls(ctx, body);
    const job = ctx.queue.submit(kind, label, items);
    if (query.wait === 'false') return c.json({ job }, 202);
    return c.json({ job: await ctx.queue.done(job.id) }, 201);
  });

  route({
    method: 'get', path: '/api/actors', operationId: 'listActors', tag: 'actors', access: 'read',
    summary: 'Canonical actors, busiest first', query: ActorsQuerySchema,
    responses: { 200: { description: 'a page of actors', schema: 'ActorPage' } },
  }, async (c, { query }) => c.json(await store.actors({ ...query, withTotal: true })));

  route({
    method: 'get', path: '/api/actors/:id', operationId: 'getActor', tag: 'actors', access: 'read',
    summary: 'One actor (by id, code, Wikidata id, name or alias): aliases, offices, counterparts, recent events',
    params: { id: 'actor id, code, Wikidata id, name or alias' },
    responses: { 200: { description: 'the actor', schema: 'ActorView' } },
  }, async (c, { params }) => c.json((await store.actor(params.id)) ?? throwIt(notFound(`actor "${params.id}"`))));

  route({
    method: 'get', path: '/api/timeline', operationId: 'timeline', tag: 'relations', access: 'read',
    summary: 'The relation between two sides over time: periods with quad counts and Goldstein scores, events, and explicit state changes',
    query: TimelineQuerySchema, responses: { 200: { description: 'the dyad timeline', schema: 'TimelineView' } },
  }, async (c, { query }) => {
    const tl = await store.timeline(query.a, query.b, { period: query.period, from: query.from, to: query.to, directed: query.directed === 'true', modality: query.modality });
    return c.json(tl);
  });

  route({
    method: 'get', path: '/api/posture/:country', operationId: 'posture', tag: 'relations', access: 'read',
    summary: 'Force posture in a host country: foreign deployments over time, facilities, movements, each with sources',
    params: { country: 'host country: ISO 3166-1 alpha-3 code or name' }, query: PostureQuerySchema,
    responses: { 200: { description: 'the posture', schema: 'PostureView' } },
  }, async (c, { params, query }) => c.json(await store.posture(params.country, query)));

  route({
    method: 'get', path: '/api/search', operationId: 'search', tag: 'events', access: 'read',
    summary: 'Full-text search over evidence, titles and article text', query: SearchQuerySchema,
    responses: { 200: { description: 'matching events and articles', schema: 'SearchResult' } },
  }, async (c, { query }) => c.json(await store.search({ text: query.q, limit: query.limit })));

  route({
    method: 'get', path: '/api/export', operationId: 'export', tag: 'events', access: 'read',
    summary: 'Export matching events: jsonl, csv, plover (PLOVER JSONL), gdelt (GDELT-2.0-style TSV) or geojson',
    query: ExportQuerySchema,
    responses: { 200: { description: 'the export, streamed', contentType: 'application/octet-stream', schema: { type: 'string' } } },
  }, async (c, { query }) => {
    const { format, ...filters } = query;
    const t = EXPORT_TYPES[format as keyof typeof EXPORT_TYPES];
    if (format === 'jsonl' && Object.values(filters).some((v) => v !== undefined)) {
      throw new ApiError(400, 'bad_request', 'format jsonl exports whole article records: event filters apply to csv, plover, gdelt and geojson');
    }
    return new Response(exportStream(store, format, toEventQuery(filters)), {
      headers: { 'Content-Type': t.type, 'Content-Disposition': `attachment; filename="sitrep-events.${t.ext}"` },
    });
  });

  route({
    method: 'get', path: '/api/graph', operationId: 'graph', tag: 'relations', access: 'read',
    summary: 'Actor graph: who acts on whom, weighted by events (for the UI; capped scan)', query: GraphQuerySchema,
    responses: { 200: { description: 'nodes and directed edges', schema: 'GraphView' } },
  }, async (c, { query }) => {
    const { level, ...filters } = query;
    return c.json(await aggregates.get(JSON.stringify(['graph', query]), () => actorGraph(store, toEventQuery(filters), level)));
  });

  route({
    method: 'get', path: '/api/geo', operationId: 'geo', tag: 'relations', access: 'read',
    summary: 'Event activity per country (ISO3) and located events, for the map (capped scan)', query: EventFilterSchema,
    responses: { 200: { description: 'activity per country', schema: 'GeoView' } },
  }, async (c, { query }) => c.json(await aggregates.get(JSON.stringify(['geo', query]), () => geoActivity(store, toEventQuery(query)))));

  route({
    method: 'get', path: '/api/ingest/status', operationId: 'ingestStatus', tag: 'ingest', access: 'read',
    summary: 'Ingest jobs submitted to this server: running and queued first, then recent finished ones',
    responses: { 200: { description: 'jobs with progress', schema: { type: 'object', properties: { jobs: { type: 'array', items: { $ref: '#/components/schemas/IngestJob' } } } } } },
  }, (c) => c.json({ jobs: ctx.queue.list() }));
}

function throwIt(e: Error): never {
  throw e;
}

function accepts(ctx: RouteContext): Health['accepts'] {
  return ['text', ...(ctx.opts.sources.html ? ['html' as const] : []), ...(ctx.opts.sources.url ? ['url' as const] : [])];
}

function published(p: string | undefined, where: string): string | null {
  if (p === undefined) return null;
  try {
    return parsePublished(p);
  } catch (e) {
    throw new ApiError(400, 'bad_request', `${where}published: ${(e as InputError).message}`);
  }
}

type One = z.infer<typeof PostArticlesSchema> & { articles?: never };

/** Turns a POST body into ingest items; input errors are 400 here, before any job starts. */
function toItems(ctx: RouteContext, body: z.infer<typeof PostArticlesSchema>): { kind: 'text' | 'html' | 'url' | 'batch'; label: string; items: IngestItem[] } {
  const list: One[] = 'articles' in body && body.articles ? (body.articles as One[]) : [body as One];
  const items = list.map((a, i) => toItem(ctx, a, list.length > 1 ? `articles.${i}.` : ''));
  if (list.length > 1) return { kind: 'batch', label: `${items.length} articles`, items };
  const a = list[0] as Record<string, unknown>;
  return { kind: 'text' in a ? 'text' : 'html' in a ? 'html' : 'url', label: items[0].label, items };
}

function toItem(ctx: RouteContext, a: One, where: string): IngestItem {
  const rec = a as Record<string, string | undefined>;
  const pub = published(rec.published, where);
  if (rec.text !== undefined) {
    // The same checks as for files: empty, binary-looking or oversized text is refused here.
    try { decodeText(Buffer.from(rec.text, 'utf8'), 'text'); } catch (e) { throw new ApiError(400, 'bad_request', `${where}${(e as Error).message}`); }
    const input: ArticleInput = { text: rec.text, title: rec.title ?? null, published: pub, url: rec.url ?? null, id: rec.id ?? null, outlet: rec.outlet ?? null };
    return {
      label: rec.title ?? rec.url ?? firstLine(rec.text), origin: rec.url ?? 'api',
      load: async () => input,
    };
  }
  if (rec.html !== undefined) {
    const html = ctx.opts.sources.html;
    if (!html) throw new ApiError(501, 'not_implemented', 'this server cannot read HTML articles yet; send {text}');
    const url = rec.url ?? null;
    return {
      label: url ?? 'HTML page', origin: url ?? 'api (html)', loadStep: 'extracting',
      load: async () => {
        try {
          const input = await html(rec.html as string, { url, published: pub });
          return { ...input, published: pub ?? input.published ?? null };
        } catch (e) { throw new ItemError((e as Error).message); }
      },
    };
  }
  const fetchUrl = ctx.opts.sources.url;
  const url = rec.url as string;
  if (!/^https?:\/\//i.test(url)) throw new ApiError(400, 'bad_request', `${where}url: must be an http(s) URL`);
  if (!fetchUrl) throw new ApiError(501, 'not_implemented', 'this server cannot fetch URLs yet; send {text}');
  return {
    // A URL is fetched again each time: the page may have changed (the store replaces its events if so).
    label: url, origin: url, loadStep: 'fetching',
    load: async (signal) => {
      try {
        const input = await fetchUrl(url, { allowPrivate: ctx.opts.allowPrivate, published: pub, signal });
        return { ...input, published: pub ?? input.published ?? null };
      } catch (e) { throw new ItemError((e as Error).message); }
    },
  };
}

/** URL targets are checked before queueing, so a refused address is a 403 rather than a failed job. */
async function checkUrls(ctx: RouteContext, body: z.infer<typeof PostArticlesSchema>): Promise<void> {
  const check = ctx.opts.sources.checkUrl;
  if (!check) return;
  const list = ('articles' in body && body.articles ? body.articles : [body]) as Record<string, unknown>[];
  for (const [i, a] of list.entries()) {
    if (a.text !== undefined || a.html !== undefined || typeof a.url !== 'string') continue;
    try {
      await check(a.url, ctx.opts.allowPrivate);
    } catch (e) {
      throw new ApiError(403, 'forbidden', `${list.length > 1 ? `articles.${i}.` : ''}url: ${(e as Error).message}`);
    }
  }
}

function firstLine(text: string): string {
  const l = text.trim().split('\n')[0].trim();
  return l.length > 80 ? l.slice(0, 79) + '…' : l;
}
