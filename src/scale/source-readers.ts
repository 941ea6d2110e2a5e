/**
 * The readers `sitrep enqueue` and queue workers use: the ingest registry (text files, and
 * whatever was registered there) plus the source readers (HTML pages, RSS/Atom feeds, JSONL,
 * URLs). Specific readers first; the text reader also takes files without an extension.
 */
import type { SourceReader } from '../sources/source.js';
import { READERS } from '../ingest/readers.js';
import { htmlReader } from '../sources/html-reader.js';
import { feedReader } from '../sources/feed-reader.js';
import { jsonlReader } from '../sources/jsonl-reader.js';
import { urlReader } from '../sources/url-reader.js';

export function allReaders(): SourceReader[] {
  const out: SourceReader[] = [];
  for (const r of [urlReader, feedReader, htmlReader, jsonlReader, ...READERS]) if (!out.some((x) => x.name === r.name)) out.push(r);
  return out;
}
