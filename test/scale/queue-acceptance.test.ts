/**
 * Issue 6 acceptance, on real Redis and PostgreSQL: three `sitrep worker` processes, 2,000
 * articles enqueued, one worker SIGKILLed mid-run. At the end every article is stored exactly once
 * and each article has the same events as a single-process ingest of the same articles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { ingest } from '../../src/ingest/ingest.js';
import { enqueue } from '../../src/scale/queue-producer.js';
import { queueStatus } from '../../src/scale/queue-status.js';
import { syntheticArticles } from '../../src/scale/synthetic-articles.js';
import { pgSchema, pgUnavailable, redisUnavailable } from './services.js';
import { sitrep, sleep, testQueue, type Child } from './queue-helpers.js';

const N = Number(process.env.SITREP_ACCEPT_N || 2000);

/** article id → its events as sorted signatures (what the analyzer said, as stored). */
async function signatures(store: Store): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const r of store.exportRecords()) {
    assert.ok(!out.has(r.article.id), `article ${r.article.id} stored twice`);
    const name = new Map(r.entities.map((e) => [e.id, e.name]));
    out.set(r.article.id, r.events.map((e) => [e.type, e.mode, e.actor.map((a) => name.get(a)).join('+'), e.recipient.map((a) => name.get(a)).join('+'),
      e.modality, e.date, e.evidence.map((s) => `${s.start}-${s.end}`).join(',')].join('|')).sort());
  }
  return out;
}

test(`${N} articles through 3 queue workers, one SIGKILLed: each stored once, same events as one process`, { timeout: 60 * 60_000 }, async (t) => {
  const why = (await redisUnavailable()) ?? (await pgUnavailable());
  if (why) { t.skip(why); return; }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-accept-'));
  const q = testQueue('sitrep_accept');
  const schema = pgSchema('sitrep_test_accept');
  const workers: Child[] = [];
  try {
    // Distinct titles: text-file articles are keyed by their text.
    for (const [i, a] of syntheticArticles(N, 2024).entries()) writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), `${a.title} (${i})\n\n${a.text}\n`);

    // Create the schema once before three processes race to migrate it.
    await (await openStore(schema.url)).close();
    const args = ['worker', '--redis', q.redis, '--queue', q.name, '--db', schema.url, '--lock-ms', '3000'];
    for (let i = 0; i < 3; i++) workers.push(sitrep(args));
    const s = await enqueue(q, [dir], { published: '2024-03-18', highWater: 500 });
    assert.equal(s.enqueued, N);
    assert.equal(s.deadLettered, 0);

    let killed = false;
    const deadline = Date.now() + 40 * 60_000;
    for (;;) {
      const st = await queueStatus(q);
      if (!killed && st.completed >= Math.floor(N / 5)) {
        workers[0]!.proc.kill('SIGKILL');
        killed = true;
        t.diagnostic(`SIGKILLed worker 1 at ${st.completed} completed, ${st.active} active`);
      }
      if (st.completed + st.failed >= N && st.active === 0 && st.waiting === 0 && st.delayed === 0) {
        assert.equal(st.failed, 0, `failed jobs: ${JSON.stringify(st.recentDead)}`);
        assert.equal(st.deadLettered, 0);
        break;
      }
      if (Date.now() > deadline) assert.fail(`queue did not drain: ${JSON.stringify(st)}\n${workers.map((w) => w.stderr.join('')).join('\n---\n')}`);
      await sleep(500);
    }
    assert.ok(killed, 'a worker was killed mid-run');
    // Graceful stop of the survivors: exit code 0.
    for (const w of workers.slice(1)) w.proc.kill('SIGTERM');
    for (const w of workers.slice(1)) assert.deepEqual(await w.exited, { code: 0, signal: null }, w.stderr.join(''));

    const shared = await openStore(schema.url);
    const single = await openStore(':memory:');
    try {
      const summary = await ingest(single, [dir], { published: '2024-03-18' });
      assert.equal(summary.new, N);
      const a = await signatures(shared);
      const b = await signatures(single);
      assert.equal(a.size, N, 'every article stored exactly once');
      assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
      for (const [id, sigs] of b) assert.deepEqual(a.get(id), sigs, `events of ${id}`);
      const [sa, sb] = [await shared.stats(), await single.stats()];
      assert.equal(sa.articles, N);
      assert.equal(sa.reports, sb.reports);
      assert.deepEqual(await shared.check(), []);
      t.diagnostic(`${sa.articles} articles, ${sa.reports} reports, ${sa.events} fused events in PostgreSQL`);
    } finally { await shared.close(); await single.close(); }
  } finally {
    for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
    await q.remove().catch(() => undefined);
    await schema.drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
