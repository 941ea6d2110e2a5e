/**
 * The reader registry: given a locator (path, directory, glob or URL) decide which reader
 * handles it — by URL scheme, by file extension, then by content sniffing — and stream its
 * items. One list of readers, in priority order; the knowledge base's plain-text reader joins it.
 */
import { stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { walk } from './file-walk.js';
import { urlReader } from './url-reader.js';
import { warcReader } from './warc-reader.js';
import { feedReader } from './feed-reader.js';
import { jsonlReader } from './jsonl-reader.js';
import { htmlReader } from './html-reader.js';
import { extOf } from './file-bytes.js';
import { sniffFile, type SniffedFormat } from './sniff-format.js';

export type { SourceItem, SourceArticle, SourceError, SourceReader, ReadOptions } from './source.js';
export { fetchArticle, bodyItems } from './url-reader.js';
export { htmlItem } from './html-reader.js';
export { watchFeeds, pollFeeds, parseInterval, type WatchOptions, type PollReport } from './feed-watcher.js';
export { fetchResource } from './url-fetcher.js';
export { extractHtml } from './html-extract.js';
export { parseFeed } from './feed-parse.js';
export { newWarcStats, type WarcStats } from './warc-reader.js';

/** Every reader, most specific first. Keep this one array (the text reader is added here too). */
export function defaultReaders(): SourceReader[] {
  return [urlReader, warcReader, feedReader, jsonlReader, htmlReader];
}

const BY_SNIFF: Record<Exclude<SniffedFormat, null>, string> = { warc: 'warc', feed: 'feed', html: 'html', jsonl: 'jsonl' };

/**
 * The reader for one locator, or null. Example: `await readerFor('crawl/CC-NEWS-2024.warc.gz')` → the WARC reader.
 */
export async function readerFor(locator: string, readers: readonly SourceReader[] = defaultReaders()): Promise<SourceReader | null> {
  for (const r of readers) if (await r.accepts(locator)) return r;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(locator)) return null;
  const fmt = await sniffFile(locator);
  return fmt ? readers.find((r) => r.name === BY_SNIFF[fmt]) ?? null : null;
}

const GLOB = /[*?[]/;

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') { const j = glob.indexOf(']', i); if (j === -1) re += '\\['; else { re += '[' + glob.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']'; i = j; } }
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}


/**
 * Expands a locator into the files (or the URL) to read, sorted: a directory gives every file
 * under it, a glob ("crawl/**\/*.warc.gz", "pages/*.html") its matches, anything else itself.
 */
export async function expandLocator(locator: string, limit = 1_000_000): Promise<string[]> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(locator)) return [locator];
  if (GLOB.test(locator)) {
    const parts = locator.split(/[\\/]/);
    const firstGlob = parts.findIndex((p) => GLOB.test(p));
    const base = parts.slice(0, firstGlob).join(sep) || '.';
    const files: string[] = [];
    await walk(base, files, limit * 4);
    const re = globToRegExp(parts.slice(firstGlob).join('/'));
    const prefix = base === '.' && !locator.startsWith('.') ? '' : base + sep;
    return files.filter((f) => re.test((prefix && f.startsWith(prefix) ? f.slice(prefix.length) : f).split(sep).join('/'))).slice(0, limit);
  }
  try {
    if ((await stat(locator)).isDirectory()) { const files: string[] = []; await walk(locator, files, limit); return files; }
  } catch { /* a missing path is reported by its reader */ }
  return [locator];
}

/**
 * Streams the items of every locator, each through its reader; a locator no reader takes is one
 * error item. Example: `for await (const it of readSources(['feeds/*.xml', 'https://…'], {})) …`
 */
export async function* readSources(locators: readonly string[], opts: ReadOptions, readers: readonly SourceReader[] = defaultReaders()): AsyncGenerator<SourceItem> {
  for (const loc of locators) {
    const paths = await expandLocator(loc);
    if (!paths.length) { yield { kind: 'error', origin: loc, reason: 'no files match' }; continue; }
    for (const p of paths) {
      if (opts.signal?.aborted) return;
      const reader = await readerFor(p, readers);
      if (!reader) {
        const why = extOf(p) || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) ? 'no reader for this kind of input' : 'unknown format (not HTML, a feed, WARC or JSONL)';
        yield { kind: 'error', origin: p, reason: why };
        continue;
      }
      try { yield* reader.read(p, opts); } catch (e) {
        // Readers report per-item problems themselves; this is the last line of defence for the run.
        yield { kind: 'error', origin: p, reason: `${reader.name} reader failed: ${String((e as Error)?.message ?? e).slice(0, 160)}` };
      }
    }
  }
}
