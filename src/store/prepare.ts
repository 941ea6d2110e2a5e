/**
 * The pure per-record part of an ingest (IngestRecordOptions.prepared): what the store derives
 * from a record alone, before any database access. An analyzer thread computes it next to the
 * analysis so the single writer does not (a module of its own, so threads need not load the store).
 */
import type { AnalysisRecord } from '../contract/analysis-schema.js';
import { textBands } from '../kb/near-duplicate.js';
import type { PreparedRecord } from './store.js';

export function prepareRecord(record: AnalysisRecord): PreparedRecord {
  return { bands: textBands(record.article.text) };
}
