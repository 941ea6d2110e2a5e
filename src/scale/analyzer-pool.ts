/**
 * A pool of analyzer threads (worker_threads) for `sitrep ingest --workers N`: all cores of one
 * machine. Each thread loads the pipeline once. Work is bounded: at most `maxInFlight` articles
 * (and `maxInFlightChars` of text) are inside the pool at any time, so a fast reader cannot fill
 * memory ahead of slow analysis (backpressure), and results come back in input order, so whatever
 * N the single writer sees the same sequence and the store ends up the same. Each thread is handed
 * several articles ahead (`prefetch`), so it keeps working while the main thread writes a batch.
 *
 * A thread that dies (out of memory on a hostile article, a native crash) or exceeds the per-article
 * time limit is terminated and replaced; its article fails with a reason and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { AnalyzeOptions, ArticleInput } from '../pipeline/doc.js';
import type { AnalysisRecord } from '../contract/analysis-schema.js';
import { analyze } from '../pipeline/index.js';
import { failureReason } from './failure-reason.js';

export interface AnalyzeTask { seq: number; input: ArticleInput; options: AnalyzeOptions }
export type AnalyzeReply = { seq: number; ok: true; record: AnalysisRecord } | { seq: number; ok: false; reason: string };

/** The outcome for one article: its record, or a one-line reason it failed. */
export type AnalyzeOutcome = { ok: true; record: AnalysisRecord } | { ok: false; reason: string };

/**
 * What the ingest loop calls to analyse articles: in-process by default, a thread pool with
 * `--workers N`. `map` keeps input order and bounds the work in flight.
 */
export interface AnalyzeExecutor {
  readonly workers: number;
  /** Analyses items in order; `T` carries whatever the caller needs back with each outcome.
   *  Items without input (nothing to analyse) pass through in their place with a null outcome. */
  map<T extends { input: ArticleInput | null; options?: AnalyzeOptions }>(items: AsyncIterable<T> | Iterable<T>): AsyncIterable<[T, AnalyzeOutcome | null]>;
  /** Analyses one article (queue workers: each job is one article, several jobs run at once). */
  run(input: ArticleInput, options?: AnalyzeOptions): Promise<AnalyzeOutcome>;
  close(): Promise<void>;
}

/**
 * A caller's analyze function as an in-thread executor, one article at a time; a throwing
 * article fails alone with a one-line reason.
 */
export function functionExecutor(fn: (input: ArticleInput, options: AnalyzeOptions) => AnalysisRecord | Promise<AnalysisRecord>): AnalyzeExecutor {
  return {
    workers: 0,
    async *map(items) {
      for await (const item of items) {
        if (!item.input) { yield [item, null]; continue; }
        let out: AnalyzeOutcome;
        try { out = { ok: true, record: await fn(item.input, item.options ?? {}) }; } catch (e) {
          out = { ok: false, reason: failureReason(e) };
        }
        yield [item, out];
      }
    },
    async run(input, options = {}) {
      try { return { ok: true, record: await fn(input, options) }; } catch (e) { return { ok: false, reason: failureReason(e) }; }
    },
    async close() { /* nothing to release */ },
  };
}

/** Analyses in the calling thread (the default, `--workers 0`). */
export function inProcessExecutor(): AnalyzeExecutor {
  return functionExecutor(analyze);
}

export interface PoolOptions {
  /** threads (default: available cores) */
  workers?: number;
  /** articles inside the pool at once (default 64: the threads can analyse a whole write batch
   *  while the writer holds the main thread with the previous one) */
  maxInFlight?: number;
  /** and at most this many characters of article text (default 8 M), so that a run of very
   *  large documents does not fill memory; at least one article per thread is always let in */
  maxInFlightChars?: number;
  /** articles handed to one thread ahead of its replies (default 32 / threads, at least 4): the
   *  threads keep working while the main thread is busy (the single writer commits a batch
   *  synchronously) instead of waiting for it to hand them the next article */
  prefetch?: number;
  /** a thread busy on one article longer than this is killed and the article fails (default 120 s) */
  taskTimeoutMs?: number;
  /** heap limit of each thread in MB: a pathological article fails alone instead of taking the process down */
  maxHeapMb?: number;
}

interface Queued { task: AnalyzeTask; resolve: (o: AnalyzeOutcome) => void }

interface Slot {
  worker: Worker;
  ready: boolean;
  /** posted to the thread, answered in this order; the head is the one being analysed */
  posted: Queued[];
  /** the head's time limit, started when it became the head */
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
}

/**
 * A worker_threads pool of analyzers.
 * @example const pool = await createAnalyzerPool({ workers: 2 }); for await (const [item, out] of pool.map(items)) …; await pool.close();
 */
