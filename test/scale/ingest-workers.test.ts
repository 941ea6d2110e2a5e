/**
 * `ingest --workers N`: the same store content and the same summary whatever N (ordered results,
 * one writer), and a bad item is accounted for the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { storeContent } from './store-content.js';
import { ingest } from '../../src/ingest/ingest.js';
import { createExecutor } from '../../src/scale/analyzer-pool.js';
import { syntheticArticles } from '../../src/scale/synthetic-articles.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';


test('ingest with 0, 1 and 2 analyzer threads leaves the same store and the same summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-workers-'));
  try {
    for (const f of readdirSync(join(PROJECT_ROOT, 'examples'))) if (f.endsWith('.txt')) copyFileSync(join(PROJECT_ROOT, 'examples', f), join(dir, f));
    for (const a of syntheticArticles(16, 11)) writeFileSync(join(dir, `${a.id}.txt`), `${a.title}\n\n${a.text}\n`);
    // a wire copy under another headline: found by the band keys the threads compute (prepareRecord)
    const ex = readdirSync(join(PROJECT_ROOT, 'examples')).filter((f) => f.endsWith('.txt')).sort()[0]!;
    const body = readFileSync(join(PROJECT_ROOT, 'examples', ex), 'utf8').split(/\n\s*\n/).slice(1).join('\n\n');
    writeFileSync(join(dir, 'zz-copy.txt'), `Another outlet runs the wire story\n\n${body}`);
    writeFileSync(join(dir, 'zz-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    const runs = [];
    for (const workers of [0, 1, 2]) {
      const store = await openStore(':memory:');
      const executor = await createExecutor(workers);
      try {
        // A small batch size so that several batches are written.
        const summary = await ingest(store, [dir], { published: '2024-03-18', executor, batchSize: 5 });
        const { elapsedMs: _e, rate: _r, ...rest } = summary;
        runs.push({ workers, summary: rest, content: await storeContent(store) });
      } finally { await executor.close(); await store.close(); }
    }
    assert.equal(runs[0]!.summary.new, 20);
    assert.equal(runs[0]!.summary.duplicates, 2, 'the example wire story and the copy are near-duplicates');
    assert.equal(runs[0]!.summary.failed, 1);
    assert.match(runs[0]!.summary.failures[0]!.reason, /binary/);
    for (const r of runs.slice(1)) {
      assert.deepEqual(r.summary, runs[0]!.summary, `summary with ${r.workers} workers`);
      assert.deepEqual(r.content, runs[0]!.content, `store with ${r.workers} workers`);
    }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
