/**
 * Shared by the event table tests (events.test.ts, events-families.test.ts): one row says which
 * event a sentence must yield; `checkRow` asserts every field the row gives.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { AnalysisRecord, EventRecord } from '../../src/contract/analysis-schema.js';

export interface EventRow {
  text: string;
  type: string;
  actor?: string[];
  recipient?: string[];
  modality?: string;
  mode?: string;
  root?: string; // CAMEO root ("19")
  speaker?: string; // code of the speaker entity
  date?: string;
}

export function codesOf(r: AnalysisRecord, ids: string[]): string[] {
  const byId = new Map(r.entities.map((e) => [e.id, e]));
  return [...new Set(ids.map((id) => byId.get(id)?.code ?? '?'))].sort();
}

/** Analyses the row's sentence and checks the first event of its type against every given field. */
export function checkRow(row: EventRow, published: string): EventRecord {
  const r = analyze({ text: row.text }, { published });
  const e = r.events.find((x) => x.type === row.type);
  assert.ok(e, `no ${row.type} event; got ${r.events.map((x) => x.type).join(', ') || 'none'}`);
  if (row.actor) assert.deepEqual(codesOf(r, e.actor), [...row.actor].sort(), 'actor');
  if (row.recipient) assert.deepEqual(codesOf(r, e.recipient), [...row.recipient].sort(), 'recipient');
  assert.equal(e.modality, row.modality ?? 'asserted', 'modality');
  if (row.mode) assert.equal(e.mode, row.mode, 'mode');
  if (row.root) assert.equal(e.cameo?.slice(0, 2), row.root, 'CAMEO root');
  if (row.speaker) assert.deepEqual(codesOf(r, [e.attribution?.speaker ?? '']), [row.speaker], 'speaker');
  if (row.date) assert.equal(e.date, row.date, 'date');
  // evidence lies inside the text
  for (const ev of e.evidence) assert.ok(ev.start >= 0 && ev.end <= r.article.text.length && ev.start < ev.end);
  return e;
}
