/**
 * WARC ingest bench: generates a CC-NEWS-like .warc.gz (scripts/make-warc-fixture.mjs) in a
 * temp dir, streams it through the WARC reader (HTML extraction included, analysis not) and
 * prints records/s, articles/s and peak RSS. Records: SITREP_BENCH_WARC_RECORDS (default 2000).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { newWarcStats, warcReader } from '../../src/sources/warc-reader.js';

export async function run(): Promise<void> {
  const n = Number(process.env.SITREP_BENCH_WARC_RECORDS ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-warc-'));
  try {
    const { makeWarcFixture } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'make-warc-fixture.mjs')).href)) as
      { makeWarcFixture: (p: string, n: number) => Promise<{ records: number }> };
    const path = join(dir, 'bench.warc.gz');
    await makeWarcFixture(path, n);
    const size = statSync(path).size;
    const stats = newWarcStats();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const t0 = process.hrtime.bigint();
    let i = 0;
    for await (const _ of warcReader.readWithStats(path, {}, stats)) {
      if (++i % 20 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const mb = (b: number) => (b / 2 ** 20).toFixed(0);
    console.log(`warc: ${stats.records} records (${mb(size)} MB gzip'd): ${stats.articles} articles, ${stats.errors} errors, ${stats.skipped} skipped`);
    console.log(`warc: ${(stats.records / s).toFixed(0)} records/s, ${(stats.articles / s).toFixed(0)} HTML articles/s (extraction only), ${s.toFixed(1)} s`);
    console.log(`warc: RSS at start ${mb(rss0)} MB, peak ${mb(peak)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
