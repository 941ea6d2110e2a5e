import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeDoc } from '../../src/pipeline/index.js';
import { SHARED_DIR } from '../../src/util/paths.js';
import { wordsToNumber } from '../../src/quantity/quantity-parsers.js';

function quantities(text: string) {
  return analyzeDoc({ text }, { published: '2024-03-18' }).quantities
    .map((q) => ({ text: q.text, value: q.value, unit: q.unit, qualifier: q.qualifier }));
}

type Q = { text: string; value: number; unit: string; qualifier: 'over' | 'under' | 'about' | null };
const q = (text: string, value: number, unit: string, qualifier: Q['qualifier'] = null): Q => ({ text, value, unit, qualifier });

const POSITIVE: [string, Q[]][] = [
  ['The US has 1,000 military personnel stationed there.', [q('1,000', 1000, 'personnel')]],
  ['The base cost over $100 million to build.', [q('$100 million', 100000000, 'USD', 'over')]],
  ['The EU pledged €2.5 billion.', [q('€2.5 billion', 2500000000, 'EUR')]],
  ['Moscow set aside 300 million euros.', [q('300 million', 300000000, 'EUR')]],
  ['London gave £20m in aid.', [q('£20m', 20000000, 'GBP')]],
  ['Tokyo offered ¥1 trillion.', [q('¥1 trillion', 1000000000000, 'JPY')]],
  ['The loan was worth 1.5bn dollars.', [q('1.5bn', 1500000000, 'USD')]],
  ['Debt hit $1.2 trillion.', [q('$1.2 trillion', 1200000000000, 'USD')]],
  ['The contract is worth US$ 40 billion.', [q('US$ 40 billion', 40000000000, 'USD')]],
  ['Kyiv received 2 billion hryvnias and 100 billion rubles were frozen.', [q('2 billion', 2000000000, 'UAH'), q('100 billion', 100000000000, 'RUB')]],
  ['The bank lent USD 2 billion.', [q('USD 2 billion', 2000000000, 'USD')]],
  ['Two million people fled the fighting.', [q('Two million', 2000000, 'people')]],
  ['Three soldiers were killed.', [q('Three', 3, 'soldiers')]],
  ['One soldier was wounded.', [q('One', 1, 'soldiers')]],
  ['A dozen drones were shot down.', [q('A dozen', 12, 'drones')]],
  ['Russia launched twenty-five missiles.', [q('twenty-five', 25, 'missiles')]],
  ['At least 20 civilians died.', [q('20', 20, 'civilians', 'over')]],
  ['More than 30 people were arrested.', [q('30', 30, 'people', 'over')]],
  ['Upwards of 5,000 troops massed at the border.', [q('5,000', 5000, 'troops', 'over')]],
  ['Fewer than 100 troops remain.', [q('100', 100, 'troops', 'under')]],
  ['Up to 3,000 personnel could deploy.', [q('3,000', 3000, 'personnel', 'under')]],
  ['Nearly 200 refugees crossed.', [q('200', 200, 'refugees', 'under')]],
  ['Almost $4 billion was lost.', [q('$4 billion', 4000000000, 'USD', 'under')]],
  ['About 1,100 US troops are in Niger.', [q('1,100', 1100, 'troops', 'about')]],
  ['Some 1,000 American soldiers left.', [q('1,000', 1000, 'soldiers', 'about')]],
  ['An estimated 40,000 people were displaced.', [q('40,000', 40000, 'people', 'about')]],
  ['Roughly 50 tanks were destroyed.', [q('50', 50, 'tanks', 'about')]],
  ['The plant cut 1,500 to 2,000 jobs.', [q('1,500', 1500, 'jobs', 'over'), q('2,000', 2000, 'jobs', 'under')]],
  ['Between 10 and 20 drones were downed.', [q('10', 10, 'drones', 'over'), q('20', 20, 'drones', 'under')]],
  ['Boeing will supply 179 new aerial refueling tankers.', [q('179', 179, 'tankers')]],
  ['They seized 12 armored vehicles.', [q('12', 12, 'vehicles')]],
  ['The company laid off 450 engineers.', [q('450', 450, 'engineers')]],
  ['The airline will buy five new 737 aircraft.', [q('five', 5, 'aircraft')]],
  ['The army deployed 2000 troops.', [q('2000', 2000, 'troops')]],
  ['A million people fled.', [q('A million', 1000000, 'people')]],
  ['It cost a billion dollars.', [q('a billion', 1000000000, 'USD')]],
  ['The 20 soldiers left.', [q('20', 20, 'soldiers')]],
];

