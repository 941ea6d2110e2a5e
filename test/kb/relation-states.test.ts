import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyState } from '../../src/kb/relation-states.js';
import type { EventView } from '../../src/store/store.js';
import type { Modality, PloverType } from '../../src/contract/analysis-schema.js';

function ev(type: PloverType, text: string, modality: Modality = 'asserted', contexts: string[] = []): EventView {
  return {
    id: 'ev1', type, mode: null, contexts, cameo: null, quad: 3, goldstein: null, ploverScore: null, actor: [], recipient: [],
    date: '2024-01-01', dateLo: '2024-01-01', dateHi: '2024-01-01', dateFromPublication: false, modality, location: null, sources: 1,
    reports: [{
      id: 'r1', article: { id: 'a', url: null, title: null, outlet: null, published: null, duplicateOf: null }, recordEventId: 'ev1', type, mode: null, cameo: null,
      evidence: [{ start: 0, end: text.length, text }], cue: null, date: null, modality, speaker: null, reporter: null, verb: null, quote: false, confidence: 1,
      quantities: [], actorNames: [], recipientNames: [], rules: [],
    }],
    disagreements: [], summary: '',
  };
}

test('state log: changes read from event types and wording', () => {
  const cases: [PloverType, string, string, string][] = [
    ['SANCTION', 'the CNSP said that it was severing military ties with the US', 'military cooperation', 'severed'],
    ['SANCTION', 'Mali suspended its defence agreement with France', 'military cooperation', 'suspended'],
    ['SANCTION', 'Russia expelled two British diplomats', 'diplomatic presence', 'ordered out'],
    ['REQUEST', 'an order from the country’s government for US forces to leave', 'military presence', 'ordered out'],
    ['SANCTION', 'the EU imposed sanctions on the junta', 'sanctions', 'imposed'],
    ['RETREAT', 'ECOWAS lifted harsh sanctions it imposed on Niger', 'sanctions', 'lifted'],
    ['RETREAT', 'France withdrew its last soldiers from Niger in December', 'military presence', 'withdrawn'],
    ['AGREE', 'the two countries restored diplomatic relations', 'diplomatic relations', 'restored'],
    ['COOPERATE', 'Niger and Russia signed a military cooperation agreement', 'military cooperation', 'agreed'],
    ['SANCTION', 'Ghana suspended trade with its neighbour', 'economic ties', 'suspended'],
  ];
  for (const [type, text, domain, state] of cases) assert.deepEqual(classifyState(ev(type, text)), { domain, state }, text);
});

test('state log: what does not change a state', () => {
  assert.equal(classifyState(ev('SANCTION', 'Niger may sever military ties with the US', 'hypothetical')), null, 'a possibility');
  assert.equal(classifyState(ev('SANCTION', 'Niger has not severed military ties', 'negated')), null, 'a denial');
  assert.equal(classifyState(ev('CONSULT', 'officials held talks on restoring ties')), null, 'talks about it');
  assert.equal(classifyState(ev('ACCUSE', 'the US accused the CNSP of a secret deal')), null, 'an accusation');
});
