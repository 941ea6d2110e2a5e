/**
 * Streams an export of matching events as the response body, page by page from the store, so a
 * large export never sits whole in memory.
 */
import type { EventQuery, ExportFormat, Store } from '../store/store.js';
import { ApiError } from './api-error.js';

export const EXPORT_TYPES: Record<ExportFormat, { type: string; ext: string }> = {
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'plover.jsonl' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  gdelt: { type: 'text/tab-separated-values; charset=utf-8', ext: 'tsv' },
  geojson: { type: 'application/geo+json; charset=utf-8', ext: 'geojson' },
};

/** Lines of one export (TODO(server): use the knowledge base's formatters once merged). */
async function* lines(store: Store, format: ExportFormat, q: EventQuery): AsyncIterable<string> {
  if (format !== 'jsonl') throw new ApiError(501, 'not_implemented', `export format ${format} is not available on this server yet`);
  for await (const ev of store.exportEvents(q)) yield JSON.stringify(ev) + '\n';
}

export function exportStream(store: Store, format: ExportFormat, q: EventQuery): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = lines(store, format, q)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}
