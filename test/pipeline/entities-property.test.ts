/**
 * Invariants of the mentions and entities stages on generated text (fast-check): every mention
 * lies inside the text and quotes it exactly, mentions are in text order with unique ids, every
 * resolved mention points to an entity that lists it, entity ids run e1… in order of first
 * mention, only descriptors/pronouns/nested names overlap others, and output is identical across runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDoc } from '../../src/pipeline/index.js';

const WORDS = ['Niger', 'Nigeria', 'Nigerien', 'the', 'US', 'us', 'U.S.', 'Chad', 'Smith', 'said', 'its', 'it', 'government', "country's", 'Pentagon',
  'spokeswoman', 'Sabrina', 'Singh', 'Col.', 'Maj.', 'ECOWAS', '(', ')', ',', '.', 'in', 'Tehran', 'Kyiv', 'junta', 'officials', 'May', 'July', '2023',
  'National', 'Council', 'for', 'Homeland', 'CNSP', 'Georgia', 'Atlanta', 'turkey', 'Turkey', 'forces', 'Air', 'Base', '201', 'Goma', 'President',
  'former', 'Bazoum', 'al-Shabaab', 'Houthis', 'Red', 'Sea', 'known', 'as', 'military-led', 'Washington', 'Post', "Côte", "d'Ivoire", '\n\n'];

const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }).map((ws) => ws.join(' ').replace(/ ([,.)])/g, '$1'));

test('mentions and entities: invariants on generated text', () => {
  fc.assert(fc.property(textArb, (text) => {
    const d = analyzeDoc({ text }, { published: '2024-03-18' });
    const ids = new Set<string>();
    let last = -1;
    for (const m of d.mentions) {
      assert.ok(m.start >= 0 && m.end <= d.text.length && m.start < m.end);
      assert.equal(d.text.slice(m.start, m.end), m.text);
      assert.ok(!ids.has(m.id));
      ids.add(m.id);
      assert.ok(m.start >= last, 'text order');
      last = m.start;
      if (m.entity) assert.ok(d.entities.find((e) => e.id === m.entity)?.mentions.includes(m.id));
      if (m.kind === 'pronoun') assert.ok(m.entity, 'unresolved pronouns are dropped');
    }
    const first = d.entities.map((e) => Math.min(...e.mentions.map((id) => d.mentions.find((m) => m.id === id)!.start)));
    d.entities.forEach((e, i) => {
      assert.equal(e.id, `e${i + 1}`);
      if (i > 0) assert.ok(first[i] >= first[i - 1], 'ids follow first mention');
    });
    // plain names never overlap each other (descriptors, pronouns and names inside names may)
    const plain = d.mentions.filter((m) => m.kind !== 'descriptor' && m.kind !== 'pronoun' && !m.ref?.inside && m.ref?.of === undefined);
    for (let i = 1; i < plain.length; i++) {
      const a = plain[i - 1]; const b = plain[i];
      const nestedOwner = d.mentions.some((x) => x.ref?.of === a.id || x.ref?.of === b.id);
      if (!nestedOwner) assert.ok(a.end <= b.start, `"${a.text}" overlaps "${b.text}"`);
    }
    const again = analyzeDoc({ text }, { published: '2024-03-18' });
    assert.deepEqual(again.entities, d.entities);
    assert.deepEqual(again.mentions, d.mentions);
  }), { numRuns: 150, seed: 42 });
});
