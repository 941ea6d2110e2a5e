/**
 * URLs (http/https) → items: an HTML page is one article, a feed is one item per entry, plain
 * text is one article. Every guard of url-fetcher.ts applies (SSRF, timeout, size, type).
 */
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { fetchResource, type FetchOptions } from './url-fetcher.js';
import { htmlItem } from './html-reader.js';
import { feedItems } from './feed-reader.js';
import { decodeBytes } from './text-decode.js';
import { MAX_FEED_BYTES, MAX_TEXT_BYTES } from './limits.js';

export type UrlReadOptions = ReadOptions & Omit<FetchOptions, 'signal' | 'allowPrivate'>;

/** Fetched bytes of a known kind → items (shared with the feed watcher). */
export function bodyItems(kind: 'html' | 'feed' | 'text', body: Buffer, origin: string, o: { url: string; charset: string | null; published?: string | null }): SourceItem[] {
  if (kind === 'html') return [htmlItem(body, origin, { url: o.url, published: o.published, charset: o.charset })];
  if (kind === 'feed') return feedItems(body, origin, { published: o.published, charset: o.charset });
  if (body.length > MAX_TEXT_BYTES) return [{ kind: 'error', origin, reason: `text is ${body.length} bytes; the limit is ${MAX_TEXT_BYTES}` }];
  const dec = decodeBytes(body, o.charset);
  if (!dec.ok) return [{ kind: 'error', origin, reason: dec.reason }];
  return [{ kind: 'article', origin, key: o.url, input: { text: dec.text, url: o.url, published: o.published ?? null }, notes: [] }];
}

/**
 * Fetches one article (HTML page or plain text). A feed URL is an error here: use the URL reader.
 * Example: `await fetchArticle('https://example.com/news/1', { allowPrivate: false })`.
 */
export async function fetchArticle(url: string, opts: UrlReadOptions = {}): Promise<SourceItem> {
  const r = await fetchResource(url, { ...opts, accept: ['html', 'text'] });
  if (!r.ok) return { kind: 'error', origin: url, reason: r.reason };
  return bodyItems(r.kind as 'html' | 'text', r.body, url, { url: r.url, charset: r.charset, published: opts.published })[0];
}

export const urlReader: SourceReader = {
  name: 'url',
  accepts(locator: string) { return /^https?:\/\//i.test(locator); },
  async *read(locator: string, opts: UrlReadOptions): AsyncIterable<SourceItem> {
    const r = await fetchResource(locator, { ...opts, maxBytes: opts.maxBytes ?? MAX_FEED_BYTES });
    if (!r.ok) { yield { kind: 'error', origin: locator, reason: r.reason }; return; }
    yield* bodyItems(r.kind!, r.body, locator, { url: r.url, charset: r.charset, published: opts.published });
  },
};
