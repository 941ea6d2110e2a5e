import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisRecordSchema, type AnalysisRecord, type EventRecord } from '../../src/contract/analysis-schema.js';
import { GoldFileSchema, type GoldFile } from '../../src/eval/gold-schema.js';
import { scoreRecord, totals, goldMetrics } from '../../src/eval/gold-scorer.js';
import { maxWeightMatching } from '../../src/eval/assignment.js';
import { checkFloors } from '../../src/eval/metrics.js';
import { findAll, foldText, nameKey } from '../../src/eval/text-fold.js';

// A hand-made article, gold reading and record: the scorer is tested without the engine.
const TEXT = 'Niger ordered US troops to leave on Monday.\nThe US and Niger held talks, Sabrina Singh said.\n'
  + 'ECOWAS lifted sanctions on Niger, a deal worth over $100 million.';

const at = (s: string, from = 0) => {
  const i = TEXT.indexOf(s, from);
  if (i < 0) throw new Error(`test text lacks "${s}"`);
  return { start: i, end: i + s.length };
};
const mention = (s: string, from = 0) => ({ ...at(s, from), text: s });
const L2 = TEXT.indexOf('The US');
const L3 = TEXT.indexOf('ECOWAS');

function goldFile(extra: Partial<Record<string, unknown>> = {}): GoldFile {
  return GoldFileSchema.parse({
    doc: 'hand', file: 'fixtures/hand.txt', published: '2024-03-18',
    entities: [
      { name: 'United States', type: 'country', code: 'USA', mentions: ['US'] },
      { name: 'Niger', type: 'country', code: 'NER', mentions: ['Niger'] },
      { name: 'ECOWAS', type: 'organization', code: 'ECOWAS', mentions: ['ECOWAS'] },
      { name: 'Sabrina Singh', type: 'person', code: 'USA', mentions: ['Sabrina Singh'] },
    ],
    times: [{ text: 'on Monday', value: '2024-03-18' }],
    quantities: [{ text: '$100 million', value: 100000000, unit: 'USD', qualifier: 'over' }],
    events: [
      { id: 'order', cue: 'ordered US troops to leave', type: ['REQUEST'], actor: ['NER'], recipient: ['USA'], date: '2024-03-18', modality: 'asserted', required: true },
      { id: 'talks', cue: 'held talks', type: ['CONSULT'], actor: ['USA'], recipient: ['NER'], modality: 'asserted', speaker: 'Sabrina Singh', required: true },
      { id: 'lifted', cue: 'lifted sanctions on Niger', type: ['RETREAT', 'CONCEDE'], actor: ['ECOWAS'], recipient: ['NER'], modality: 'asserted', required: true },
      { id: 'sanctions', cue: 'sanctions on Niger', type: ['SANCTION'], actor: ['ECOWAS'], recipient: ['NER'], required: false },
    ],
    ...extra,
  });
}

function event(id: string, type: EventRecord['type'], evidence: string, actor: string[], recipient: string[], more: Partial<EventRecord> = {}): EventRecord {
  return {
    id, type, mode: null, contexts: [], actor, recipient, date: null, modality: 'asserted', attribution: null,
    evidence: [at(evidence)], confidence: 0.9, cameo: null, quad: 1, goldstein: null, ...more,
  };
}

function perfectEvents(): EventRecord[] {
  return [
    event('v1', 'REQUEST', 'Niger ordered US troops to leave on Monday.', ['e2'], ['e1'], { date: '2024-03-18' }),
    event('v2', 'CONSULT', 'The US and Niger held talks', ['e1'], ['e2'], { attribution: { speaker: 'e4', reporter: null, verb: 'said', quote: false } }),
    event('v3', 'RETREAT', 'ECOWAS lifted sanctions on Niger', ['e3'], ['e2']),
  ];
}

function record(events: EventRecord[] = perfectEvents(), patch: Partial<AnalysisRecord> = {}): AnalysisRecord {
  const r: AnalysisRecord = {
    schema: 'sitrep.analysis/1',
    article: { id: 'x', title: null, subtitle: null, authors: [], published: '2024-03-18', url: null, outlet: null, language: 'en', text: TEXT },
    entities: [
      { id: 'e1', name: 'United States', type: 'country', code: 'USA', sector: 'GOV', wikidata: null, aliases: ['US'], mentions: [mention('US'), mention('US', L2)] },
      { id: 'e2', name: 'Niger', type: 'country', code: 'NER', sector: 'GOV', wikidata: null, aliases: [], mentions: [mention('Niger'), mention('Niger', L2), mention('Niger', L3)] },
      { id: 'e3', name: 'Economic Community of West African States', type: 'organization', code: 'ECOWAS', sector: 'IGO', wikidata: null, aliases: ['ECOWAS'], mentions: [mention('ECOWAS')] },
      { id: 'e4', name: 'Sabrina Singh', type: 'person', code: 'USA', sector: 'MIL', wikidata: null, aliases: ['Singh'], mentions: [mention('Sabrina Singh')] },
    ],
    times: [{ ...mention('on Monday'), value: '2024-03-18', anchor: 'published' }],
    quantities: [{ ...mention('over $100 million'), value: 100000000, unit: 'USD', qualifier: 'over' }],
    events,
    facts: [],
    ...patch,
  };
  return AnalysisRecordSchema.parse(r);
}

