/**
 * POST /api/articles with HTML and URLs, through the real readers of src/sources against a local
 * HTTP server: private targets are refused (403) unless the server allows them.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture, json, type Fixture } from './helpers.js';
import { createApp, type SitrepApp } from '../../src/server/app.js';
import { defaultSources } from '../../src/server/default-sources.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Mali recalls envoy | Example Wire</title>
<meta property="article:published_time" content="2024-09-14T08:30:00Z">
<meta property="og:site_name" content="Example Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> SUBSCRIBE-NOW-NAV</nav>
<article><h1>Mali recalls its ambassador to Algeria</h1>
<p>BAMAKO (Example Wire) - Mali recalled its ambassador to Algeria on Friday, accusing Algiers of interfering in its internal affairs, the transitional government said in a statement.</p>
<p>Algeria's foreign ministry rejected the accusation and said it remained committed to the 2015 peace agreement, which Mali's military rulers ended earlier this year.</p>
<p>The two neighbours share a long desert border where armed groups operate, and relations have worsened since the 2021 coup in Bamako.</p>
</article><aside>RELATED-LINKS-ASIDE <a href="/a">Other story</a></aside><footer>FOOTER-COPYRIGHT</footer></body></html>`;

let f: Fixture;
let site: Server;
let base: string;
let open: SitrepApp;

before(async () => {
  f = await fixture({ sources: defaultSources() }, false);
  open = createApp({ store: f.store, tokens: f.tokens, uiDir: null, sources: defaultSources(), allowPrivate: true });
  site = createServer((req, res) => {
    if (req.url === '/mali.html') { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(PAGE); return; }
    res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('no');
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
after(async () => {
  await open.close();
  await new Promise<void>((r) => site.close(() => r()));
  await f.close();
});

const post = (app: SitrepApp, body: unknown) => app.app.request('/api/articles', {
  method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.token}` }, body: JSON.stringify(body),
});

describe('URL ingest', () => {
  test('private, loopback and link-local targets are refused (403) without --allow-private', async () => {
    const before = (await json(await f.sitrep.app.request('/api/health'))).store.articles;
    for (const url of [`${base}/mali.html`, `http://localhost:${new URL(base).port}/mali.html`, 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/']) {
      const res = await post(f.sitrep, { url });
      assert.equal(res.status, 403, url);
      const err = (await json(res)).error;
      assert.equal(err.code, 'forbidden');
      assert.match(err.message, /allow-private/);
    }
    const batch = await post(f.sitrep, { articles: [{ text: 'Mali and Niger agreed to hold talks.' }, { url: `${base}/mali.html` }] });
    assert.equal(batch.status, 403, 'a batch with one private URL is refused whole');
    assert.equal((await json(await f.sitrep.app.request('/api/health'))).store.articles, before, 'nothing was stored');
  });

  test('with --allow-private the page is fetched, its article extracted and stored', async () => {
    const res = await post(open, { url: `${base}/mali.html` });
    assert.equal(res.status, 201);
    const { job } = await json(res);
    assert.equal(job.kind, 'url');
    assert.equal(job.items[0].ok, true, job.items[0].reason);
    const art = await json(await open.app.request(`/api/articles/${encodeURIComponent(job.items[0].result.articleId)}`));
    const text: string = art.record.article.text;
    assert.match(text, /recalled its ambassador to Algeria/);
    for (const junk of ['SUBSCRIBE-NOW-NAV', 'RELATED-LINKS-ASIDE', 'FOOTER-COPYRIGHT']) assert.ok(!text.includes(junk), junk);
    assert.match(art.record.article.published ?? '', /^2024-09-14/);
  });

  test('a fetch failure is that item\'s failure, reported in the job', async () => {
    const res = await post(open, { url: `${base}/missing.html` });
    assert.equal(res.status, 201);
    const { job } = await json(res);
    assert.equal(job.state, 'failed');
    assert.equal(job.items[0].ok, false);
    assert.match(job.items[0].reason, /404/);
  });
});

describe('HTML ingest', () => {
  // Another story on the same template (the URL test stored the first one).
  const page2 = PAGE.replace('Mali recalled its ambassador to Algeria on Friday', 'Mali recalled its ambassador to Morocco on Saturday').replace(/rejected the accusation/, 'dismissed the accusation');

  test('posted page source yields only the article body, dated from its metadata', async () => {
    const res = await post(f.sitrep, { html: page2, url: 'https://wire.example.org/mali-algeria' });
    assert.equal(res.status, 201);
    const { job } = await json(res);
    assert.equal(job.kind, 'html');
    assert.equal(job.items[0].ok, true, job.items[0].reason);
    const art = await json(await f.sitrep.app.request(`/api/articles/${encodeURIComponent(job.items[0].result.articleId)}`));
    assert.match(art.record.article.text, /Algeria's foreign ministry dismissed the accusation/);
    assert.match(art.record.article.published ?? '', /^2024-09-14/);
    assert.ok(!art.record.article.text.includes('FOOTER-COPYRIGHT'));
    assert.equal(art.record.article.url, 'https://wire.example.org/mali-algeria');
    // The same page again changes nothing.
    const again = await json(await post(f.sitrep, { html: page2, url: 'https://wire.example.org/mali-algeria' }));
    assert.equal(again.job.items[0].result.status, 'unchanged');
  });

  test('health says which inputs the server accepts', async () => {
    assert.deepEqual((await json(await f.sitrep.app.request('/api/health'))).accepts, ['text', 'html', 'url']);
  });
});
