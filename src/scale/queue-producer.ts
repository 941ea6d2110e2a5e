/**
 * `sitrep enqueue`: reads locators (files, directories, globs, feeds, JSONL, URLs) and puts one
 * job per article on the queue. Files and feeds are read here, so workers on other machines need
 * no shared disk; URLs travel as locators and the worker fetches them (the network wait is spread
 * over the workers, and the SSRF rules apply where the fetch happens).
 *
 * Backpressure: when the queue holds more than `highWater` waiting jobs the producer pauses until
 * workers bring it down to `lowWater`, so a million-article archive never sits in Redis at once.
 * Items that cannot be read go straight to the dead-letter queue with their reason: every item
 * is accounted for.
 */
import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { SourceItem, SourceReader } from '../sources/source.js';
import { expandLocator, isUrl } from '../sources/text-source.js';
import { readerFor } from '../ingest/readers.js';
import { sourceHash } from '../ingest/ingest.js';
import { InputError } from '../io/read-input.js';
import { canonicalJson } from '../store/sql-store.js';
import { allReaders } from './source-readers.js';
import {
  BACKOFF_MS, JOB_ATTEMPTS, deadLetterName, redisConnection, type ArticleJob, type DeadLetter, type QueueSettings,
} from './queue-config.js';

export interface EnqueueOptions {
  published?: string | null;
  allowPrivate?: boolean;
  /** pause when this many jobs are waiting (default 10,000) … */
  highWater?: number;
  /** … until this many are left (default half of highWater) */
  lowWater?: number;
  readers?: readonly SourceReader[];
  onProgress?: (p: EnqueueProgress) => void;
  signal?: AbortSignal;
}

export interface EnqueueProgress {
  /** jobs added (a job already queued with the same id counts as added once) */
  enqueued: number;
  /** items that could not be read, sent to the dead-letter queue */
  deadLettered: number;
  /** times the producer waited for the queue to drain below the low-water mark */
  pauses: number;
  elapsedMs: number;
}

export interface EnqueueSummary extends EnqueueProgress {
  failures: { origin: string; reason: string }[];
  aborted: boolean;
}

/** The job id of an article: stable for the same input, new for a corrected text. */
export function jobIdFor(job: ArticleJob): string {
  const key = job.kind === 'article' ? sourceHash(job.input, job.published) : createHash('sha256').update(canonicalJson({ l: job.locator, p: job.published })).digest('hex');
  return (job.kind === 'article' ? 'a-' : 'u-') + key.slice(0, 40);
}

/** Options every job gets: retries with exponential backoff; finished jobs kept for status, then trimmed. */
export const JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential' as const, delay: BACKOFF_MS },
  removeOnComplete: { count: 100_000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 100_000, age: 30 * 24 * 3600 },
};

const BULK = 100;

/**
 * Enqueues every article the locators name.
 * @example await enqueue({ redis: 'redis://127.0.0.1:6379', name: 'sitrep' }, ['feeds.txt', 'archive/'], { published: '2024-03-18' })
 */
export async function enqueue(settings: QueueSettings, locators: readonly string[], opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const t0 = Date.now();
  const connection = redisConnection(settings.redis);
  const queue = new Queue<ArticleJob>(settings.name, { connection, prefix: settings.prefix });
  const dead = new Queue<DeadLetter>(deadLetterName(settings.name), { connection, prefix: settings.prefix });
  const highWater = Math.max(1, opts.highWater ?? 10_000);
  const lowWater = Math.min(highWater - 1, Math.max(0, opts.lowWater ?? Math.floor(highWater / 2)));
  const readers = opts.readers ?? allReaders();
  const s: EnqueueSummary = { enqueued: 0, deadLettered: 0, pauses: 0, elapsedMs: 0, failures: [], aborted: false };
  const tick = () => { s.elapsedMs = Date.now() - t0; opts.onProgress?.({ enqueued: s.enqueued, deadLettered: s.deadLettered, pauses: s.pauses, elapsedMs: s.elapsedMs }); };
  let pending: ArticleJob[] = [];
  let sinceCheck = 0;

  const waitingCount = async () => {
    const c = await queue.getJobCounts('wait', 'prioritized', 'delayed');
    return (c.wait ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
  };
  const flush = async () => {
    if (!pending.length) return;
    const jobs = pending;
    pending = [];
    await queue.addBulk(jobs.map((data) => ({ name: data.kind, data, opts: { ...JOB_OPTIONS, jobId: jobIdFor(data) } })));
    s.enqueued += jobs.length;
    sinceCheck += jobs.length;
    tick();
    // Backpressure, checked every high-water/10 jobs (a count is one Redis round trip).
    if (sinceCheck >= Math.max(1, Math.floor(highWater / 10)) || sinceCheck >= highWater) {
      sinceCheck = 0;
      if (await waitingCount() >= highWater) {
        s.pauses++;
        tick();
        while (!opts.signal?.aborted && await waitingCount() > lowWater) await sleep(200);
      }
    }
  };
  const deadLetter = async (origin: string, reason: string) => {
    s.deadLettered++;
    s.failures.push({ origin, reason });
    const job: ArticleJob = { v: 1, kind: 'locator', origin, locator: origin, published: opts.published ?? null, allowPrivate: !!opts.allowPrivate };
    const jobId = 'read-' + createHash('sha256').update(origin + '\0' + reason).digest('hex').slice(0, 40);
    await dead.add('dead', { job, jobId, reason, attempts: 0, failedAt: new Date().toISOString() }, { jobId });
    tick();
  };

  try {
    await queue.waitUntilReady();
    for (const loc of locators) {
      if (opts.signal?.aborted) { s.aborted = true; break; }
      // A URL is a job of its own: the worker fetches it.
      if (isUrl(loc)) {
        pending.push({ v: 1, kind: 'locator', origin: loc, locator: loc, published: opts.published ?? null, allowPrivate: !!opts.allowPrivate });
        if (pending.length >= BULK) await flush();
        continue;
      }
      let files: string[];
      try { files = await expandLocator(loc); } catch (e) {
        await deadLetter(loc, e instanceof InputError ? e.message : (e as Error).message);
        continue;
      }
      for (const f of files) {
        if (opts.signal?.aborted) { s.aborted = true; break; }
        const reader = await readerFor(f, readers);
        if (!reader) { await deadLetter(f, 'no reader for this kind of file'); continue; }
        try {
          for await (const item of reader.read(f, { published: opts.published ?? null, allowPrivate: opts.allowPrivate, signal: opts.signal }) as AsyncIterable<SourceItem>) {
            if (item.kind === 'error') { await deadLetter(item.origin, item.reason); continue; }
            const published = item.input.published ?? opts.published ?? null;
            pending.push({ v: 1, kind: 'article', origin: item.origin, input: item.input, published });
            if (pending.length >= BULK) await flush();
          }
        } catch (e) {
          await deadLetter(f, `reader ${reader.name} failed: ${(e as Error).message}`);
        }
      }
    }
    await flush();
  } finally {
    s.elapsedMs = Date.now() - t0;
    await Promise.allSettled([queue.close(), dead.close()]);
  }
  return s;
}

function sleep(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }
