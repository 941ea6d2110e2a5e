/**
 * Ingest: locators (files, directories, globs, and whatever the registered readers accept) →
 * source items → analysis records → the store, one transaction per article. A bad item is
 * counted with its reason and the run goes on; nothing already stored is touched by a failure.
 *
 * Idempotent twice over: an item whose raw input was seen before (same text, options and
 * analyzer version) is skipped before analysis, and a record whose content is already stored
 * is recognised by the store as unchanged. A run killed half-way is completed by running it again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisRecord } from '../contract/analysis-schema.js';
import type { AnalyzeOptions, ArticleInput } from '../pipeline/doc.js';
import { analyze as defaultAnalyze } from '../pipeline/index.js';
import type { IngestRecordOptions, IngestResult, Store } from '../store/store.js';
import { StoreError } from '../store/store.js';
import type { SourceItem, SourceReader } from '../sources/source.js';
import { expandLocator, isGlob, isUrl } from '../sources/text-source.js';
import { InputError } from '../io/read-input.js';
import { READERS, readerFor } from './readers.js';
import { readRecords, type RecordItem } from './records-source.js';
import { canonicalJson } from '../store/sql-store.js';
import { PROJECT_ROOT } from '../util/paths.js';
import { functionExecutor, inProcessExecutor, type AnalyzeExecutor, type AnalyzeOutcome } from '../scale/analyzer-pool.js';

export interface IngestOptions {
  /** default publication date for items that carry none */
  published?: string | null;
  /** 'auto': articles through the readers; 'records': JSONL analysis records, not re-analysed */
  format?: 'auto' | 'records';
  readers?: readonly SourceReader[];
  /** re-analyse items whose raw input was seen before */
  force?: boolean;
  allowPrivate?: boolean;
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
  /** records written per transaction (default 32): one commit per batch instead of per article;
   *  a batch is also written when it is 300 ms old, so progress and crash loss stay small */
  batchSize?: number;
  /** the analyzer, called one article at a time in this thread (tests pass their own) */
  analyze?: (input: ArticleInput, options: AnalyzeOptions) => AnalysisRecord | Promise<AnalysisRecord>;
  /** where analysis runs: in this thread (default) or a worker_threads pool (`--workers N`,
   *  see src/scale/analyzer-pool.ts). Results come back in input order, so the store ends up
   *  the same whatever the executor. */
  executor?: AnalyzeExecutor;
}

export interface IngestProgress {
  done: number;
  /** null while unknown (streams) */
  total: number | null;
  new: number;
  replaced: number;
  unchanged: number;
  duplicates: number;
  failed: number;
  newEvents: number;
  fusedEvents: number;
  elapsedMs: number;
}

export interface IngestFailure {
  origin: string;
  reason: string;
}

export interface IngestSummary extends IngestProgress {
  /** events of the records stored as reports */
  reports: number;
  facts: number;
  /** every failure, with its reason (in the order met) */
  failures: IngestFailure[];
  /** articles per second over the run */
  rate: number;
  aborted: boolean;
}

let analyzerVersion: string | null = null;
/** Part of the skip-before-analysis key: a new sitrep version re-analyses what it reads. */
function versionKey(): string {
  if (analyzerVersion) return analyzerVersion;
  try { analyzerVersion = String(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version); } catch { analyzerVersion = '0'; }
  return analyzerVersion;
}

/** The key of a raw item: its input and options as analysed, and the analyzer version. */
export function sourceHash(input: ArticleInput, published: string | null | undefined): string {
  return createHash('sha256').update(canonicalJson({ input, published: published ?? null, v: versionKey() })).digest('hex');
}

type Item = SourceItem | RecordItem;

