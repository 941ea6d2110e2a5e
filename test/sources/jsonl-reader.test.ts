import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { jsonlReader } from '../../src/sources/jsonl-reader.js';
import type { SourceArticle, SourceItem } from '../../src/sources/source.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-jsonl-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const good = {
  title: 'Pakistan and Iran agree to return ambassadors',
  maintext: 'Pakistan and Iran agreed on Monday to return their ambassadors, days after the two countries exchanged missile strikes.\nThe foreign ministers spoke by telephone, officials said.',
  date_publish: '2024-01-22 14:05:00',
  url: 'https://example.org/pak-iran',
  source_domain: 'example.org',
  authors: ['Asad Hashim', 42, ''],
  language: 'en',
  description: 'Diplomatic ties restored after tit-for-tat strikes.',
  date_download: '2024-01-22 15:00:00',
};

async function read(path: string): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const it of jsonlReader.read(path, { published: '2024-01-01' })) out.push(it);
  return out;
}

test('jsonl: news-please lines become articles; bad lines are errors with their line number', async () => {
  const p = join(dir, 'a.jsonl');
  const lines = [
    JSON.stringify(good),
    '',
    '{"title": "broken",',
    JSON.stringify({ title: 'No text' }),
    '[1,2,3]',
    JSON.stringify({ ...good, url: 'https://example.org/2', date_publish: '32/13/2024', description: good.maintext.slice(0, 60) }),
    JSON.stringify({ id: 'own-1', text: 'Own format text about troops leaving the base.', published: '2024-03-18' }),
  ];
  writeFileSync(p, Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x7b, 0x0a])]));
  const items = await read(p);
  assert.deepEqual(items.map((i) => i.kind), ['article', 'error', 'error', 'error', 'article', 'article', 'error']);
  const a = items[0] as SourceArticle;
  assert.equal(a.origin, `${p}#line 1`);
  assert.equal(a.input.title, good.title);
  assert.equal(a.input.published, '2024-01-22T14:05:00');
  assert.equal(a.input.url, good.url);
  assert.equal(a.input.outlet, 'example.org');
  assert.deepEqual(a.input.authors, ['Asad Hashim']);
  assert.equal(a.input.language, 'en');
  assert.equal(a.input.subtitle, good.description);
  assert.equal(a.key, good.url);
  assert.deepEqual(items.slice(1, 4).map((i) => i.origin), [3, 4, 5].map((n) => `${p}#line ${n}`));
  assert.match((items[1] as { reason: string }).reason, /not valid JSON/);
  assert.match((items[2] as { reason: string }).reason, /no "maintext"/);
  assert.match((items[3] as { reason: string }).reason, /not a JSON object/);
  const b = items[4] as SourceArticle;
  assert.equal(b.input.published, '2024-01-01', 'an impossible date falls back to the run default');
  assert.equal(b.input.subtitle, null, 'a description that opens the text is not a dek');
  assert.ok(b.notes?.some((n) => n.includes('32/13/2024')));
  assert.equal((items[5] as SourceArticle).input.id, 'own-1');
  assert.deepEqual(items[6], { kind: 'error', origin: `${p}#line 8`, reason: 'line is not valid UTF-8' });
});

test('jsonl: gzip files stream; a corrupt gzip and an over-long line are errors, not crashes', async () => {
  const gz = join(dir, 'b.jsonl.gz');
  writeFileSync(gz, gzipSync(Array.from({ length: 300 }, (_, i) => JSON.stringify({ ...good, url: `u${i}` })).join('\n')));
  const items = await read(gz);
  assert.equal(items.length, 300);
  assert.ok(items.every((i) => i.kind === 'article'));

  const bad = join(dir, 'c.jsonl.gz');
  writeFileSync(bad, gzipSync(JSON.stringify(good) + '\n').subarray(0, 30));
  const bi = await read(bad);
  assert.equal(bi.at(-1)?.kind, 'error');
  assert.match((bi.at(-1) as { reason: string }).reason, /gzip/);

  const missing = await read(join(dir, 'none.jsonl'));
  assert.deepEqual(missing.map((i) => i.kind), ['error']);
});
