import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { fetchResource } from '../../src/sources/url-fetcher.js';
import { fetchArticle, urlReader } from '../../src/sources/url-reader.js';
import { addressKind, isPublicAddress } from '../../src/sources/address-guard.js';
import type { SourceItem } from '../../src/sources/source.js';

const page = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'html', 'wire-meta.html'));
const feed = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'feeds', 'agency-atom.xml'));
const bomb = gzipSync(Buffer.alloc(24 * 1024 * 1024, 0x20));
let server: http.Server;
let base = '';
let hits = 0;

before(async () => {
  server = http.createServer((req, res) => {
    hits++;
    const u = new URL(req.url!, 'http://x');
    const p = u.pathname;
    if (p === '/article') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); }
    else if (p === '/feed') { res.writeHead(200, { 'content-type': 'application/atom+xml' }); res.end(feed); }
    else if (p === '/text') { res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }); res.end('Troops withdrew from the border town on Monday, officials said.'); }
    else if (p === '/untyped-feed') { res.writeHead(200); res.end(feed); }
    else if (p.startsWith('/hop/')) { const n = Number(p.slice(5)); res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/article' }); res.end(); }
    else if (p === '/to') { res.writeHead(301, { location: u.searchParams.get('u')! }); res.end(); }
    else if (p === '/binary') { res.writeHead(200, { 'content-type': 'application/pdf' }); res.end(Buffer.alloc(100)); }
    else if (p === '/missing') { res.writeHead(404, { 'content-type': 'text/html' }); res.end('<h1>Not found</h1>'); }
    else if (p === '/big') { res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }); res.end(); }
    else if (p === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => { while (res.write(chunk)) { /* keep filling */ } };
      res.on('drain', pump); pump();
      res.on('close', () => res.removeAllListeners('drain'));
    }
    else if (p === '/bomb') { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.end(bomb); }
    else if (p === '/hang') { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html>'); /* never ends */ }
    else if (p === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304); res.end(); }
      else { res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }); res.end('Some text about a ceasefire agreed on Sunday.'); }
    }
    else { res.writeHead(500); res.end(); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const local = { allowPrivate: true };

test('fetch: HTML, feeds (typed or sniffed) and plain text through the URL reader', async () => {
  const items: SourceItem[] = [];
  for (const path of ['/article', '/feed', '/text', '/untyped-feed']) for await (const it of urlReader.read(base + path, local)) items.push(it);
  assert.deepEqual(items.map((i) => i.kind), Array(8).fill('article'));
  const a = items[0];
  if (a.kind === 'article') {
    assert.equal(a.input.published, '2024-05-14T08:42:00+00:00');
    assert.equal(a.input.url, `${base}/world/africa/sudan-truce-el-fasher-2024-05-14/`, 'relative canonical resolved against the fetched URL');
  }
});

test('fetch: redirects are followed up to 5 hops, not 6', async () => {
  const ok = await fetchResource(`${base}/hop/4`, local);
  assert.ok(ok.ok);
  if (ok.ok) assert.equal(ok.redirects, 5);
  const no = await fetchResource(`${base}/hop/5`, local);
  assert.deepEqual([no.ok, !no.ok && no.reason], [false, 'too many redirects (more than 5)']);
});

test('fetch: status, content type, size, gzip bomb, endless body and timeout each give a clear reason', async () => {
  const cases: [string, RegExp, object?][] = [
    ['/missing', /^HTTP 404$/],
    ['/binary', /unsupported content type "application\/pdf"/],
    ['/big', /response is 52428800 bytes; the limit is 1048576/, { maxBytes: 1 << 20 }],
    ['/endless', /over the limit of 1048576 bytes/, { maxBytes: 1 << 20 }],
    ['/bomb', /over the limit of 1048576 bytes \(decompressed\)/, { maxBytes: 1 << 20 }],
    ['/hang', /timed out after 300 ms/, { timeoutMs: 300 }],
  ];
  for (const [path, re, extra] of cases) {
    const r = await fetchResource(base + path, { ...local, ...extra });
    assert.equal(r.ok, false, path);
    if (!r.ok) assert.match(r.reason, re, path);
  }
  const feedAsArticle = await fetchArticle(`${base}/feed`, local);
  assert.equal(feedAsArticle.kind, 'error');
});

test('fetch: conditional GET returns 304 with an empty body', async () => {
  const first = await fetchResource(`${base}/etag`, local);
  assert.ok(first.ok && first.headers.etag === '"v1"');
  const again = await fetchResource(`${base}/etag`, { ...local, headers: { 'if-none-match': '"v1"' } });
  assert.ok(again.ok && again.status === 304 && again.body.length === 0);
});

test('ssrf: private, loopback, link-local, unique-local and mapped addresses are refused without --allow-private', async () => {
  const before = hits;
  const port = new URL(base).port;
  const refused: [string, RegExp][] = [
    [`http://127.0.0.1:${port}/article`, /127\.0\.0\.1 is a loopback address/],
    [`http://[::1]:${port}/article`, /::1 is a loopback address/],
    ['http://10.0.0.5/article', /10\.0\.0\.5 is a private address/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://[fd12:3456::1]/', /unique-local/],
    ['http://[ff02::1]/', /multicast/],
    ['http://0.0.0.0/', /unspecified/],
    [`http://[::ffff:127.0.0.1]:${port}/article`, /loopback \(IPv4-mapped\)/],
    [`http://localhost:${port}/article`, /localhost resolves to (?:127\.0\.0\.1|::1) is a loopback address/],
    ['file:///etc/passwd', /only http and https/],
    ['http://user:pw@example.com/', /credentials/],
  ];
  for (const [url, re] of refused) {
    const r = await fetchResource(url, { timeoutMs: 2000 });
    assert.equal(r.ok, false, url);
    if (!r.ok) assert.match(r.reason, re, url);
    if (!r.ok) assert.match(r.reason, /allow-private|only http|credentials/);
  }
  assert.equal(hits, before, 'no request reached the local server');
  const item = await fetchArticle(`${base}/article`);
  assert.equal(item.kind, 'error');
});

test('ssrf: a public→private redirect is refused at the redirect, after DNS resolution', async () => {
  const port = new URL(base).port;
  // Seams: "news.example" resolves to the test server, which this checker treats as public;
  // "intranet.example" resolves to a private address; everything else uses the real rules.
  const resolve = async (h: string) => h === 'news.example' ? [{ address: '127.0.0.1', family: 4 as const }]
    : h === 'intranet.example' ? [{ address: '192.168.10.20', family: 4 as const }] : [{ address: '127.0.0.1', family: 4 as const }];
  const isPublic = (ip: string) => ip === '127.0.0.1' || isPublicAddress(ip);
  const ok = await fetchResource(`http://news.example:${port}/article`, { resolve, isPublicAddress: isPublic });
  assert.ok(ok.ok, 'the "public" first hop is fetched (connecting to the checked address)');
  for (const [target, re] of [
    [`http://[::1]:${port}/article`, /::1 is a loopback address/],
    ['http://intranet.example/', /intranet\.example resolves to 192\.168\.10\.20 is a private address/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ] as const) {
    const before = hits;
    const r = await fetchResource(`http://news.example:${port}/to?u=${encodeURIComponent(target)}`, { resolve, isPublicAddress: isPublic });
    assert.equal(r.ok, false, target);
    if (!r.ok) { assert.match(r.reason, re); assert.equal(r.url, target.startsWith('http://[') ? target : new URL(target).href); }
    assert.equal(hits, before + 1, 'only the redirecting hop reached a server');
  }
  // A name with one public and one private address is refused (every address is checked).
  const mixed = async () => [{ address: '127.0.0.1', family: 4 as const }, { address: '10.1.1.1', family: 4 as const }];
  const r = await fetchResource(`http://news.example:${port}/article`, { resolve: mixed, isPublicAddress: isPublic });
  assert.ok(!r.ok && /10\.1\.1\.1 is a private address/.test(r.reason));
});

test('ssrf: address classification table', () => {
  const table: [string, string | null][] = [
    ['8.8.8.8', null], ['2606:4700:4700::1111', null], ['::ffff:8.8.8.8', null],
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['10.9.8.7', 'private'], ['172.16.0.1', 'private'], ['172.32.0.1', null],
    ['192.168.0.1', 'private'], ['169.254.169.254', 'link-local'], ['100.64.1.1', 'shared (CGNAT)'], ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'], ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'link-local'], ['fc00::1', 'unique-local'],
    ['fdff::1', 'unique-local'], ['ff05::2', 'multicast'], ['::ffff:127.0.0.1', 'loopback (IPv4-mapped)'], ['::ffff:7f00:1', 'loopback (IPv4-mapped)'],
    ['::ffff:a9fe:a9fe', 'link-local (IPv4-mapped)'], ['64:ff9b::a00:1', 'private (NAT64)'], ['2002:7f00:1::', 'loopback (6to4)'],
  ];
  for (const [ip, kind] of table) assert.equal(addressKind(ip), kind, ip);
});
