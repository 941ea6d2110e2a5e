/**
 * Knowledge-base benchmark section: ingest rate into SQLite and PostgreSQL, ingest against bare
 * `analyze` throughput, and p50/p95 latency of a dyad + date-range query and a full-text query on
 * a store of synthetic records (bench/kb-synth.ts).
 *
 * Sizes (environment):
 *   SITREP_BENCH_KB_ARTICLES     articles in the query store (default 100000 ≈ 1M events)
 *   SITREP_BENCH_KB_PG_ARTICLES  articles for the PostgreSQL ingest rate (default 2000; 0 skips)
 *   SITREP_BENCH_KB_INGEST_ARTICLES  articles for the SQLite ingest rate (default 3000)
 *   SITREP_BENCH_KB_DB           keep the query store at this path and reuse it when it already
 *                                holds the requested size
 *   SITREP_TEST_PG               PostgreSQL URL (default postgres://postgres@127.0.0.1:5432/test)
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { analyze } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { ingest } from '../../src/ingest/ingest.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { dateFromFileName } from '../../src/sources/text-source.js';
import { rng, syntheticRecord } from '../kb-synth.js';
import { bulkLoad } from '../kb-bulk-load.js';
import { generateCorpus } from '../corpus.js';

const COUNTRIES = ['USA', 'NER', 'FRA', 'RUS', 'CHN', 'IRN', 'MLI', 'BFA', 'TCD', 'NGA', 'GHA', 'BEN', 'UKR', 'TUR', 'ISR', 'SYR', 'IRQ', 'SAU', 'IND', 'PAK'];
const WORDS = ['uranium', 'pipelines', '"refugee flows"', 'drone', 'embargo', 'ambassador', 'border security', 'gold smuggling', 'vaccine', 'port access', 'sanctions', 'troops'];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function timeQueries(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn(i); // warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i + 5);
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const r = { p50: Math.round(pct(t, 50) * 10) / 10, p95: Math.round(pct(t, 95) * 10) / 10 };
  process.stderr.write(`  ${label}: p50 ${r.p50} ms, p95 ${r.p95} ms (${n} queries)\n`);
  return r;
}

async function fill(store: Store, from: number, to: number, label: string, log: (m: string) => void): Promise<number> {
  const t0 = Date.now();
  let last = t0;
  for (let i = from; i < to; i += 64) {
    const batch = [];
    for (let j = i; j < Math.min(to, i + 64); j++) batch.push({ record: syntheticRecord(j) });
    await store.ingestRecords(batch);
    if (Date.now() - last > 30000) {
      last = Date.now();
      const done = Math.min(to, i + 64) - from;
      log(`${label}: ${done}/${to - from} articles, ${(done / ((last - t0) / 1000)).toFixed(0)}/s`);
    }
  }
  return (to - from) / ((Date.now() - t0) / 1000);
}

export async function queryLatencies(store: Store, n = 200): Promise<{ dyad: { p50: number; p95: number }; text: { p50: number; p95: number } }> {
  const r = rng(7);
  const dyads = Array.from({ length: n + 10 }, () => {
    const a = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
    let b = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
    if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length];
    const start = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3300) * 86400000).toISOString().slice(0, 10);
    const end = new Date(Date.parse(start) + 180 * 86400000).toISOString().slice(0, 10);
    return { a, b, start, end };
  });
  const dyad = await timeQueries('dyad + 6-month range (events, limit 50, full views)', n, (i) => store.events({ actor: dyads[i].a, recipient: dyads[i].b, from: dyads[i].start, to: dyads[i].end, limit: 50 }));
  const text = await timeQueries('full-text over evidence (events, limit 50, full views)', n, (i) => store.events({ text: WORDS[i % WORDS.length], limit: 50 }));
  return { dyad, text };
}

/** One measured figure (the shape of bench/section.ts BenchRow, so the section plugs into bench/index.ts). */
export interface KbRow { metric: string; value: number | string; unit?: string; note?: string }
export interface KbTarget { name: string; ok: boolean; detail: string }

export interface KbBenchOptions {
  articles: number;
  ingestArticles: number;
  pgArticles: number;
  /** articles of the varied corpus for ingest vs bare analyze (default 200) */
  analyzeArticles?: number;
  /** keep (and reuse) the query store here */
  db?: string;
  log: (m: string) => void;
}

