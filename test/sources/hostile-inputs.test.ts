/**
 * Hostile files through every file reader (issue 6 §3): each yields clear error items and the
 * run goes on — gzip bombs, huge and binary files, invalid UTF-8, empty files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readSources } from '../../src/sources/index.js';
import { openMaybeGzip } from '../../src/sources/gzip-stream.js';
import type { SourceItem } from '../../src/sources/source.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-hostile-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

async function collect(locators: string[]): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const it of readSources(locators, {})) out.push(it);
  return out;
}

test('hostile: a multi-member gzip bomb is stopped by the ratio guard, in JSONL and WARC readers alike', async () => {
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024)); // 16 MB of NULs → ~16 KB
  for (const name of ['bomb.jsonl.gz', 'bomb.warc.gz']) {
    const fd = openSync(join(dir, name), 'w');
    for (let i = 0; i < 20; i++) writeSync(fd, member); // 320 MB decompressed from ~320 KB
    closeSync(fd);
  }
  const items = await collect([join(dir, 'bomb.jsonl.gz'), join(dir, 'bomb.warc.gz')]);
  const reasons = items.filter((i) => i.kind === 'error').map((i) => (i as { reason: string }).reason);
  assert.ok(items.every((i) => i.kind === 'error'));
  assert.equal(reasons.filter((r) => /likely gzip bomb/.test(r)).length, 2, reasons.join('\n'));
});

test('hostile: the ratio guard lets ordinary compressed text through', async () => {
  const p = join(dir, 'ok.jsonl.gz');
  writeFileSync(p, gzipSync(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ title: `t${i}`, maintext: `Troops moved into district ${i} on Monday, officials said.` })).join('\n')));
  let n = 0;
  for await (const _ of await openMaybeGzip(p, { checkAfter: 1024, maxRatio: 100 })) n++;
  assert.ok(n > 0);
});

test('hostile: huge, binary, empty and invalid-UTF-8 files give one clear error each and the run goes on', async () => {
  const huge = join(dir, 'huge.html');
  writeFileSync(huge, Buffer.alloc(9 * 1024 * 1024, 0x61));
  const bin = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256));
  for (const ext of ['html', 'xml', 'warc']) writeFileSync(join(dir, `binary.${ext}`), bin);
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'empty.rss'), '');
  writeFileSync(join(dir, 'latin.xml'), Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>'), Buffer.alloc(300, 0xe9), Buffer.from('</title></item></channel></rss>')]));
  writeFileSync(join(dir, 'good.rss'), '<rss version="2.0"><channel><title>t</title><item><title>ok</title><description>Talks resumed in Cairo on Sunday.</description></item></channel></rss>');
  const items = await collect([huge, join(dir, 'binary.html'), join(dir, 'binary.xml'), join(dir, 'binary.warc'), join(dir, 'empty.html'), join(dir, 'empty.rss'), join(dir, 'latin.xml'), join(dir, 'good.rss')]);
  const byOrigin = new Map<string, string>();
  for (const it of items) byOrigin.set(it.origin.replace(dir + '/', ''), it.kind === 'error' ? it.reason : 'article');
  assert.match(byOrigin.get('huge.html')!, /file is 9437184 bytes; the limit is 8388608/);
  assert.match(byOrigin.get('binary.html')!, /binary/);
  assert.match(byOrigin.get('binary.xml')!, /binary/);
  assert.match([...byOrigin.entries()].find(([k]) => k.startsWith('binary.warc'))![1], /not a WARC record|ends/);
  assert.match(byOrigin.get('empty.html')!, /empty/);
  assert.match(byOrigin.get('empty.rss')!, /empty/);
  assert.match(byOrigin.get('latin.xml')!, /not valid UTF-8/);
  assert.equal(byOrigin.get('good.rss#item 1'), 'article', 'the run went on to the good file');
});
