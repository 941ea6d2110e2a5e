/**
 * What a benchmark section is. A section measures one part of sitrep (analyze, ingest, queries,
 * workers…) and returns rows for the table; `bench/index.ts` lists the sections in one array.
 */

export interface BenchRow {
  metric: string;
  value: number | string;
  unit?: string;
  note?: string;
}

/** A target the issue sets ("pipeline >= 1/4 of the bare tokenizer"): shown, never asserted in tests. */
export interface BenchTarget {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BenchResult {
  rows: BenchRow[];
  targets?: BenchTarget[];
}

export interface BenchContext {
  /** the deterministic seed for generated inputs (--seed, default 1) */
  seed: number;
  /** a size factor (--scale, default 1): sections multiply their default input size by it */
  scale: number;
  /** progress on stderr */
  log(message: string): void;
}

export interface BenchSection {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchResult> | BenchResult;
}
