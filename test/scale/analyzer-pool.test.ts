import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzerPool, inProcessExecutor } from '../../src/scale/analyzer-pool.js';
import { syntheticArticles } from '../../src/scale/synthetic-articles.js';

const items = syntheticArticles(24, 7).map((a) => ({ input: a, options: { published: a.published } }));

async function collect(ex: Awaited<ReturnType<typeof createAnalyzerPool>>, xs: typeof items) {
  const out: string[] = [];
  for await (const [item, res] of ex.map(xs)) out.push(item.input.id + ' ' + (res?.ok ? JSON.stringify(res.record) : 'ERR ' + res?.reason));
  return out;
}

test('a 2-thread pool returns the same records, in input order, as in-process analysis', async () => {
  const single = await collect(inProcessExecutor(), items);
  const pool = await createAnalyzerPool({ workers: 2, maxInFlight: 3 });
  try {
    const pooled = await collect(pool, items);
    assert.equal(pooled.length, items.length);
    assert.deepEqual(pooled, single);
  } finally { await pool.close(); }
});

test('a failing article fails alone with a one-line reason; the pool goes on', async () => {
  const pool = await createAnalyzerPool({ workers: 1 });
  try {
    const bad = { input: { text: 42 } as unknown as (typeof items)[0]['input'], options: {} };
    const out: { ok: boolean; reason?: string }[] = [];
    for await (const [, r] of pool.map([items[0]!, bad, items[1]!])) out.push(r!.ok ? { ok: true } : { ok: false, reason: r!.reason });
    assert.deepEqual(out.map((o) => o.ok), [true, false, true]);
    assert.match(out[1]!.reason!, /^the analyzer failed: /);
    assert.ok(!out[1]!.reason!.includes('\n'));
  } finally { await pool.close(); }
});

test('an article over the time limit is stopped, reported, and its thread replaced', async () => {
  // A 1 ms limit cannot be met by any real analysis: every article must time out, none may hang.
  const pool = await createAnalyzerPool({ workers: 1, taskTimeoutMs: 1 });
  try {
    const out: string[] = [];
    for await (const [, r] of pool.map(items.slice(0, 3))) out.push(r!.ok ? 'ok' : r!.reason);
    assert.equal(out.length, 3);
    for (const o of out) assert.match(o, /longer than 1 ms/);
  } finally { await pool.close(); }
});
