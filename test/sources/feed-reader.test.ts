import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { feedReader, feedItems } from '../../src/sources/feed-reader.js';
import { parseFeed, decodeXmlEntities } from '../../src/sources/feed-parse.js';
import type { SourceArticle, SourceItem } from '../../src/sources/source.js';

const FIX = join(PROJECT_ROOT, 'test', 'fixtures', 'feeds');

async function all(path: string): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const it of feedReader.read(path, {})) out.push(it);
  return out;
}

test('rss: full content, summary-only items, authors, RFC 822 dates, bad dates and empty items', async () => {
  const items = await all(join(FIX, 'world-rss2.xml'));
  assert.equal(items.length, 4);
  const [a, b, c, d] = items as SourceArticle[];
  assert.equal(a.kind, 'article');
  assert.equal(a.input.title, 'Armenia and Azerbaijan agree on first section of border');
  assert.equal(a.input.url, 'https://www.northwind-news.example/world/armenia-azerbaijan-border');
  assert.equal(a.input.published, '2024-04-19T21:15:00+00:00');
  assert.deepEqual(a.input.authors, ['Lilit Harutyunyan']);
  assert.equal(a.key, 'nw-2024-04-19-0113');
  assert.ok(a.input.text.startsWith('Armenia and Azerbaijan have agreed'));
  assert.equal(a.input.text.split('\n').length >= 2, true, 'paragraphs kept as lines');
  assert.ok(!a.notes?.includes('summary only'));
  assert.equal(a.input.outlet, 'Northwind News & Analysis – World');

  assert.deepEqual(b.notes, ['summary only']);
  assert.ok(b.input.text.includes('“catastrophe”'), 'numeric character references decoded');
  assert.equal(b.input.title, 'U.N. envoy warns of "catastrophe" as fighting nears Rafah');
  assert.deepEqual(b.input.authors, ['Omar Haddad']);
  assert.equal(b.input.published, '2024-04-20T06:02:00Z');

  assert.equal(c.input.published, null, '"32/13/2024" is ignored, not guessed');
  assert.ok(c.notes?.some((n) => n.includes('32/13/2024')));
  assert.deepEqual(d, { kind: 'error', origin: join(FIX, 'world-rss2.xml') + '#item 4', reason: 'feed item has no text (no content or summary)' });
});

test('atom: html and xhtml content, alternate link, several authors, summary-only entry', async () => {
  const items = (await all(join(FIX, 'agency-atom.xml'))) as SourceArticle[];
  assert.equal(items.length, 3);
  assert.equal(items[0].input.title, 'Colombia & ELN rebels extend ceasefire by six months');
  assert.equal(items[0].input.url, 'https://meridian-review.example/colombia-eln-ceasefire');
  assert.equal(items[0].input.published, '2024-02-06T18:30:00-05:00');
  assert.deepEqual(items[0].input.authors, ['Camila Rojas', 'Daniel Ortiz']);
  assert.equal(items[0].input.language, 'en');
  assert.equal(items[0].input.text.split('\n').length, 2);
  assert.ok(!items[0].input.text.includes('<p>'));
  assert.equal(items[1].input.text, "Kenya's parliament approved the deployment of police officers to Haiti on Thursday.");
  assert.equal(items[1].input.published, '2024-03-01T08:00:00Z', 'updated is the fallback date');
  assert.equal(items[2].input.text, 'Thousands marched in Tbilisi against the proposed foreign agents law.');
  assert.deepEqual(items[2].notes, ['summary only']);
});

test('feeds: "billion laughs" entity declarations are never expanded', () => {
  const ents = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${ents.join('\n')}\n]>\n<rss version="2.0"><channel><title>&lol9;</title>`
    + '<item><title>&lol9;</title><description>Ships were attacked &lol9; near the port, officials said.</description></item></channel></rss>';
  const t0 = process.hrtime.bigint();
  const { items } = parseFeed(xml, 'laughs.xml');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 5000, `parse took ${ms} ms`);
  for (const it of items) {
    if (it.kind === 'error') { assert.match(it.reason, /\S/); continue; }
    const all = JSON.stringify(it);
    assert.ok(all.length < 2000, 'nothing expanded');
    assert.ok(!all.includes('lollol'), 'no expansion of nested entities');
  }
});

test('feeds: external entities (XXE) are not resolved', () => {
  const xml = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title>'
    + '<item><title>x</title><description>Leak: &xxe; end of the statement from the ministry.</description></item></channel></rss>';
  const { items } = parseFeed(xml, 'xxe.xml');
  for (const it of items) if (it.kind === 'article') assert.ok(!it.input.text.includes('root:'), 'file contents never read');
});

test('feeds: feed-level problems are one error item each, never an exception', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['{"not": "xml"}', /not XML/],
    ['<rss><channel><item><title>unclosed</channel></rss>', /not well-formed XML/],
    ['<html><body>a web page</body></html>', /not an RSS or Atom feed/],
    ['<rss>' + '<x>'.repeat(5000) + '</x>'.repeat(5000) + '</rss>', /nests about 5001 elements deep/],
  ];
  for (const [xml, re] of cases) {
    const { items } = parseFeed(xml, 'bad.xml');
    assert.equal(items.length, 1);
    assert.equal(items[0].kind, 'error');
    if (items[0].kind === 'error') assert.match(items[0].reason, re);
  }
  const bin = feedItems(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), 'feed.xml.gz', {});
  assert.equal(bin.length, 1);
  assert.equal(bin[0].kind, 'error');
});

test('feeds: only the five XML entities and character references are decoded', () => {
  assert.equal(decodeXmlEntities('a &amp; b &lt;c&gt; &#8220;q&#x201D; &nbsp; &lol9; &#0; &#xD800;'), 'a & b <c> “q” &nbsp; &lol9; &#0; &#xD800;');
});
