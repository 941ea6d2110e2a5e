// The two hand-written perf helpers: the Bloom pre-check never answers "no" for an added string
// (so a filtered lookup equals the plain one), and a Doc slot is invisible to JSON and spread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringFilter } from '../../src/util/string-filter.js';
import { docSlot } from '../../src/pipeline/doc-slot.js';
import { newDoc } from '../../src/pipeline/index.js';

test('StringFilter has no false negatives and rules most other strings out', () => {
  fc.assert(fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 300 }), (words) => {
    const f = new StringFilter();
    for (const w of words) f.add(w);
    for (const w of words) assert.ok(f.mayHave(w), JSON.stringify(w));
  }), { numRuns: 200 });
  const f = new StringFilter();
  for (let i = 0; i < 2000; i++) f.add(`word${i}`);
  let maybe = 0;
  for (let i = 0; i < 2000; i++) if (f.mayHave(`other${i}x`)) maybe++;
  assert.ok(maybe < 400, `${maybe} of 2000 strings never added pass the filter`);
});

test('a Doc slot keeps its value on the Doc, out of JSON, keys and spread', () => {
  const slot = docSlot<{ n: number }>('test');
  const doc = newDoc({ text: 'Niger said.' });
  assert.equal(slot.get(doc), undefined);
  const before = JSON.stringify(doc);
  slot.set(doc, { n: 1 });
  assert.deepEqual(slot.get(doc), { n: 1 });
  slot.set(doc, { n: 2 });
  assert.equal(slot.get(doc)?.n, 2);
  assert.equal(JSON.stringify(doc), before);
  assert.equal(slot.get({ ...doc }), undefined);
  assert.equal(slot.get(newDoc({ text: 'Other.' })), undefined);
  assert.equal(docSlot<number>('test').get(doc), undefined, 'two slots with one name are distinct');
});
