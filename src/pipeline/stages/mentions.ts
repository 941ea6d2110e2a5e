/**
 * mentions: every mention of a country, IGO, body, armed group, outlet, person, place or facility,
 * plus the descriptors and pronouns that may stand for one (see src/entities/mention-recognizer.ts).
 * Runs after times and quantities: nothing inside a date or an amount is read as a name.
 * Sets doc.mentions in text order, ids "m1", "m2"…; `entity` stays null until the entities stage.
 */
import type { Doc, Mention, MentionRef, Stage } from '../doc.js';
import { recognizeMentions, type Draft } from '../../entities/mention-recognizer.js';

export const mentionsStage: Stage = {
  name: 'mentions',
  requires: ['tokens', 'sentences', 'times', 'quantities'],
  sets: ['mentions'],
  run(doc: Doc) {
    const drafts = recognizeMentions(doc);
    // text order; an enclosing mention before the ones nested in it
    drafts.sort((a, b) => a.start - b.start || b.end - a.end);
    const ids = new Map<Draft, string>();
    drafts.forEach((d, i) => ids.set(d, `m${i + 1}`));
    const toks = doc.tokens;
    doc.mentions = drafts.map((d): Mention => {
      const start = toks[d.start].start;
      const end = toks[d.end - 1].end;
      const ref: MentionRef = { key: d.key, type: d.type };
      if (d.sector !== undefined) ref.sector = d.sector;
      if (d.role) ref.role = d.role;
      if (d.of && ids.has(d.of)) ref.of = ids.get(d.of)!;
      if (d.former) ref.former = true;
      if (d.target) ref.target = d.target;
      if (d.locative) ref.locative = true;
      if (d.titleSector) ref.titleSector = d.titleSector;
      if (d.country) ref.country = d.country;
      if (d.inside && ids.has(d.inside)) ref.inside = ids.get(d.inside)!;
      return {
        id: ids.get(d)!, start, end, text: doc.text.slice(start, end), kind: d.kind,
        rule: d.rule, confidence: d.confidence, entity: null, ref,
      };
    });
    if (doc.options.explain) {
      for (const m of doc.mentions) doc.trace.push({ stage: 'mentions', rule: m.rule, span: { start: m.start, end: m.end }, detail: `${m.kind} "${m.text}" → ${m.ref?.key ?? '?'}` });
    }
  },
};
