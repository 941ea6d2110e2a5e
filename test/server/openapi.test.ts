/** Every route the app serves is documented in /openapi.json, and the docs page shows each one. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, json, type Fixture } from './helpers.js';

let f: Fixture;
before(async () => { f = await fixture({}, false); });
after(async () => { await f.close(); });

test('the OpenAPI 3.1 document covers every /api route of the app', async () => {
  const doc = await json(await f.sitrep.app.request('/openapi.json'));
  assert.equal(doc.openapi, '3.1.0');
  const served = f.sitrep.app.routes
    .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
  assert.ok(served.length >= 14, `routes found: ${served.join(', ')}`);
  for (const r of served) {
    const [method, path] = r.split(' ');
    assert.ok(doc.paths[path]?.[method], `${r} is not documented`);
  }
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m} ${p}`));
  assert.deepEqual([...documented].sort(), [...served].sort(), 'no documented route is missing from the app');
  for (const required of ['post /api/articles', 'get /api/events', 'get /api/events/{id}', 'get /api/articles/{id}', 'get /api/actors', 'get /api/actors/{id}', 'get /api/timeline', 'get /api/posture/{country}', 'get /api/search', 'get /api/export', 'get /api/ingest/status', 'get /api/health']) {
    assert.ok(documented.includes(required), required);
  }
});

test('documented parameters match the validation (event filters, write security)', async () => {
  const doc = await json(await f.sitrep.app.request('/openapi.json'));
  const names = doc.paths['/api/events'].get.parameters.map((p: any) => p.name);
  for (const n of ['actor', 'recipient', 'party', 'other', 'type', 'quad', 'modality', 'from', 'to', 'source', 'q', 'minSources', 'limit', 'offset', 'order']) assert.ok(names.includes(n), n);
  assert.deepEqual(doc.paths['/api/articles'].post.security, [{ bearer: [] }]);
  assert.ok(doc.paths['/api/articles'].post.requestBody);
  for (const ref of JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? []) {
    assert.ok(doc.components.schemas[ref.split('/').pop() as string], `${ref} is defined`);
  }
});

test('the docs page lists every path, offline', async () => {
  const res = await f.sitrep.app.request('/docs');
  assert.equal(res.status, 200);
  const html = await res.text();
  const doc = await json(await f.sitrep.app.request('/openapi.json'));
  for (const p of Object.keys(doc.paths)) assert.ok(html.includes(p), p);
  assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/, 'no external resources');
  assert.equal((await f.sitrep.app.request('/docs.css')).status, 200);
});
