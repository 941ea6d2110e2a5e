// The bench corpus is deterministic and varied (speed itself is never asserted in tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCorpus, rng } from '../../bench/corpus.js';

test('bench corpus: same seed, same corpus; another seed, another corpus', () => {
  const a = generateCorpus(60, 7), b = generateCorpus(60, 7), c = generateCorpus(60, 8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  const r = rng(1);
  assert.deepEqual([r(), r()], [rng(1)(), (() => { const q = rng(1); q(); return q(); })()]);
});

test('bench corpus: 500 distinct articles of varied length, headline and country', () => {
  const corpus = generateCorpus(500, 1);
  assert.equal(new Set(corpus).size, 500);
  const lengths = corpus.map((t) => t.length).sort((x, y) => x - y);
  assert.ok(lengths[0] < 600 && lengths[lengths.length - 1] > 5000, `lengths ${lengths[0]}…${lengths[lengths.length - 1]}`);
  assert.ok(new Set(corpus.map((t) => t.split('\n')[0])).size > 300, 'headlines vary');
  assert.ok(corpus.filter((t) => t.includes('Pentagon spokeswoman')).length >= 200, 'half are variants of examples/');
});
