import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, bestMatch, contentWords, matchEvent, mayMatch, partyKey, type AggReport, type CandidateEvent, type NewReport } from '../../src/kb/fusion.js';

const W = (s: string, names: string[] = []) => contentWords(s, new Set(names.flatMap((n) => n.toLowerCase().split(/\s+/))));

function report(p: Partial<NewReport> & { text: string; cue?: string }): NewReport {
  return {
    article: 99, type: 'SANCTION', modality: 'asserted', actor: new Set(['NER']), recipient: new Set(['USA']),
    range: { lo: '2024-03-16', hi: '2024-03-16' }, pubDay: '2024-03-17',
    words: W(p.text, ['Niger', 'US', 'United States']), cueWords: p.cue ? W(p.cue) : new Set(), ...p,
  };
}

function candidate(p: Partial<CandidateEvent> & { texts: string[]; cues?: string[] }): CandidateEvent {
  return {
    seq: 1, type: 'SANCTION', mclass: 'asserted', actor: new Set(['NER']), recipient: new Set(['USA']),
    dateLo: '2024-03-16', dateHi: '2024-03-17', dateFromPub: false, articles: new Set([1]),
    reports: p.texts.map((t, i) => ({ words: W(t, ['Niger', 'US', 'CNSP']), cueWords: W(p.cues?.[i] ?? '') })), ...p,
  };
}

const severSample = 'the CNSP, which took power in a July 2023 coup, said that it was severing military ties with the US';

test('fusion: two outlets, one severance (same type, same sides, same day, a shared content word)', () => {
  const m = matchEvent(report({ text: "Niger's military rulers have revoked an agreement that allowed American troops to operate in the country" }), candidate({ texts: [severSample] }));
  assert.ok(m);
  assert.equal(m!.rule, 'kb.fusion.same-type-dyad-day');
});

test('fusion: negative cases — what must NOT be fused', () => {
  const c = candidate({ texts: [severSample], cues: ['severing military ties'] });
  const table: [string, NewReport][] = [
    ['the other direction (a US sanction on Niger is another event)', report({ text: 'the US cut military ties with Niger', actor: new Set(['USA']), recipient: new Set(['NER']) })],
    ['a different recipient', report({ text: 'Niger severed military ties with France', recipient: new Set(['FRA']) })],
    ['a denial is not the act', report({ text: 'Niger has not severed military ties', modality: 'negated' })],
    ['a threat to sever is not the severance', report({ text: 'Niger may sever military ties', modality: 'hypothetical' })],
    ['a week apart', report({ text: 'Niger severed military ties with the US', range: { lo: '2024-03-25', hi: '2024-03-25' } })],
    ['unrelated type', report({ text: 'Niger severed military ties with the US', type: 'CONSULT' })],
    ['same article twice', report({ text: 'Niger severed military ties with the US', article: 1 })],
    ['same day, same sides, nothing in common', report({ text: 'Niger expelled the ambassador', cue: 'expelled' })],
  ];
  for (const [why, r] of table) assert.equal(matchEvent(r, c), null, why);
});

test('fusion: confusable types fuse only on close wording', () => {
  const c = candidate({ type: 'RETREAT', texts: ['ECOWAS backed down on its threat of military intervention'], actor: new Set(['ECOWAS']), recipient: new Set(['NER']) });
  const close = report({ type: 'CONCEDE', text: 'ECOWAS backed down from its threat of a military intervention', actor: new Set(['ECOWAS']), recipient: new Set(['NER']), range: { lo: '2024-03-17', hi: '2024-03-17' } });
  const far = report({ type: 'CONCEDE', text: 'ECOWAS said it regretted the sanctions', actor: new Set(['ECOWAS']), recipient: new Set(['NER']), range: { lo: '2024-03-17', hi: '2024-03-17' } });
  assert.equal(matchEvent(close, c)?.rule, 'kb.fusion.confusable-type');
  assert.equal(matchEvent(far, c), null);
});

test('fusion: talks are reported in either direction (symmetric types)', () => {
  const c = candidate({ type: 'CONSULT', texts: ['US and Nigerien officials held talks in Niamey'], actor: new Set(['USA']), recipient: new Set(['NER']) });
  const m = matchEvent(report({ type: 'CONSULT', text: 'Nigerien officials held talks with a US delegation in Niamey', actor: new Set(['NER']), recipient: new Set(['USA']), range: { lo: '2024-03-17', hi: '2024-03-17' } }), c);
  assert.ok(m);
  assert.equal(m!.swapped, true);
});

test('fusion: a few days apart with the same wording is one event whose date is disputed', () => {
  const c = candidate({ texts: ['Niger revoked the 2012 military accord with the United States with immediate effect'], dateLo: '2024-03-16', dateHi: '2024-03-16' });
  const m = matchEvent(report({ text: 'Niger revoked the 2012 military accord with the United States with immediate effect', range: { lo: '2024-03-19', hi: '2024-03-19' } }), c);
  assert.equal(m?.rule, 'kb.fusion.same-wording-date-disagreement');
});

test('fusion: undated reports match within the fortnight before publication only', () => {
  const c = candidate({ type: 'CONSULT', texts: ['a delegation of US officials visited the country'], cues: ['visited'], actor: new Set(['USA']), recipient: new Set(['NER']), dateLo: '2024-03-18', dateHi: '2024-03-18', dateFromPub: true });
  const r = (pub: string) => report({ type: 'CONSULT', text: 'a US delegation visited Niamey', cue: 'visited', actor: new Set(['USA']), recipient: new Set(['NER']), range: null, pubDay: pub });
  assert.ok(matchEvent(r('2024-03-17'), c));
  assert.equal(matchEvent(r('2024-06-30'), c), null);
});

