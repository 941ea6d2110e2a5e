/**
 * Acceptance on real analyzer output: the sample article plus two articles about the same
 * events (examples/: a second outlet, and a wire copy of it), ingested as text files through the
 * whole pipeline. One fused event per real event with all its reports, nothing changed by a
 * re-ingest, and the US–Niger timeline and posture as the articles tell them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { ingest } from '../../src/ingest/ingest.js';
import { SAMPLE_FILE, SECOND_FILE, WIRE_FILE } from './niger-fixtures.js';
import { readFileSync } from 'node:fs';

test('acceptance: three articles on the US–Niger rupture become one sourced record', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-accept-'));
  const store = await openStore(join(dir, 'kb.db'));
  try {
    const files = [SAMPLE_FILE, SECOND_FILE, WIRE_FILE];
    const s = await ingest(store, files);
    assert.equal(s.failed, 0, JSON.stringify(s.failures));
    assert.equal(s.new, 3);
    assert.equal(s.duplicates, 1, 'the wire copy is recognised as a copy');

    const articleOf = new Map<string, string>();
    for (const f of files) {
      const a = (await store.articles({ limit: 10 })).items.find((x) => (x.title ?? '') === readFileSync(f, 'utf8').split('\n')[0]);
      assert.ok(a, f);
      articleOf.set(f, a!.id);
    }

    // The severance of military ties: one event, reported by all three, the copy counted once.
    const sever = (await store.events({ actor: 'NER', recipient: 'USA', from: '2024-03-15', to: '2024-03-18', limit: 100 })).items
      .filter((e) => e.type === 'SANCTION');
    assert.equal(sever.length, 1, `one severance, not one per article: ${sever.map((e) => e.summary).join(' | ')}`);
    assert.deepEqual(new Set(sever[0].reports.map((r) => r.article.id)), new Set(files.map((f) => articleOf.get(f))));
    assert.equal(sever[0].sources, 2);

    // The US delegation's visit, told by both outlets.
    const visits = (await store.events({ actor: 'USA', recipient: 'NER', type: 'CONSULT', limit: 100 })).items
      .filter((e) => e.reports.some((r) => /visit/i.test(r.evidence.map((x) => x.text).join(' '))));
    assert.equal(visits.length, 1, visits.map((e) => e.summary).join(' | '));
    assert.ok(visits[0].reports.length >= 2);

    // Nothing changes on a second ingest.
    const before = await store.stats();
    const again = await ingest(store, files, { force: true });
    assert.equal(again.unchanged, 3);
    assert.deepEqual(await store.stats(), before);

    // The relation: NER severed military cooperation with the USA in mid-March 2024; the US answered.
    const t = await store.timeline('USA', 'NER', { period: 'month' });
    const march = t.periods.find((p) => p.period === '2024-03');
    assert.ok(march && march.events >= 4);
    assert.ok(march!.quad[3] + march!.quad[4] > march!.quad[1] + march!.quad[2], 'a month of conflict more than cooperation');
    const severed = t.states.find((x) => x.state === 'severed' && x.domain === 'military cooperation');
    assert.ok(severed, t.states.map((x) => x.sentence).join(' | '));
    assert.ok(severed!.date && severed!.date.startsWith('2024-03-1'));
    assert.ok(severed!.by.some((a) => a.code === 'NER') && severed!.toward.some((a) => a.code === 'USA'));

    // Posture: US forces in Niger, 1,000 according to the Pentagon (18 March), about 1,100 according to the other outlet; Air Base 201.
    const p = await store.posture('NER');
    const us = p.deployments.find((d) => d.force.code === 'USA');
    assert.ok(us, 'US deployment in Niger');
    assert.deepEqual(us!.observations.map((o) => o.personnel).sort(), [1000, 1100]);
    assert.ok(p.facilities.some((f) => /Air Base 201/.test(f.name)));
  } finally { await store.close(); rmSync(dir, { recursive: true, force: true }); }
});
