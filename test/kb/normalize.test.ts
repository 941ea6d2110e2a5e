import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edtfRange, normName, periodOf, dayOf } from '../../src/kb/normalize.js';

test('edtfRange: days, months, years, intervals, qualifiers, seasons', () => {
  const cases: [string | null, { lo: string; hi: string } | null][] = [
    ['2024-03-16', { lo: '2024-03-16', hi: '2024-03-16' }],
    ['2024-02', { lo: '2024-02-01', hi: '2024-02-29' }],
    ['2023', { lo: '2023-01-01', hi: '2023-12-31' }],
    ['2024-03-16/2024-03-17', { lo: '2024-03-16', hi: '2024-03-17' }],
    ['2023-07/2023-08', { lo: '2023-07-01', hi: '2023-08-31' }],
    ['2024-03-16~', { lo: '2024-03-16', hi: '2024-03-16' }],
    ['2024-21', { lo: '2024-03-01', hi: '2024-05-31' }],
    ['../2024-03', { lo: '2024-03-01', hi: '2024-03-31' }],
    ['2024-03-16T10:00:00Z', { lo: '2024-03-16', hi: '2024-03-16' }],
  ];
  for (const [v, want] of cases) assert.deepEqual(edtfRange(v), want, String(v));
  for (const bad of [null, '', 'yesterday', '2024-13', '2024-02-30', '32/13/2024']) assert.equal(edtfRange(bad), null, String(bad));
});

test('periodOf: ISO weeks across a year end, months, years', () => {
  assert.deepEqual(periodOf('2024-03-18', 'week'), { label: '2024-W12', start: '2024-03-18', end: '2024-03-24' });
  assert.equal(periodOf('2021-01-03', 'week').label, '2020-W53');
  assert.equal(periodOf('2024-12-30', 'week').label, '2025-W01');
  assert.deepEqual(periodOf('2024-02-10', 'month'), { label: '2024-02', start: '2024-02-01', end: '2024-02-29' });
  assert.equal(periodOf('2024-02-10', 'year').end, '2024-12-31');
});

test('normName folds case, diacritics, punctuation and a leading "the"', () => {
  assert.equal(normName('Côte d’Ivoire'), 'cote d ivoire');
  assert.equal(normName('The Pentagon'), 'pentagon');
  assert.equal(normName("Niger's"), 'niger');
  assert.equal(dayOf('2024-03-18T09:00:00Z'), '2024-03-18');
  assert.equal(dayOf('March 18'), null);
});
