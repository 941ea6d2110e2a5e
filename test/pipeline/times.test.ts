import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeDoc } from '../../src/pipeline/index.js';
import { SHARED_DIR } from '../../src/util/paths.js';
import { edtfBounds } from '../../src/time/edtf.js';
import { resolveWeekday, resolveMonth, resolveWeekend } from '../../src/time/time-resolvers.js';
import { scoreTimexValues, timexToEdtf } from '../../src/time/timex-match.js';

const PUBLISHED = '2024-03-18'; // a Monday

function times(text: string, published: string | null = PUBLISHED) {
  return analyzeDoc({ text }, { published }).times;
}

// [sentence, expected span text, expected value, expected anchor]
const POSITIVE: [string, string, string, 'absolute' | 'published'][] = [
  ['Singh told reporters on Monday that talks continue.', 'on Monday', '2024-03-18', 'published'],
  ['Over the weekend, the junta cut ties.', 'Over the weekend', '2024-03-16/2024-03-17', 'published'],
  ['The ministers will meet this weekend.', 'this weekend', '2024-03-23/2024-03-24', 'published'],
  ['Rebels attacked the town last weekend.', 'last weekend', '2024-03-16/2024-03-17', 'published'],
  ['The general said on Saturday that troops would stay.', 'on Saturday', '2024-03-16', 'published'],
  ['The ministers will meet on Friday.', 'on Friday', '2024-03-22', 'published'],
  ['The envoy is to visit Kyiv on Tuesday.', 'on Tuesday', '2024-03-19', 'published'],
  ['Drones struck the port on Tuesday night.', 'on Tuesday night', '2024-03-12', 'published'],
  ['He met the president last Monday.', 'last Monday', '2024-03-11', 'published'],
  ['The withdrawal was completed in December.', 'in December', '2023-12', 'published'],
  ['Elections will be held in December.', 'in December', '2024-12', 'published'],
  ['In May, troops left the base.', 'In May', '2023-05', 'published'],
  ['The army took power in a July 2023 coup.', 'July 2023', '2023-07', 'absolute'],
  ['Talks were held last week.', 'last week', '2024-03-11/2024-03-17', 'published'],
  ['Prices rose earlier this month.', 'earlier this month', '2024-03', 'published'],
  ['The army withdrew last year.', 'last year', '2023', 'published'],
  ['The talks will resume next month.', 'next month', '2024-04', 'published'],
  ['The convoy was ambushed two days ago.', 'two days ago', '2024-03-16', 'published'],
  ['The minister resigned yesterday.', 'yesterday', '2024-03-17', 'published'],
  ['The party was banned in the 1990s.', 'in the 1990s', '199X', 'absolute'],
  ['Parliament was dissolved in 2022.', 'in 2022', '2022', 'absolute'],
  ['Russia has occupied Crimea since 2014.', 'since 2014', '2014', 'absolute'],
  ['Fighting resumed in early March.', 'in early March', '2024-03', 'published'],
  ['The referendum took place in mid-2023.', 'in mid-2023', '2023', 'absolute'],
  ['Troops will leave by the end of the year.', 'by the end of the year', '2024', 'published'],
  ['The summit ran from March 3 to 5.', 'from March 3 to 5', '2024-03-03/2024-03-05', 'published'],
  ['The invasion began on 2022-02-24.', 'on 2022-02-24', '2022-02-24', 'absolute'],
  ['Russia invaded Ukraine on Feb. 24, 2022.', 'on Feb. 24, 2022', '2022-02-24', 'absolute'],
  ['Russia invaded Ukraine on 24 February 2022.', 'on 24 February 2022', '2022-02-24', 'absolute'],
  ['The shelling stopped at 14:30 on March 16, 2024.', 'at 14:30 on March 16, 2024', '2024-03-16T14:30', 'absolute'],
  ['The border stays closed until Friday.', 'until Friday', '2024-03-22', 'published'],
  ['The airport was closed until Friday.', 'until Friday', '2024-03-15', 'published'],
  ['The accord was signed between 2014 and 2016.', 'between 2014 and 2016', '2014/2016', 'absolute'],
  ['The 2015 Minsk agreements collapsed.', '2015', '2015', 'absolute'],
  ['In the summer of 2022, troops arrived.', 'In the summer of 2022', '2022-22', 'absolute'],
  ['Fighting eased last winter.', 'last winter', '2023-24', 'published'],
  ['The UN said on Wednesday, March 20, that aid would come.', 'on Wednesday, March 20', '2024-03-20', 'published'],
  ['The Oct. 7 attack shocked the region.', 'Oct. 7', '2023-10-07', 'published'],
  ["Monday's attack killed dozens.", 'Monday', '2024-03-18', 'published'],
  ['The official offered concessions last November.', 'last November', '2023-11', 'published'],
  ['Talks resume next March.', 'next March', '2025-03', 'published'],
];

