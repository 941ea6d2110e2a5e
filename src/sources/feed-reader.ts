/**
 * Feed files (.rss, .atom, and .xml whose root is a feed) → one item per feed entry. Fetched
 * feeds go through url-reader.ts, which hands the body to the same parseFeed.
 */
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { parseFeed } from './feed-parse.js';
import { decodeBytes } from './text-decode.js';
import { extOf, readFileCapped } from './file-bytes.js';
import { MAX_FEED_BYTES } from './limits.js';

/** Feed bytes → items (decoding by the XML declaration's encoding). */
export function feedItems(buf: Uint8Array, origin: string, opts: { published?: string | null; charset?: string | null }): SourceItem[] {
  const dec = decodeBytes(buf, opts.charset);
  if (!dec.ok) return [{ kind: 'error', origin, reason: dec.reason }];
  try { return parseFeed(dec.text, origin, { published: opts.published }).items; } catch (e) {
    return [{ kind: 'error', origin, reason: `feed could not be read: ${String((e as Error)?.message ?? e).slice(0, 120)}` }];
  }
}

export const feedReader: SourceReader = {
  name: 'feed',
  accepts(locator: string) {
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(locator) && ['.xml', '.rss', '.atom'].includes(extOf(locator));
  },
  async *read(locator: string, opts: ReadOptions): AsyncIterable<SourceItem> {
    const b = await readFileCapped(locator, MAX_FEED_BYTES);
    if (!b.ok) { yield { kind: 'error', origin: locator, reason: b.reason }; return; }
    yield* feedItems(b.buf, locator, { published: opts.published });
  },
};