/** Measures everything; prints nothing but progress (through log). */
export async function measureKb(o: KbBenchOptions): Promise<{ rows: KbRow[]; targets: KbTarget[] }> {
  const rows: KbRow[] = [];
  const targets: KbTarget[] = [];
  // 1. ingest vs bare analyze. The target is measured on a varied corpus (generated from the
  //    examples, bench/corpus.ts), as a real feed is; the example articles re-ingested ten times
  //    under new ids are printed too, as the worst case: every report fuses into events that
  //    already hold all the earlier copies.
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-kb-'));
  try {
    const varied = generateCorpus(o.analyzeArticles ?? 200, 7);
    const variedDir = join(tmp, 'varied');
    mkdirSync(variedDir);
    const variedFiles = varied.map((text, i) => { const f = join(variedDir, `a${String(i).padStart(4, '0')}-2024-03-18.txt`); writeFileSync(f, text); return f; });
    const ratio = async (label: string, files: string[], rounds: number) => {
      const texts = files.map((f) => ({ text: readFileSync(f, 'utf8'), published: dateFromFileName(f) }));
      for (const x of texts.slice(0, 20)) analyze({ ...x, id: 'warm-up' }, { published: x.published }); // lexicons, JIT
      let t0 = Date.now();
      for (let k = 0; k < rounds; k++) for (const x of texts) analyze({ ...x, id: `bench-${k}-${x.published}` }, { published: x.published });
      const bare = (rounds * texts.length) / ((Date.now() - t0) / 1000);
      const s0 = await openStore(join(tmp, `${label}.db`));
      t0 = Date.now();
      let k = 0;
      // distinct ids so every article is stored, as a real corpus would be
      await ingest(s0, Array.from({ length: rounds }, () => files).flat(), { force: true, analyze: (input, opt) => analyze({ ...input, id: `bench-${k++}` }, opt) });
      const withStore = (rounds * texts.length) / ((Date.now() - t0) / 1000);
      await s0.close();
      return { bare, withStore, n: rounds * texts.length };
    };
    const v = await ratio('varied', variedFiles, 1);
    rows.push({ metric: 'analyze alone (varied corpus)', value: Math.round(v.bare * 10) / 10, unit: 'articles/s', note: `${v.n} generated articles (bench/corpus.ts)` });
    rows.push({ metric: 'analyze + ingest into SQLite (varied)', value: Math.round(v.withStore * 10) / 10, unit: 'articles/s', note: `${Math.round((v.withStore / v.bare) * 100)}% of bare analyze` });
    targets.push({ name: 'ingest ≥ 70% of bare analyze throughput', ok: v.withStore >= 0.7 * v.bare, detail: `${Math.round((v.withStore / v.bare) * 100)}% on the varied corpus` });
    const exDir = join(PROJECT_ROOT, 'examples');
    const w = await ratio('examples', readdirSync(exDir).filter((f) => f.endsWith('.txt')).map((f) => join(exDir, f)), 10);
    rows.push({ metric: 'analyze alone (example articles ×10)', value: Math.round(w.bare * 10) / 10, unit: 'articles/s' });
    rows.push({ metric: 'analyze + ingest (examples ×10, worst case)', value: Math.round(w.withStore * 10) / 10, unit: 'articles/s', note: `${Math.round((w.withStore / w.bare) * 100)}% of bare analyze: every report fuses with all earlier copies` });

    // 2. SQLite ingest rate through the real path (fusion, near-duplicates, actor registry)
    const real = await openStore(join(tmp, 'ingest.db'));
    const rate = await fill(real, 0, o.ingestArticles, 'sqlite ingest', o.log);
    const rs = await real.stats();
    rows.push({ metric: 'SQLite ingest of records (batches of 64)', value: Math.round(rate), unit: 'articles/s', note: `${o.ingestArticles} articles → ${rs.events} events, ${rs.fusedEvents} fused, ${rs.duplicates} wire copies` });
    await real.close();

    // 3. the query store: bulk-loaded (or reused), then queried through the Store interface
    const dbPath = o.db ?? join(tmp, 'kb.db');
    let store = await openStore(dbPath);
    const have = (await store.stats()).articles;
    if (have < o.articles) {
      await store.close();
      const t = Date.now();
      const bulk = await bulkLoad(dbPath, have, o.articles, (d) => { if (d % 20000 === 0) o.log(`bulk load: ${d}/${o.articles - have} articles, ${Math.round((Date.now() - t) / 1000)} s`); });
      rows.push({ metric: 'query store bulk load (no fusion)', value: Math.round(bulk), unit: 'articles/s' });
      store = await openStore(dbPath);
    }
    const st = await store.stats();
    rows.push({ metric: 'query store size', value: st.articles, unit: 'articles', note: `${st.events} events, ${st.reports} reports` });
    const q = await queryLatencies(store);
    await store.close();
    rows.push({ metric: 'SQLite dyad + 6-month range, p50', value: q.dyad.p50, unit: 'ms' }, { metric: 'SQLite dyad + 6-month range, p95', value: q.dyad.p95, unit: 'ms' });
    rows.push({ metric: 'SQLite full-text, p50', value: q.text.p50, unit: 'ms' }, { metric: 'SQLite full-text, p95', value: q.text.p95, unit: 'ms' });
    const big = st.articles >= 100_000;
    targets.push({ name: 'SQLite dyad query p95 < 50 ms at ≥ 100k articles', ok: big && q.dyad.p95 < 50, detail: `${q.dyad.p95} ms at ${st.articles} articles` });
    targets.push({ name: 'SQLite full-text p95 < 100 ms at ≥ 100k articles', ok: big && q.text.p95 < 100, detail: `${q.text.p95} ms at ${st.articles} articles` });

    // 4. PostgreSQL ingest rate (own schema, dropped afterwards)
    if (o.pgArticles > 0) {
      const url = process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
      const schema = `sitrep_bench_${process.pid}`;
      const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      try {
        await probe.connect();
        const ps = await openStore(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`);
        try {
          const prate = await fill(ps, 0, o.pgArticles, 'postgres', o.log);
          rows.push({ metric: 'PostgreSQL ingest of records (batches of 64)', value: Math.round(prate * 10) / 10, unit: 'articles/s', note: `${o.pgArticles} articles` });
          const pq = await queryLatencies(ps, 50);
          rows.push({ metric: 'PostgreSQL dyad p95 / full-text p95', value: `${pq.dyad.p95} / ${pq.text.p95}`, unit: 'ms', note: `on ${o.pgArticles} articles` });
        } finally {
          await ps.close();
          await probe.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        }
      } catch (e) {
        rows.push({ metric: 'PostgreSQL', value: 'skipped', note: (e as Error).message });
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { rows, targets };
}

/** Sizes from the environment (see the header), printed as a plain list. */
export async function run(): Promise<void> {
  const size = Number(process.env.SITREP_BENCH_KB_ARTICLES ?? 100_000);
  console.log(`\n## knowledge base (store of ${size} synthetic articles)`);
  const r = await measureKb({
    articles: size,
    ingestArticles: Math.min(size || 2000, Number(process.env.SITREP_BENCH_KB_INGEST_ARTICLES ?? 3000)),
    pgArticles: Number(process.env.SITREP_BENCH_KB_PG_ARTICLES ?? 1000),
    db: process.env.SITREP_BENCH_KB_DB,
    log: (m) => process.stderr.write(`  ${m}\n`),
  });
  for (const x of r.rows) console.log(`  ${x.metric}: ${x.value}${x.unit ? ' ' + x.unit : ''}${x.note ? ` (${x.note})` : ''}`);
  for (const t of r.targets) console.log(`  ${t.ok ? 'MET ' : 'MISS'} ${t.name} (${t.detail})`);
}

/** The section for bench/index.ts (structurally a BenchSection): `npm run bench -- kb [--scale 0.1]`.
 *  100,000 articles × scale for the query store; SITREP_BENCH_KB_* variables still override. */
export const kbSection = {
  name: 'kb',
  description: 'knowledge base: ingest rates (SQLite, PostgreSQL) and query latency on a store of synthetic articles',
  run(ctx: { scale: number; log(message: string): void }): Promise<{ rows: KbRow[]; targets: KbTarget[] }> {
    const size = Number(process.env.SITREP_BENCH_KB_ARTICLES ?? Math.round(100_000 * ctx.scale));
    return measureKb({
      articles: size,
      ingestArticles: Math.min(size || 2000, Number(process.env.SITREP_BENCH_KB_INGEST_ARTICLES ?? Math.round(3000 * Math.min(1, ctx.scale * 10)))),
      pgArticles: Number(process.env.SITREP_BENCH_KB_PG_ARTICLES ?? Math.round(1000 * Math.min(1, ctx.scale * 10))),
      db: process.env.SITREP_BENCH_KB_DB,
      log: ctx.log,
    });
  },
};
