import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { warcReader, warcItems, newWarcStats } from '../../src/sources/warc-reader.js';
import { warcRecords } from '../../src/sources/warc-parse.js';
import type { SourceItem } from '../../src/sources/source.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-warc-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

type Expect = { records: number; articles: number; errors: number; skipped: number };
const { makeWarcFixture } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'make-warc-fixture.mjs')).href)) as
  { makeWarcFixture: (p: string, n: number) => Promise<Expect> };

test('warc: a 1,000-record multi-member .warc.gz streams with every record accounted for', async () => {
  const path = join(dir, 'cc-news-like.warc.gz');
  const exp = await makeWarcFixture(path, 1000);
  assert.equal(exp.records, 1000);
  const stats = newWarcStats();
  let articles = 0, errors = 0, peak = 0, rssAt100 = 0;
  const seenOrigins = new Set<string>();
  for await (const it of warcReader.readWithStats(path, {}, stats)) {
    if (it.kind === 'article') {
      articles++;
      assert.ok(it.input.url?.startsWith('https://news'), 'WARC-Target-URI is the url');
      assert.ok(it.input.text.length > 100 && !it.input.text.includes('All rights reserved') && !it.input.text.includes('Front page'));
      assert.ok(it.input.published, 'published date from the page or the WARC-Date');
      assert.ok(it.key?.startsWith('<urn:uuid:'));
    } else errors++;
    assert.ok(!seenOrigins.has(it.origin), 'each record reported once');
    seenOrigins.add(it.origin);
    const rss = process.memoryUsage().rss;
    if (articles === 100) rssAt100 ||= rss;
    peak = Math.max(peak, rss);
  }
  assert.deepEqual({ records: stats.records, articles: stats.articles, errors: stats.errors, skipped: stats.skipped }, exp);
  assert.equal(articles, exp.articles);
  assert.equal(errors, exp.errors);
  assert.equal(stats.articles + stats.errors + stats.skipped, stats.records);
  process.stderr.write(`# warc: ${stats.records} records, ${stats.articles} articles, ${stats.errors} errors, ${stats.skipped} skipped; RSS after 100 articles ${(rssAt100 / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB\n`);
  // Flat memory: generous bound, the record cap is 8 MB and nothing accumulates across records.
  assert.ok(peak - rssAt100 < 160 * 2 ** 20, `RSS grew by ${(peak - rssAt100) / 2 ** 20} MB while streaming`);
});

test('warc: the parser pulls bytes lazily (streaming, not loading the input whole)', async () => {
  let produced = 0;
  const rec = (i: number) => {
    const body = `HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n${'x'.repeat(1000)}`;
    return Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:${i}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}\r\n\r\n`);
  };
  async function* source() { for (let i = 0; i < 1_000_000; i++) { const b = rec(i); produced += b.length; yield b; } }
  let n = 0;
  for await (const r of warcRecords(source(), 1 << 20)) { assert.equal(r.kind, 'record'); if (++n === 50) break; }
  assert.ok(produced < 60 * 1200, `only about 50 records' worth of bytes were pulled (${produced})`);
});

test('warc: truncated files, corrupt gzip, oversized records and missing files are errors, not crashes', async () => {
  const okRec = `WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///a.html\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n`;
  const cut = join(dir, 'cut.warc');
  writeFileSync(cut, okRec + 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nonly a little');
  const items: SourceItem[] = [];
  const stats = newWarcStats();
  for await (const it of warcReader.readWithStats(cut, {}, stats)) items.push(it);
  assert.equal(stats.records, 2);
  assert.match((items.at(-1) as { reason: string }).reason, /truncated/);

  const gz = join(dir, 'corrupt.warc.gz');
  writeFileSync(gz, Buffer.concat([gzipSync(okRec), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]));
  const gi: SourceItem[] = [];
  for await (const it of warcReader.read(gz, {})) gi.push(it);
  assert.match((gi.at(-1) as { reason: string }).reason, /gzip data is corrupt/);

  const big = Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ${3 << 20}\r\n\r\n`);
  async function* chunks() { yield big; for (let i = 0; i < 48; i++) yield Buffer.alloc(64 * 1024, 0x61); yield Buffer.from('\r\n\r\n' + okRec); }
  const kinds: string[] = [];
  for await (const r of warcRecords(chunks(), 1 << 20)) kinds.push(r.kind === 'problem' ? r.reason : `record ${r.headers.get('warc-type')}`);
  assert.deepEqual(kinds, ['record is 3145728 bytes; the limit is 1048576 (streamed past)', 'record resource']);
  const resource: SourceItem[] = [];
  for await (const it of warcItems(chunks(), 'big.warc', {})) resource.push(it);
  assert.equal(resource.length, 2);

  const missing: SourceItem[] = [];
  for await (const it of warcReader.read(join(dir, 'nope.warc.gz'), {})) missing.push(it);
  assert.deepEqual(missing.map((i) => i.kind), ['error']);
});
