/**
 * What every input reader yields (text files, HTML pages, RSS/Atom items, WARC records, JSONL
 * lines, URLs): an article ready for the analyzer, or an error for that one item — a bad item
 * never stops a run.
 */
import type { ArticleInput } from '../pipeline/doc.js';

export interface SourceArticle {
  kind: 'article';
  /** where it came from: a path, "path#line 12", a URL, "file.warc.gz#record 31" */
  origin: string;
  input: ArticleInput;
  /** stable identity of the item within its source (feed guid or link, WARC-Record-ID, JSONL url): for dedupe */
  key?: string;
  /** what a user should know about this item: "summary only", "text truncated at 1048576 characters" */
  notes?: string[];
}

export interface SourceError {
  kind: 'error';
  origin: string;
  /** one line a user can act on: "not valid UTF-8 text", "HTTP 404", "feed is not XML" */
  reason: string;
}

export type SourceItem = SourceArticle | SourceError;

/** A reader turns one locator (path, glob, URL) into items, streaming: never the whole input in memory. */
export interface SourceReader {
  name: string;
  /** true when this reader handles the locator (by extension, content sniffing or URL scheme) */
  accepts(locator: string): boolean | Promise<boolean>;
  read(locator: string, opts: ReadOptions): AsyncIterable<SourceItem>;
}

export interface ReadOptions {
  /** default publication date for items that carry none */
  published?: string | null;
  /** allow fetching private, loopback and link-local addresses (tests against a local server) */
  allowPrivate?: boolean;
  signal?: AbortSignal;
}
