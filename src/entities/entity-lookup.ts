/**
 * Lookups other stages use to take actors from the text: which mentions (with their resolved
 * entity) lie over a token or a character span. Built once per Doc (a token → mentions index),
 * so an events stage can ask for every clause without rescanning the mentions.
 */
import type { Doc, EntityAnn, Mention } from '../pipeline/doc.js';
import { docSlot } from '../pipeline/doc-slot.js';

export interface ResolvedMention {
  mention: Mention;
  /** null when the mention is an unresolved descriptor ("officials" with no clear country) */
  entity: EntityAnn | null;
}

interface Index {
  mentionsRef: Mention[];
  entitiesRef: EntityAnn[];
  byToken: ResolvedMention[][];
  entityById: Map<string, EntityAnn>;
}

const cache = docSlot<Index>('entityLookup');

function index(doc: Doc): Index {
  const hit = cache.get(doc);
  if (hit && hit.mentionsRef === doc.mentions && hit.entitiesRef === doc.entities) return hit;
  const entityById = new Map(doc.entities.map((e) => [e.id, e]));
  const byToken: ResolvedMention[][] = doc.tokens.map(() => []);
  const toks = doc.tokens;
  let t = 0;
  // mentions are in text order: one sweep over the tokens
  for (const m of doc.mentions) {
    while (t < toks.length && toks[t].end <= m.start) t++;
    const rm: ResolvedMention = { mention: m, entity: m.entity ? entityById.get(m.entity) ?? null : null };
    for (let k = t; k < toks.length && toks[k].start < m.end; k++) byToken[k].push(rm);
  }
  // outermost first: "US forces" before the "US" inside it
  for (const list of byToken) list.sort((a, b) => (b.mention.end - b.mention.start) - (a.mention.end - a.mention.start) || a.mention.start - b.mention.start);
  const ix: Index = { mentionsRef: doc.mentions, entitiesRef: doc.entities, byToken, entityById };
  cache.set(doc, ix);
  return ix;
}

/**
 * Every mention over a token, outermost first, with its entity.
 * @example mentionsAt(doc, 12)[0]?.entity?.code → "USA"
 */
export function mentionsAt(doc: Doc, tokenIndex: number): ResolvedMention[] {
  return index(doc).byToken[tokenIndex] ?? [];
}

/**
 * The entity a token belongs to: the outermost resolved mention over it ("US forces" → the US,
 * "its" → the actor it stands for), or null.
 * @example entityAt(doc, doc.tokens.findIndex((t) => t.text === 'Tehran'))?.code → "IRN"
 */
export function entityAt(doc: Doc, tokenIndex: number): EntityAnn | null {
  for (const rm of mentionsAt(doc, tokenIndex)) if (rm.entity) return rm.entity;
  return null;
}

/**
 * Mentions overlapping the character span [start, end), in text order, outermost first at equal start.
 * @example mentionsInSpan(doc, sentence.start, sentence.end).filter((r) => r.entity?.type === 'country')
 */
export function mentionsInSpan(doc: Doc, start: number, end: number): ResolvedMention[] {
  const ix = index(doc);
  const out: ResolvedMention[] = [];
  for (const m of doc.mentions) {
    if (m.start >= end) break;
    if (m.end > start) out.push({ mention: m, entity: m.entity ? ix.entityById.get(m.entity) ?? null : null });
  }
  return out;
}

/** The entity with this id, or null. @example entityById(doc, 'e3')?.name → "Pentagon" */
export function entityById(doc: Doc, id: string | null | undefined): EntityAnn | null {
  return id ? index(doc).entityById.get(id) ?? null : null;
}

/**
 * The country an entity belongs to, as an ISO3 / IGO code, following a person's affiliation when
 * the person has none. @example actorCode(doc, singh) → "USA"
 */
export function actorCode(doc: Doc, e: EntityAnn | null): string | null {
  if (!e) return null;
  if (e.code) return e.code;
  return e.affiliation ? entityById(doc, e.affiliation)?.code ?? null : null;
}