/** Every item of every locator, in order; totals are known once all files are listed. */
async function plan(locators: readonly string[], opts: IngestOptions): Promise<{ files: { locator: string; reader: SourceReader | null }[]; errors: IngestFailure[] }> {
  const readers = opts.readers ?? READERS;
  const files: { locator: string; reader: SourceReader | null }[] = [];
  const errors: IngestFailure[] = [];
  for (const loc of locators) {
    // A reader may claim a locator whole (a URL, a feed, a WARC file, a directory of its own).
    if (!isGlob(loc) && (isUrl(loc) || loc === '-')) {
      const r = opts.format === 'records' ? null : await readerFor(loc, readers);
      if (!r && opts.format !== 'records') errors.push({ origin: loc, reason: isUrl(loc) ? 'no reader for URLs is installed' : 'no reader accepts this input' });
      else files.push({ locator: loc, reader: r });
      continue;
    }
    let expanded: string[];
    try { expanded = await expandLocator(loc); } catch (e) {
      errors.push({ origin: loc, reason: e instanceof InputError ? e.message.replace(`cannot read ${loc}: `, '') : (e as Error).message });
      continue;
    }
    for (const f of expanded) {
      if (opts.format === 'records') { files.push({ locator: f, reader: null }); continue; }
      const r = await readerFor(f, readers);
      if (r) files.push({ locator: f, reader: r });
      // Inside a directory, files no reader knows (images, PDFs) are skipped and counted.
      else errors.push({ origin: f, reason: 'no reader for this kind of file' });
    }
  }
  return { files, errors };
}

/**
 * Ingests every item the locators name into the store.
 * @example const summary = await ingest(store, ['examples/'], { published: '2024-03-18' })
 */
