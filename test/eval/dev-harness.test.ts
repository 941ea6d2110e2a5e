// The dev-set figures computed on hand-made records (no engine, no shared dir), so each
// definition in src/eval/dev-harness.ts is pinned by a test that can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord, EntityRecord, EventRecord } from '../../src/contract/analysis-schema.js';
import { evaluateMeantime, evaluatePetrarch, evaluatePlover, type Analyzer, type PloverInput } from '../../src/eval/dev-harness.js';

const ent = (id: string, code: string | null, extra: Partial<EntityRecord> = {}): EntityRecord => ({
  id, name: id, type: 'country', code, sector: null, wikidata: null, aliases: [], mentions: [], ...extra,
});
const ev = (id: string, type: EventRecord['type'], actor: string[], recipient: string[], start = 0, cameo: string | null = null): EventRecord => ({
  id, type, mode: null, contexts: [], actor, recipient, date: null, modality: 'asserted', attribution: null,
  evidence: [{ start, end: start + 1 }], confidence: 1, cameo, quad: 1, goldstein: null,
});
const rec = (text: string, entities: EntityRecord[], events: EventRecord[], times: AnalysisRecord['times'] = []): AnalysisRecord => ({
  schema: 'sitrep.analysis/1',
  article: { id: 'x', title: null, subtitle: null, authors: [], published: null, url: null, outlet: null, language: 'en', text },
  entities, times, quantities: [], events, facts: [],
});
/** A fake engine: the record for each text is given in a table. */
const fake = (table: Record<string, AnalysisRecord>): Analyzer => (text) => table[text] ?? rec(text, [], []);

const plover = (id: string, type: string, actors: string[], recipients: string[]): PloverInput => ({
  id, text: id, date: '2000-01-01', event_type_current_plover_guess: type,
  actors: actors.map((code) => ({ text: code, code, sector: null })),
  recipients: recipients.map((code) => ({ text: code, code, sector: null })),
});

test('dev harness, PLOVER: found, type, actor and recipient figures follow their definitions', () => {
  const rows = [
    plover('s1', 'AGREE', ['HUN'], ['ROU']), // right type, right actor, wrong recipient
    plover('s2', 'REQUEST', ['IGO'], ['IRQ']), // wrong type first, right type second; IGO met by a non-ISO code
    plover('s3', 'ASSAULT', ['ISR'], []), // nothing found
    plover('s4', 'PROTEST', ['USA'], ['CHN']), // wrong type only, actor wrong
  ];
  const run = fake({
    s1: rec('s1', [ent('h', 'HUN'), ent('g', 'DEU')], [ev('v1', 'AGREE', ['h'], ['g'])]),
    s2: rec('s2', [ent('u', 'UN', { type: 'organization' }), ent('i', 'IRQ')], [ev('v1', 'ACCUSE', ['i'], ['u'], 0), ev('v2', 'REQUEST', ['u'], ['i'], 5)]),
    s4: rec('s4', [ent('c', 'CHN'), ent('us', 'USA')], [ev('v1', 'ACCUSE', ['c'], ['us'])]),
  });
  const r = evaluatePlover(rows, undefined, run);
  assert.deepEqual([r.eventFound.n, r.eventFound.d], [3, 4]);
  assert.deepEqual([r.typeRight.n, r.typeRight.d], [2, 3]);
  assert.deepEqual([r.actorAccuracy.n, r.actorAccuracy.d], [2, 3], 's2 scores its REQUEST event, not the first one');
  assert.deepEqual([r.recipientAccuracy.n, r.recipientAccuracy.d], [1, 3]);
  // Recall counts every event of the sentence: s4's USA is a recipient, not an actor.
  assert.deepEqual([r.actorRecall.n, r.actorRecall.d], [2, 4]);
  assert.deepEqual([r.recipientRecall.n, r.recipientRecall.d], [1, 3]);
  assert.deepEqual(r.noEvent.map((x) => x.id), ['s3']);
  assert.deepEqual(r.confusions, [{ gold: 'PROTEST', predicted: 'ACCUSE', count: 1 }]);
  assert.deepEqual(r.byType.map((t) => t.type), ['AGREE', 'ASSAULT', 'PROTEST', 'REQUEST']);
});

