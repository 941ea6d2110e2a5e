/**
 * The HTTP app (Hono): JSON API under /api, OpenAPI at /openapi.json, docs at /docs, and the built
 * web UI for everything else. Testable in-process with `app.request()` (no socket needed).
 *
 * Security model: writes always need an API token; reads need one only when readAccess is 'token'
 * (--private). Every /api request is rate-limited per client; bodies are capped (413); responses
 * carry security headers and a strict CSP; static paths cannot escape the UI directory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { PROJECT_ROOT } from '../util/paths.js';
import type { EventQuery, Quad, Store } from '../store/store.js';
import { ApiError, errorResponse } from './api-error.js';
import { securityHeaders } from './security-headers.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import { serveStatic } from './static-files.js';
import type { TokenStore } from './token-store.js';
import { IngestQueue } from './ingest-jobs.js';
import { docsHtml, DOCS_CSS, openApiDocument, type RouteSpec } from './openapi.js';
import { registerRoutes } from './routes.js';
import type { ArticleSources } from './article-sources.js';

export interface AppOptions {
  store: Store;
  tokens: TokenStore;
  /** 'open' (default): anyone who can reach the server may read; 'token': reads need a token too */
  readAccess?: 'open' | 'token';
  /** the built UI (default dist/ui); null serves no UI */
  uiDir?: string | null;
  /** largest request body in bytes (default 6 MiB: a 5 MB article plus JSON overhead) */
  maxBodyBytes?: number;
  /** per-client limit on /api (default burst 300, 10/s); false disables it */
  rateLimit?: RateLimitOptions | false;
  /** let URL ingest fetch private, loopback and link-local addresses (tests against a local server) */
  allowPrivate?: boolean;
  /** readers for HTML and URL articles (from src/sources); text is always accepted */
  sources?: ArticleSources;
  version?: string;
  /** where unexpected errors are reported (default stderr, one line) */
  log?: (line: string) => void;
}

export interface SitrepApp {
  app: Hono;
  routes: readonly RouteSpec[];
  queue: IngestQueue;
  openapi: Record<string, unknown>;
  close(): Promise<void>;
}

export const DEFAULT_UI_DIR = join(PROJECT_ROOT, 'dist', 'ui');
export const DEFAULT_MAX_BODY = 6 * 1024 * 1024;

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The bearer token of a request, if any. */
export function bearer(c: Context): string | null {
  const h = c.req.header('authorization');
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m ? m[1] : null;
}

export interface RouteContext {
  store: Store;
  queue: IngestQueue;
  opts: Required<Pick<AppOptions, 'readAccess' | 'allowPrivate'>> & { sources: ArticleSources; version: string };
  /** whether this request carries a valid token (checked once, lazily) */
  authorized(c: Context): Promise<boolean>;
}

/** Maps validated event filters (query names) to the store's EventQuery. */
export function toEventQuery(q: {
  actor?: string; recipient?: string; party?: string; other?: string; type?: string[]; quad?: string[]; modality?: string[];
  from?: string; to?: string; source?: string; q?: string; minSources?: number;
}): EventQuery {
  return {
    actor: q.actor, recipient: q.recipient, party: q.party, other: q.other,
    type: q.type as EventQuery['type'], quad: q.quad?.map((x) => Number(x) as Quad), modality: q.modality as EventQuery['modality'],
    from: q.from, to: q.to, source: q.source, text: q.q, minSources: q.minSources,
  };
}

/**
 * Builds the app around an open store and token store.
 * @example const { app } = createApp({ store, tokens }); const res = await app.request('/api/health')
 */
export function createApp(options: AppOptions): SitrepApp {
  const version = options.version ?? packageVersion();
  const readAccess = options.readAccess ?? 'open';
  const uiDir = options.uiDir === undefined ? DEFAULT_UI_DIR : options.uiDir;
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const queue = new IngestQueue(options.store);
  const app = new Hono();
  const routes: RouteSpec[] = [];

  app.use('*', securityHeaders());
  if (options.rateLimit !== false) app.use('/api/*', rateLimit(options.rateLimit ?? { burst: 300, perSecond: 10 }));
  app.use('/api/*', bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    onError: () => { throw new ApiError(413, 'payload_too_large', `request body over the limit of ${options.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes`); },
  }));

  const authCache = new WeakMap<Request, Promise<boolean>>();
  const ctx: RouteContext = {
    store: options.store,
    queue,
    opts: { readAccess, allowPrivate: options.allowPrivate ?? false, sources: options.sources ?? {}, version },
    authorized(c) {
      let p = authCache.get(c.req.raw);
      if (!p) {
        const t = bearer(c);
        p = t ? options.tokens.verify(t).then((r) => r !== null) : Promise.resolve(false);
        authCache.set(c.req.raw, p);
      }
      return p;
    },
  };

  registerRoutes(ctx, (spec, handler) => {
    routes.push(spec);
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      if (spec.access === 'write' || (spec.access === 'read' && readAccess === 'token')) {
        if (!(await ctx.authorized(c))) {
          throw new ApiError(401, 'unauthorized', bearer(c) ? 'invalid or revoked API token' : `this ${spec.access === 'write' ? 'write' : 'server'} needs an API token (Authorization: Bearer …; create one with \`sitrep token create\`)`, { 'WWW-Authenticate': 'Bearer realm="sitrep"' });
        }
      }
      const query = spec.query ? parse(spec.query, c.req.query(), 'query') : {};
      let body: unknown = undefined;
      if (spec.body) {
        const type = c.req.header('content-type') ?? '';
        if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
        let raw: unknown;
        try { raw = JSON.parse(await c.req.text()); } catch { throw new ApiError(400, 'bad_request', 'the body is not valid JSON'); }
        body = parse(spec.body, raw, 'body');
      }
      return handler(c, { query, body, params: c.req.param() as Record<string, string> });
    });
  });

  const openapi = openApiDocument(routes, version);
  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/docs', (c) => c.html(docsHtml(openapi)));
  app.get('/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }));

  app.all('/api/*', () => { throw new ApiError(404, 'not_found', 'no such API route (see /openapi.json)'); });
  app.get('*', async (c) => {
    if (!uiDir) throw new ApiError(404, 'not_found', 'this server has no web UI');
    const raw = new URL(c.req.url).pathname;
    try {
      return await serveStatic(c, uiDir, raw);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && raw === '/') {
        throw new ApiError(404, 'not_found', 'the web UI is not built: run `npm run build:ui`');
      }
      throw e;
    }
  });
  app.notFound(() => { throw new ApiError(404, 'not_found', 'not found'); });

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message, err.headers);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 413) return errorResponse(c, 413, 'payload_too_large', 'request body too large');
      return errorResponse(c, status, status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'bad_request', err.message || 'request refused');
    }
    if ((err as { name?: string }).name === 'StoreError') return errorResponse(c, 400, 'bad_request', err.message);
    log(`sitrep serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return errorResponse(c, 500, 'internal', 'internal error (see the server log)');
  });

  return {
    app, routes, queue, openapi,
    async close() { await queue.close(); },
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.length ? issue.path.join('.') : where;
  throw new ApiError(400, 'bad_request', `${path}: ${issue.message}`);
}