test('times: a range stating its year only at the end is absolute', () => {
  const [t] = times('Talks ran from December 28 to January 3, 2024.', null);
  assert.deepEqual([t.text, t.value, t.anchor], ['from December 28 to January 3, 2024', '2023-12-28/2024-01-03', 'absolute']);
});

test('times: coordinated years are separate years, not a range', () => {
  const got = times('The team triumphed in 2000 and 2004.').map((t) => [t.text, t.value]);
  assert.deepEqual(got, [['in 2000', '2000'], ['2004', '2004']]);
});

for (const [sentence, span, value, anchor] of POSITIVE) {
  test(`times: "${span}" in "${sentence}" → ${value}`, () => {
    const got = times(sentence);
    const t = got.find((x) => x.text === span);
    assert.ok(t, `no time "${span}"; found ${JSON.stringify(got.map((x) => x.text))}`);
    assert.equal(t.value, value);
    assert.equal(t.anchor, anchor);
    assert.ok(t.rule.startsWith('time.'), t.rule);
    assert.ok(t.confidence > 0 && t.confidence <= 1);
    const b = edtfBounds(value);
    assert.equal(t.earliest, b.earliest);
    assert.equal(t.latest, b.latest);
    assert.equal(got.length, 1, `exactly one time expected, got ${JSON.stringify(got.map((x) => x.text))}`);
  });
}

// Sentences that hold no time expression at all.
const NEGATIVE = [
  'Inflation reached 12.53% after the devaluation.',
  'Theresa May said the deal was dead.',
  'Troops may leave the country soon.',
  'The march on the capital drew thousands.',
  'Protesters March on Capital',
  'The US has 1,000 troops in the region.',
  'Drones fly from Air Base 201 near Agadez.',
  'The council passed Resolution 2334 unanimously.',
  'The parties agreed a 24-hour ceasefire.',
  'The form was dated 32/13/2024 by mistake.',
  'Jan Egeland warned of famine.',
  'The hotline runs 24/7 for refugees.',
  'Between 1,500 and 2,000 jobs were lost.',
  'The Boeing 737 replacement was delayed.',
  'He sent the 2000 troops north.',
  'Sales fall 2022 units short.',
  'Weekend talks collapsed.',
  'He sat down with the rebels.',
  'The Sun reported the raid.',
];
for (const sentence of NEGATIVE) {
  test(`times: nothing in "${sentence}"`, () => {
    assert.deepEqual(times(sentence).map((t) => t.text), []);
  });
}

test('times: without a publication date relative times stay unresolved, absolute ones do not', () => {
  const got = times('Over the weekend, the junta that took power in a July 2023 coup said on Saturday it would act in December.', null);
  const by = Object.fromEntries(got.map((t) => [t.text, t]));
  for (const span of ['Over the weekend', 'on Saturday', 'in December']) {
    assert.equal(by[span]?.anchor, 'unresolved', span);
    assert.equal(by[span]?.value, null, span);
    assert.equal(by[span]?.earliest, null, span);
  }
  assert.equal(by['July 2023']?.value, '2023-07');
  assert.equal(by['July 2023']?.anchor, 'absolute');
});

test('times: implied parts are recorded', () => {
  const [dec] = times('The withdrawal was completed in December.');
  assert.deepEqual(dec.implied, ['year']);
  const [abs] = times('The army took power in a July 2023 coup.');
  assert.deepEqual(abs.implied, []);
});

test('times: a bad publication date is a clear error', () => {
  assert.throws(() => times('It happened on Monday.', 'next tuesday'), /not an ISO 8601 date/);
});

