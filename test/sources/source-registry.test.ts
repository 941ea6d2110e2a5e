import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { defaultReaders, expandLocator, readerFor, readSources } from '../../src/sources/index.js';
import { sniffBytes } from '../../src/sources/sniff-format.js';
import type { SourceItem } from '../../src/sources/source.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-reg-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const FIX = join(PROJECT_ROOT, 'test', 'fixtures');

test('registry: readers are chosen by URL scheme and extension', async () => {
  const cases: [string, string | null][] = [
    ['https://example.com/a', 'url'], ['http://example.com/feed.xml', 'url'], ['a/b/CC-NEWS-2024.warc.gz', 'warc'], ['x.warc', 'warc'],
    ['feed.xml', 'feed'], ['feed.RSS', 'feed'], ['f.atom', 'feed'], ['news.jsonl', 'jsonl'], ['n.jsonl.gz', 'jsonl'], ['page.HTML', 'html'], ['p.htm', 'html'],
    ['ftp://example.com/x.html', null],
  ];
  for (const [loc, name] of cases) assert.equal((await readerFor(loc))?.name ?? null, name, loc);
  assert.deepEqual(defaultReaders().map((r) => r.name), ['url', 'warc', 'feed', 'jsonl', 'html']);
});

test('registry: files without a telling extension are sniffed', async () => {
  copyFileSync(join(FIX, 'html', 'regional-time.html'), join(dir, 'saved-page'));
  copyFileSync(join(FIX, 'feeds', 'agency-atom.xml'), join(dir, 'feed-download'));
  writeFileSync(join(dir, 'crawl.bin'), gzipSync('WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n'));
  writeFileSync(join(dir, 'export.dat'), '{"title":"x","maintext":"y"}\n');
  writeFileSync(join(dir, 'mystery.bin'), Buffer.from([0, 1, 2, 3]));
  assert.equal((await readerFor(join(dir, 'saved-page')))?.name, 'html');
  assert.equal((await readerFor(join(dir, 'feed-download')))?.name, 'feed');
  assert.equal((await readerFor(join(dir, 'crawl.bin')))?.name, 'warc');
  assert.equal((await readerFor(join(dir, 'export.dat')))?.name, 'jsonl');
  assert.equal(await readerFor(join(dir, 'mystery.bin')), null);
  assert.equal(sniffBytes(Buffer.from('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')), 'feed');
});

test('registry: directories and globs expand to sorted files; every locator yields items or an error', async () => {
  const d = join(dir, 'pages');
  mkdirSync(join(d, 'sub'), { recursive: true });
  copyFileSync(join(FIX, 'html', 'wire-meta.html'), join(d, 'b.html'));
  copyFileSync(join(FIX, 'html', 'magazine-dek.html'), join(d, 'a.html'));
  copyFileSync(join(FIX, 'html', 'legacy-byline-date.html'), join(d, 'sub', 'c.htm'));
  writeFileSync(join(d, '.hidden.html'), 'x');
  assert.deepEqual(await expandLocator(d), [join(d, 'a.html'), join(d, 'b.html'), join(d, 'sub', 'c.htm')]);
  assert.deepEqual(await expandLocator(join(d, '*.html')), [join(d, 'a.html'), join(d, 'b.html')]);
  assert.deepEqual(await expandLocator(join(d, '**', '*.htm')), [join(d, 'sub', 'c.htm')]);
  assert.deepEqual(await expandLocator('https://example.com/*'), ['https://example.com/*']);

  const items: SourceItem[] = [];
  for await (const it of readSources([join(d, '*.html'), join(d, 'none-*.html'), join(dir, 'mystery.bin'), join(FIX, 'feeds', 'agency-atom.xml')], {})) items.push(it);
  assert.deepEqual(items.map((i) => i.kind), ['article', 'article', 'error', 'error', 'article', 'article', 'article']);
  assert.match((items[2] as { reason: string }).reason, /no files match/);
  assert.match((items[3] as { reason: string }).reason, /unknown format/);
});
