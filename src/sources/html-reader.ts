/**
 * Saved HTML pages (.html, .htm, .xhtml) → one article each. The HTML itself is read by
 * extractHtml (html-extract.ts), which fetched pages and WARC records share.
 */
import type { ArticleInput } from '../pipeline/doc.js';
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { extractHtml } from './html-extract.js';
import { decodeBytes } from './text-decode.js';
import { extOf, readFileCapped } from './file-bytes.js';
import { MAX_HTML_BYTES } from './limits.js';

/**
 * One HTML document (bytes) → a SourceItem. `charset` is the HTTP header's, when there was one.
 * Example: `htmlItem(buf, 'page.html', { url: 'https://…', published: null })`.
 */
export function htmlItem(buf: Uint8Array, origin: string, o: { url?: string | null; published?: string | null; charset?: string | null }): SourceItem {
  if (buf.length > MAX_HTML_BYTES) return { kind: 'error', origin, reason: `HTML is ${buf.length} bytes; the limit is ${MAX_HTML_BYTES}` };
  const dec = decodeBytes(buf, o.charset);
  if (!dec.ok) return { kind: 'error', origin, reason: dec.reason };
  let r;
  try { r = extractHtml(dec.text, { url: o.url ?? null, published: o.published ?? null }); } catch (e) {
    // Readability/linkedom on hostile markup: contain it to this one item.
    return { kind: 'error', origin, reason: `HTML could not be read: ${String((e as Error)?.message ?? e).slice(0, 120)}` };
  }
  if (!r.ok) return { kind: 'error', origin, reason: r.reason };
  const notes: string[] = [];
  if (r.value.truncated) notes.push('text truncated at the size limit');
  if (r.value.method === 'paragraphs') notes.push('page too deeply nested for Readability: paragraphs only');
  if (dec.replaced) notes.push(`${dec.replaced} invalid UTF-8 sequences replaced`);
  if (r.value.publishedFrom) notes.push(`published date from ${r.value.publishedFrom}`);
  const input: ArticleInput = r.value.input;
  return { kind: 'article', origin, input, notes };
}

export const htmlReader: SourceReader = {
  name: 'html',
  accepts(locator: string) {
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(locator) && ['.html', '.htm', '.xhtml'].includes(extOf(locator));
  },
  async *read(locator: string, opts: ReadOptions): AsyncIterable<SourceItem> {
    const b = await readFileCapped(locator, MAX_HTML_BYTES);
    if (!b.ok) { yield { kind: 'error', origin: locator, reason: b.reason }; return; }
    yield htmlItem(b.buf, locator, { url: null, published: opts.published ?? null });
  },
};
