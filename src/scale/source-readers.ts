/**
 * The readers `sitrep enqueue` and queue workers use: the same registry as `sitrep ingest`
 * (URLs, WARC, feeds, JSONL, HTML pages, plain text), so every entry point reads alike.
 */
import type { SourceReader } from '../sources/source.js';
import { READERS } from '../ingest/readers.js';

export function allReaders(): SourceReader[] {
  return [...READERS];
}
