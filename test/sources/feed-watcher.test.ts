import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWatchState, parseInterval, pollFeeds, watchFeeds, type PollReport } from '../../src/sources/feed-watcher.js';
import type { SourceArticle } from '../../src/sources/source.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
let server: http.Server;
let base = '';
let items: { guid: string; title: string }[] = [];
let version = 1;
const requests: Record<string, number> = {};

function rss(): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>${items.map((i) =>
    `<item><title>${i.title}</title><link>https://wire.example/${i.guid}</link><guid>${i.guid}</guid><pubDate>Mon, 18 Mar 2024 10:00:00 GMT</pubDate>`
    + `<description>${i.title} as reported by officials on Monday in the capital.</description></item>`).join('')}</channel></rss>`;
}

before(async () => {
  server = http.createServer((req, res) => {
    const p = req.url!;
    requests[p] = (requests[p] ?? 0) + 1;
    if (p === '/feed') {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304); res.end(); return; }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }); res.end(rss());
    } else if (p === '/500') { res.writeHead(500); res.end('oops'); }
    else if (p === '/invalid') { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end('<rss><channel><item><title>half'); }
    else if (p === '/endless') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>forever</title>');
      const chunk = Buffer.from('<item><title>x</title><description>y</description></item>'.repeat(500));
      const pump = () => { while (res.write(chunk)) { /* fill */ } };
      res.on('drain', pump); pump();
    } else if (p === '/stall') { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.write('<rss>'); }
    else { res.writeHead(404); res.end(); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => { server.closeAllConnections(); server.close(); rmSync(dir, { recursive: true, force: true }); });

test('watch: intervals parse; bad ones are refused', () => {
  assert.equal(parseInterval('10m'), 600_000);
  assert.equal(parseInterval('30s'), 30_000);
  assert.equal(parseInterval('1h'), 3_600_000);
  assert.equal(parseInterval('250ms'), 250);
  assert.equal(parseInterval('45'), 45_000);
  for (const bad of ['', 'soon', '-5m', '0s', '10 minutes']) assert.throws(() => parseInterval(bad), RangeError, bad);
});

test('watch: new items are delivered once across polls; broken feeds are reported and skipped', async () => {
  items = [{ guid: 'a1', title: 'Ceasefire talks open in Doha' }, { guid: 'a2', title: 'Border crossing reopens' }];
  version = 1;
  const statePath = join(dir, 'state', 'watch.json');
  const feeds = [`${base}/500`, `${base}/feed`, `${base}/invalid`, `${base}/endless`, `${base}/stall`];
  const delivered: string[] = [];
  const logs: string[] = [];
  const opts = {
    every: '1h', statePath, once: true, log: (l: string) => logs.push(l),
    fetch: { allowPrivate: true, maxBytes: 256 * 1024, timeoutMs: 1500 },
    onItems: (its: SourceArticle[]) => { for (const it of its) delivered.push(it.key!); },
  };
  const state = await loadWatchState(statePath);
  const r1 = await pollFeeds(feeds, state, opts);
  assert.deepEqual(r1.map((r) => r.status), ['error', 'new', 'error', 'error', 'error']);
  assert.deepEqual(delivered, ['a1', 'a2']);
  assert.equal(logs.length, 4, logs.join('\n'));
  assert.match(logs[0], /\/500: HTTP 500$/);
  assert.match(logs[1], /\/invalid: feed is not well-formed XML/);
  assert.match(logs[2], /\/endless: response body is over the limit of 262144 bytes/);
  assert.match(logs[3], /\/stall: timed out after 1500 ms/);

  // Unchanged feed: conditional GET answers 304, nothing delivered.
  const r2 = await pollFeeds([`${base}/feed`], state, opts);
  assert.deepEqual(r2.map((r) => r.status), ['not-modified']);

  // A new item appears: only it is delivered.
  items.push({ guid: 'a3', title: 'Parliament approves deployment' }); version = 2;
  await pollFeeds([`${base}/feed`], state, opts);
  assert.deepEqual(delivered, ['a1', 'a2', 'a3']);

  // State survives a restart: a fresh watcher with the same file delivers nothing old.
  version = 3;
  const saved = JSON.parse(readFileSync(statePath, 'utf8'));
  assert.deepEqual(saved.feeds[`${base}/feed`].seen.filter((k: string) => !k.startsWith('http')), ['a1', 'a2', 'a3']);
  const again = await loadWatchState(statePath);
  const r4 = await pollFeeds([`${base}/feed`], again, opts);
  assert.deepEqual(r4.map((r) => [r.status, r.delivered]), [['unchanged', 0]]);
  assert.deepEqual(delivered, ['a1', 'a2', 'a3']);
});

test('watch: a failing ingest leaves items unseen, so they are retried next round', async () => {
  items = [{ guid: 'b1', title: 'Troops withdraw' }]; version = 10;
  const state = await loadWatchState(null);
  let fail = true;
  const got: string[] = [];
  const logs: string[] = [];
  const opts = { every: 1000, log: (l: string) => logs.push(l), fetch: { allowPrivate: true }, onItems: (its: SourceArticle[]) => { if (fail) throw new Error('store is locked'); got.push(...its.map((i) => i.key!)); } };
  const r1 = await pollFeeds([`${base}/feed`], state, opts);
  assert.equal(r1[0].status, 'error');
  assert.match(logs[0], /ingest failed: store is locked/);
  fail = false; version = 11;
  await pollFeeds([`${base}/feed`], state, opts);
  assert.deepEqual(got, ['b1']);
});

test('watch: watchFeeds keeps polling until aborted, and refuses private feeds without allowPrivate', async () => {
  items = [{ guid: 'c1', title: 'Summit ends' }]; version = 20;
  const ac = new AbortController();
  const polls: PollReport[] = [];
  const logs: string[] = [];
  await watchFeeds([`${base}/feed`], {
    every: '1ms', signal: ac.signal, log: (l) => logs.push(l), fetch: {}, onItems: () => {},
    onPoll: (r) => { polls.push(r); if (polls.length === 3) ac.abort(); },
  });
  assert.equal(polls.length, 3);
  assert.ok(polls.every((p) => p.status === 'error' && /loopback address/.test(p.reason ?? '')));
});
