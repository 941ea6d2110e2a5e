// An oracle record built from each shared gold file (its own entities, events, times… placed at
// the gold strings' positions in the analysed text) must score 1.0 on every layer. This checks
// the scorer against the real gold files: every cue and mention can be located, and nothing the
// gold asks for is unreachable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';
import { loadGoldDir } from '../../src/eval/gold-run.js';
import { scoreRecord } from '../../src/eval/gold-scorer.js';
import type { GoldFile } from '../../src/eval/gold-schema.js';
import { findAll, foldText } from '../../src/eval/text-fold.js';
import { analyze } from '../../src/pipeline/index.js';
import { AnalysisRecordSchema, type AnalysisRecord, type EventRecord } from '../../src/contract/analysis-schema.js';

const goldDir = join(sharedDir(), 'gold');
const absent = existsSync(goldDir) ? false : `no gold dir at ${goldDir} (set SITREP_SHARED to the shared dir)`;

function oracle(gold: GoldFile, base: AnalysisRecord): AnalysisRecord {
  const text = base.article.text;
  const folded = foldText(text);
  const first = (s: string) => {
    const o = findAll(folded, s)[0];
    assert.ok(o, `gold string "${s}" is not in the analysed text`);
    return o;
  };
  const entities = gold.entities.map((g, i) => ({
    id: `g${i}`, name: g.name, type: g.type, code: g.code ?? null, sector: g.sector ?? null, wikidata: null, aliases: g.mentions,
    mentions: g.mentions.flatMap((m) => findAll(folded, m, { wordBounded: true }).map((o) => ({ ...o, text: text.slice(o.start, o.end) }))),
  }));
  const byCode = (code: string) => {
    const e = entities.find((x) => x.code === code && x.type === 'country') ?? entities.find((x) => x.code === code);
    assert.ok(e, `no gold entity has code ${code}`);
    return e.id;
  };
  const byName = (name: string) => entities.find((x) => x.name === name)?.id ?? null;
  const events: EventRecord[] = [];
  for (const g of gold.events) {
    if (g.same_as) continue;
    events.push({
      id: g.id, type: g.type[0], mode: null, contexts: [], actor: g.actor.slice(0, 1).map(byCode), recipient: g.recipient.map(byCode),
      date: g.date ?? null, modality: g.modality ?? 'asserted',
      attribution: g.speaker ? { speaker: byName(g.speaker), reporter: null, verb: 'said', quote: g.quote ?? false } : g.quote ? { speaker: null, reporter: null, verb: 'said', quote: true } : null,
      evidence: [first(g.cue)], confidence: 1, cameo: null, quad: 1, goldstein: null,
    });
  }
  for (const g of gold.events) if (g.same_as) events.find((e) => e.id === g.same_as)!.evidence.push(first(g.cue));
  const rec: AnalysisRecord = {
    ...base,
    entities,
    times: gold.times.map((t) => ({ ...first(t.text), text: text.slice(first(t.text).start, first(t.text).end), value: t.value, anchor: 'published' as const })),
    quantities: gold.quantities.map((q) => ({ ...first(q.text), text: text.slice(first(q.text).start, first(q.text).end), value: q.value, unit: q.unit, qualifier: q.qualifier ?? null })),
    events,
    facts: gold.facts.map((f) => f.kind === 'deployment'
      ? { kind: 'deployment' as const, force: byCode(f.force), host: byCode(f.host), personnel: f.personnel ?? 0, asOf: f.asOf ?? null, speaker: f.speaker ? byName(f.speaker) : null, evidence: [first(f.cue)] }
      : { kind: 'facility' as const, name: f.name, host: f.host ? byCode(f.host) : '', operator: f.operator ? byCode(f.operator) : null, function: f.function ?? null, cost: f.cost ? { value: f.cost.value, currency: f.cost.currency, qualifier: f.cost.qualifier ?? null } : null, evidence: [first(f.cue)] }),
  };
  return AnalysisRecordSchema.parse(rec);
}

test('gold oracle: a record built from each gold file scores 1.0 on every layer', { skip: absent }, () => {
  for (const c of loadGoldDir(goldDir)) {
    const published = c.gold.published ?? null;
    const s = scoreRecord(oracle(c.gold, analyze({ text: c.text, published }, { published })), c.gold);
    const figures = {
      'events.precision': s.events.prf.precision.value, 'events.recall': s.events.prf.recall.value, 'events.recallAll': s.events.recallAll.value,
      'events.date': s.events.date.value, 'events.modality': s.events.modality.value, 'events.speaker': s.events.speaker.value,
      'events.fused': s.events.sameAs.length ? s.events.fused.value : 1,
      'entities.f1': s.entities.prf.f1, 'entities.mentionRecall': s.entities.mentionRecall.value,
      'times.f1': s.times.prf.f1, 'quantities.f1': s.quantities.prf.f1, 'facts.f1': s.facts.prf.f1, 'facts.fields': s.facts.fields.d ? s.facts.fields.value : 1,
    };
    for (const [k, v] of Object.entries(figures)) assert.equal(v, 1, `${c.gold.doc}: ${k} = ${v}\n${JSON.stringify({ missed: s.events.missed, fp: s.events.falsePositives, ent: s.entities.missed, facts: s.facts.errors }, null, 1)}`);
    assert.deepEqual(s.events.cuesNotFound, []);
  }
});
