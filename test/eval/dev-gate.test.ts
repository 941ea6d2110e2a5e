// Dev-set floors: accuracy on the external dev sets (shared/dev) may only go up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';
import { evaluateDev, formatDevReport, isoDate, isoWeekInterval, makeAligner, sameTimeValue } from '../../src/eval/dev-harness.js';
import { loadBaseline } from '../../src/eval/baseline.js';
import { checkFloors } from '../../src/eval/metrics.js';

const devDir = join(sharedDir(), 'dev');
const absent = existsSync(devDir) ? false : `no dev dir at ${devDir} (set SITREP_SHARED to the shared dir to run the gate)`;

test('dev gate: every dev-set figure is at or above its floor', { skip: absent }, () => {
  const report = evaluateDev(devDir);
  const failures = checkFloors(report.metrics, loadBaseline().dev);
  const why = failures.map((f) => `${f.metric}: ${f.measured ?? 'not measured'} < floor ${f.floor}`).join('\n');
  assert.deepEqual(failures, [], `below the dev floors in eval/baseline.json:\n${why}\n\n${formatDevReport(report)}`);
  const floorNames = Object.keys(loadBaseline().dev);
  for (const k of floorNames) assert.ok(k in report.metrics, `dev floor "${k}" is not a metric`);
  assert.equal(report.plover?.sentences, 322);
  assert.equal(report.petrarch?.upGsr.sentences, 78);
});

test('dev harness: spans carry over the layout stage line by line', () => {
  const src = 'Title  here\n\n  Body   line one.\nGone line\nLast line.';
  const dst = 'Title here\nBody line one.\nLast line.';
  const al = makeAligner(src, dst);
  const s = src.indexOf('line one');
  assert.deepEqual(al(s, s + 8), { start: dst.indexOf('line one'), end: dst.indexOf('line one') + 8 });
  const t = src.indexOf('Title  here');
  assert.equal(dst.slice(al(t, t + 11)!.start, al(t, t + 11)!.end), 'Title here');
  assert.equal(al(src.indexOf('Gone'), src.indexOf('Gone') + 4), null);
});

test('dev harness: dates and ISO weeks are read as the gold writes them', () => {
  assert.equal(isoDate('20080804'), '2008-08-04');
  assert.equal(isoDate('03-02-2009'), '2009-02-03');
  assert.equal(isoDate('2008-03-01'), '2008-03-01');
  assert.equal(isoWeekInterval('2008-W35'), '2008-08-25/2008-08-31');
  assert.ok(sameTimeValue('2008-08-25/2008-08-31', '2008-W35'));
  assert.ok(!sameTimeValue('2008-08', '2008-W35'));
  assert.ok(!sameTimeValue(null, '2008'));
});