test('gold scorer: the perfect record scores 1.0 on every layer', () => {
  const s = scoreRecord(record(), goldFile());
  assert.equal(s.events.prf.precision.value, 1);
  assert.equal(s.events.prf.recall.value, 1);
  assert.equal(s.events.prf.f1, 1);
  assert.deepEqual([s.events.date.value, s.events.modality.value, s.events.speaker.value], [1, 1, 1]);
  assert.equal(s.entities.prf.f1, 1);
  assert.equal(s.entities.mentionRecall.value, 1);
  assert.equal(s.entities.mentionRecall.d, 7, 'US ×2, Niger ×3, ECOWAS, Sabrina Singh');
  assert.equal(s.times.prf.f1, 1);
  assert.equal(s.quantities.prf.f1, 1);
  assert.deepEqual(s.events.missed, []);
  assert.deepEqual(s.events.falsePositives, []);
});

test('gold scorer: a wrong type is a miss and a false positive, with the reason', () => {
  const evs = perfectEvents();
  evs[0] = { ...evs[0], type: 'ACCUSE' };
  const s = scoreRecord(record(evs), goldFile());
  assert.equal(s.events.prf.recall.n, 2);
  assert.equal(s.events.prf.precision.n, 2);
  assert.equal(s.events.prf.precision.d, 3);
  assert.deepEqual(s.events.missed.map((m) => m.id), ['order']);
  assert.match(s.events.missed[0].near[0], /type ACCUSE not in \[REQUEST\]/);
  assert.deepEqual(s.events.falsePositives.map((f) => f.id), ['v1']);
});

test('gold scorer: a swapped actor fails a directed event but not CONSULT', () => {
  const evs = perfectEvents();
  evs[0] = { ...evs[0], actor: ['e1'], recipient: ['e2'] };
  evs[1] = { ...evs[1], actor: ['e2'], recipient: ['e1'] };
  const s = scoreRecord(record(evs), goldFile());
  assert.deepEqual(s.events.missed.map((m) => m.id), ['order']);
  assert.match(s.events.missed[0].near[0], /actor \[USA\] does not meet \[NER\]/);
  assert.equal(s.events.prf.recall.value, 2 / 3);
});

test('gold scorer: an extra event lowers precision only', () => {
  const evs = [...perfectEvents(), event('v9', 'ASSAULT', 'The US and Niger held talks', ['e1'], ['e2'])];
  const s = scoreRecord(record(evs), goldFile());
  assert.equal(s.events.prf.precision.value, 3 / 4);
  assert.equal(s.events.prf.recall.value, 1);
  assert.deepEqual(s.events.falsePositives.map((f) => f.id), ['v9']);
  assert.equal(s.events.falsePositives[0].evidence, 'The US and Niger held talks');
});

test('gold scorer: a missed required event lowers recall only; an optional one is not missed but counts when found', () => {
  const s = scoreRecord(record(perfectEvents().slice(0, 2)), goldFile());
  assert.equal(s.events.prf.recall.value, 2 / 3);
  assert.equal(s.events.prf.precision.value, 1);
  assert.deepEqual(s.events.missed.map((m) => m.id), ['lifted']);

  const withOptional = [...perfectEvents(), event('v4', 'SANCTION', 'sanctions on Niger', ['e3'], ['e2'])];
  const t = scoreRecord(record(withOptional), goldFile());
  assert.equal(t.events.prf.precision.value, 1, 'an optional gold event found is not a false positive');
  assert.equal(t.events.optionalFound, 1);
  assert.equal(t.events.recallAll.value, 1);
});

test('gold scorer: a duplicate event matches once; the second is a false positive', () => {
  const evs = [...perfectEvents(), { ...perfectEvents()[0], id: 'v1b' }];
  const s = scoreRecord(record(evs), goldFile());
  assert.equal(s.events.prf.precision.value, 3 / 4);
  assert.equal(s.events.falsePositives.length, 1);
});