export async function ingest(store: Store, locators: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = Date.now();
  const executor = opts.executor ?? (opts.analyze ? functionExecutor(opts.analyze) : inProcessExecutor());
  const batchSize = Math.max(1, opts.batchSize ?? 32);
  const s: IngestSummary = {
    done: 0, total: null, new: 0, replaced: 0, unchanged: 0, duplicates: 0, failed: 0, newEvents: 0, fusedEvents: 0,
    elapsedMs: 0, reports: 0, facts: 0, failures: [], rate: 0, aborted: false,
  };
  const fail = (origin: string, reason: string) => { s.failed++; s.failures.push({ origin, reason }); };
  const tick = () => {
    s.elapsedMs = Date.now() - t0;
    if (!opts.onProgress) return;
    const { done, total, new: n, replaced, unchanged, duplicates, failed, newEvents, fusedEvents, elapsedMs } = s;
    opts.onProgress({ done, total, new: n, replaced, unchanged, duplicates, failed, newEvents, fusedEvents, elapsedMs });
  };
  const tally = (r: IngestResult) => {
    if (r.status === 'new') s.new++; else if (r.status === 'replaced') s.replaced++; else s.unchanged++;
    if (r.duplicateOf && r.status !== 'unchanged') s.duplicates++;
    s.newEvents += r.newEvents; s.fusedEvents += r.fusedEvents; s.reports += r.reports; s.facts += r.facts;
  };

  const { files, errors } = await plan(locators, opts);
  for (const e of errors) fail(e.origin, e.reason);
  // One item per file is the common case; readers of feeds/WARC/JSONL yield more and the total grows.
  s.total = files.length + errors.length;
  s.done = errors.length;
  let extra = 0;
  tick();

  // Three steps, streamed: read and pre-check (this thread) → analyse (the executor, in input
  // order, a bounded number in flight) → write (this thread, the ONE writer, in batches).
  type Step = { origin: string; input: ArticleInput | null; options: AnalyzeOptions; hash: string | null; record: AnalysisRecord | null };
  async function* steps(): AsyncGenerator<Step> {
    for (const f of files) {
      if (opts.signal?.aborted) { s.aborted = true; break; }
      const items: AsyncIterable<Item> = opts.format === 'records'
        ? readRecords(f.locator)
        : f.reader!.read(f.locator, { published: opts.published ?? null, allowPrivate: opts.allowPrivate, signal: opts.signal });
      let first = true;
      try {
        for await (const item of items) {
          if (opts.signal?.aborted) { s.aborted = true; break; }
          if (!first) { extra++; s.total = files.length + errors.length + extra; }
          first = false;
          if (item.kind === 'error') { fail(item.origin, item.reason); s.done++; tick(); continue; }
          if (item.kind === 'record') { yield { origin: item.origin, input: null, options: {}, hash: null, record: item.record }; continue; }
          const published = item.input.published ?? opts.published ?? null;
          const hash = sourceHash(item.input, published);
          if (!opts.force && await store.sourceSeen(hash)) { s.unchanged++; s.done++; tick(); continue; }
          yield { origin: item.origin, input: item.input, options: { published }, hash, record: null };
        }
      } catch (e) {
        // A reader that throws (instead of yielding an error item) loses the rest of its locator only.
        fail(f.locator, `reader ${f.reader?.name ?? 'records'} failed: ${(e as Error).message}`);
      }
      if (first && !s.aborted) { s.done++; tick(); }
      if (s.aborted) break;
    }
  }

  let batch: { record: AnalysisRecord; options: IngestRecordOptions & { origin: string } }[] = [];
  let batchStarted = 0;
  const flush = async () => {
    if (!batch.length) return;
    const b = batch;
    batch = [];
    let results: (IngestResult | { error: string })[];
    try {
      results = await store.ingestRecords(b);
    } catch (e) {
      if (!(e instanceof StoreError) && b.length === 1) throw e;
      // One bad article must not cost the batch: write them one by one to find it.
      results = [];
      for (const x of b) {
        try { results.push(await store.ingestRecord(x.record, x.options)); } catch (e2) { results.push({ error: (e2 as Error).message }); }
      }
    }
    results.forEach((r, i) => { if ('error' in r) fail(b[i]!.options.origin, r.error); else tally(r); });
    s.done += b.length;
    tick();
  };

  try {
    for await (const [st, out] of executor.map(steps())) {
      const record = st.record ?? outcomeRecord(st, out);
      if (!record) { s.done++; tick(); continue; }
      if (!batch.length) batchStarted = Date.now();
      const prepared = !st.record && out?.ok ? out.prepared : undefined;
      batch.push({ record, options: { origin: st.origin, ...(st.hash ? { sourceHash: st.hash } : {}), ...(prepared ? { prepared } : {}) } });
      // Count-based batches keep the writes the same whatever the speed; the time bound only
      // keeps a slow stream (a feed, a URL list) from holding analysed articles back.
      if (batch.length >= batchSize || Date.now() - batchStarted > 300) await flush();
    }
    // What was analysed before an interrupt is still written: nothing finished is thrown away.
    await flush();
  } finally {
    if (!opts.executor) await executor.close();
  }
  s.elapsedMs = Date.now() - t0;
  const stored = s.new + s.replaced + s.unchanged;
  s.rate = s.elapsedMs > 0 ? Math.round((stored / (s.elapsedMs / 1000)) * 10) / 10 : 0;
  return s;

  function outcomeRecord(st: Step, out: AnalyzeOutcome | null): AnalysisRecord | null {
    if (!out) return null;
    if (out.ok) return out.record;
    fail(st.origin, out.reason);
    return null;
  }
}

/** The end-of-run summary as text lines (what `sitrep ingest` prints). */
export function summaryText(s: IngestSummary, maxFailures = 20): string {
  const lines = [
    `${s.new + s.replaced + s.unchanged + s.failed} items in ${(s.elapsedMs / 1000).toFixed(1)} s (${s.rate} articles/s)${s.aborted ? ' — interrupted' : ''}`,
    `articles: ${s.new} new, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.duplicates} near-duplicate copies (counted once)`,
    `events: ${s.reports} reports → ${s.newEvents} new events, ${s.fusedEvents} fused into events of other articles; ${s.facts} posture facts`,
    `failures: ${s.failed}`,
  ];
  for (const f of s.failures.slice(0, maxFailures)) lines.push(`  ${f.origin}: ${f.reason}`);
  if (s.failures.length > maxFailures) lines.push(`  … and ${s.failures.length - maxFailures} more`);
  return lines.join('\n') + '\n';
}
