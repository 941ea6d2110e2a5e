/**
 * news-please style JSONL (one article a line: title, maintext, date_publish, url,
 * source_domain, authors, language, description), also accepting sitrep's own
 * {id, text, title, published, url} lines; `.jsonl.gz` is gunzipped as a stream. A bad line is an
 * error item naming its line number; the file keeps streaming.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { ArticleInput } from '../pipeline/doc.js';
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { parseDateLoose } from './date-parse.js';
import { extOf } from './file-bytes.js';
import { lines } from './line-stream.js';
import { MAX_ARTICLE_CHARS, MAX_JSONL_LINE_CHARS } from './limits.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * One parsed JSON line → an item. Example:
 * `jsonlItem({ title: 'T', maintext: 'Body', date_publish: '2024-03-18 09:00:00' }, 'a.jsonl#line 1', {})`.
 */
export function jsonlItem(obj: unknown, origin: string, opts: { published?: string | null }): SourceItem {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { kind: 'error', origin, reason: 'line is not a JSON object' };
  const o = obj as Record<string, unknown>;
  let text = str(o.maintext) ?? str(o.text);
  if (!text) return { kind: 'error', origin, reason: 'no "maintext" (or "text") field with article text' };
  const notes: string[] = [];
  if (text.length > MAX_ARTICLE_CHARS) { text = text.slice(0, MAX_ARTICLE_CHARS); notes.push('text truncated at the size limit'); }
  const rawDate = str(o.date_publish) ?? str(o.published);
  let published = parseDateLoose(rawDate);
  if (rawDate && !published) notes.push(`date "${rawDate.slice(0, 40)}" not understood`);
  published ??= opts.published ?? null;
  const authors = Array.isArray(o.authors) ? o.authors.filter((a): a is string => typeof a === 'string' && !!a.trim()).map((a) => a.trim()).slice(0, 20) : [];
  const description = str(o.description);
  const title = str(o.title) ?? str(o.title_page) ?? str(o.title_rss);
  // news-please's description is often just the opening of maintext; only a real dek is a subtitle.
  const dek = description && description !== title && !text.replace(/\s+/g, ' ').startsWith(description.replace(/\s+/g, ' ').replace(/(?:\.\.\.|…)$/, '').slice(0, 80)) ? description : null;
  const lang = str(o.language);
  const input: ArticleInput = {
    text,
    id: str(o.id),
    title,
    subtitle: dek && dek.length <= 400 ? dek : null,
    published,
    url: str(o.url),
    outlet: str(o.source_domain) ?? str(o.outlet),
    authors,
    language: lang && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang.split('-')[0] : null,
  };
  return { kind: 'article', origin, input, key: input.url ?? input.id ?? undefined, notes };
}

/** Items from a stream of JSONL bytes. */
export async function* jsonlItems(stream: AsyncIterable<Buffer>, label: string, opts: ReadOptions): AsyncGenerator<SourceItem> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const l of lines(stream, MAX_JSONL_LINE_CHARS)) {
      const origin = `${label}#line ${l.n}`;
      if ('tooLong' in l) { yield { kind: 'error', origin, reason: `line is ${l.tooLong} bytes; the limit is ${MAX_JSONL_LINE_CHARS}` }; continue; }
      let s: string;
      try { s = utf8.decode(l.bytes); } catch { yield { kind: 'error', origin, reason: 'line is not valid UTF-8' }; continue; }
      if (!s.trim()) continue;
      let obj: unknown;
      try { obj = JSON.parse(s); } catch (e) { yield { kind: 'error', origin, reason: `not valid JSON (${(e as Error).message.slice(0, 80)})` }; continue; }
      yield jsonlItem(obj, origin, opts);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield { kind: 'error', origin: label, reason: code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'gzip data is corrupt or truncated' : `read failed: ${code ?? (e as Error).message}` };
  }
}

export const jsonlReader: SourceReader = {
  name: 'jsonl',
  accepts(locator: string) {
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(locator) && ['.jsonl', '.ndjson', '.jsonl.gz'].includes(extOf(locator));
  },
  async *read(locator: string, opts: ReadOptions): AsyncIterable<SourceItem> {
    try { if ((await stat(locator)).isDirectory()) { yield { kind: 'error', origin: locator, reason: 'is a directory, not a file' }; return; } } catch {
      yield { kind: 'error', origin: locator, reason: 'no such file' }; return;
    }
    let stream: Readable = createReadStream(locator);
    if (extOf(locator) === '.jsonl.gz') {
      const src = stream, gz = createGunzip();
      src.on('error', (e) => gz.destroy(e));
      stream = src.pipe(gz);
    }
    yield* jsonlItems(stream, locator, opts);
  },
};
