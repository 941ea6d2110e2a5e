// The quality gate (trafilatura's eval_gate): scores the analyzer on the shared gold files and
// fails when a figure falls below its floor in eval/baseline.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';
import { evaluateGold, formatGoldReport, loadGoldDir } from '../../src/eval/gold-run.js';
import { loadBaseline } from '../../src/eval/baseline.js';
import { checkFloors } from '../../src/eval/metrics.js';

const goldDir = join(sharedDir(), 'gold');
const absent = existsSync(goldDir) ? false : `no gold dir at ${goldDir} (set SITREP_SHARED to the shared dir to run the gate)`;

test('gold gate: every gold metric is at or above its floor', { skip: absent }, () => {
  const report = { dir: goldDir, ...evaluateGold(loadGoldDir(goldDir)) };
  const failures = checkFloors(report.metrics, loadBaseline().gold);
  const why = failures.map((f) => `${f.metric}: ${f.measured ?? 'not measured'} < floor ${f.floor}`).join('\n');
  assert.deepEqual(failures, [], `below the floors in eval/baseline.json:\n${why}\n\n${formatGoldReport(report)}`);
});

test('gold gate: the baseline names only metrics the scorer measures', () => {
  // Runs without the shared dir: an empty gold reading still yields every metric name.
  const names = Object.keys(evaluateGold([]).metrics);
  for (const k of Object.keys(loadBaseline().gold)) assert.ok(names.includes(k), `eval/baseline.json gold floor "${k}" is not a metric`);
});
