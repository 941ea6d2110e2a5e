/**
 * A pool of analyzer threads (worker_threads) for `sitrep ingest --workers N`: all cores of one
 * machine. Each thread loads the pipeline once. Work is bounded: at most `maxInFlight` articles are
 * inside the pool at any time, so a fast reader cannot fill memory ahead of slow analysis
 * (backpressure), and results come back in input order, so whatever N the single writer sees the
 * same sequence and the store ends up the same.
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
  /** articles inside the pool at once (default 2 per thread: one running, one waiting) */
  maxInFlight?: number;
  /** a thread busy on one article longer than this is killed and the article fails (default 120 s) */
  taskTimeoutMs?: number;
  /** heap limit of each thread in MB: a pathological article fails alone instead of taking the process down */
  maxHeapMb?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: { seq: number; timer: NodeJS.Timeout; timedOut: boolean; resolve: (o: AnalyzeOutcome) => void } | null;
}

/**
 * A worker_threads pool of analyzers.
 * @example const pool = await createAnalyzerPool({ workers: 2 }); for await (const [item, out] of pool.map(items)) …; await pool.close();
 */
export async function createAnalyzerPool(opts: PoolOptions = {}): Promise<AnalyzeExecutor> {
  const n = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
  const maxInFlight = Math.max(n, opts.maxInFlight ?? n * 2);
  const taskTimeoutMs = opts.taskTimeoutMs ?? 120_000;
  const maxHeapMb = opts.maxHeapMb ?? 1024;
  const workerUrl = new URL('./analyzer-worker.js', import.meta.url);
  let closed = false;

  const slots: Slot[] = [];
  const idle: Slot[] = [];
  const waiting: { task: AnalyzeTask; resolve: (o: AnalyzeOutcome) => void }[] = [];

  function spawn(): Slot {
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    const slot: Slot = { worker, ready: Promise.resolve(), busy: null };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: { ready?: boolean }) => { if (m && m.ready) { worker.off('error', reject); resolve(); } };
      worker.once('message', onMsg);
      worker.once('error', reject);
    });
    worker.on('message', (m: AnalyzeReply | { ready: true }) => {
      if ('ready' in m) return;
      const b = slot.busy;
      if (!b || b.seq !== m.seq) return;
      clearTimeout(b.timer);
      slot.busy = null;
      b.resolve(m.ok ? { ok: true, record: m.record } : { ok: false, reason: m.reason });
      release(slot);
    });
    // 'error' then 'exit' for an uncaught error or a heap limit; 'exit' alone for terminate().
    let lastError: Error | null = null;
    worker.on('error', (e) => { lastError = e; });
    worker.on('exit', () => {
      const b = slot.busy;
      slot.busy = null;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      const j = idle.indexOf(slot);
      if (j >= 0) idle.splice(j, 1);
      if (b) {
        clearTimeout(b.timer);
        const err = lastError as Error | null;
        const why = err ? (/heap|memory/i.test(err.message) || (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `analyzer ran out of memory (thread heap limit ${maxHeapMb} MB)` : `analyzer thread crashed: ${err.message.split('\n')[0]}`)
          : b.timedOut ? `analyzer took longer than ${taskTimeoutMs} ms; stopped` : 'analyzer thread exited';
        b.resolve({ ok: false, reason: why });
      }
      if (!closed) { const s = spawn(); slots.push(s); s.ready.then(() => release(s), () => undefined); }
    });
    return slot;
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (next) run(slot, next.task, next.resolve);
    else idle.push(slot);
  }

  function run(slot: Slot, task: AnalyzeTask, resolve: (o: AnalyzeOutcome) => void): void {
    const busy = { seq: task.seq, resolve, timedOut: false, timer: undefined as unknown as NodeJS.Timeout };
    busy.timer = setTimeout(() => { busy.timedOut = true; void slot.worker.terminate(); }, taskTimeoutMs);
    slot.busy = busy;
    slot.worker.postMessage(task);
  }

  function submit(task: AnalyzeTask): Promise<AnalyzeOutcome> {
    return new Promise((resolve) => {
      const slot = idle.shift();
      if (slot) run(slot, task, resolve);
      else waiting.push({ task, resolve });
    });
  }

  // Sequence numbers only match replies to tasks; they need not be dense.
  let seq = 0;
  for (let i = 0; i < n; i++) slots.push(spawn());
  await Promise.all(slots.map((s) => s.ready));
  idle.push(...slots);

  return {
    workers: n,
    async *map<T extends { input: ArticleInput | null; options?: AnalyzeOptions }>(items: AsyncIterable<T> | Iterable<T>): AsyncIterable<[T, AnalyzeOutcome | null]> {
      const inFlight: [T, Promise<AnalyzeOutcome | null>][] = [];
      for await (const item of items) {
        inFlight.push([item, item.input ? submit({ seq: seq++, input: item.input, options: item.options ?? {} }) : Promise.resolve(null)]);
        // Backpressure: do not read further ahead than maxInFlight; yield the oldest in order.
        while (inFlight.length >= maxInFlight) {
          const [it, p] = inFlight.shift()!;
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
