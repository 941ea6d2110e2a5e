/**
 * The event engine on sentences written for these tests (not from the sample article): each row
 * says which event must be read, with actor/recipient codes, modality and speaker; and a table of
 * sentences that must yield no event at all (chrono's negative_cases, compromise's miss tests).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { checkRow, codesOf, type EventRow } from './event-table.js';

type Row = EventRow;

const PUBLISHED = '2024-05-08'; // a Wednesday

const ROWS: Row[] = [
  { text: 'Russia launched a massive missile attack on Ukraine on Monday.', type: 'ASSAULT', actor: ['RUS'], recipient: ['UKR'], date: '2024-05-06' },
  { text: 'Germany sent air-defence systems to Ukraine.', type: 'AID', actor: ['DEU'], recipient: ['UKR'] },
  { text: 'The European Union imposed new sanctions on Iran.', type: 'SANCTION', actor: ['EU'], recipient: ['IRN'] },
  { text: 'France recalled its ambassador from Mali.', type: 'SANCTION', actor: ['FRA'], recipient: ['MLI'] },
  { text: 'Mali expelled the French ambassador on Tuesday.', type: 'SANCTION', actor: ['MLI'], recipient: ['FRA'], date: '2024-05-07' },
  { text: 'Burkina Faso ordered French troops to leave the country.', type: 'REQUEST', actor: ['BFA'], recipient: ['FRA'] },
  // PLOVER: an intention to consult is AGREE (the announcement itself is asserted)
  { text: 'Iran will hold talks with Saudi Arabia next week.', type: 'AGREE', actor: ['IRN'], recipient: ['SAU'] },
  // PLOVER: a refusal stated as a negated intention is REJECT (CAMEO 125, reject proposal to meet)
  { text: 'Kyiv will not hold talks with Moscow.', type: 'REJECT', actor: ['UKR'], recipient: ['RUS'] },
  { text: 'China and Russia held joint naval exercises.', type: 'COOPERATE', actor: ['CHN', 'RUS'] },
  { text: 'Israel denied attacking the convoy.', type: 'ASSAULT', actor: ['ISR'], modality: 'negated', speaker: 'ISR' },
  { text: 'Ukraine could launch an attack on Russia.', type: 'ASSAULT', actor: ['UKR'], recipient: ['RUS'], modality: 'hypothetical' },
  { text: 'Japan has not sent troops to Iraq.', type: 'MOBILIZE', actor: ['JPN'], recipient: ['IRQ'], modality: 'negated' },
  { text: 'Egypt condemned the Israeli strike, the foreign ministry said.', type: 'ACCUSE', actor: ['EGY'] },
  { text: 'Turkey accused Sweden of harbouring militants, Reuters reported.', type: 'ACCUSE', actor: ['TUR'], recipient: ['SWE'] },
  { text: 'Pakistan rejected the Indian proposal.', type: 'REJECT', actor: ['PAK'], recipient: ['IND'] },
  { text: 'Venezuela severed diplomatic ties with Argentina.', type: 'SANCTION', actor: ['VEN'], recipient: ['ARG'] },
  // CAMEO 050 (resume diplomatic cooperation), not the 064 of PETRARCH's WEIS-derived test dictionary
  { text: 'Kenya and Somalia restored diplomatic relations.', type: 'SUPPORT', actor: ['KEN', 'SOM'], root: '05' },
  { text: 'Qatar mediated between Israel and Hamas.', type: 'CONSULT', actor: ['QAT'] },
  { text: 'Senegal welcomed the decision of Mali.', type: 'SUPPORT', actor: ['SEN'], recipient: ['MLI'] },
  { text: 'Colombia extradited the suspect to the United States.', type: 'COOPERATE', actor: ['COL'], recipient: ['USA'] },
  { text: 'Ethiopia lifted the blockade on Eritrea.', type: 'RETREAT', actor: ['ETH'], recipient: ['ERI'] },
  { text: 'Armenia agreed to resume talks with Azerbaijan.', type: 'AGREE', actor: ['ARM'] },
  { text: 'North Korea threatened South Korea with retaliation.', type: 'THREATEN', actor: ['PRK'], recipient: ['KOR'] },
  { text: 'Poland deployed troops to its border with Belarus.', type: 'MOBILIZE', actor: ['POL'] },
  { text: 'Indian forces withdrew from the disputed area.', type: 'RETREAT', actor: ['IND'] },
  { text: 'Somalia asked for more troops from Kenya.', type: 'REQUEST', actor: ['SOM'] },
];

const NO_EVENTS: string[] = [
  'The weather in Paris was mild on Sunday.',
  'Analysts said the market was calm.',
  'The report runs to 40 pages.',
  'A spokesman declined to comment.',
  'The summit is scheduled for June.',
];

for (const row of ROWS) {
  test(`event: ${row.text}`, () => {
    checkRow(row, PUBLISHED);
  });
}

for (const text of NO_EVENTS) {
  test(`no event: ${text}`, () => {
    const r = analyze({ text }, { published: PUBLISHED });
    assert.deepEqual(r.events.map((e) => e.type), []);
  });
}

test('a reported accusation keeps the reporter apart from the accuser', () => {
  const r = analyze({ text: 'The Financial Times reported that Britain accused China of hacking its networks.' }, { published: PUBLISHED });
  const e = r.events.find((x) => x.type === 'ACCUSE');
  assert.ok(e);
  assert.deepEqual(codesOf(r, e.actor), ['GBR']);
  const speaker = r.entities.find((x) => x.id === e.attribution?.speaker);
  assert.match(speaker?.name ?? '', /Financial Times/);
});

test('a quotation closed by "X said on Saturday" takes the speaker, the quote flag and the date of the saying', () => {
  const text = '“Ghana condemns the attack on its embassy,” Foreign Minister Shirley Ayorkor Botchwey said on Saturday.';
  const r = analyze({ text }, { published: PUBLISHED });
  const e = r.events.find((x) => x.type === 'ACCUSE');
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.attribution?.quote, true);
  assert.equal(e.date, '2024-05-04');
  const speaker = r.entities.find((x) => x.id === e.attribution?.speaker);
  assert.match(speaker?.name ?? '', /Botchwey/);
});

test('without a publication date no event date is resolved from a relative expression', () => {
  const r = analyze({ text: 'Mali expelled the French ambassador on Tuesday.' });
  const e = r.events.find((x) => x.type === 'SANCTION');
  assert.ok(e);
  assert.equal(e.date, null);
});
