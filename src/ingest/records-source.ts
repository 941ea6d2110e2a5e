/**
 * Analysis records as input (`sitrep ingest --format records FILE.jsonl`): one
 * `sitrep.analysis/1` record a line, as `sitrep export --format jsonl` and `sitrep analyze
 * --jsonl` write them. Nothing is re-analysed: a store can be rebuilt from an export, or filled
 * from records made elsewhere. Streamed line by line.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AnalysisRecord } from '../contract/analysis-schema.js';
import { validateRecord } from '../store/sql-store.js';
import { StoreError } from '../store/store.js';

export type RecordItem =
  | { kind: 'record'; origin: string; record: AnalysisRecord }
  | { kind: 'error'; origin: string; reason: string };

/** Longest line accepted (a record holds its article text; 20 MB is far beyond any article). */
export const MAX_RECORD_LINE = 20 * 1024 * 1024;

export async function* readRecords(path: string): AsyncIterable<RecordItem> {
  const input = path === '-' ? process.stdin : createReadStream(path);
  if (path !== '-') {
    const ok = await new Promise<string | null>((res) => {
      (input as ReturnType<typeof createReadStream>).once('open', () => res(null));
      input.once('error', (e: NodeJS.ErrnoException) => res(e.code === 'ENOENT' ? 'no such file' : e.code ?? e.message));
    });
    if (ok) { yield { kind: 'error', origin: path, reason: `cannot read: ${ok}` }; return; }
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const origin = `${path}#line ${n}`;
    if (!line.trim()) continue;
    if (line.length > MAX_RECORD_LINE) { yield { kind: 'error', origin, reason: `line is ${line.length} characters; the limit is ${MAX_RECORD_LINE}` }; continue; }
    let obj: unknown;
    try { obj = JSON.parse(line); } catch { yield { kind: 'error', origin, reason: 'not valid JSON' }; continue; }
    try {
      yield { kind: 'record', origin, record: validateRecord(obj) };
    } catch (e) {
      yield { kind: 'error', origin, reason: e instanceof StoreError ? e.message : String(e) };
    }
  }
}