test('fusion: the best of several candidates wins, the oldest on a tie', () => {
  const a = candidate({ seq: 5, texts: ['Niger severed military ties with the US'] });
  const b = candidate({ seq: 3, texts: ['Niger severed military ties with the US'] });
  const c = candidate({ seq: 1, texts: ['Niger suspended flights'] });
  assert.equal(bestMatch(report({ text: 'Niger severed its military ties with the US' }), [a, b, c])?.seq, 3);
});

test('fusion: mayMatch (what the store checks before loading a candidate\'s reports) says yes exactly where matchEvent can', () => {
  // Identical wording passes every word test, so matchEvent is then decided by what mayMatch
  // sees (type, modality, sides, dates): the two must agree on every combination.
  const text = 'Niger severed military ties with the United States';
  const sides = [new Set<string>(), new Set(['NER']), new Set(['USA']), new Set(['FRA'])];
  const ranges = [null, { lo: '2024-03-16', hi: '2024-03-16' }, { lo: '2024-03-18', hi: '2024-03-18' }, { lo: '2024-03-19', hi: '2024-03-19' }, { lo: '2024-03-21', hi: '2024-03-21' }];
  let yes = 0, no = 0;
  for (const [rt, et] of [['SANCTION', 'SANCTION'], ['RETREAT', 'CONCEDE'], ['CONSULT', 'CONSULT'], ['SANCTION', 'CONSULT']] as const) {
    for (const modality of ['asserted', 'future', 'negated'] as const) {
      for (const ra of sides) for (const rr of sides) for (const ea of sides) for (const er of sides) for (const range of ranges) for (const dateFromPub of [false, true]) {
        const r = report({ text, type: rt, modality, actor: ra, recipient: rr, range, cue: 'severed' });
        const c = candidate({ texts: [text], cues: ['severed'], type: et, actor: ea, recipient: er, dateFromPub, dateLo: '2024-03-16', dateHi: '2024-03-16' });
        const m = matchEvent(r, c) !== null;
        assert.equal(mayMatch(r, c), m, `${rt}/${et} ${modality} [${[...ra]}→${[...rr]}] vs [${[...ea]}→${[...er]}] ${range?.lo ?? 'undated'} fromPub=${dateFromPub}`);
        if (m) yes++; else no++;
      }
    }
  }
  assert.ok(yes > 100 && no > 100, `both outcomes exercised (${yes} yes, ${no} no)`);
});

test('fusion: party keys put state bodies on their country and keep rebels apart', () => {
  assert.equal(partyKey({ seq: 1, code: 'USA', sector: 'MIL', type: 'organization' }), 'USA');
  assert.equal(partyKey({ seq: 2, code: 'NER', sector: 'REB', type: 'group' }), 'NER/REB');
  assert.equal(partyKey({ seq: 3, code: null, sector: null, type: 'group' }), '#3');
});

function agg(p: Partial<AggReport> & { seq: number; article: string }): AggReport {
  return {
    key: `2024-03-17|${p.article}|ev${p.seq}`, group: p.seq, type: 'ASSAULT', mode: null, cameo: null, quad: 4, goldstein: null,
    date: '2024-03-16', lo: '2024-03-16', hi: '2024-03-16', pubDay: '2024-03-17', modality: 'asserted', location: null, contexts: [], quantities: [], ...p,
  };
}

test('aggregate: counts that disagree are kept with their sources, never averaged', () => {
  const a = aggregate([
    agg({ seq: 1, article: 'a', quantities: [{ value: 12, unit: 'killed', text: '12 killed' }] }),
    agg({ seq: 2, article: 'b', quantities: [{ value: 15, unit: 'killed', text: '15 killed' }] }),
    agg({ seq: 3, article: 'c' }),
  ]);
  const q = a.disagreements.find((d) => d.field === 'quantity');
  assert.ok(q);
  assert.equal(q!.detail, 'killed');
  assert.deepEqual(q!.values.map((v) => [v.value, v.articles]), [['12', ['a']], ['15', ['b']]]);
  assert.ok(!JSON.stringify(a).includes('13.5'), 'no average anywhere');
});

test('aggregate: the date most independent sources give wins; wire copies vote once', () => {
  const a = aggregate([
    agg({ seq: 1, article: 'orig', group: 1, date: '2024-03-17', lo: '2024-03-17', hi: '2024-03-17' }),
    agg({ seq: 2, article: 'copy1', group: 1, date: '2024-03-17', lo: '2024-03-17', hi: '2024-03-17' }),
    agg({ seq: 3, article: 'copy2', group: 1, date: '2024-03-17', lo: '2024-03-17', hi: '2024-03-17' }),
    agg({ seq: 4, article: 'x', group: 4, date: '2024-03-16' }),
    agg({ seq: 5, article: 'y', group: 5, date: '2024-03-16' }),
  ]);
  assert.equal(a.date, '2024-03-16');
  assert.equal(a.sources, 3);
  assert.equal(a.dateLo, '2024-03-16');
  assert.equal(a.dateHi, '2024-03-17');
});

test('aggregate: a precise date wins a tie over a vague one; undated events take publication days', () => {
  const a = aggregate([agg({ seq: 1, article: 'a', date: '2024-03' }), agg({ seq: 2, article: 'b', date: '2024-03-16' })]);
  assert.equal(a.date, '2024-03-16');
  const u = aggregate([agg({ seq: 1, article: 'a', date: null, lo: null, hi: null, pubDay: '2024-03-18' })]);
  assert.equal(u.date, null);
  assert.equal(u.dateFromPub, true);
  assert.equal(u.dateLo, '2024-03-18');
});
