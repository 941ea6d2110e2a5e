/**
 * Regression: wink-nlp's tokenizer is quadratic in the length of one whitespace-free run
 * (100,000 capitals took over a minute; "A1A1…" or "x_x_…" of 16,000 characters ~10 s). The
 * tokens stage now hands wink runs of at most MAX_RUN characters; offsets must not move.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../../src/pipeline/index.js';
import { breakLongRuns, MAX_RUN } from '../../src/pipeline/stages/tokens.js';

test('breakLongRuns cuts only whitespace-free runs longer than MAX_RUN', () => {
  assert.equal(breakLongRuns('Niger said on Monday.'), 'Niger said on Monday.');
  const long = 'A'.repeat(MAX_RUN * 2 + 5);
  assert.deepEqual(breakLongRuns(long).split(' ').map((x) => x.length), [MAX_RUN, MAX_RUN, 5]);
  assert.equal(breakLongRuns('x'.repeat(MAX_RUN)), 'x'.repeat(MAX_RUN));
});

for (const [name, text] of [
  ['capitals', 'A'.repeat(30_000)],
  ['letters and digits', 'A1'.repeat(15_000)],
  ['underscores', 'x_'.repeat(15_000)],
  ['a run inside prose', 'Niger said on Monday that ' + 'B'.repeat(5_000) + ' troops left Niamey.'],
] as const) {
  test(`a long run (${name}) is tokenized with exact offsets and no token over MAX_RUN`, () => {
    const doc = analyzeDoc({ text }, { published: '2024-03-18' });
    assert.ok(doc.tokens.length > 0);
    let last = 0;
    for (const t of doc.tokens) {
      assert.equal(doc.text.slice(t.start, t.end), t.text);
      assert.ok(t.start >= last && t.end - t.start <= MAX_RUN, `token ${t.i} at ${t.start}-${t.end}`);
      last = t.end;
    }
    // Every non-space character of the text is inside some token: nothing is lost by the cuts.
    const covered = doc.tokens.reduce((n, t) => n + t.text.replace(/\s/g, '').length, 0);
    assert.equal(covered, doc.text.replace(/\s/g, '').length);
  });
}
