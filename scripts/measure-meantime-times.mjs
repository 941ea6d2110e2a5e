#!/usr/bin/env node
// Time-expression value accuracy on MEANTIME (Wikinews, TIMEX3 gold) read from the shared dev
// set at run time: `npm run build && node scripts/measure-meantime-times.mjs [--misses]`.
// Skips (exit 0) when the shared directory is absent. Override its place with SITREP_SHARED.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../dist/src/pipeline/index.js';
import { SHARED_DIR } from '../dist/src/util/paths.js';
import { parseDct, scoreTimexValues, sumTimexScores } from '../dist/src/time/timex-match.js';
import { fmtDay } from '../dist/src/time/edtf.js';

const shared = process.env.SITREP_SHARED || SHARED_DIR;
const file = join(shared, 'dev', 'meantime-wikinews.jsonl');
if (!existsSync(file)) {
  console.error(`measure-meantime-times: skipped, ${file} not found (set SITREP_SHARED)`);
  process.exit(0);
}
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const scores = [];
// MEANTIME also marks MONEY and QUANTITY values (text only, no normalised value): report how many
// our quantities overlap, as a recall figure for the quantities stage.
const qty = { MONEY: [0, 0], QUANTITY: [0, 0] };
const qtyMisses = [];
for (const r of rows) {
  const dct = parseDct(r.dct);
  const doc = analyzeDoc({ text: r.text }, { published: dct ? fmtDay(dct) : null });
  scores.push(scoreTimexValues(r.timex3 ?? [], doc.times, r.dct));
  for (const v of r.values ?? []) {
    if (!qty[v.type]) continue;
    qty[v.type][0]++;
    if (doc.quantities.some((q) => q.start < v.end && v.start < q.end)) qty[v.type][1]++;
    else qtyMisses.push(`${v.type} "${v.text}"`);
  }
}
const t = sumTimexScores(scores);
console.log(`MEANTIME times (${rows.length} docs): gold DATE ${t.gold}, found ${t.found} (recall ${t.recall.toFixed(3)}), ` +
  `value accuracy ${t.correct}/${t.scorable} = ${t.valueAccuracy.toFixed(3)}`);
console.log(`MEANTIME quantities: MONEY found ${qty.MONEY[1]}/${qty.MONEY[0]}, QUANTITY found ${qty.QUANTITY[1]}/${qty.QUANTITY[0]} (overlap recall; gold has no values)`);
if (process.argv.includes('--misses')) for (const m of qtyMisses) console.log(`  quantity not found: ${m}`);
if (process.argv.includes('--misses')) for (const m of t.misses) console.log(`  miss: "${m.text}" gold ${m.gold} ours ${m.ours}`);
if (process.argv.includes('--unfound')) {
  for (const r of rows) {
    const dct = parseDct(r.dct);
    const doc = analyzeDoc({ text: r.text }, { published: dct ? fmtDay(dct) : null });
    for (const g of r.timex3 ?? []) {
      if (g.type !== 'DATE' || g.start === undefined) continue;
      if (!doc.times.some((t) => t.start < g.end && g.start < t.end)) console.log(`  not found: "${g.text}" (${g.value})`);
    }
  }
}
