/**
 * `sitrep worker`: takes article jobs from the queue, analyses them and writes them to the shared
 * store (PostgreSQL for several machines). Any number of workers on any number of machines.
 *
 * Delivery is at-least-once: a job whose worker dies is handed to another worker once its lock
 * expires, so the same article may be processed twice. Writes are idempotent — the store keys an
 * article by URL or id and recognises an unchanged one, and a raw input seen before is skipped
 * before analysis — so re-processing never duplicates anything.
 *
 * Failures: an error that will not go away by itself (unreadable input, analyzer failure, a record
 * the store refuses) fails the job at once; anything else (a lost database connection, a fetch
 * timeout) is retried with exponential backoff. A job that fails for good is copied to the
 * dead-letter queue with its reason.
 *
 * Analysis runs in worker threads (one per concurrent job, each with a time and heap limit), so
 * the main thread stays free to renew job locks even while a hostile article is being analysed.
 */
import { hostname } from 'node:os';
import { Queue, Worker, UnrecoverableError, type Job } from 'bullmq';
import type { ArticleInput } from '../pipeline/doc.js';
import { openStore } from '../store/open-store.js';
import { StoreError, type IngestStatus, type Store } from '../store/store.js';
import { sourceHash } from '../ingest/ingest.js';
import { readerFor } from '../ingest/readers.js';
import { createAnalyzerPool, inProcessExecutor, type AnalyzeExecutor } from './analyzer-pool.js';
import { allReaders } from './source-readers.js';
import { deadLetterName, redisConnection, type ArticleJob, type DeadLetter, type QueueSettings } from './queue-config.js';

export interface WorkerOptions {
  /** the store: postgres://… for several workers (a SQLite file only suits workers on one machine) */
  db?: string;
  /** jobs processed at once, each in its own analyzer thread (default 1) */
  concurrency?: number;
  /** analyse in the main thread instead of worker threads (no time/heap limit; for tests and tiny machines) */
  inProcess?: boolean;
  /** how long a job stays locked to this worker without renewal: a killed worker's jobs return
   *  to the queue after this (default 30 s) */
  lockMs?: number;
  /** how often a job may be found stalled (its worker gone) before it fails (default 3) */
  maxStalled?: number;
  /** per-article analysis time limit (default 120 s) */
  taskTimeoutMs?: number;
  /** stop gracefully when aborted: finish the jobs in hand, take no new ones */
  signal?: AbortSignal;
  /** stop at once when aborted (a second Ctrl-C): jobs in hand go back to the queue when their lock expires */
  forceSignal?: AbortSignal;
  onProgress?: (p: WorkerProgress) => void;
  onLog?: (line: string) => void;
}

export interface WorkerProgress {
  /** jobs completed (stored, replaced or unchanged) */
  completed: number;
  stored: number;
  unchanged: number;
  /** attempts that failed and will be retried */
  retried: number;
  /** jobs that failed for good (dead-lettered) */
  failed: number;
  elapsedMs: number;
}

export interface JobResult {
  articles: { origin: string; status: IngestStatus | 'seen'; articleId: string | null; reports: number }[];
  failures: { origin: string; reason: string }[];
}

/**
 * Runs a worker until `signal` aborts; resolves once it has shut down cleanly.
 * @example const ac = new AbortController(); process.on('SIGTERM', () => ac.abort()); await runWorker(settings, { db: 'postgres://…', signal: ac.signal })
 */