export async function createAnalyzerPool(opts: PoolOptions = {}): Promise<AnalyzeExecutor> {
  const n = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
  const prefetch = Math.max(1, Math.floor(opts.prefetch ?? Math.max(4, Math.ceil(32 / n))));
  const maxInFlight = Math.max(n, opts.maxInFlight ?? 64);
  const maxInFlightChars = opts.maxInFlightChars ?? 8_000_000;
  const taskTimeoutMs = opts.taskTimeoutMs ?? 120_000;
  const maxHeapMb = opts.maxHeapMb ?? 1024;
  const workerUrl = new URL('./analyzer-worker.js', import.meta.url);
  let closed = false;

  const slots: Slot[] = [];
  const waiting: Queued[] = [];

  function spawn(): { slot: Slot; ready: Promise<void> } {
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    const slot: Slot = { worker, ready: false, posted: [], timer: null, timedOut: false };
    const ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: { ready?: boolean }) => { if (m && m.ready) { worker.off('error', reject); slot.ready = true; resolve(); } };
      worker.once('message', onMsg);
      worker.once('error', reject);
    });
    worker.on('message', (m: AnalyzeReply | { ready: true }) => {
      if ('ready' in m) return;
      const head = slot.posted[0];
      if (!head || head.task.seq !== m.seq) return;
      slot.posted.shift();
      stopTimer(slot);
      head.resolve(m.ok ? { ok: true, record: m.record } : { ok: false, reason: m.reason });
      startTimer(slot);
      fill();
    });
    // 'error' then 'exit' for an uncaught error or a heap limit; 'exit' alone for terminate().
    let lastError: Error | null = null;
    worker.on('error', (e) => { lastError = e; });
    worker.on('exit', () => {
      stopTimer(slot);
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      // The head was being analysed: it is the culprit and fails. The rest never started; they
      // go back to the front of the line for the other threads (or the replacement).
      const [head, ...rest] = slot.posted;
      slot.posted = [];
      waiting.unshift(...rest);
      if (head) {
        const err = lastError as Error | null;
        const why = err ? (/heap|memory/i.test(err.message) || (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `analyzer ran out of memory (thread heap limit ${maxHeapMb} MB)` : `analyzer thread crashed: ${err.message.split('\n')[0]}`)
          : slot.timedOut ? `analyzer took longer than ${taskTimeoutMs} ms; stopped` : 'analyzer thread exited';
        head.resolve({ ok: false, reason: why });
      }
      if (!closed) { const s = spawn(); slots.push(s.slot); s.ready.then(fill, () => undefined); }
      fill();
    });
    return { slot, ready };
  }

  function startTimer(slot: Slot): void {
    if (slot.timer || !slot.posted.length) return;
    slot.timedOut = false;
    slot.timer = setTimeout(() => { slot.timedOut = true; void slot.worker.terminate(); }, taskTimeoutMs);
  }
  function stopTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Hands waiting articles to the least loaded ready threads, up to `prefetch` each. */
  function fill(): void {
    while (waiting.length) {
      let best: Slot | null = null;
      for (const s of slots) if (s.ready && s.posted.length < prefetch && (!best || s.posted.length < best.posted.length)) best = s;
      if (!best) return;
      const q = waiting.shift()!;
      best.posted.push(q);
      best.worker.postMessage(q.task);
      startTimer(best);
    }
  }

  function submit(task: AnalyzeTask): Promise<AnalyzeOutcome> {
    return new Promise((resolve) => { waiting.push({ task, resolve }); fill(); });
  }

  // Sequence numbers only match replies to tasks; they need not be dense.
  let seq = 0;
  const started = Array.from({ length: n }, () => spawn());
  slots.push(...started.map((s) => s.slot));
  await Promise.all(started.map((s) => s.ready));

  return {
    workers: n,
    async *map<T extends { input: ArticleInput | null; options?: AnalyzeOptions }>(items: AsyncIterable<T> | Iterable<T>): AsyncIterable<[T, AnalyzeOutcome | null]> {
      const inFlight: [T, Promise<AnalyzeOutcome | null>, number][] = [];
      let chars = 0;
      for await (const item of items) {
        const size = typeof item.input?.text === 'string' ? item.input.text.length : 0;
        inFlight.push([item, item.input ? submit({ seq: seq++, input: item.input, options: item.options ?? {} }) : Promise.resolve(null), size]);
        chars += size;
        // Backpressure: do not read further ahead than maxInFlight articles (or characters);
        // yield the oldest, in input order.
        while (inFlight.length >= maxInFlight || (chars > maxInFlightChars && inFlight.length > n)) {
          const [it, p, sz] = inFlight.shift()!;
          chars -= sz;
          yield [it, await p];
        }
      }
      while (inFlight.length) {
        const [it, p] = inFlight.shift()!;
        yield [it, await p];
      }
    },
    run(input, options = {}) { return submit({ seq: seq++, input, options }); },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** The executor for `--workers N`: in-process when N is 0 (or absent), a thread pool otherwise. */
export async function createExecutor(workers: number | undefined, opts: Omit<PoolOptions, 'workers'> = {}): Promise<AnalyzeExecutor> {
  if (!workers || workers < 1) return inProcessExecutor();
  return createAnalyzerPool({ ...opts, workers });
}
