/**
 * Issue 6 §3: the hostile corpus (scripts/make-hostile-corpus.mjs) through `sitrep ingest` in a
 * child process, through the ingest loop with every source reader (plus a feed that never ends,
 * served locally), and through the analyzer directly. No crash, no stack trace, every item
 * accounted for (stored, or failed with a one-line reason), and nothing already stored is lost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { ingest, type IngestSummary } from '../../src/ingest/ingest.js';
import { createAnalyzerPool } from '../../src/scale/analyzer-pool.js';
import { allReaders } from '../../src/scale/source-readers.js';
import type { AnalysisRecord } from '../../src/contract/analysis-schema.js';

const BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');
const EXAMPLES = join(PROJECT_ROOT, 'examples');

function makeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-hostile-'));
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'make-hostile-corpus.mjs'), dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

async function records(store: Store): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for await (const r of store.exportRecords()) m.set(r.article.id, JSON.stringify(r));
  return m;
}

function accounted(s: IngestSummary, label: string): void {
  assert.equal(s.done, s.total, `${label}: every planned item done`);
  assert.equal(s.new + s.replaced + s.unchanged + s.failed, s.total, `${label}: every item stored or failed`);
  for (const f of s.failures) {
    assert.ok(f.reason && !f.reason.includes('\n') && !/^\s+at /m.test(f.reason), `${label}: one-line reason for ${f.origin}: ${f.reason}`);
  }
}

/** Spans of a record inside its text (the analyzer's promise, whatever the input). */
export function assertSpans(r: AnalysisRecord): void {
  const n = r.article.text.length;
  const ok = (s: { start: number; end: number }, what: string) => assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `${what} ${s.start}-${s.end} outside 0-${n}`);
  for (const e of r.entities) for (const m of e.mentions) ok(m, `mention of ${e.id}`);
  for (const t of r.times) ok(t, 'time');
  for (const q of r.quantities) ok(q, 'quantity');
  for (const e of r.events) for (const s of e.evidence) ok(s, `evidence of ${e.id}`);
  for (const f of r.facts) for (const s of f.evidence) ok(s, `evidence of a ${f.kind}`);
}

test('hostile corpus through `sitrep ingest` (child process, 2 threads): no crash, all accounted, stored articles kept', { timeout: 30 * 60_000 }, async () => {
  const dir = makeCorpus();
  const work = mkdtempSync(join(tmpdir(), 'sitrep-hostile-db-'));
  const db = join(work, 'h.db');
  try {
    const first = spawnSync(process.execPath, [BIN, 'ingest', EXAMPLES, '--db', db, '--published', '2024-03-18', '--quiet'], { encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    const s0 = await openStore(db);
    const before = await records(s0);
    await s0.close();
    assert.ok(before.size >= 1);

    const r = spawnSync(process.execPath, [BIN, 'ingest', dir, '--db', db, '--published', '2024-03-18', '--json', '--quiet', '--workers', '2'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 1, `exit 1 (some items failed), got ${r.status}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
    const summary = JSON.parse(r.stdout) as IngestSummary;
    accounted(summary, 'sitrep ingest');
    const files = readdirSync(dir);
    // every reader is registered: a feed or a JSONL file yields several items, never fewer than one
    assert.ok((summary.total ?? 0) >= files.length, `at least one item per file (${summary.total} for ${files.length} files)`);
    const failed = new Map(summary.failures.map((f) => [f.origin.replace(dir + '/', ''), f.reason]));
    assert.match(failed.get('binary.txt') ?? '', /binary/);
    assert.match(failed.get('invalid-utf8.txt') ?? '', /UTF-8/);
    assert.match(failed.get('empty.txt') ?? '', /empty/);
    assert.match(failed.get('huge.txt') ?? '', /limit/);
    assert.ok(!failed.has('good-article.txt'), 'the normal article is stored');
    assert.ok(!failed.has('caps.txt') && !failed.has('long-article.txt'), 'regex bait is analysed, not timed out');

    const s1 = await openStore(db);
    try {
      const after = await records(s1);
      for (const [id, rec] of before) assert.equal(after.get(id), rec, `article ${id} unchanged`);
      assert.deepEqual(await s1.check(), []);
    } finally { await s1.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); rmSync(work, { recursive: true, force: true }); }
});

test('hostile corpus through the ingest loop with every source reader, plus a feed that never ends', { timeout: 30 * 60_000 }, async () => {
  const dir = makeCorpus();
  // A feed that never ends: items forever, as fast as the socket takes them.
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>forever</title>');
    let i = 0;
    const more = () => {
      while (!res.destroyed && res.write(`<item><title>Item ${i}</title><description>Niger said on Monday it ordered troops ${i++} to leave.</description></item>`));
      if (!res.destroyed) res.once('drain', more);
    };
    more();
    req.on('close', () => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const store = await openStore(':memory:');
  const pool = await createAnalyzerPool({ workers: 2, taskTimeoutMs: 10 * 60_000 });
  try {
    const s = await ingest(store, [dir, url], { published: '2024-03-18', readers: allReaders(), executor: pool, allowPrivate: true });
    accounted(s, 'ingest loop');
    const failed = new Map(s.failures.map((f) => [f.origin.replace(dir + '/', ''), f.reason]));
    assert.ok([...failed.keys()].some((k) => k.startsWith(url)), `the endless feed fails with a reason: ${JSON.stringify(s.failures.slice(-3))}`);
    // Entity expansion and the gzip bomb may be refused or read without expanding: either way no
    // stored text is beyond the article cap (the expansions would be gigabytes).
    for await (const r of store.exportRecords()) assert.ok(r.article.text.length <= 1_100_000, `${r.article.id}: ${r.article.text.length} characters stored`);
    assert.ok(s.new >= 1, 'the good items are stored');
    assert.deepEqual(await store.check(), []);
  } finally { await pool.close(); await store.close(); server.close(); server.closeAllConnections(); rmSync(dir, { recursive: true, force: true }); }
});

test('hostile corpus through the analyzer directly: no exception, spans in bounds', { timeout: 30 * 60_000 }, async () => {
  const dir = makeCorpus();
  // The analyzer is given what a lenient reader would give it: bytes decoded with replacement
  // characters, capped at 300,000 characters (readers cap articles at 1 M; this keeps the test short).
  const CAP = 300_000;
  const pool = await createAnalyzerPool({ workers: 2, taskTimeoutMs: 10 * 60_000 });
  try {
    const items = readdirSync(dir).sort().map((f) => ({ f, input: { text: new TextDecoder('utf-8').decode(readFileSync(join(dir, f))).slice(0, CAP) }, options: { published: '2024-03-18' } }));
    let n = 0;
    for await (const [it, out] of pool.map(items)) {
      n++;
      assert.ok(out, it.f);
      // Refusing an input (empty text) with a reason is fine; an internal error is not.
      if (!out.ok) { assert.doesNotMatch(out.reason, /^the analyzer failed/, it.f); continue; }
      assertSpans(out.record);
    }
    assert.equal(n, items.length);
  } finally { await pool.close(); rmSync(dir, { recursive: true, force: true }); }
});