export async function runWorker(settings: QueueSettings, opts: WorkerOptions = {}): Promise<WorkerProgress> {
  const t0 = Date.now();
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const log = opts.onLog ?? (() => undefined);
  const store = await openStore(opts.db);
  let executor: AnalyzeExecutor | null = null;
  let worker: Worker<ArticleJob, JobResult> | null = null;
  const connection = redisConnection(settings.redis);
  const dead = new Queue<DeadLetter>(deadLetterName(settings.name), { connection, prefix: settings.prefix });
  const p: WorkerProgress = { completed: 0, stored: 0, unchanged: 0, retried: 0, failed: 0, elapsedMs: 0 };
  const tick = () => { p.elapsedMs = Date.now() - t0; opts.onProgress?.({ ...p }); };
  try {
    executor = opts.inProcess ? inProcessExecutor() : await createAnalyzerPool({ workers: concurrency, maxInFlight: concurrency, taskTimeoutMs: opts.taskTimeoutMs });
    const ex = executor;
    const lockDuration = Math.max(1000, opts.lockMs ?? 30_000);
    worker = new Worker<ArticleJob, JobResult>(settings.name, (job) => processJob(job, store, ex), {
      connection, prefix: settings.prefix, concurrency, autorun: false,
      lockDuration,
      // Look for stalled jobs (their worker died) twice per lock period.
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      maxStalledCount: opts.maxStalled ?? 3,
      name: `${hostname()}:${process.pid}`,
    });
    worker.on('completed', (_job, r) => {
      p.completed++;
      for (const a of r.articles) if (a.status === 'new' || a.status === 'replaced') p.stored++; else p.unchanged++;
      tick();
    });
    worker.on('failed', (job, err) => { void onFailed(job, err); });
    worker.on('error', (err) => log(`queue error: ${err.message.split('\n')[0]}`));
    worker.on('stalled', (id) => log(`job ${id} stalled (its worker stopped); returned to the queue`));

    const w = worker;
    const stopped = new Promise<void>((resolve) => {
      const stop = (force: boolean) => () => { void w.close(force).then(resolve, resolve); };
      if (opts.signal?.aborted) stop(false)(); else opts.signal?.addEventListener('abort', stop(false), { once: true });
      opts.forceSignal?.addEventListener('abort', stop(true), { once: true });
    });
    await w.waitUntilReady();
    log(`worker ${hostname()}:${process.pid} on queue "${settings.name}", store ${store.location}, ${concurrency} at a time`);
    void w.run().catch((e) => log(`worker stopped: ${(e as Error).message}`));
    await stopped;
  } finally {
    await worker?.close().catch(() => undefined);
    await executor?.close();
    await dead.close().catch(() => undefined);
    await store.close();
  }
  p.elapsedMs = Date.now() - t0;
  return p;

  async function onFailed(job: Job<ArticleJob, JobResult> | undefined, err: Error): Promise<void> {
    if (!job) return;
    // Final when the job sits in "failed" (no attempt left, unrecoverable, or stalled too often);
    // otherwise BullMQ has scheduled a retry.
    const state = await job.getState().catch(() => 'unknown');
    if (state !== 'failed') { p.retried++; tick(); log(`job ${job.id} attempt ${job.attemptsMade} failed, will retry: ${err.message.split('\n')[0]}`); return; }
    p.failed++;
    tick();
    const letter: DeadLetter = { job: job.data, jobId: String(job.id), reason: err.message.split('\n')[0]!, attempts: job.attemptsMade, failedAt: new Date().toISOString() };
    // The job id as the dead letter's id: a job dead-lettered twice (at-least-once) is one letter.
    await dead.add('dead', letter, { jobId: String(job.id) }).catch((e) => log(`could not dead-letter job ${job.id}: ${(e as Error).message}`));
    log(`job ${job.id} (${job.data.origin}) failed for good: ${letter.reason}`);
  }
}

/** One job: one article (or the articles a URL yields), analysed and stored idempotently. */
async function processJob(job: Job<ArticleJob, JobResult>, store: Store, executor: AnalyzeExecutor): Promise<JobResult> {
  const d = job.data;
  if (!d || d.v !== 1) throw new UnrecoverableError('unknown job format (enqueued by another sitrep version?)');
  const items: { origin: string; input: ArticleInput; published: string | null }[] = [];
  const failures: { origin: string; reason: string }[] = [];
  if (d.kind === 'article') items.push({ origin: d.origin, input: d.input, published: d.published });
  else {
    const reader = await readerFor(d.locator, allReaders());
    if (!reader) throw new UnrecoverableError(`no reader for ${d.locator}`);
    for await (const it of reader.read(d.locator, { published: d.published, allowPrivate: d.allowPrivate })) {
      if (it.kind === 'error') failures.push({ origin: it.origin, reason: it.reason });
      else items.push({ origin: it.origin, input: it.input, published: it.input.published ?? d.published });
    }
    // A fetch that failed may work later (a timeout, a 503): retry; a URL with nothing in it will not.
    if (!items.length) {
      const reason = failures[0]?.reason ?? 'no article found';
      throw /timed? ?out|HTTP 5\d\d|ECONNRESET|ECONNREFUSED|EAI_AGAIN/i.test(reason) ? new Error(reason) : new UnrecoverableError(reason);
    }
  }
  const articles: JobResult['articles'] = [];
  for (const it of items) {
    const hash = sourceHash(it.input, it.published);
    const seen = await store.sourceSeen(hash);
    if (seen) { articles.push({ origin: it.origin, status: 'seen', articleId: seen, reports: 0 }); continue; }
    const out = await executor.run(it.input, { published: it.published });
    // The analyzer is deterministic: what failed once fails again, so no retry.
    if (!out.ok) {
      if (items.length === 1) throw new UnrecoverableError(out.reason);
      failures.push({ origin: it.origin, reason: out.reason });
      continue;
    }
    try {
      const r = await store.ingestRecord(out.record, { origin: it.origin, sourceHash: hash, ...(out.prepared ? { prepared: out.prepared } : {}) });
      articles.push({ origin: it.origin, status: r.status, articleId: r.articleId, reports: r.reports });
    } catch (e) {
      // A record the store refuses will be refused again; a connection problem may pass.
      if (e instanceof StoreError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }
  return { articles, failures };
}
