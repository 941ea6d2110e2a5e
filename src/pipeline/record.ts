/**
 * Doc → `sitrep.analysis/1` record (shared/contract/analysis-v1.md). Only entities that are
 * mentioned or referenced by an event/fact are emitted; extra explanatory fields (`rule`,
 * `rules`, `role`, `location`…) ride along, as the contract allows.
 */
import type { AnalysisRecord } from '../contract/analysis-schema.js';
import type { Doc } from './doc.js';

export function toRecord(doc: Doc): AnalysisRecord {
  const mentionById = new Map(doc.mentions.map((m) => [m.id, m]));
  const t = doc.layout;
  return {
    schema: 'sitrep.analysis/1',
    article: {
      id: doc.id,
      title: t.title ? doc.text.slice(t.title.start, t.title.end) : null,
      subtitle: t.subtitle ? doc.text.slice(t.subtitle.start, t.subtitle.end) : null,
      authors: t.authors,
      published: doc.published,
      url: doc.input.url ?? null,
      outlet: doc.input.outlet ?? null,
      language: doc.input.language ?? 'en',
      text: doc.text,
    },
    entities: doc.entities.map((e) => ({
      id: e.id, name: e.name, type: e.type, code: e.code, sector: e.sector, wikidata: e.wikidata,
      aliases: e.aliases,
      mentions: e.mentions.map((id) => mentionById.get(id)).filter((m) => m !== undefined)
        .map((m) => ({ start: m.start, end: m.end, text: m.text, kind: m.kind, rule: m.rule })),
      role: e.role ?? null, affiliation: e.affiliation ?? null,
      ...(e.coords ? { coords: e.coords } : {}),
      rule: e.rule, confidence: round(e.confidence),
    })),
    times: doc.times.map((x) => ({ start: x.start, end: x.end, text: x.text, value: x.value, anchor: x.anchor, implied: x.implied, rule: x.rule })),
    quantities: doc.quantities.map((q) => ({ start: q.start, end: q.end, text: q.text, value: q.value, unit: q.unit, qualifier: q.qualifier, rule: q.rule })),
    events: doc.events.map((e) => ({
      id: e.id, type: e.type, mode: e.mode, contexts: e.contexts, actor: e.actor, recipient: e.recipient,
      date: e.date, modality: e.modality,
      attribution: e.attribution ? { speaker: e.attribution.speaker, reporter: e.attribution.reporter, verb: e.attribution.verb, quote: e.attribution.quote } : null,
      evidence: e.evidence.map((s) => ({ start: s.start, end: s.end })),
      cue: { start: e.cue.start, end: e.cue.end, text: doc.text.slice(e.cue.start, e.cue.end) },
      confidence: round(e.confidence), cameo: e.cameo, quad: e.quad, goldstein: e.goldstein,
      location: e.location ?? null,
      rules: e.rules,
    })),
    // Extra (not in the v1 contract): every reporting frame, so "who says so" is queryable even
    // for statements that carry no event.
    claims: doc.frames.map((f) => ({
      speaker: f.speaker, verb: f.verb,
      span: { start: f.span.start, end: f.span.end },
      content: { start: f.complement.start, end: f.complement.end },
      date: f.time?.value ?? null,
      events: doc.events.filter((e) => e.cue.start >= f.complement.start && e.cue.end <= f.complement.end).map((e) => e.id),
      rule: f.rule,
    })),
    facts: doc.facts.map((f) => f.kind === 'deployment'
      ? { kind: 'deployment' as const, force: f.force, host: f.host, personnel: f.personnel, asOf: f.asOf, speaker: f.speaker, evidence: f.evidence.map((s) => ({ start: s.start, end: s.end })), rule: f.rule }
      : { kind: 'facility' as const, name: f.name, host: f.host, operator: f.operator, function: f.function, cost: f.cost, evidence: f.evidence.map((s) => ({ start: s.start, end: s.end })), rule: f.rule }),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
