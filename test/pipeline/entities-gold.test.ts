/**
 * Entity recognition against gold readings in the shared directory (skipped when it is absent):
 * the sample article's gold entities and MEANTIME's named entity mentions. Floors only go up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedDir, scoreSampleFromShared, scoreMeantime } from '../../src/entities/entity-eval.js';

const shared = sharedDir();
const skip = shared ? false : 'no shared directory (set SITREP_SHARED or put ../shared beside the project)';

test('sample: every gold entity with the right type, code and sector; mention recall ≥ 0.95', { skip }, () => {
  const s = scoreSampleFromShared(shared!);
  for (const e of s.entities) assert.deepEqual(e.problems, [], `${e.gold.name}: ${e.problems.join('; ')}`);
  const recall = s.mentions.found / s.mentions.total;
  assert.ok(recall >= 0.95, `gold mention recall ${recall.toFixed(3)}; missed: ${s.mentions.missed.map((m) => `${m.text}@${m.start}`).join(', ')}`);
});

test('sample: persons carry role and affiliation', { skip }, () => {
  const { doc } = scoreSampleFromShared(shared!);
  const singh = doc.entities.find((e) => e.name === 'Sabrina Singh');
  assert.equal(singh?.role, 'spokeswoman');
  assert.equal(doc.entities.find((e) => e.id === singh?.affiliation)?.name, 'Pentagon');
  const abdramane = doc.entities.find((e) => e.name === 'Amadou Abdramane');
  assert.equal(doc.entities.find((e) => e.id === abdramane?.affiliation)?.aliases.includes('CNSP'), true);
});

test('MEANTIME: named entity mention recall ≥ 0.85', { skip }, () => {
  const s = scoreMeantime(shared!);
  if (!s) return;
  const recall = s.named.found / s.named.total;
  assert.ok(recall >= 0.9, `recall ${recall.toFixed(3)} (${s.named.found}/${s.named.total})`);
});
