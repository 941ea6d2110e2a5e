/**
 * Streams an export as the response body, pulled item by item from the store (a large export never
 * sits whole in memory, and a slow client slows the reading). Rows are made by the knowledge
 * base's formatters (src/kb/exports.ts), so the API and `sitrep export` write the same bytes; the
 * API adds event filters for the event formats.
 */
import type { EventQuery, ExportFormat, Store } from '../store/store.js';
import { CSV_COLUMNS, GDELT_COLUMNS, eventCsvRow, gdeltRow, geoFeature, ploverRecord } from '../kb/exports.js';

export const EXPORT_TYPES: Record<ExportFormat, { type: string; ext: string }> = {
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'plover.jsonl' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  gdelt: { type: 'text/tab-separated-values; charset=utf-8', ext: 'tsv' },
  geojson: { type: 'application/geo+json; charset=utf-8', ext: 'geojson' },
};

/** The export's chunks; `jsonl` is every stored record (re-importable), the others fused events. */
export async function* exportChunks(store: Store, format: ExportFormat, q: EventQuery = {}): AsyncGenerator<string> {
  switch (format) {
    case 'jsonl':
      for await (const r of store.exportRecords()) yield JSON.stringify(r) + '\n';
      return;
    case 'csv':
      yield CSV_COLUMNS.join(',') + '\n';
      for await (const e of store.exportEvents(q)) yield eventCsvRow(e) + '\n';
      return;
    case 'plover':
      for await (const e of store.exportEvents(q)) yield JSON.stringify(ploverRecord(e)) + '\n';
      return;
    case 'gdelt':
      yield GDELT_COLUMNS.join('\t') + '\n';
      for await (const e of store.exportEvents(q)) yield gdeltRow(e, (a) => a.coords ?? null) + '\n';
      return;
    case 'geojson': {
      yield '{"type":"FeatureCollection","features":[\n';
      let n = 0;
      for await (const e of store.exportEvents(q)) {
        const c = e.location?.coords;
        if (!c) continue;
        yield (n++ ? ',\n' : '') + JSON.stringify(geoFeature(e, c));
      }
      yield '\n]}\n';
      return;
    }
  }
}

export function exportStream(store: Store, format: ExportFormat, q: EventQuery): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = exportChunks(store, format, q);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value));
      } catch (e) {
        // Headers are gone already: end the body with an error (the client sees a cut transfer).
        controller.error(e);
      }
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}
