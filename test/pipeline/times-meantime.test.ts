import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../../src/pipeline/index.js';
import { SHARED_DIR } from '../../src/util/paths.js';
import { fmtDay } from '../../src/time/edtf.js';
import { parseDct, scoreTimexValues, sumTimexScores, type GoldTimex } from '../../src/time/timex-match.js';

// Floors, so accuracy can only go up (measured 2026-11-29: found 50/60, values 49/50).
const FLOOR = { valueAccuracy: 0.9, found: 48 };

const shared = process.env.SITREP_SHARED || SHARED_DIR;
const file = join(shared, 'dev', 'meantime-wikinews.jsonl');

test('times: MEANTIME TIMEX3 DATE values stay above their floors', { skip: existsSync(file) ? false : `shared dev set absent (${file}); set SITREP_SHARED` }, () => {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; dct: string; timex3?: GoldTimex[] });
  const scores = rows.map((r) => {
    const dct = parseDct(r.dct);
    const doc = analyzeDoc({ text: r.text }, { published: dct ? fmtDay(dct) : null });
    return scoreTimexValues(r.timex3 ?? [], doc.times, r.dct);
  });
  const t = sumTimexScores(scores);
  assert.ok(t.valueAccuracy >= FLOOR.valueAccuracy, `value accuracy ${t.valueAccuracy.toFixed(3)} < ${FLOOR.valueAccuracy}: ${JSON.stringify(t.misses)}`);
  assert.ok(t.found >= FLOOR.found, `found ${t.found} of ${t.gold} gold DATE expressions, floor ${FLOOR.found}`);
});