test('time resolvers: weekday, month and weekend policies', () => {
  const mon = { y: 2024, m: 3, d: 18 };
  assert.deepEqual(resolveWeekday(mon, 1, null, 'past'), mon);
  assert.deepEqual(resolveWeekday(mon, 1, 'last', 'past'), { y: 2024, m: 3, d: 11 });
  assert.deepEqual(resolveWeekday(mon, 1, null, 'future'), mon);
  assert.deepEqual(resolveWeekday(mon, 1, 'next', null), { y: 2024, m: 3, d: 25 });
  assert.deepEqual(resolveMonth(mon, 3, null, 'past'), { y: 2024, m: 3 });
  assert.deepEqual(resolveMonth(mon, 4, null, 'past'), { y: 2023, m: 4 });
  assert.deepEqual(resolveMonth(mon, 2, null, 'future'), { y: 2025, m: 2 });
  assert.deepEqual(resolveMonth(mon, 9, null, null), { y: 2023, m: 9 }); // nearest: 6 back vs 6 ahead → past
  assert.equal(resolveWeekend({ y: 2024, m: 3, d: 17 }, null, 'past'), '2024-03-16/2024-03-17');
  assert.equal(resolveWeekend({ y: 2024, m: 3, d: 20 }, null, 'future'), '2024-03-23/2024-03-24');
  assert.equal(resolveWeekend({ y: 2024, m: 3, d: 20 }, 'next', null), '2024-03-23/2024-03-24');
});

test('timex matching: TIMEX3 forms become EDTF; value accuracy counts only comparable gold', () => {
  assert.equal(timexToEdtf('2008-W35', '2008-09-04'), '2008-08-25/2008-08-31');
  assert.equal(timexToEdtf('PRESENT_REF', '2008-09-04'), '2008-09-04');
  assert.equal(timexToEdtf('03-02-2009', '03-02-2009'), '2009-02-03');
  assert.equal(timexToEdtf('XXXX-XX-XX', '2008-09-04'), null);
  const gold = [
    { start: 0, end: 6, type: 'DATE', value: '2008-09-04', text: 'Monday' },
    { start: 10, end: 19, type: 'DATE', value: '2008-W35', text: 'last week' },
    { start: 30, end: 34, type: 'DATE', value: 'XXXX-XX-XX', text: 'this' },
    { start: 40, end: 48, type: 'DURATION', value: 'P2D', text: 'two days' },
    { start: 50, end: 54, type: 'DATE', value: '2007', text: '2007' },
  ];
  const found = [
    { start: 0, end: 9, value: '2008-09-04' },
    { start: 10, end: 19, value: '2008-08-25/2008-08-31' },
    { start: 29, end: 35, value: '2008' },
  ];
  const s = scoreTimexValues(gold, found, '2008-09-04');
  assert.deepEqual([s.gold, s.found, s.scorable, s.correct], [4, 3, 2, 2]);
});

test('times: spans lie in the text, never overlap, and output is deterministic', () => {
  const parts = ['on Monday', 'in December', 'last week', '12.53%', 'since 2014', 'Theresa May', '1,000 troops',
    'Feb. 24, 2022', 'over the weekend', 'the march', 'at 14:30', 'two days ago', 'in the 1990s', '3/4', 'and', 'the army'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 12 }), (words) => {
    const text = `The army said ${words.join(' ')}.`;
    const d1 = analyzeDoc({ text }, { published: PUBLISHED });
    const d2 = analyzeDoc({ text }, { published: PUBLISHED });
    assert.deepEqual(d1.times, d2.times);
    let last = -1;
    for (const t of d1.times) {
      assert.ok(t.start >= 0 && t.end <= d1.text.length && t.start < t.end);
      assert.equal(d1.text.slice(t.start, t.end), t.text);
      assert.ok(t.start >= last, 'no overlaps');
      last = t.end;
    }
  }), { numRuns: 60, seed: 42 });
});

const shared = process.env.SITREP_SHARED || SHARED_DIR;
const articleFile = join(shared, 'fixtures', 'niger-us-forces-2024-03-18.txt');
const goldFile = join(shared, 'gold', 'niger-us-forces-2024-03-18.gold.json');
const haveSample = existsSync(articleFile) && existsSync(goldFile);

test('times: the sample article gives all five gold times exactly', { skip: haveSample ? false : `shared dir absent (${shared}); set SITREP_SHARED` }, () => {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { published: string; times: { text: string; value: string }[] };
  const d = analyzeDoc({ text: readFileSync(articleFile, 'utf8') }, { published: gold.published });
  const got = d.times.map((t) => ({ text: t.text, value: t.value }));
  for (const g of gold.times) assert.ok(got.some((t) => t.text === g.text && t.value === g.value), `missing ${JSON.stringify(g)} in ${JSON.stringify(got)}`);
  assert.equal(got.length, gold.times.length, JSON.stringify(got));

  const bare = analyzeDoc({ text: readFileSync(articleFile, 'utf8') }, {});
  for (const t of bare.times) {
    if (t.text === 'July 2023') assert.equal(t.value, '2023-07');
    else assert.deepEqual([t.anchor, t.value], ['unresolved', null], t.text);
  }
  assert.equal(bare.times.length, gold.times.length);
});
