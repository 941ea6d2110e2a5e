/**
 * The store conformance suite: every backend runs exactly these tests against a real database
 * (hono's common.case.test.ts, kysely's per-dialect loops). A backend passes when it behaves the
 * same as the others on ingest, fusion, the actor registry, queries, relations, posture,
 * search, exports and consistency checks.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store.js';
import { sampleRecord, secondRecord, wireRecord } from '../kb/niger-fixtures.js';
import { buildRecord } from '../kb/record-builder.js';
import { exportStore } from '../../src/kb/exports.js';

export interface Backend {
  /** a fresh, empty store */
  open(): Promise<Store>;
  /** removes what open() created (files, schemas) after the suite */
  cleanup(): Promise<void>;
}

const sever = (s: Store) => s.events({ actor: 'NER', recipient: 'USA', type: 'SANCTION', from: '2024-03-01', to: '2024-03-31' });

export function storeConformance(name: string, backend: () => Promise<Backend | null>): void {
  describe(`store conformance: ${name}`, () => {
    let b: Backend | null = null;
    let store: Store;
    before(async () => {
      b = await backend();
      if (b) store = await b.open();
    });
    after(async () => {
      if (b) { await store?.close(); await b.cleanup(); }
    });
    const it = (title: string, fn: () => Promise<void>) => test(title, async (t) => {
      if (!b) { t.skip(`${name} unavailable`); return; }
      await fn();
    });

    it('ingests three articles: new, new, and a wire copy detected as a near-duplicate', async () => {
      const r1 = await store.ingestRecord(sampleRecord(), { origin: 'sample.txt' });
      assert.equal(r1.status, 'new');
      assert.equal(r1.reports, 8);
      assert.equal(r1.newEvents, 8);
      const r2 = await store.ingestRecord(secondRecord());
      assert.equal(r2.status, 'new');
      assert.equal(r2.duplicateOf, null);
      assert.ok(r2.fusedEvents >= 3, `second outlet fuses into the sample's events (${r2.fusedEvents})`);
      const r3 = await store.ingestRecord(wireRecord());
      assert.equal(r3.duplicateOf, 'sahel-monitor', 'the wire copy is a near-duplicate of the second article');
      assert.equal(r3.newEvents, 0, 'every event of the wire copy is already known');
      assert.deepEqual(await store.check(), []);
    });

    it('re-ingesting the same records changes nothing', async () => {
      const before = await store.stats();
      for (const r of [sampleRecord(), secondRecord(), wireRecord()]) {
        const res = await store.ingestRecord(r);
        assert.equal(res.status, 'unchanged');
      }
      const after = await store.stats();
      assert.deepEqual({ ...after, location: '' }, { ...before, location: '' });
    });

    it('fuses one real event reported by three articles, keeping the date disagreement with its sources', async () => {
      const page = await sever(store);
      assert.equal(page.items.length, 1, 'one fused event, not one per article');
      const e = page.items[0];
      assert.equal(e.reports.length, 3);
      assert.deepEqual(new Set(e.reports.map((r) => r.article.id)), new Set(['sample', 'sahel-monitor', 'west-africa-wire']));
      assert.equal(e.sources, 2, 'the wire copy counts once');
      assert.equal(e.date, '2024-03-16', 'two independent sources give the 16th');
      const d = e.disagreements.find((x) => x.field === 'date');
      assert.ok(d, 'the date disagreement is kept');
      assert.deepEqual(d!.values.map((v) => v.value).sort(), ['2024-03-16', '2024-03-16/2024-03-17']);
      assert.deepEqual(d!.values.find((v) => v.value === '2024-03-16/2024-03-17')!.articles, ['sample']);
      const speakers = e.reports.map((r) => r.speaker?.name).sort();
      assert.deepEqual(speakers, ['Amadou Abdramane', 'Amadou Abdramane', 'National Council for the Safeguard of the Homeland']);
      const sample = e.reports.find((r) => r.article.id === 'sample')!;
      assert.equal(sample.evidence[0].text, 'the CNSP, which took power in a July 2023 coup, said that it was severing military ties with the US');
      assert.equal(sample.cue?.text, 'severing military ties');
    });

    it('fuses reports that differ in speaker and keeps each speaker (who says so)', async () => {
      const page = await store.events({ actor: 'USA', recipient: 'NER', type: 'ACCUSE' });
      assert.equal(page.items.length, 1);
      const speakers = new Set(page.items[0].reports.map((r) => r.speaker?.name));
      assert.ok(speakers.has('The Wall Street Journal') && speakers.has('Amadou Abdramane'));
    });

    it('keeps distinct events apart: a 2023 suspension is not the 2024 severance', async () => {
      const all = await store.events({ party: 'USA', other: 'NER', type: 'SANCTION', withTotal: true });
      assert.equal(all.total, 2);
      const talks = await store.events({ actor: 'USA', recipient: 'NER', type: 'CONSULT' });
      assert.equal(talks.items.length, 2, 'the visit and the talks of the 18th are two events');
    });

    it('registers one canonical actor per entity, with aliases and offices', async () => {
      const cnsp = await store.actor('CNSP');
      assert.ok(cnsp);
      assert.equal(cnsp!.name, 'National Council for the Safeguard of the Homeland');
      assert.ok(cnsp!.aliases.includes('CNSP'));
      const niger = await store.actor('NER');
      assert.equal(niger!.type, 'country');
      assert.equal(niger!.wikidata, 'Q1032');
      assert.equal((await store.actors({ q: 'Niger', type: 'country', withTotal: true })).total, 1, 'one Niger across three articles');
      const singh = await store.actor('Sabrina Singh');
      assert.equal(singh!.offices[0].role, 'spokeswoman');
      assert.equal(singh!.offices[0].of?.name, 'Pentagon');
      assert.equal(singh!.offices[0].from, '2024-03-18');
      const abd = await store.actor('Amadou Abdramane');
      assert.equal(abd!.articles, 3);
      assert.equal(abd!.offices[0].of?.name, 'National Council for the Safeguard of the Homeland');
      assert.equal(abd!.offices[0].articles.length, 3);
      assert.equal((await store.actor('Mohamed Bazoum'))!.offices[0].former, true);
      assert.equal(await store.actor('Nobody Atall'), null);
      const byQ = await store.actor('Q30');
      assert.equal(byQ!.code, 'USA');
      const refs = await store.resolveActors('United States');
      assert.ok(refs.some((r) => r.name === 'Pentagon'), 'a country stands for its bodies');
    });

    it('filters events by every criterion', async () => {
      const ids = async (q: Parameters<Store['events']>[0]) => (await store.events({ ...q, limit: 100 })).items.map((e) => e.id).sort();
      const all = await ids({});
      assert.equal(all.length, (await store.stats()).events);
      assert.ok((await ids({ actor: 'FRA' })).length === 1);
      assert.deepEqual(await ids({ recipient: 'FRA' }), []);
      assert.equal((await ids({ type: 'RETREAT' })).length, 2);
      assert.equal((await ids({ type: ['RETREAT', 'SANCTION'] })).length, 4);
      assert.equal((await ids({ quad: 1 })).length, (await store.events({ type: ['CONSULT', 'AGREE', 'SUPPORT', 'CONCEDE'], limit: 100 })).items.length);
      assert.deepEqual(await ids({ modality: 'negated' }), []);
      assert.equal((await ids({ from: '2023-12-01', to: '2023-12-31' })).length, 2, 'December 2023: the French withdrawal and the 2023 suspension (a year-long range)');
      assert.equal((await ids({ source: 'Antiwar.com' })).length, 8);
      assert.equal((await ids({ source: 'https://westafricawire.example/niger-us-accord' })).length, 5);
      assert.equal((await store.stats()).fusedEvents, 6);
      assert.equal((await ids({ minSources: 2 })).length, 4, 'two events reported only by the second article and its wire copy have one source');
      assert.deepEqual(await ids({ text: 'uranium' }), await ids({ actor: 'USA', recipient: 'NER', type: 'ACCUSE' }));
      assert.deepEqual(await ids({ text: '"military ties"' }), (await sever(store)).items.map((e) => e.id));
      assert.deepEqual(await ids({ text: 'zanzibar' }), []);
      assert.deepEqual(await ids({ text: '"*(' }), [], 'a malformed query matches nothing, never an SQL error');
      assert.deepEqual(await ids({ actor: 'Atlantis' }), []);
      const nerIds = await ids({ party: 'Niger' });
      assert.deepEqual(nerIds, await ids({ party: 'NER' }));
      const cnsp = await ids({ party: 'CNSP' });
      assert.equal(cnsp.length, 2, 'a body stands for itself: the severance and the accusation it is named in');
      assert.ok(cnsp.every((id) => nerIds.includes(id)), 'while its country stands for all its bodies');
      const p1 = await store.events({ limit: 3, offset: 0, withTotal: true });
      const p2 = await store.events({ limit: 3, offset: 3 });
      assert.equal(p1.total, all.length);
      assert.equal(p1.items.length, 3);
      assert.ok(p1.items.every((e) => !p2.items.some((x) => x.id === e.id)), 'pages do not overlap');
      const dates = p1.items.map((e) => e.dateLo ?? '');
      assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
      const asc = await store.events({ order: 'date-asc', limit: 100 });
      assert.equal(asc.items[0].date, '2023', 'oldest first on request');
      const one = await store.event(p1.items[0].id);
      assert.deepEqual(one, p1.items[0]);
      assert.equal(await store.event('ev999999'), null);
      assert.equal(await store.event('nonsense'), null);
    });

    it('pages events read in date order from the dyad and full-text indexes exactly as the unpaged filter', async () => {
      // exportEvents applies every filter as a plain condition on the events (no index read in
      // order); a page of events() must be the same events, newest first, seq breaking ties.
      const reference = async (q: Parameters<Store['events']>[0]) => {
        const all: { id: string; lo: string | null }[] = [];
        for await (const e of store.exportEvents(q)) all.push({ id: e.id, lo: e.dateLo });
        const seq = (id: string) => Number(id.slice(2));
        const desc = all.sort((a, b) => (a.lo === b.lo ? seq(b.id) - seq(a.id) : a.lo === null ? 1 : b.lo === null ? -1 : a.lo < b.lo ? 1 : -1)).map((x) => x.id);
        return q?.order === 'date-asc' ? [...all].sort((a, b) => (a.lo === b.lo ? seq(a.id) - seq(b.id) : a.lo === null ? 1 : b.lo === null ? -1 : a.lo < b.lo ? -1 : 1)).map((x) => x.id) : desc;
      };
      // an undated article and event (no publication date, no date in the text): listed last
      const undated = buildRecord({
        id: 'undated', url: 'https://undated.example/1', outlet: 'Undated Wire',
        text: 'Chad moves troops\n\nChad deployed troops near its border with Sudan and the uranium mines, officials said.',
        entities: { tcd: { name: 'Chad', type: 'country', code: 'TCD' }, sdn: { name: 'Sudan', type: 'country', code: 'SDN' } },
        events: [{ type: 'MOBILIZE', actor: ['tcd'], recipient: ['sdn'], evidence: 'Chad deployed troops near its border with Sudan and the uranium mines', cue: 'deployed' }],
      });
      assert.equal((await store.ingestRecord(undated)).newEvents, 1);
      const queries: Parameters<Store['events']>[0][] = [
        { text: 'troops', order: 'date-asc' }, { text: 'uranium troops', order: 'date-asc' }, { text: 'troops OR withdraw*', order: 'date-asc' }, { party: 'TCD', order: 'date-asc' },
        { party: 'Chad', other: 'Sudan', order: 'date-asc' }, { text: 'troops' }, { party: 'TCD' },
        { actor: 'NER', recipient: 'USA' }, { actor: 'USA', recipient: 'NER' }, { party: 'USA', other: 'Niger' }, { party: 'Niger', other: 'USA', order: 'date-asc' },
        { actor: 'NER' }, { recipient: 'USA' }, { party: 'NER' }, { party: 'CNSP', other: 'USA' }, { actor: 'CNSP', recipient: 'USA' }, { actor: 'USA', recipient: 'CNSP' },
        { party: 'NER', from: '2024-01-01', to: '2024-12-31' }, { actor: 'NER', recipient: 'USA', from: '2024-03-10' }, { party: 'USA', other: 'NER', to: '2024-03-20' },
        { text: 'uranium' }, { text: '"military ties"' }, { text: 'troops OR uranium' }, { text: 'military US' }, { text: 'withdraw*', from: '2023-06-01', to: '2024-12-31' },
        { text: 'troops', to: '2024-05-01' }, { text: 'US', actor: 'NER' }, { actor: 'NER', recipient: 'USA', text: 'ties' }, { party: 'NER', type: 'SANCTION' },
        { party: 'Niger', other: 'USA', minSources: 2 }, { actor: 'NER', source: 'Antiwar.com' },
      ];
      for (const q of queries) {
        const ref = await reference(q);
        const page = await store.events({ ...q, limit: 1000, withTotal: true });
        assert.deepEqual(page.items.map((e) => e.id), ref, JSON.stringify(q));
        assert.equal(page.total, ref.length, `total of ${JSON.stringify(q)}`);
        if (ref.length > 2) {
          const p2 = await store.events({ ...q, limit: 2, offset: 1, withTotal: true });
          assert.deepEqual(p2.items.map((e) => e.id), ref.slice(1, 3), `page 2 of ${JSON.stringify(q)}`);
          assert.equal(p2.total, ref.length);
        }
      }
      assert.ok((await reference({ party: 'NER' })).length > 5, 'the queries above have something to order');
      const asc = (await store.events({ text: 'troops', order: 'date-asc', limit: 1000 })).items;
      assert.ok(asc.length >= 2 && asc[asc.length - 1].dateLo === null && asc[0].dateLo !== null, 'undated last, oldest first');
      const total = (await store.events({ text: 'troops', order: 'date-asc', withTotal: true })).total!;
      for (const offset of [0, total - 2, total - 1, total, total + 3]) {
        const p = await store.events({ text: 'troops', order: 'date-asc', limit: 1, offset });
        assert.deepEqual(p.items.map((e) => e.id), asc.slice(offset, offset + 1).map((e) => e.id), `offset ${offset}`);
      }
      assert.equal(await store.deleteArticle('undated'), true);
      assert.deepEqual(await store.check(), []);
    });

    it('matches a full-text query only when one report holds all its words, not when they are split across a fused event\'s reports', async () => {
      const fused = (await store.events({ limit: 100 })).items.filter((e) => e.reports.length > 1);
      assert.ok(fused.length > 0);
      const words = (t: string) => new Set((t.toLowerCase().match(/[a-z]{6,}/g) ?? []));
      let tried = 0;
      for (const e of fused) {
        const texts = e.reports.map((r) => r.evidence.map((s) => s.text).join(' '));
        const [w0, w1] = [words(texts[0]), words(texts[1])];
        const stem = (w: string) => w.slice(0, 5);
        const only0 = [...w0].find((w) => texts.slice(1).every((t) => ![...words(t)].some((x) => stem(x) === stem(w))));
        const only1 = [...w1].find((w) => texts.filter((_, i) => i !== 1).every((t) => ![...words(t)].some((x) => stem(x) === stem(w))));
        if (!only0 || !only1) continue;
        tried++;
        const ids = (await store.events({ text: `${only0} ${only1}`, limit: 100 })).items.map((x) => x.id);
        assert.ok(!ids.includes(e.id), `"${only0} ${only1}" is in two reports of ${e.id}, in none alone`);
        assert.ok((await store.events({ text: `${only0} OR ${only1}`, limit: 100 })).items.some((x) => x.id === e.id));
        assert.ok((await store.events({ text: only0, limit: 100 })).items.some((x) => x.id === e.id));
      }
      assert.ok(tried > 0, 'some fused event has words of its own in two reports');
    });

    it('gives the US–Niger timeline with quad classes, scores per period and the state log', async () => {
      const t = await store.timeline('USA', 'Niger', { period: 'month' });
      assert.equal(t.aLabel, 'USA');
      assert.equal(t.bLabel, 'NER');
      const march = t.periods.find((p) => p.period === '2024-03');
      assert.ok(march);
      assert.equal(march!.events, t.events.filter((e) => e.dateLo!.startsWith('2024-03')).length);
      assert.equal(march!.quad[1] + march!.quad[2] + march!.quad[3] + march!.quad[4], march!.events);
      assert.equal(march!.aToB + march!.bToA, march!.events);
      assert.ok(march!.ploverScoreSum < 0, 'a month of conflict');
      const sev = t.states.find((s) => s.state === 'severed');
      assert.ok(sev, 'the severance is in the state log');
      assert.equal(sev!.domain, 'military cooperation');
      assert.equal(sev!.date, '2024-03-16');
      assert.match(sev!.sentence, /^military cooperation NER–USA: severed 2024-03-16 according to [^;]*CNSP/);
      assert.ok(sev!.responses.some((r) => /clarification/.test(r.summary)), 'the US answer (seeking clarification) is attached');
      const week = await store.timeline('USA', 'NER', { period: 'week' });
      assert.ok(week.periods.some((p) => p.period === '2024-W11'));
      const directed = await store.timeline('NER', 'USA', { directed: true });
      assert.ok(directed.events.every((e) => e.actor.some((a) => a.code === 'NER')));
      const none = await store.timeline('USA', 'Atlantis');
      assert.deepEqual(none.events, []);
    });

    it('gives the force posture in Niger with every figure and its sources', async () => {
      const p = await store.posture('NER');
      assert.equal(p.deployments.length, 1);
      const us = p.deployments[0];
      assert.equal(us.force.code, 'USA');
      const figures = us.observations.map((o) => [o.personnel, o.sources.length]);
      assert.deepEqual(figures, [[1100, 2], [1000, 1]], 'the reports disagree and both figures are kept');
      assert.equal(us.latest?.personnel, 1000);
      assert.equal(us.latest?.sources[0].speaker?.name, 'Sabrina Singh');
      assert.equal(p.facilities.length, 1);
      assert.equal(p.facilities[0].name, 'Air Base 201');
      assert.equal(p.facilities[0].operator?.code, 'USA');
      assert.equal(p.facilities[0].sources.length, 3);
      assert.ok(p.movements.some((e) => e.type === 'REQUEST' && e.actor.some((a) => a.code === 'NER')), 'the order to leave');
      assert.deepEqual((await store.posture('FRA')).deployments, []);
    });

    it('searches evidence and article text', async () => {
      const r = await store.search({ text: 'uranium' });
      assert.equal(r.events.length, 1);
      assert.match(r.events[0].snippet, /uranium/);
      assert.equal(r.articles.length, 3);
      assert.deepEqual((await store.search({ text: '   ' })).events, []);
    });

    it('returns an article with its record and the map to fused events and actors', async () => {
      const a = await store.article('sample');
      assert.ok(a);
      assert.deepEqual(a!.record, sampleRecord());
      assert.equal(Object.keys(a!.eventMap).length, 8);
      assert.equal(a!.origin, 'sample.txt');
      const byUrl = await store.article('https://sahelmonitor.example/2024/03/17/niger-revokes-us-military-accord');
      assert.equal(byUrl!.id, 'sahel-monitor');
      assert.deepEqual(byUrl!.duplicates, ['west-africa-wire']);
      const ev = await store.event(a!.eventMap['ev4']);
      assert.equal(ev!.type, 'SANCTION');
      assert.ok(a!.actorMap['e1'].startsWith('a'));
      assert.equal(await store.article('nope'), null);
      const list = await store.articles({ withTotal: true });
      assert.equal(list.total, 3);
      assert.equal((await store.articles({ text: 'uranium' })).items.length, 3);
    });

    it('replaces a corrected version (same URL, new text) without orphans', async () => {
      const before = await store.stats();
      const rec = secondRecord();
      rec.article.text = rec.article.text.replace('About 1,100 US troops', 'About 1,200 US troops');
      rec.quantities[0].text = '1,200 US troops';
      rec.quantities[0].value = 1200;
      (rec.facts[0] as { personnel: number }).personnel = 1200;
      rec.events = rec.events.filter((e) => e.type !== 'RETREAT');
      const res = await store.ingestRecord(rec);
      assert.equal(res.status, 'replaced');
      const after = await store.stats();
      assert.equal(after.articles, before.articles);
      assert.equal(after.reports, before.reports - 1, 'the dropped event lost its report');
      assert.deepEqual(await store.check(), [], 'no orphan events, reports or actors');
      const p = await store.posture('NER');
      assert.deepEqual(p.deployments[0].observations.map((o) => o.personnel).sort(), [1000, 1100, 1200]);
      const fra = await store.events({ actor: 'FRA' });
      assert.equal(fra.items[0].reports.length, 1, 'the French withdrawal keeps the sample report only');
      // and back: the original again
      assert.equal((await store.ingestRecord(secondRecord())).status, 'replaced');
      assert.equal((await store.stats()).reports, before.reports);
      assert.deepEqual(await store.check(), []);
    });

    it('rejects bad records with a clear error and stores nothing of them', async () => {
      const before = await store.stats();
      const bad = sampleRecord();
      bad.article.id = 'bad';
      bad.article.url = null;
      bad.events[0].actor = ['e99'];
      await assert.rejects(store.ingestRecord(bad), (e: Error) => e instanceof StoreError && /unknown entity e99/.test(e.message));
      const bad2 = sampleRecord();
      bad2.article.url = 'https://x.example/2';
      bad2.events[0].evidence = [{ start: 0, end: 10 ** 7 }];
      await assert.rejects(store.ingestRecord(bad2), /outside the text/);
      await assert.rejects(store.ingestRecord({ schema: 'nope' } as never), /not a sitrep.analysis\/1 record/);
      assert.deepEqual(await store.stats(), before);
    });

    it('serialises concurrent ingests into consistent fusion', async () => {
      const mk = (i: number) => buildRecord({
        id: `conc-${i}`, url: `https://conc.example/${i}`, outlet: `Outlet ${i}`, published: '2024-05-02',
        text: `Chad expels French ambassador\n\nN'Djamena, May 2 (report ${i}) — Chad expelled the French ambassador on Wednesday, the foreign ministry said in statement number ${i * 7919}.`,
        entities: { tcd: { name: 'Chad', type: 'country', code: 'TCD' }, fra: { name: 'France', type: 'country', code: 'FRA', aliases: ['French'] } },
        events: [{ type: 'SANCTION', actor: ['tcd'], recipient: ['fra'], evidence: 'Chad expelled the French ambassador on Wednesday', cue: 'expelled', date: '2024-05-01', mode: 'expel' }],
      });
      await Promise.all([1, 2, 3, 4].map((i) => store.ingestRecord(mk(i))));
      const e = await store.events({ actor: 'TCD', recipient: 'FRA' });
      assert.equal(e.items.length, 1);
      assert.equal(e.items[0].reports.length, 4);
      assert.deepEqual(await store.check(), []);
    });

    it('deletes an article and what only it supported', async () => {
      assert.equal(await store.deleteArticle('https://conc.example/1'), true);
      assert.equal((await store.events({ actor: 'TCD' })).items[0].reports.length, 3);
      for (const i of [2, 3, 4]) assert.equal(await store.deleteArticle(`conc-${i}`), true);
      assert.deepEqual((await store.events({ actor: 'TCD' })).items, []);
      assert.equal(await store.actor('Chad'), null, 'an actor only those articles named is gone');
      assert.equal(await store.deleteArticle('conc-1'), false);
      assert.deepEqual(await store.check(), []);
    });

    it('exports records that rebuild the same knowledge base', async () => {
      const records = [];
      for await (const r of store.exportRecords()) records.push(r);
      assert.equal(records.length, 3);
      const copy = await b!.open();
      try {
        for (const r of records) await copy.ingestRecord(r);
        const plover = async (s: Store) => { const out: string[] = []; await exportStore(s, 'plover', (x) => { out.push(x); }); return out.join(''); };
        assert.equal(await plover(copy), await plover(store));
        const st = await copy.stats();
        const so = await store.stats();
        assert.deepEqual({ ...st, location: '' }, { ...so, location: '' });
      } finally {
        await copy.close();
      }
      let n = 0;
      for await (const e of store.exportEvents({ actor: 'NER' })) { n++; assert.ok(e.actor.some((a) => a.code === 'NER')); }
      assert.equal(n, (await store.events({ actor: 'NER', limit: 1000 })).items.length);
    });

    it('fuses into a recent event on a busy dyad (no candidate cap keeps only the oldest)', async () => {
      // 520 older events of a compatible type that share a country with the new report and lie
      // in its date window (an earlier candidate search kept the 500 oldest of those, so the
      // event the new report belongs to, stored after them, was never compared).
      const own = await b!.open();
      try {
        const entities = {
          ner: { name: 'Niger', type: 'country' as const, code: 'NER' },
          mli: { name: 'Mali', type: 'country' as const, code: 'MLI' },
          usa: { name: 'United States', type: 'country' as const, code: 'USA' },
        };
        const lines = Array.from({ length: 520 }, (_, i) => `Niger imposed sanction order ${i + 1} on Mali.`);
        const busy = await own.ingestRecord(buildRecord({
          id: 'busy', url: 'https://example.org/busy', published: '2024-03-12', text: 'Sanction orders\n\n' + lines.join(' '), entities,
          events: lines.map((l) => ({ type: 'SANCTION' as const, actor: ['ner'], recipient: ['mli'], evidence: l, date: '2024-03-12' })),
        }));
        assert.equal(busy.newEvents, 520);
        const first = await own.ingestRecord(buildRecord({
          id: 'first', url: 'https://example.org/first', published: '2024-03-16', entities,
          text: 'Niger cuts ties\n\nNiger severed military ties with the United States on Saturday.',
          events: [{ type: 'SANCTION', actor: ['ner'], recipient: ['usa'], evidence: 'Niger severed military ties with the United States', cue: 'severed', date: '2024-03-16' }],
        }));
        assert.equal(first.newEvents, 1);
        const second = await own.ingestRecord(buildRecord({
          id: 'second', url: 'https://example.org/second', published: '2024-03-17', entities,
          text: 'Niger ends accord\n\nNiger on Saturday severed its military ties with the United States, officials said.',
          events: [{ type: 'SANCTION', actor: ['ner'], recipient: ['usa'], evidence: 'Niger on Saturday severed its military ties with the United States', cue: 'severed', date: '2024-03-16' }],
        }));
        assert.equal(second.fusedEvents, 1, 'the second outlet fuses into the recent severance');
        assert.equal(second.newEvents, 0);
        const ev = (await own.events({ actor: 'NER', recipient: 'USA', type: 'SANCTION' })).items;
        assert.equal(ev.length, 1);
        assert.equal(ev[0]!.reports.length, 2);
        assert.deepEqual(await own.check(), []);
      } finally { await own.close(); }
    });

    it('passes its integrity check and reports sane stats', async () => {
      assert.deepEqual(await store.check(), []);
      const s = await store.stats();
      assert.equal(s.backend, store.backend);
      assert.equal(s.schemaVersion, 2);
      assert.equal(s.articles, 3);
      assert.equal(s.duplicates, 1);
      assert.equal(s.firstDate, '2023-01-01');
    });
  });
}
