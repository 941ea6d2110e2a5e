/**
 * Scale-out figures (issue 6): `ingest --workers N` throughput with 1 and 2 analyzer threads
 * (target: 2 threads ≥ 1.7× one on a 2-core machine), queue throughput with 2 `sitrep worker`
 * processes (real Redis + PostgreSQL when reachable), and peak RSS per worker process. Figures
 * are printed, never asserted; on a shared machine they vary with the load (printed too).
 */
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import { ingest } from '../../src/ingest/ingest.js';
import { createExecutor } from '../../src/scale/analyzer-pool.js';
import { syntheticArticles } from '../../src/scale/synthetic-articles.js';
import { enqueue } from '../../src/scale/queue-producer.js';
import { queueStatus } from '../../src/scale/queue-status.js';
import { deadLetterName, redisConnection } from '../../src/scale/queue-config.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import type { BenchContext, BenchResult, BenchRow, BenchSection } from '../section.js';

const REDIS = process.env.SITREP_BENCH_REDIS || 'redis://127.0.0.1:6379';
const PG = process.env.SITREP_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/test';

function writeCorpus(n: number, seed: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-workers-'));
  for (const [i, a] of syntheticArticles(n, seed).entries()) writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), `${a.title} (${i})\n\n${a.text}\n`);
  return dir;
}

async function ingestRate(dir: string, workers: number): Promise<number> {
  const store = await openStore(':memory:');
  const executor = await createExecutor(workers);
  try {
    const t0 = performance.now();
    const s = await ingest(store, [dir], { published: '2024-03-18', executor });
    return s.new / ((performance.now() - t0) / 1000);
  } finally { await executor.close(); await store.close(); }
}

/** Peak resident set (VmHWM) of a process in MB, from /proc (Linux); null elsewhere. */
function peakRssMb(pid: number): number | null {
  try { const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8')); return m ? Math.round(Number(m[1]) / 1024) : null; } catch { return null; }
}

async function reachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 2000 });
  try { await c.connect(); } catch (e) { return `PostgreSQL unreachable (${(e as Error).message})`; } finally { await c.end().catch(() => undefined); }
  const q = new Queue('sitrep_bench_probe', { connection: { ...redisConnection(REDIS), retryStrategy: () => null, enableOfflineQueue: false } as never });
  try { await Promise.race([q.waitUntilReady(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]); return null; } catch (e) { return `Redis unreachable (${(e as Error).message})`; } finally { await q.close().catch(() => undefined); }
}

async function queueRun(dir: string, n: number, log: (m: string) => void): Promise<BenchRow[]> {
  const why = await reachable();
  if (why) return [{ metric: 'queue throughput, 2 worker processes', value: 'skipped', note: why }];
  const name = `sitrep_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const schema = name;
  const db = `${PG}${PG.includes('?') ? '&' : '?'}schema=${schema}`;
  await (await openStore(db)).close();
  const procs = [0, 1].map(() => spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'sitrep.js'), 'worker', '--redis', REDIS, '--queue', name, '--db', db, '--quiet'], { stdio: 'ignore' }));
  const peaks = new Map<number, number>();
  const sample = setInterval(() => { for (const p of procs) { const r = p.pid ? peakRssMb(p.pid) : null; if (r) peaks.set(p.pid!, Math.max(peaks.get(p.pid!) ?? 0, r)); } }, 250);
  try {
    await new Promise((r) => setTimeout(r, 3000)); // let both load the pipeline before the clock starts
    const t0 = performance.now();
    await enqueue({ redis: REDIS, name }, [dir], { published: '2024-03-18' });
    for (;;) {
      const s = await queueStatus({ redis: REDIS, name });
      if (s.completed + s.failed >= n) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const secs = (performance.now() - t0) / 1000;
    log(`queue: ${n} articles in ${secs.toFixed(1)} s`);
    const rows: BenchRow[] = [{ metric: 'queue throughput, 2 worker processes', value: Math.round((n / secs) * 10) / 10, unit: 'articles/s', note: `${n} articles, enqueue to last completion, PostgreSQL store` }];
    for (const [i, p] of procs.entries()) rows.push({ metric: `peak RSS, worker process ${i + 1}`, value: (p.pid && peaks.get(p.pid)) || 'n/a', unit: 'MB', note: 'VmHWM: main thread + 1 analyzer thread + Redis/PG clients' });
    return rows;
  } finally {
    clearInterval(sample);
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)))));
    for (const q of [name, deadLetterName(name)]) { const x = new Queue(q, { connection: redisConnection(REDIS) }); await x.obliterate({ force: true }).catch(() => undefined); await x.close(); }
    const c = new pg.Client({ connectionString: PG }); await c.connect(); await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`); await c.end();
  }
}

export const workersSection: BenchSection = {
  name: 'workers',
  description: 'ingest --workers 1 vs 2 (analyzer threads), queue throughput with 2 worker processes, peak RSS per worker',
  async run(ctx: BenchContext): Promise<BenchResult> {
    const n = Math.max(50, Math.round(300 * ctx.scale));
    const dir = writeCorpus(n, ctx.seed);
    try {
      const load0 = loadavg()[0]!;
      ctx.log(`ingest of ${n} short articles with 0, 1 and 2 analyzer threads…`);
      const r0 = await ingestRate(dir, 0);
      const r1 = await ingestRate(dir, 1);
      const r2 = await ingestRate(dir, 2);
      const speedup = r2 / r1;
      const rows: BenchRow[] = [
        { metric: 'ingest, in-process analyzer', value: Math.round(r0 * 10) / 10, unit: 'articles/s', note: `${n} articles into SQLite :memory:` },
        { metric: 'ingest --workers 1', value: Math.round(r1 * 10) / 10, unit: 'articles/s' },
        { metric: 'ingest --workers 2', value: Math.round(r2 * 10) / 10, unit: 'articles/s' },
        { metric: 'speed-up 2 vs 1 threads', value: Math.round(speedup * 100) / 100, unit: '×', note: `${availableParallelism()} cores; load average ${load0.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after` },
        ...(await queueRun(dir, n, ctx.log)),
      ];
      return { rows, targets: [{ name: 'ingest --workers 2 ≥ 1.7× --workers 1', ok: speedup >= 1.7, detail: `${speedup.toFixed(2)}× (meaningless on a loaded machine: see load average)` }] };
    } finally { rmSync(dir, { recursive: true, force: true }); }
  },
};
