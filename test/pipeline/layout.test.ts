import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../../src/pipeline/index.js';

const article = [
  'Rebels Seize Border Town',
  '',
  'Army says it is regrouping',
  '',
  'By Jane Roe',
  '',
  'Rebels seized\u00a0the town of Kidal on Friday, officials said. Gen. Ahmed Musa said the army would return.',
  '',
  'Author: Jane Roe',
  'Jane Roe is a correspondent for Example News, follow her on Twitter @janeroe.',
].join('\n');

test('layout: headline, sub-headline, byline and bio', () => {
  const d = analyzeDoc({ text: article });
  assert.equal(d.text.split('\n')[0], 'Rebels Seize Border Town');
  assert.equal(d.text.split('\n')[1], 'Army says it is regrouping');
  assert.deepEqual(d.layout.authors, ['Jane Roe']);
  assert.ok(!d.text.includes('follow her'), 'author bio is kept out of the analysis');
  assert.ok(!d.text.includes('By Jane Roe'), 'byline is kept out of the analysis');
  assert.ok(!d.text.includes('\u00a0'), 'no-break space normalised one-for-one');
});

test('sentences: no split after a title abbreviation, none across paragraphs', () => {
  const d = analyzeDoc({ text: article });
  const sents = d.sentences.map((s) => d.text.slice(s.start, s.end));
  assert.ok(sents.includes('Gen. Ahmed Musa said the army would return.'), sents.join(' | '));
  assert.equal(sents[0], 'Rebels Seize Border Town');
  for (const t of d.tokens) assert.equal(d.text.slice(t.start, t.end), t.text);
});

test('layout: a title given by the caller is not read twice', () => {
  const d = analyzeDoc({ text: 'Troops withdrew from the city on Monday.', title: 'Troops Withdraw' });
  assert.equal(d.text, 'Troops Withdraw\nTroops withdrew from the city on Monday.');
});
