/**
 * The source readers `sitrep ingest` offers each locator to, in order: the first whose
 * `accepts()` says yes reads it (like the pipeline's ordered stage list). A new input kind (HTML
 * pages, feeds, WARC files, URLs) is one more entry here; the ingest loop does not change.
 * Put specific readers before general ones: the text reader also takes files with no extension.
 */
import type { SourceReader } from '../sources/source.js';
import { textReader } from '../sources/text-source.js';
import { defaultReaders, readerFor as sniffingReaderFor } from '../sources/index.js';

/** URLs, WARC, RSS/Atom, JSONL, HTML pages, then plain text (which also takes extensionless files). */
export const READERS: SourceReader[] = [...defaultReaders(), textReader];

/** Adds a reader ahead of the general ones (for plug-ins and tests). */
export function registerReader(reader: SourceReader): void {
  if (READERS.some((r) => r.name === reader.name)) return;
  READERS.unshift(reader);
}

/** The first reader that accepts a locator (by scheme, extension, then content sniffing), or null. */
export async function readerFor(locator: string, readers: readonly SourceReader[] = READERS): Promise<SourceReader | null> {
  return sniffingReaderFor(locator, readers);
}