test('gold scorer: maximum matching, not greedy order luck', () => {
  // v1 (first in output order) fits both gold events; v2 fits only "talks". Greedy would give
  // v1 → talks and leave "order" unmatched.
  const both = { start: 0, end: at('held talks').end };
  const evs = [
    event('v1', 'CONSULT', 'Niger ordered US troops to leave on Monday.', ['e1'], ['e2'], { evidence: [both] }),
    event('v2', 'CONSULT', 'held talks', ['e1'], ['e2']),
  ];
  const gold = goldFile({
    events: [
      { id: 'talks', cue: 'held talks', type: ['CONSULT'], actor: ['USA'], recipient: ['NER'], required: true },
      { id: 'order', cue: 'ordered US troops', type: ['CONSULT', 'REQUEST'], actor: ['USA'], recipient: ['NER'], required: true },
    ],
  });
  const s = scoreRecord(record(evs), gold);
  assert.equal(s.events.prf.recall.value, 1);
  assert.deepEqual(s.events.matches.map((m) => `${m.gold}=${m.event}`).sort(), ['order=v1', 'talks=v2']);
});

test('gold scorer: attributes — wrong date, modality and speaker each move their own figure', () => {
  const evs = perfectEvents();
  evs[0] = { ...evs[0], date: '2024-03-17' };
  evs[1] = { ...evs[1], attribution: { speaker: null, reporter: 'e4', verb: 'said', quote: false } };
  evs[2] = { ...evs[2], modality: 'negated' };
  const s = scoreRecord(record(evs), goldFile());
  assert.equal(s.events.prf.recall.value, 1, 'attributes do not decide the match');
  assert.deepEqual([s.events.date.n, s.events.date.d], [0, 1]);
  assert.deepEqual([s.events.modality.n, s.events.modality.d], [2, 3]);
  assert.deepEqual([s.events.speaker.n, s.events.speaker.d], [0, 1]);
  assert.deepEqual([s.events.speakerOrReporter.n, s.events.speakerOrReporter.d], [1, 1]);
  const errs = s.events.matches.flatMap((m) => m.errors);
  assert.ok(errs.some((e) => e.includes('date 2024-03-17 ≠ 2024-03-18')));
  assert.ok(errs.some((e) => e.includes('(given as reporter)')));
});

test('gold scorer: same_as — one event carrying both spans is fused and finds both', () => {
  const gold = goldFile({
    events: [
      { id: 'talks', cue: 'held talks', type: ['CONSULT'], actor: ['USA'], recipient: ['NER'], required: true },
      { id: 'talks-again', cue: 'ordered US troops', type: ['CONSULT'], actor: ['USA'], recipient: ['NER'], required: true, same_as: 'talks' },
    ],
  });
  const fused = event('v1', 'CONSULT', 'held talks', ['e1'], ['e2'], { evidence: [at('held talks'), at('ordered US troops')] });
  const s = scoreRecord(record([fused]), gold);
  assert.equal(s.events.fused.value, 1);
  assert.equal(s.events.prf.recall.value, 1, 'the fused twin is found');
  assert.equal(s.events.prf.precision.value, 1);

  const apart = [event('v1', 'CONSULT', 'held talks', ['e1'], ['e2']), event('v2', 'CONSULT', 'ordered US troops', ['e1'], ['e2'])];
  const t = scoreRecord(record(apart), gold);
  assert.equal(t.events.fused.value, 0);
  assert.equal(t.events.prf.recall.value, 1);
});

test('gold scorer: an IGO meets its gold short name through its code or aliases', () => {
  const r = record();
  r.entities[2] = { ...r.entities[2], code: null };
  const s = scoreRecord(r, goldFile());
  assert.deepEqual(s.events.missed, [], 'ECOWAS met by alias');
  assert.equal(s.entities.prf.recall.n, 3, 'but the entity itself lacks its code');
  assert.match(s.entities.missed[0].reason, /code null ≠ ECOWAS/);
});

test('gold scorer: entities — wrong type and an uncovered mention are counted and explained', () => {
  const r = record();
  r.entities[1] = { ...r.entities[1], type: 'location', mentions: r.entities[1].mentions };
  r.entities[0] = { ...r.entities[0], mentions: [r.entities[0].mentions[0]] };
  const s = scoreRecord(r, goldFile());
  assert.equal(s.entities.prf.recall.value, 3 / 4);
  assert.match(s.entities.missed[0].reason, /type location ≠ country/);
  // Niger's 3 occurrences are lost with its entity, and one "US" is uncovered.
  assert.equal(s.entities.mentionRecall.n, 3);
  assert.deepEqual(s.entities.missedMentions.map((m) => m.text), ['US', 'Niger', 'Niger', 'Niger']);
  assert.match(s.entities.missedMentions[1].coveredBy ?? '', /location/);
});

