/**
 * The server's security properties, each proven: body limits (413), path traversal refused in every
 * encoding, CSP and security headers, rate limits (429), private read mode, tokens stored hashed.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fixture, json, type Fixture } from './helpers.js';
import { createApp } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import { safeResolve } from '../../src/server/static-files.js';
import { matchToken, hashToken, openTokenStore } from '../../src/server/token-store.js';

let f: Fixture;
before(async () => { f = await fixture({ maxBodyBytes: 20_000 }, false); });
after(async () => { await f.close(); });

const TRAVERSALS = [
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/..%2fsecret.txt',
  '/..%5csecret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  '/%252e%252e/secret.txt',
  '/.%2e/secret.txt',
  '/assets/..\\..\\secret.txt',
  '/%00/../secret.txt',
  '/index.html%00.js',
];

describe('path traversal', () => {
  test('safeResolve refuses every encoded ../ form', () => {
    for (const p of ['/../x', '/%2e%2e/x', '/..%2fx', '/..%5cx', '/a/%2e%2e%2f%2e%2e%2fx', '/%00', '/a\\b', '/./x', '/%e0%a4%a']) {
      assert.throws(() => safeResolve('/srv/ui', p), (e: any) => e.status === 400, p);
    }
    assert.equal(safeResolve('/srv/ui', '/assets/app.js'), '/srv/ui/assets/app.js');
    assert.equal(safeResolve('/srv/ui', '/'), '/srv/ui/index.html');
  });

  test('in-process requests never reach the file beside the UI', async () => {
    for (const p of TRAVERSALS) {
      const res = await f.sitrep.app.request(p);
      const text = await res.text();
      assert.ok(!text.includes('TOP-SECRET'), p);
      assert.ok(res.status === 400 || res.status === 404, `${p}: ${res.status}`);
    }
  });

  test('raw socket requests (no client-side URL normalisation) never reach it either', async () => {
    const srv = await listen(f.sitrep.app, { port: 0, host: '127.0.0.1' });
    try {
      for (const p of TRAVERSALS) {
        const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const r = httpRequest({ host: '127.0.0.1', port: srv.port, path: p, method: 'GET' }, (res) => {
            let b = '';
            res.on('data', (d) => { b += d; });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
          });
          r.on('error', reject);
          r.end();
        });
        assert.ok(!body.includes('TOP-SECRET'), p);
        assert.ok(status === 400 || status === 404, `${p}: ${status}`);
      }
      // The UI itself is served.
      const ok = await fetch(`${srv.url}/assets/app.js`);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), 'console.log(1)');
    } finally {
      await srv.close();
    }
  });
});

describe('headers', () => {
  test('UI pages carry a strict CSP: same-origin scripts only, no inline, no framing', async () => {
    for (const p of ['/', '/index.html', '/docs']) {
      const res = await f.sitrep.app.request(p);
      assert.equal(res.status, 200, p);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, p);
      assert.match(csp, /default-src 'self'/, p);
      assert.match(csp, /frame-ancestors 'none'/, p);
      assert.match(csp, /object-src 'none'/, p);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, p);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    }
  });

  test('API answers load nothing and are not cached', async () => {
    const res = await f.sitrep.app.request('/api/health');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  });

  test('the docs page has no inline script or style', async () => {
    const html = await (await f.sitrep.app.request('/docs')).text();
    assert.doesNotMatch(html, /<script|style=|<style/i);
  });
});

describe('body limits', () => {
  const big = JSON.stringify({ text: 'x'.repeat(30_000) });

  test('an oversized body with Content-Length is refused with 413 before the token is even needed', async () => {
    const res = await f.sitrep.app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.token}` }, body: big });
    assert.equal(res.status, 413);
    assert.equal((await json(res)).error.code, 'payload_too_large');
  });

  test('an oversized chunked body (no Content-Length) is refused with 413 over a socket', async () => {
    const srv = await listen(f.sitrep.app, { port: 0, host: '127.0.0.1' });
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const r = httpRequest({ host: '127.0.0.1', port: srv.port, path: '/api/articles', method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.token}`, 'Transfer-Encoding': 'chunked' } }, (res) => {
          let b = '';
          res.on('data', (d) => { b += d; });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
        });
        r.on('error', reject);
        for (let i = 0; i < 30; i++) r.write('x'.repeat(1000));
        r.end();
      });
      assert.equal(status, 413);
      assert.equal(JSON.parse(body).error.code, 'payload_too_large');
    } finally {
      await srv.close();
    }
  });

  test('the default limit refuses a body over 6 MiB', async () => {
    const g = createApp({ store: f.store, tokens: f.tokens, uiDir: null, log: () => undefined });
    const res = await g.app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.token}` }, body: JSON.stringify({ text: 'y'.repeat(6 * 1024 * 1024 + 10) }) });
    assert.equal(res.status, 413);
    await g.close();
  });
});

describe('rate limits', () => {
  test('a client over its burst gets 429 with Retry-After, and recovers as tokens refill', async () => {
    let now = 1_000_000;
    const g = createApp({ store: f.store, tokens: f.tokens, uiDir: null, rateLimit: { burst: 3, perSecond: 0.5, now: () => now } });
    for (let i = 0; i < 3; i++) assert.equal((await g.app.request('/api/health')).status, 200);
    const res = await g.app.request('/api/health');
    assert.equal(res.status, 429);
    assert.equal((await json(res)).error.code, 'rate_limited');
    assert.equal(res.headers.get('retry-after'), '2');
    now += 2000;
    assert.equal((await g.app.request('/api/health')).status, 200);
    assert.equal((await g.app.request('/api/health')).status, 429);
    // The UI and docs are not rate-limited (static, cheap).
    assert.equal((await g.app.request('/openapi.json')).status, 200);
    await g.close();
  });
});

describe('private read mode', () => {
  test('reads need a token; health answers without store figures', async () => {
    const g = createApp({ store: f.store, tokens: f.tokens, uiDir: f.uiDir, readAccess: 'token' });
    let res = await g.app.request('/api/events');
    assert.equal(res.status, 401);
    res = await g.app.request('/api/events', { headers: { Authorization: `Bearer ${f.token}` } });
    assert.equal(res.status, 200);
    const h = await json(await g.app.request('/api/health'));
    assert.equal(h.readAccess, 'token');
    assert.equal(h.store, undefined);
    const h2 = await json(await g.app.request('/api/health', { headers: { Authorization: `Bearer ${f.token}` } }));
    assert.equal(typeof h2.store.articles, 'number');
    // The UI shell holds no data and loads without a token.
    assert.equal((await g.app.request('/')).status, 200);
    await g.close();
  });
});

describe('tokens', () => {
  test('stored only as a SHA-256 hash; revocation takes effect', async () => {
    const path = join(f.dir, 'tokens-only.db');
    const ts = await openTokenStore(path);
    const { token, info } = await ts.create('ci');
    assert.match(token, /^sitrep_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(await ts.verify(token).then((x) => x?.id), info.id);
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT * FROM api_tokens').all() as Record<string, unknown>[];
    db.close();
    assert.equal(rows.length, 1);
    const dump = JSON.stringify(rows, (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v));
    assert.ok(!dump.includes(token) && !dump.includes(token.slice(7)), 'the clear token is not stored');
    assert.deepEqual(Buffer.from(rows[0].hash as Buffer), createHash('sha256').update(token).digest());
    assert.equal(await ts.verify(token + 'x'), null);
    assert.equal(await ts.verify(''), null);
    assert.equal(await ts.revoke('ci'), true);
    assert.equal(await ts.verify(token), null);
    assert.equal(await ts.revoke('ci'), false);
    await ts.close();
  });

  test('matchToken checks every stored hash and finds the right one', () => {
    const rows = ['a', 'b', 'c', 'd'].map((t, i) => ({ id: i, hash: hashToken(`sitrep_${t}`) }));
    assert.equal(matchToken('sitrep_c', rows)?.id, 2);
    assert.equal(matchToken('sitrep_e', rows), null);
    assert.equal(matchToken('sitrep_a', []), null);
  });
});

describe('hostile input through the API', () => {
  const send = (body: unknown) => f.sitrep.app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.token}` }, body: JSON.stringify(body) });

  test('binary-looking text, bad shapes and oversize batches are 400s, never 500s', async () => {
    for (const body of [{ text: 'abc\u0000def' }, { text: '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f' }, { text: 42 }, { articles: Array.from({ length: 501 }, () => ({ text: 'x' })) }, [], null, 'text']) {
      const res = await send(body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
      assert.equal((await json(res)).error.code, 'bad_request');
    }
  });

  test('pathological HTML is one failed or read item, and the server goes on', async () => {
    const deep = '<div>'.repeat(100_000) + 'Mali and Niger signed a pact.' + '</div>'.repeat(100_000);
    const g = createApp({ store: f.store, tokens: f.tokens, uiDir: null, sources: (await import('../../src/server/default-sources.js')).defaultSources(), maxBodyBytes: 6 * 1024 * 1024 });
    const res = await g.app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.token}` }, body: JSON.stringify({ html: deep }) });
    assert.equal(res.status, 201);
    const { job } = await json(res);
    assert.equal(job.items.length, 1);
    if (!job.items[0].ok) assert.match(job.items[0].reason, /\w/);
    assert.equal((await g.app.request('/api/health')).status, 200);
    await g.close();
  });
});
