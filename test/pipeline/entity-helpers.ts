/**
 * Helpers the entity test tables share: analyse a sentence with a fixed publication date, and find
 * the entity a mention refers to.
 */
import { analyzeDoc } from '../../src/pipeline/index.js';
import type { Doc, EntityAnn } from '../../src/pipeline/doc.js';

export function run(text: string): Doc {
  return analyzeDoc({ text }, { published: '2024-03-18' });
}

/** The entity that the mention with exactly this text refers to (first occurrence at or after `from`). */
export function entityOf(d: Doc, mentionText: string, from = 0): EntityAnn | null {
  const m = d.mentions.find((x) => x.text === mentionText && x.start >= from);
  if (!m || !m.entity) return null;
  return d.entities.find((e) => e.id === m.entity) ?? null;
}