test('dev harness, PETRARCH: CAMEO roots per sentence, no-event rate, unit tests kept apart', () => {
  const rows = [
    { id: 'up-gsr:1', text: 'a', date: '20080101', expected: [{ cameo_code: '040' }, { cameo_code: '042' }, { cameo_code: '190' }], expect_no_events: false },
    { id: 'up-gsr:2', text: 'b', date: '20080101', expected: [], expect_no_events: true },
    { id: 'up-gsr:3', text: 'c', date: '20080101', expected: [], expect_no_events: true },
    { id: 'petr2-unittest:1', text: 'd', date: '19950101', expected: [{ cameo_code: '064' }], expect_no_events: false },
  ];
  const run = fake({
    a: rec('a', [], [ev('v1', 'CONSULT', [], [], 0, '043'), ev('v2', 'PROTEST', [], [], 1, '141')]),
    c: rec('c', [], [ev('v1', 'ACCUSE', [], [], 0, '112')]),
  });
  const r = evaluatePetrarch(rows, undefined, run);
  // expected roots {04, 19}: 04 agrees; ours {04, 14}: one of two is expected.
  assert.deepEqual([r.upGsr.cameoRoot.n, r.upGsr.cameoRoot.d], [1, 2]);
  assert.deepEqual([r.upGsr.rootPrecision.n, r.upGsr.rootPrecision.d], [1, 2]);
  assert.deepEqual([r.upGsr.noEvent.n, r.upGsr.noEvent.d], [1, 2]);
  assert.deepEqual(r.upGsr.spurious, ['up-gsr:3']);
  assert.deepEqual([r.unittest.eventFound.n, r.unittest.eventFound.d], [0, 1]);
  assert.equal(r.upGsr.sentences, 3);
});

test('dev harness, MEANTIME: time values by overlapping span, named mentions by overlap', () => {
  const text = 'Boeing lost\nMarch 01, 2008\nOn Thursday, Airbus parent EADS won last week.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const doc = {
    doc_id: 'd1', dct: '2008-03-01', text,
    entity_mentions: [
      { ...at('Boeing'), syntactic_type: 'NAM', ent_type: 'ORG' },
      { ...at('Airbus parent EADS'), syntactic_type: 'NAM', ent_type: 'ORG' },
      { ...at('parent'), syntactic_type: 'NOM', ent_type: 'ORG' }, // not named: not counted
    ],
    timex3: [
      { ...at('March 01, 2008'), type: 'DATE', value: '2008-03-01', functionInDocument: 'CREATION_TIME' },
      { ...at('Thursday'), type: 'DATE', value: '2008-02-28', functionInDocument: 'NONE' },
      { ...at('last week'), type: 'DATE', value: '2008-W08', functionInDocument: 'NONE' },
      { type: 'DATE', value: '2058', functionInDocument: 'NONE' }, // no span: not counted
    ],
  };
  const mine = rec(text, [ent('e', null, { type: 'organization', mentions: [{ ...at('EADS') }] })], [], [
    { ...at('March 01, 2008'), value: '2008-03-01', anchor: 'absolute' },
    { ...at('Thursday'), value: '2008-03-06', anchor: 'published' },
    { ...at('last week'), value: '2008-02-18/2008-02-24', anchor: 'published' },
  ]);
  const r = evaluateMeantime([doc], undefined, fake({ [text]: mine }));
  assert.deepEqual([r.timeValues.n, r.timeValues.d], [2, 3]);
  assert.deepEqual([r.timeValuesBody.n, r.timeValuesBody.d], [1, 2]);
  assert.deepEqual([r.timeFound.n, r.timeFound.d], [3, 3]);
  assert.deepEqual(r.wrongTimes.map((w) => w.text), ['Thursday']);
  assert.deepEqual([r.entityRecall.n, r.entityRecall.d], [1, 2]);
  assert.deepEqual([r.entityRecallStrict.n, r.entityRecallStrict.d], [0, 2]);
});
