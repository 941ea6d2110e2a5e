/**
 * The route registry: every API route is declared once with its schemas, and the OpenAPI 3.1
 * document (/openapi.json) and the docs page (/docs) are generated from the same declarations.
 * A test checks that every route the app serves is in the document.
 */
import { z } from 'zod';
import { RESPONSE_SCHEMAS } from './api-schemas.js';

export type Access = 'none' | 'read' | 'write';

export interface RouteSpec {
  method: 'get' | 'post';
  /** Hono path, e.g. /api/events/:id */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: Record<string, string>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** success responses: status → description, component schema name (or inline), content type */
  responses: Record<number, { description: string; schema?: string | object; contentType?: string }>;
}

function toJson(schema: z.ZodType): Record<string, unknown> {
  const j = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete j.$schema;
  return j;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * Builds the OpenAPI 3.1 document from the declared routes.
 * @example openApiDocument(routes, '0.1.0').paths['/api/events'].get.operationId // 'listEvents'
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string): Record<string, any> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [name, description] of Object.entries(r.params ?? {})) {
      parameters.push({ name, in: 'path', required: true, description, schema: { type: 'string' } });
    }
    if (r.query) {
      const j = toJson(r.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
      for (const [name, schema] of Object.entries(j.properties ?? {})) {
        const { description, ...rest } = schema;
        parameters.push({ name, in: 'query', required: (j.required ?? []).includes(name) && !('default' in rest), description, schema: rest });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const schema = typeof res.schema === 'string' ? ref(res.schema) : res.schema;
      responses[status] = { description: res.description, content: { [res.contentType ?? 'application/json']: schema ? { schema } : {} } };
    }
    const errors: [number, string][] = [[400, 'invalid parameters or body'], [429, 'rate limited'], [500, 'internal error']];
    if (r.path.includes(':')) errors.push([404, 'not found']);
    if (r.access !== 'none') errors.push([401, 'missing or invalid API token']);
    if (r.body) errors.push([413, 'body too large'], [415, 'not JSON'], [503, 'ingest queue full']);
    for (const [status, description] of errors) responses[status] ??= { description, content: { 'application/json': { schema: ref('Error') } } };
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: r.operationId,
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(r.body) } } } } : {}),
      responses,
      security: r.access === 'write' ? [{ bearer: [] }] : r.access === 'read' ? [{ bearer: [] }, {}] : [],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep API',
      version,
      description: 'Query a sitrep knowledge base (fused PLOVER events with their sources, actors, relations, force posture) and add articles to it. Writes need an API token (`sitrep token create`); reads are open unless the server runs with --private. Errors are JSON: {"error": {"code", "message"}}.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `sitrep token create`' } },
      schemas: RESPONSE_SCHEMAS,
    },
  };
}

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained docs page (no CDN, no script): the OpenAPI document rendered as HTML. */
export function docsHtml(doc: Record<string, any>): string {
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
      const lock = (op.security as unknown[]).length === 1 ? '<span class="lock">token required</span>' : '';
      ops.push(`<section class="op" id="${esc(op.operationId)}">
<h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code> ${lock}</h3>
<p>${esc(op.summary)}</p>${op.description ? `<p class="desc">${esc(op.description)}</p>` : ''}
${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Schema</th><th>Description</th></tr>${params.map((p) => `<tr><td><code>${esc(p.name)}</code>${p.required ? ' *' : ''}</td><td>${esc(p.in)}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td><td>${esc(p.description ?? '')}</td></tr>`).join('')}</table>` : ''}
${op.requestBody ? `<details><summary>Request body (JSON)</summary><pre>${esc(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))}</pre></details>` : ''}
<p class="responses">${Object.entries(op.responses as Record<string, { description: string }>).map(([s, r]) => `<span class="status s${esc(s[0])}">${esc(s)}</span> ${esc(r.description)}`).join(' · ')}</p>
</section>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/docs.css"></head>
<body><header><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p><p><a href="/openapi.json">openapi.json</a> · <a href="/">web UI</a></p></header>
<main>${ops.join('\n')}
<h2>Schemas</h2>${Object.entries(doc.components.schemas as Record<string, unknown>).map(([n, s]) => `<details id="schema-${esc(n)}"><summary>${esc(n)}</summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details>`).join('\n')}
</main></body></html>`;
}

export const DOCS_CSS = `body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
header{background:#16202e;color:#e8edf3;padding:16px 28px}header a{color:#9cc3ff}header small{color:#9fb0c4;font-weight:400}
main{max-width:1100px;margin:0 auto;padding:10px 28px 40px}.op{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:4px 16px 10px;margin:14px 0}
.method{display:inline-block;min-width:52px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.method.get{background:#1f6f9f}.method.post{background:#3f8f5f}.lock{font-size:11px;color:#8a5a00;background:#fff4d6;border-radius:3px;padding:1px 6px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-top:1px solid #eef0f3;padding:4px 6px;text-align:left;vertical-align:top}
td code{word-break:break-all}pre{background:#f3f5f8;padding:8px;overflow:auto;font-size:12px}.status{font-weight:600}.s2{color:#2d7a46}.s4,.s5{color:#a33}
.desc{color:#555}`;
