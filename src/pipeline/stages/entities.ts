/**
 * entities: resolution and coreference over doc.mentions (see src/entities/entity-resolver.ts).
 * Sets doc.entities (ids "e1"… in order of first mention) and each mention's `entity`.
 */
import type { Doc, Stage } from '../doc.js';
import { resolveEntities } from '../../entities/entity-resolver.js';

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['mentions'],
  sets: ['entities'],
  run(doc: Doc) {
    resolveEntities(doc);
    if (doc.options.explain) {
      for (const e of doc.entities) doc.trace.push({ stage: 'entities', rule: e.rule, detail: `${e.id} ${e.type} "${e.name}" code=${e.code ?? '-'} sector=${e.sector ?? '-'} (${e.mentions.length} mentions)` });
    }
  },
};