for (const [sentence, expected] of POSITIVE) {
  test(`quantities: "${sentence}"`, () => {
    assert.deepEqual(quantities(sentence), expected);
  });
}

// Sentences that hold no quantity.
const NEGATIVE = [
  'Elections were held in 2023.',
  'Russia invaded on 24 February 2022.',
  'Drones fly from Air Base 201 near Agadez.',
  'The council passed Resolution 2334.',
  'Inflation reached 12.53% in March.',
  'Turnout was 30 percent.',
  'The 3rd Brigade moved north.',
  'The second convoy arrived.',
  'The talks began at 14:30.',
  'Call +1 202 555 0100 for details.',
  'Dozens of people were killed.',
  'Thousands of refugees crossed the border.',
  'The parties agreed a 24-hour ceasefire.',
  'Talks lasted two days.',
  'One of them was released.',
  'He flew an F-16 over the 2022 elections.',
  'The Boeing 737 was grounded.',
  'COVID-19 cases fell.',
  'Relations between the two countries soured.',
  'Apollo 11 astronauts landed.',
  'The G20 summit opened.',
];
for (const sentence of NEGATIVE) {
  test(`quantities: nothing in "${sentence}"`, () => {
    assert.deepEqual(quantities(sentence), []);
  });
}

test('quantities: number words', () => {
  assert.equal(wordsToNumber('twenty-five'), 25);
  assert.equal(wordsToNumber('two hundred'), 200);
  assert.equal(wordsToNumber('a dozen'), 12);
  assert.equal(wordsToNumber('two dozen'), 24);
  assert.equal(wordsToNumber('many'), null);
});

test('quantities: spans lie in the text, carry a rule, and never sit inside a time', () => {
  const parts = ['1,000 troops', 'over $100 million', 'in 2023', 'Air Base 201', 'three soldiers', '12.53%', 'on Monday',
    'about 50 tanks', 'and', 'the army', '1,500 to 2,000 jobs', '€3bn', 'dozens of people'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 10 }), (words) => {
    const text = `The army said ${words.join(' ')}.`;
    const d = analyzeDoc({ text }, { published: '2024-03-18' });
    for (const x of d.quantities) {
      assert.equal(d.text.slice(x.start, x.end), x.text);
      assert.ok(x.rule.startsWith('quantity.'));
      assert.ok(!d.times.some((t) => t.start < x.end && x.start < t.end), `${x.text} overlaps a time`);
    }
  }), { numRuns: 60, seed: 7 });
});

const shared = process.env.SITREP_SHARED || SHARED_DIR;
const articleFile = join(shared, 'fixtures', 'niger-us-forces-2024-03-18.txt');
const goldFile = join(shared, 'gold', 'niger-us-forces-2024-03-18.gold.json');
const haveSample = existsSync(articleFile) && existsSync(goldFile);

test('quantities: the sample article gives both gold quantities exactly', { skip: haveSample ? false : `shared dir absent (${shared}); set SITREP_SHARED` }, () => {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { published: string; quantities: { text: string; value: number; unit: string; qualifier?: string }[] };
  const d = analyzeDoc({ text: readFileSync(articleFile, 'utf8') }, { published: gold.published });
  for (const g of gold.quantities) {
    const got = d.quantities.find((x) => x.text === g.text);
    assert.ok(got, `missing ${g.text}`);
    assert.equal(got.value, g.value);
    assert.equal(got.unit, g.unit);
    assert.equal(got.qualifier, g.qualifier ?? null);
  }
  assert.equal(d.quantities.length, gold.quantities.length, JSON.stringify(d.quantities.map((x) => x.text)));
});
