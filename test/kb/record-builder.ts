/**
 * Hand-made analysis records for knowledge-base tests: entities by short key, events and facts
 * by quoting their evidence from the text (offsets are found, so a fixture cannot point
 * outside its text).
 */
import type { AnalysisRecord, EntityType, Modality, PloverType } from '../../src/contract/analysis-schema.js';

export interface EntitySpec {
  name: string;
  type: EntityType;
  code: string | null;
  sector?: string | null;
  wikidata?: string | null;
  aliases?: string[];
  role?: string | null;
  affiliation?: string | null;
  coords?: { lat: number; lon: number };
}

export interface EventSpec {
  type: PloverType;
  actor: string[];
  recipient?: string[];
  /** exact substring of the text */
  evidence: string;
  cue?: string;
  date?: string | null;
  modality?: Modality;
  speaker?: string | null;
  mode?: string | null;
  cameo?: string | null;
  goldstein?: number | null;
  contexts?: string[];
  location?: string | null;
}

export interface RecordSpec {
  id?: string;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  published?: string | null;
  text: string;
  entities: Record<string, EntitySpec>;
  events?: EventSpec[];
  quantities?: { text: string; value: number; unit: string; qualifier?: 'over' | 'under' | 'about' | null }[];
  deployments?: { force: string; host: string; personnel: number; asOf?: string | null; evidence: string; speaker?: string | null }[];
  facilities?: { name: string; host: string; operator?: string | null; function?: string | null; cost?: { value: number; currency: string; qualifier: string | null } | null; evidence: string }[];
}

const QUAD: Record<PloverType, 1 | 2 | 3 | 4> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 3, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

function span(text: string, s: string, what: string): { start: number; end: number } {
  const i = text.indexOf(s);
  if (i < 0) throw new Error(`fixture: ${what} "${s}" is not in the text`);
  return { start: i, end: i + s.length };
}

export function buildRecord(spec: RecordSpec): AnalysisRecord {
  const text = spec.text;
  const keys = Object.keys(spec.entities);
  const idOf = (k: string) => {
    const i = keys.indexOf(k);
    if (i < 0) throw new Error(`fixture: unknown entity key ${k}`);
    return 'e' + (i + 1);
  };
  return {
    schema: 'sitrep.analysis/1',
    article: {
      id: spec.id ?? 'test:' + (spec.url ?? text.slice(0, 30)),
      title: spec.title ?? text.split('\n')[0],
      subtitle: null, authors: [], published: spec.published ?? null, url: spec.url ?? null, outlet: spec.outlet ?? null, language: 'en', text,
    },
    entities: keys.map((k) => {
      const e = spec.entities[k];
      const mentions: { start: number; end: number; text: string; kind: string }[] = [];
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        let from = 0;
        for (;;) {
          const i = text.indexOf(n, from);
          if (i < 0) break;
          mentions.push({ start: i, end: i + n.length, text: n, kind: n === n.toUpperCase() ? 'acronym' : 'name' });
          from = i + n.length;
        }
      }
      return {
        id: idOf(k), name: e.name, type: e.type, code: e.code, sector: e.sector ?? null, wikidata: e.wikidata ?? null,
        aliases: e.aliases ?? [], mentions, role: e.role ?? null, affiliation: e.affiliation ? idOf(e.affiliation) : null,
        ...(e.coords ? { coords: e.coords } : {}),
      };
    }),
    times: [],
    quantities: (spec.quantities ?? []).map((q) => ({ ...span(text, q.text, 'quantity'), text: q.text, value: q.value, unit: q.unit, qualifier: q.qualifier ?? null })),
    events: (spec.events ?? []).map((e, i) => ({
      id: 'ev' + (i + 1), type: e.type, mode: e.mode ?? null, contexts: e.contexts ?? [],
      actor: e.actor.map(idOf), recipient: (e.recipient ?? []).map(idOf), date: e.date ?? null, modality: e.modality ?? 'asserted',
      attribution: e.speaker ? { speaker: idOf(e.speaker), reporter: null, verb: 'said', quote: false } : null,
      evidence: [span(text, e.evidence, 'evidence')],
      cue: e.cue ? { ...span(text, e.cue, 'cue'), text: e.cue } : undefined,
      confidence: 0.8, cameo: e.cameo ?? null, quad: QUAD[e.type], goldstein: e.goldstein ?? null,
      location: e.location ? idOf(e.location) : null, rules: ['test.fixture'],
    })),
    facts: [
      ...(spec.deployments ?? []).map((d) => ({ kind: 'deployment' as const, force: idOf(d.force), host: idOf(d.host), personnel: d.personnel, asOf: d.asOf ?? null, speaker: d.speaker ? idOf(d.speaker) : null, evidence: [span(text, d.evidence, 'deployment')] })),
      ...(spec.facilities ?? []).map((f) => ({ kind: 'facility' as const, name: f.name, host: idOf(f.host), operator: f.operator ? idOf(f.operator) : null, function: f.function ?? null, cost: f.cost ?? null, evidence: [span(text, f.evidence, 'facility')] })),
    ],
  };
}
