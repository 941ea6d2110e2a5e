/**
 * The analysis pipeline: an ordered list of stages, each a function Doc → Doc (mutating in place).
 * Like chrono-node's "ordered list of parsers and refiners" and spaCy's `doc = proc(doc)`.
 *
 * Order matters:
 * - layout before everything: it builds doc.text (title, subtitle, body; byline and bio removed).
 * - times and quantities before mentions: a date ("July 2023") or an amount must not be read as a name.
 * - entities (resolution and coreference) after mentions, before events: events take actors from entities.
 * - attribution and modality after events: they qualify the events the recognizers proposed.
 * - event-dates after attribution: a reported event takes the date of its saying when it has none.
 * - fusion after every event field is set; facts last (they reuse events, quantities and entities).
 */
import type { AnalyzeOptions, ArticleInput, Doc, DocField, Stage } from './doc.js';
import { layoutStage } from './stages/layout.js';
import { tokensStage } from './stages/tokens.js';
import { timesStage } from './stages/times.js';
import { quantitiesStage } from './stages/quantities.js';
import { mentionsStage } from './stages/mentions.js';
import { entitiesStage } from './stages/entities.js';
import { eventsStage } from './stages/events.js';
import { attributionStage } from './stages/attribution.js';
import { modalityStage } from './stages/modality.js';
import { eventDatesStage } from './stages/event-dates.js';
import { fusionStage } from './stages/fusion.js';
import { factsStage } from './stages/facts.js';
import { toRecord } from './record.js';
import type { AnalysisRecord } from '../contract/analysis-schema.js';

export const STAGES: readonly Stage[] = [
  layoutStage,
  tokensStage,
  timesStage,
  quantitiesStage,
  mentionsStage,
  entitiesStage,
  eventsStage,
  attributionStage,
  modalityStage,
  eventDatesStage,
  fusionStage,
  factsStage,
];

/** Refuse a mis-ordered pipeline at start-up (spaCy's analyze_pipes): every requirement must be set earlier. */
export function checkPipeline(stages: readonly Stage[]): void {
  const set = new Set<DocField>();
  for (const s of stages) {
    for (const r of s.requires) {
      if (!set.has(r)) throw new Error(`pipeline: stage "${s.name}" requires "${r}", which no earlier stage sets`);
    }
    for (const x of s.sets) set.add(x);
  }
}
checkPipeline(STAGES);

export function newDoc(input: ArticleInput, options: AnalyzeOptions = {}): Doc {
  return {
    input, options,
    text: '', id: '', published: null,
    layout: { title: null, subtitle: null, removed: [], authors: [], paragraphs: [] },
    tokens: [], sentences: [], mentions: [], entities: [], times: [], quantities: [], events: [], facts: [], frames: [],
    trace: [],
  };
}

/** Runs every stage over one article and returns the Doc (all annotations as offsets into doc.text). */
export function analyzeDoc(input: ArticleInput, options: AnalyzeOptions = {}, stages: readonly Stage[] = STAGES): Doc {
  const doc = newDoc(input, options);
  for (const stage of stages) stage.run(doc);
  return doc;
}

/**
 * Analyses one article into a `sitrep.analysis/1` record.
 * @example analyze({ text: 'Niger ordered US troops to leave.' }, { published: '2024-03-18' })
 */
export function analyze(input: ArticleInput, options: AnalyzeOptions = {}): AnalysisRecord {
  return toRecord(analyzeDoc(input, options));
}
