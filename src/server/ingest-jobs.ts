/**
 * Ingest jobs submitted through the API. The analyzer is CPU-bound and runs in this process, so jobs
 * run one at a time, in order, yielding to the event loop between articles (the server keeps
 * answering reads). The queue is bounded: when full, new work is refused rather than buffered.
 */
import { randomUUID } from 'node:crypto';
import { sourceHash as inputHash } from '../ingest/ingest.js';
import { analyze } from '../pipeline/index.js';
import type { ArticleInput } from '../pipeline/doc.js';
import type { IngestResult, Store } from '../store/store.js';
import type { IngestItemOutcome, IngestJob } from './api-types.js';
import { ApiError } from './api-error.js';

/** One article to ingest; `load` does the slow or fallible part (fetching a URL, extracting HTML). */
export interface IngestItem {
  label: string;
  origin: string;
  load: (signal: AbortSignal) => Promise<ArticleInput>;
  /** the step name while `load` runs */
  loadStep?: string;
}

export interface IngestQueueOptions {
  /** jobs waiting or running at once (default 50) */
  maxPending?: number;
  /** finished jobs kept for the status page (default 50) */
  keepFinished?: number;
}

/** A failure that belongs to one item (bad input, fetch refused): reported in the job, not thrown. */
export class ItemError extends Error {}

export class IngestQueue {
  private readonly jobs = new Map<string, IngestJob>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private tail: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private readonly maxPending: number;
  private readonly keepFinished: number;
  private readonly storedListeners: (() => void)[] = [];

  constructor(private readonly store: Store, opts: IngestQueueOptions = {}) {
    this.maxPending = opts.maxPending ?? 50;
    this.keepFinished = opts.keepFinished ?? 50;
  }

  /** Queues a job and returns it at once (state "queued"); `done(id)` resolves when it finished. */
  submit(kind: IngestJob['kind'], label: string, items: IngestItem[]): IngestJob {
    const pending = [...this.jobs.values()].filter((j) => j.state === 'queued' || j.state === 'running').length;
    if (pending >= this.maxPending) throw new ApiError(503, 'busy', `the ingest queue is full (${pending} jobs); retry later`, { 'Retry-After': '5' });
    const job: IngestJob = {
      id: 'job_' + randomUUID().slice(0, 8), kind, label, state: 'queued', total: items.length, done: 0, failed: 0,
      step: null, createdAt: new Date().toISOString(), finishedAt: null, items: [],
    };
    this.jobs.set(job.id, job);
    this.tail = this.tail.then(() => this.run(job, items));
    this.prune();
    return job;
  }

  /** Calls `fn` after each article this queue stored (e.g. to drop cached aggregates). */
  onStored(fn: () => void): void {
    this.storedListeners.push(fn);
  }

  /** Resolves when the job has finished (done or failed). */
  done(id: string): Promise<IngestJob> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new Error(`no job ${id}`));
    if (job.state === 'done' || job.state === 'failed') return Promise.resolve(job);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(() => resolve(job));
      this.waiters.set(id, list);
    });
  }

  /** Running and queued jobs first, then the most recent finished ones. */
  list(): IngestJob[] {
    const all = [...this.jobs.values()];
    const live = all.filter((j) => j.state === 'running' || j.state === 'queued');
    const finished = all.filter((j) => j.state === 'done' || j.state === 'failed').reverse();
    return [...live, ...finished];
  }

  /** Stops after the current article; queued jobs finish as failed. */
  async close(): Promise<void> {
    this.abort.abort();
    await this.tail;
  }

  private async run(job: IngestJob, items: IngestItem[]): Promise<void> {
    job.state = 'running';
    for (const item of items) {
      if (this.abort.signal.aborted) {
        job.items.push({ label: item.label, ok: false, reason: 'server shutting down' });
        job.failed++;
        continue;
      }
      // Let queued reads run between articles.
      await new Promise<void>((r) => setImmediate(r));
      const outcome = await this.one(job, item);
      job.items.push(outcome);
      if (outcome.ok) job.done++;
      else job.failed++;
    }
    job.step = null;
    job.state = job.failed === job.total && job.total > 0 ? 'failed' : 'done';
    job.finishedAt = new Date().toISOString();
    for (const w of this.waiters.get(job.id) ?? []) w();
    this.waiters.delete(job.id);
  }

  private async one(job: IngestJob, item: IngestItem): Promise<IngestItemOutcome> {
    try {
      job.step = item.loadStep ?? 'reading';
      const input = await item.load(this.abort.signal);
      // The same key as `sitrep ingest`: an input analysed before (by this version) is not analysed again.
      const sourceHash = inputHash(input, input.published ?? null);
      const seen = await this.store.sourceSeen(sourceHash);
      if (seen) {
        const result: IngestResult = { status: 'unchanged', articleId: seen, duplicateOf: null, reports: 0, newEvents: 0, fusedEvents: 0, facts: 0, newActors: 0 };
        return { label: input.title ?? item.label, ok: true, result };
      }
      job.step = 'analysing';
      const record = analyze(input, { published: input.published ?? undefined });
      job.step = 'storing';
      const result = await this.store.ingestRecord(record, { origin: item.origin, sourceHash });
      for (const fn of this.storedListeners) fn();
      return { label: input.title ?? record.article.title ?? item.label, ok: true, result };
    } catch (e) {
      if (e instanceof ItemError || e instanceof ApiError) return { label: item.label, ok: false, reason: e.message };
      // An unexpected failure is still this item's failure; the job and the server go on.
      return { label: item.label, ok: false, reason: `internal error: ${(e as Error).message ?? String(e)}` };
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state === 'done' || j.state === 'failed');
    for (const j of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(j.id);
  }
}
