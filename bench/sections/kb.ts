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
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
  console.log(`  ${label}: p50 ${r.p50} ms, p95 ${r.p95} ms (${n} queries)`);
  return r;
}

async function fill(store: Store, from: number, to: number, label: string): Promise<number> {
  const t0 = Date.now();
  let last = t0;
  for (let i = from; i < to; i += 64) {
    const batch = [];
    for (let j = i; j < Math.min(to, i + 64); j++) batch.push({ record: syntheticRecord(j) });
    await store.ingestRecords(batch);
    if (Date.now() - last > 30000) {
      last = Date.now();
      const done = Math.min(to, i + 64) - from;
      process.stderr.write(`  ${label}: ${done}/${to - from} articles, ${(done / ((last - t0) / 1000)).toFixed(0)}/s\n`);
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

export async function run(): Promise<void> {
  const size = Number(process.env.SITREP_BENCH_KB_ARTICLES ?? 100_000);
  const pgSize = Number(process.env.SITREP_BENCH_KB_PG_ARTICLES ?? 2000);
  console.log(`\n## knowledge base (store of ${size} synthetic articles)`);

  // 1. ingest vs bare analyze, on the example articles (real text through the real analyzer)
  const exDir = join(PROJECT_ROOT, 'examples');
  const files = readdirSync(exDir).filter((f) => f.endsWith('.txt')).map((f) => join(exDir, f));
  const texts = files.map((f) => ({ text: readFileSync(f, 'utf8'), published: dateFromFileName(f) }));
  const rounds = 10;
  for (const x of texts) analyze({ ...x, id: 'warm-up' }, { published: x.published }); // lexicons, JIT
  let t0 = Date.now();
  for (let k = 0; k < rounds; k++) for (const x of texts) analyze({ ...x, id: `bench-${k}-${x.published}` }, { published: x.published });
  const bare = (rounds * texts.length) / ((Date.now() - t0) / 1000);
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-kb-'));
  try {
    const s0 = await openStore(join(tmp, 'analyze.db'));
    t0 = Date.now();
    let k = 0;
    // distinct ids so every article is stored, as a real corpus would be
    await ingest(s0, Array.from({ length: rounds }, () => files).flat(), { force: true, analyze: (input, o) => analyze({ ...input, id: `bench-${k++}` }, o) });
    const withStore = (rounds * texts.length) / ((Date.now() - t0) / 1000);
    await s0.close();
    console.log(`  analyze alone: ${bare.toFixed(1)} articles/s; analyze + ingest into SQLite: ${withStore.toFixed(1)} articles/s (${Math.round((withStore / bare) * 100)}% of bare analyze)`);

    // 2. SQLite ingest rate through the real path (fusion, near-duplicates, actor registry)
    const ingestN = Math.min(size || 2000, Number(process.env.SITREP_BENCH_KB_INGEST_ARTICLES ?? 3000));
    const real = await openStore(join(tmp, 'ingest.db'));
    const rate = await fill(real, 0, ingestN, 'sqlite ingest');
    const rs = await real.stats();
    console.log(`  SQLite ingest (records through ingestRecords, batches of 64): ${rate.toFixed(0)} articles/s (${ingestN} articles → ${rs.events} events, ${rs.fusedEvents} fused, ${rs.duplicates} wire copies)`);
    await real.close();

    // 3. the query store: bulk-loaded (or reused), then queried through the Store interface
    const keep = process.env.SITREP_BENCH_KB_DB;
    const dbPath = keep ?? join(tmp, 'kb.db');
    let store = await openStore(dbPath);
    const have = (await store.stats()).articles;
    if (have < size) {
      await store.close();
      const t = Date.now();
      const bulk = await bulkLoad(dbPath, have, size, (d) => { if (d % 20000 === 0) process.stderr.write(`  bulk load: ${d}/${size - have} articles, ${Math.round((Date.now() - t) / 1000)} s\n`); });
      console.log(`  query store bulk-loaded (no fusion) at ${bulk.toFixed(0)} articles/s`);
      store = await openStore(dbPath);
    } else console.log(`  reusing ${dbPath} (${have} articles)`);
    const st = await store.stats();
    console.log(`  store: ${st.articles} articles, ${st.events} events, ${st.reports} reports, ${st.fusedEvents} fused, ${st.duplicates} wire copies, ${st.actors} actors`);
    await queryLatencies(store);
    await store.close();

    // 4. PostgreSQL ingest rate (own schema, dropped afterwards)
    if (pgSize > 0) {
      const url = process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
      const schema = `sitrep_bench_${process.pid}`;
      const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      try {
        await probe.connect();
        const ps = await openStore(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`);
        try {
          const rate = await fill(ps, 0, pgSize, 'postgres');
          console.log(`  PostgreSQL ingest (records, batches of 64): ${rate.toFixed(0)} articles/s (${pgSize} articles)`);
          await queryLatencies(ps, 50);
        } finally {
          await ps.close();
          await probe.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        }
      } catch (e) {
        console.log(`  PostgreSQL: skipped (${(e as Error).message})`);
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
