import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bandKeys, estimateJaccard, isNearDuplicate, minhash, shingles, similarity } from '../../src/kb/near-duplicate.js';
import { SAMPLE_FILE, SECOND_FILE, WIRE_FILE } from './niger-fixtures.js';

const dup = (a: string, b: string) => {
  const [sa, sb] = [shingles(a), shingles(b)];
  return isNearDuplicate(similarity(sa, sb), sa.size, sb.size);
};

test('near-duplicates: the wire copy (new headline, dateline, last paragraph cut) is a copy', () => {
  assert.ok(dup(readFileSync(SECOND_FILE, 'utf8'), readFileSync(WIRE_FILE, 'utf8')));
});

test('near-duplicates: two outlets on the same story are not copies', () => {
  assert.ok(!dup(readFileSync(SAMPLE_FILE, 'utf8'), readFileSync(SECOND_FILE, 'utf8')));
});

test('near-duplicates: a half-length trim is caught by containment; typography does not matter', () => {
  const full = readFileSync(SECOND_FILE, 'utf8');
  const half = full.slice(0, Math.floor(full.length / 2));
  assert.ok(dup(full, half));
  assert.ok(dup(full, full.replace(/"/g, '“').replace(/—/g, '-').toUpperCase()));
  assert.ok(!dup('Rebels seized the town.', 'Rebels seized the port.'), 'one-line items are not called copies on a few words');
});

test('near-duplicates: LSH bands make copies candidates and signatures estimate similarity', () => {
  const a = readFileSync(SECOND_FILE, 'utf8'), b = readFileSync(WIRE_FILE, 'utf8'), c = readFileSync(SAMPLE_FILE, 'utf8');
  const [sa, sb, sc] = [a, b, c].map((t) => minhash(shingles(t)));
  const shared = (x: Uint32Array, y: Uint32Array) => bandKeys(x).filter((k, i) => bandKeys(y)[i] === k).length;
  assert.ok(shared(sa, sb) > 0);
  assert.equal(shared(sa, sc), 0);
  assert.ok(estimateJaccard(sa, sb) > 0.5);
  assert.ok(estimateJaccard(sa, sc) < 0.2);
  assert.deepEqual(bandKeys(sa), bandKeys(minhash(shingles(a))), 'deterministic');
  assert.ok(bandKeys(sa).every((k) => Number.isSafeInteger(k)));
});