test('gold scorer: times and quantities need the value, unit and qualifier right', () => {
  const r = record(perfectEvents(), {
    times: [{ ...mention('Monday'), value: '2024-03-11', anchor: 'published' }],
    quantities: [{ ...mention('$100 million'), value: 100000000, unit: 'USD', qualifier: null }],
  });
  const s = scoreRecord(r, goldFile());
  assert.equal(s.times.found.value, 1);
  assert.equal(s.times.prf.recall.value, 0);
  assert.deepEqual(s.times.missed, [{ text: 'on Monday', expected: '2024-03-18', got: '2024-03-11' }]);
  assert.equal(s.quantities.prf.recall.value, 0);
});

test('gold scorer: cues and mentions are found after NFKC and white-space folding', () => {
  const gold = goldFile();
  gold.events[0].cue = 'ordered  US\u00a0troops to leave';
  const s = scoreRecord(record(), gold);
  assert.deepEqual(s.events.cuesNotFound, []);
  assert.equal(s.events.prf.recall.value, 1);
  const f = foldText('a\u00a0\u00a0ﬁne  day');
  assert.equal(f.text, 'a fine day');
  assert.deepEqual(findAll(f, 'fine day'), [{ start: 3, end: 11 }]);
  assert.deepEqual(findAll(foldText('USA and US'), 'US', { wordBounded: true }), [{ start: 8, end: 10 }]);
  assert.equal(nameKey('The Wall Street Journal'), nameKey('wall street journal'));
  assert.equal(nameKey('U.S.'), nameKey('US'));
});

test('gold scorer: facts match by force/host or facility name and score their fields', () => {
  const gold = goldFile({
    facts: [
      { kind: 'deployment', cue: 'US troops', force: 'USA', host: 'NER', personnel: 1000, asOf: '2024-03-18' },
      { kind: 'facility', cue: 'a deal', name: 'Air Base 201', host: 'NER', operator: 'USA', cost: { value: 100000000, currency: 'USD', qualifier: 'over' } },
    ],
  });
  const r = record(perfectEvents(), {
    facts: [
      { kind: 'deployment', force: 'e1', host: 'e2', personnel: 1000, asOf: null, evidence: [at('US troops')] },
      { kind: 'facility', name: 'Air Base 201', host: 'e2', operator: 'e1', function: null, cost: { value: 100000000, currency: 'USD', qualifier: 'over' }, evidence: [at('a deal')] },
    ],
  });
  const s = scoreRecord(r, gold);
  assert.equal(s.facts.prf.f1, 1);
  assert.deepEqual([s.facts.fields.n, s.facts.fields.d], [4, 5]);
  assert.match(s.facts.errors[0], /asOf null ≠ "2024-03-18"/);
});

test('gold scorer: totals add counts across documents and flatten to named metrics', () => {
  const a = scoreRecord(record(), goldFile());
  const b = scoreRecord(record(perfectEvents().slice(0, 1)), goldFile());
  const t = totals([a, b]);
  assert.equal(t.events.prf.recall.n, 4);
  assert.equal(t.events.prf.recall.d, 6);
  const m = goldMetrics(t);
  assert.equal(m['events.recall'], 4 / 6);
  assert.ok('entities.mentionRecall' in m && 'facts.fields' in m);
});

test('gold schema: refuses a same_as naming no event and an unknown type', () => {
  assert.throws(() => goldFile({ events: [{ id: 'a', cue: 'x', type: ['CONSULT'], same_as: 'b' }] }), /names no event/);
  assert.throws(() => goldFile({ events: [{ id: 'a', cue: 'x', type: ['CHAT'] }] }));
});

test('maxWeightMatching: optimal, one-to-one, positive pairs only', () => {
  assert.deepEqual(maxWeightMatching(2, 2, (r, c) => (r === 0 ? 1 : c === 0 ? 1 : 0)), [[0, 1], [1, 0]]);
  assert.deepEqual(maxWeightMatching(3, 1, (r) => (r === 2 ? 5 : 1)), [[2, 0]]);
  assert.deepEqual(maxWeightMatching(2, 3, () => 0), []);
  assert.deepEqual(maxWeightMatching(0, 3, () => 1), []);
});

test('checkFloors: below a floor, or a floor for an unmeasured metric, fails', () => {
  assert.deepEqual(checkFloors({ a: 0.5, b: 0.9 }, { a: 0.5, b: 0.8 }), []);
  assert.deepEqual(checkFloors({ a: 0.49 }, { a: 0.5 }), [{ metric: 'a', floor: 0.5, measured: 0.49 }]);
  assert.deepEqual(checkFloors({}, { gone: 0.1 }), [{ metric: 'gone', floor: 0.1, measured: null }]);
});
