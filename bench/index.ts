/**
 * `npm run bench [-- SECTION…] [--seed N] [--scale X] [--json FILE]`: runs benchmark sections
 * and prints one table per section. To add a section, write bench/sections/<name>.ts exporting
 * a BenchSection and add it to SECTIONS below. Figures are printed, never asserted in tests.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchResult, BenchSection } from './section.js';
import { analyzeSection } from './sections/analyze.js';
import { workersSection } from './sections/workers.js';
import { kbSection } from './sections/kb.js';
import { run as runWarc } from './sections/warc.js';

/** WARC streaming: records/s and peak RSS while reading a generated CC-NEWS-like file (prints its own lines). */
const warcSection: BenchSection = {
  name: 'warc',
  description: 'WARC streaming: records/s and peak RSS (SITREP_BENCH_WARC_RECORDS, default 2000)',
  async run() { await runWarc(); return { rows: [] }; },
};

/** Every section, in the order they run. The kb section builds a 100k-article store: `--scale 0.1` for a quick look. */
export const SECTIONS: readonly BenchSection[] = [
  analyzeSection,
  workersSection,
  warcSection,
  kbSection,
];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' }, scale: { type: 'string', default: '1' }, json: { type: 'string' } },
  });
  const seed = Number(values.seed), scale = Number(values.scale);
  if (!Number.isInteger(seed) || !(scale > 0)) { process.stderr.write('bench: --seed must be an integer and --scale a positive number\n'); return 2; }
  const unknown = positionals.filter((p) => !SECTIONS.some((s) => s.name === p));
  if (unknown.length) { process.stderr.write(`bench: unknown section ${unknown.join(', ')} (have: ${SECTIONS.map((s) => s.name).join(', ')})\n`); return 2; }
  const chosen = positionals.length ? SECTIONS.filter((s) => positionals.includes(s.name)) : SECTIONS;

  const results: Record<string, BenchResult> = {};
  process.stdout.write(`sitrep bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  for (const s of chosen) {
    const log = (m: string) => process.stderr.write(`  [${s.name}] ${m}\n`);
    const r = await s.run({ seed, scale, log });
    results[s.name] = r;
    process.stdout.write(`\n## ${s.name}: ${s.description}\n\n`);
    process.stdout.write(table([['metric', 'value', 'unit', 'note'], ...r.rows.map((x) => [x.metric, String(x.value), x.unit ?? '', x.note ?? ''])]) + '\n');
    for (const t of r.targets ?? []) process.stdout.write(`${t.ok ? 'MET ' : 'MISS'}  ${t.name} (${t.detail})\n`);
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ node: process.version, seed, scale, results }, null, 2) + '\n');
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 1; });
