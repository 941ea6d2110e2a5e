/**
 * The HTTP API in-process (app.request) over a real SQLite store holding the example articles.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, json, type Fixture } from './helpers.js';
import { exportStore } from '../../src/kb/exports.js';

let f: Fixture;
before(async () => { f = await fixture(); });
after(async () => { await f.close(); });

const req = (path: string, init?: RequestInit) => f.sitrep.app.request(path, init);
const post = (body: unknown, token?: string, path = '/api/articles') => req(path, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const ARTICLE = 'Chad expels French ambassador\nN\'DJAMENA, May 2 (Reuters) - Chad\'s government ordered the French ambassador to leave the country on Thursday, the foreign ministry said. France said it regretted the decision.';

describe('reads', () => {
  test('health reports the store', async () => {
    const res = await req('/api/health');
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.ok, true);
    assert.equal(body.readAccess, 'open');
    assert.ok(body.store.articles >= 1, 'the examples are stored');
  });

  test('events list pages with a total, and a filter narrows it', async () => {
    const all = await json(await req('/api/events?limit=1000'));
    assert.ok(Array.isArray(all.items));
    assert.equal(typeof all.total, 'number');
    assert.equal(all.items.length, all.total);
    if (all.total > 0) {
      const type = all.items[0].type;
      const some = await json(await req(`/api/events?type=${type}&limit=1000`));
      assert.ok(some.items.length >= 1 && some.items.every((e: any) => e.type === type));
      const limited = await json(await req('/api/events?limit=1'));
      assert.equal(limited.items.length, 1);
      const one = await json(await req(`/api/events/${encodeURIComponent(all.items[0].id)}`));
      assert.equal(one.id, all.items[0].id);
    }
  });

  test('bad parameters are 400 with a JSON error naming the parameter', async () => {
    for (const q of ['quad=7', 'type=BOMB', 'from=yesterday', 'limit=0', 'limit=5000', 'order=random']) {
      const res = await req(`/api/events?${q}`);
      assert.equal(res.status, 400, q);
      const body = await json(res);
      assert.equal(body.error.code, 'bad_request');
      assert.match(body.error.message, new RegExp(q.split('=')[0]));
    }
  });

  test('unknown ids are 404 JSON errors', async () => {
    for (const p of ['/api/events/ev-none', '/api/articles/sha256%3Anone', '/api/actors/NoSuchActorAnywhere', '/api/nothing']) {
      const res = await req(p);
      assert.equal(res.status, 404, p);
      assert.equal((await json(res)).error.code, 'not_found');
    }
  });

  test('an article comes with its record text for the evidence view', async () => {
    const page = await json(await req('/api/articles'));
    assert.ok(page.items.length >= 1);
    const art = await json(await req(`/api/articles/${encodeURIComponent(page.items[0].id)}`));
    assert.equal(art.id, page.items[0].id);
    assert.ok(art.record.article.text.length > 100);
    assert.equal(typeof art.eventMap, 'object');
  });

  test('timeline, posture, actors, search, graph and geo answer', async () => {
    const tl = await json(await req('/api/timeline?a=USA&b=NER'));
    assert.ok(Array.isArray(tl.events) && Array.isArray(tl.periods));
    assert.equal((await req('/api/timeline?a=USA')).status, 400, 'b is required');
    const po = await json(await req('/api/posture/NER'));
    assert.ok(Array.isArray(po.deployments));
    const actors = await json(await req('/api/actors?limit=5'));
    assert.ok(actors.items.length >= 1);
    const s = await json(await req('/api/search?q=Niger'));
    assert.equal(s.query, 'Niger');
    const g = await json(await req('/api/graph'));
    assert.equal(g.level, 'code');
    assert.ok(Array.isArray(g.nodes) && Array.isArray(g.edges));
    const geo = await json(await req('/api/geo'));
    assert.ok(Array.isArray(geo.countries));
    for (const c of geo.countries) assert.match(c.code, /^[A-Z]{3}$/);
  });

  test('exports stream the same bytes as `sitrep export`, and event formats take filters', async () => {
    for (const format of ['jsonl', 'csv', 'plover', 'gdelt', 'geojson'] as const) {
      const res = await req(`/api/export?format=${format}`);
      assert.equal(res.status, 200, format);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="sitrep-events\./);
      let expected = '';
      await exportStore(f.store, format, (s) => { expected += s; });
      assert.equal(await res.text(), expected, format);
    }
    const records = (await (await req('/api/export?format=jsonl')).text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.equal(records.length, (await json(await req('/api/health'))).store.articles);
    const all = (await (await req('/api/export?format=plover')).text()).split('\n').filter(Boolean);
    const some = (await (await req('/api/export?format=plover&party=TCD')).text()).split('\n').filter(Boolean);
    assert.ok(some.length >= 1 && some.length < all.length, `${some.length} of ${all.length}`);
    const geo = await json(await req('/api/export?format=geojson'));
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal((await req('/api/export?format=jsonl&party=NER')).status, 400);
    assert.equal((await req('/api/export?format=xml')).status, 400);
  });
});

describe('writes', () => {
  test('refused without a token (401) and with a wrong one', async () => {
    let res = await post({ text: ARTICLE });
    assert.equal(res.status, 401);
    assert.equal((await json(res)).error.code, 'unauthorized');
    assert.match(res.headers.get('www-authenticate') ?? '', /Bearer/);
    res = await post({ text: ARTICLE }, 'sitrep_wrong-token-value-of-similar-length-000000000');
    assert.equal(res.status, 401);
    res = await post({ text: ARTICLE }, f.token.slice(0, -1) + (f.token.endsWith('A') ? 'B' : 'A'));
    assert.equal(res.status, 401, 'one character off is refused');
  });

  test('accepted with the token: analysed and stored, idempotent', async () => {
    const before = (await json(await req('/api/health'))).store.articles;
    let res = await post({ text: ARTICLE, published: '2024-05-02' }, f.token);
    assert.equal(res.status, 201);
    const { job } = await json(res);
    assert.equal(job.state, 'done');
    assert.equal(job.items.length, 1);
    assert.equal(job.items[0].ok, true);
    assert.equal(job.items[0].result.status, 'new');
    const id = job.items[0].result.articleId;
    assert.equal((await json(await req('/api/health'))).store.articles, before + 1);
    const art = await json(await req(`/api/articles/${encodeURIComponent(id)}`));
    assert.match(art.record.article.text, /French ambassador/);

    res = await post({ text: ARTICLE, published: '2024-05-02' }, f.token);
    const again = (await json(res)).job.items[0].result;
    assert.equal(again.status, 'unchanged');
    assert.equal((await json(await req('/api/health'))).store.articles, before + 1);
  });

  test('bad bodies: not JSON, wrong type, unknown shape, empty text, bad date', async () => {
    let res = await post('{not json', f.token);
    assert.equal(res.status, 400);
    res = await req('/api/articles', { method: 'POST', headers: { Authorization: `Bearer ${f.token}`, 'Content-Type': 'text/plain' }, body: 'hello' });
    assert.equal(res.status, 415);
    assert.equal((await json(res)).error.code, 'unsupported_media_type');
    for (const body of [{ nothing: 1 }, { text: '   ' }, { text: 'x', published: '2024-02-30' }, { url: 'file:///etc/passwd' }, { articles: [] }]) {
      res = await post(body, f.token);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((await json(res)).error.code, 'bad_request');
    }
  });

  test('a batch runs as one job visible in the ingest status', async () => {
    const res = await post({ articles: [{ text: 'Ghana and Togo signed a border agreement on Monday in Accra.', published: '2024-06-03' }, { text: 'Kenya\'s president met the Somali president in Nairobi on Friday.', published: '2024-06-07' }] }, f.token, '/api/articles?wait=false');
    assert.equal(res.status, 202);
    const { job } = await json(res);
    assert.equal(job.kind, 'batch');
    assert.equal(job.total, 2);
    const status = await json(await req('/api/ingest/status'));
    assert.ok(status.jobs.some((j: any) => j.id === job.id));
    const done = await f.sitrep.queue.done(job.id);
    assert.equal(done.done + done.failed, 2);
    assert.equal(done.state, 'done');
  });
});
