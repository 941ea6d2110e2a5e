/**
 * The HTML and URL readers the server uses by default, from src/sources: Readability-based
 * extraction, and the guarded fetcher (timeouts, size caps, content-type checks, redirect limit,
 * SSRF rules after DNS resolution and on every redirect).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { htmlItem } from '../sources/html-reader.js';
import { fetchArticle } from '../sources/url-reader.js';
import { addressKind } from '../sources/address-guard.js';
import type { SourceItem } from '../sources/source.js';
import type { ArticleInput } from '../pipeline/doc.js';
import type { ArticleSources } from './article-sources.js';

function toInput(item: SourceItem): ArticleInput {
  if (item.kind === 'error') throw new Error(item.reason);
  return item.input;
}

/**
 * Refuses, before any job is queued, a URL whose host is or resolves to a private, loopback or
 * link-local address. The fetcher checks again on every connection and redirect (DNS can change).
 * @example await checkUrlTarget('http://127.0.0.1/x', false) // throws "… loopback address"
 */
export async function checkUrlTarget(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  let host: string;
  try { host = new URL(url).hostname.replace(/^\[|\]$/g, ''); } catch { throw new Error('not a valid URL'); }
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      // Unresolvable here: the fetch will report it as that item's failure.
      return;
    }
  }
  for (const a of addresses) {
    const kind = addressKind(a);
    if (kind) throw new Error(`${host} is a ${kind} address (${a}); the server refuses such targets unless started with --allow-private`);
  }
}

export function defaultSources(): ArticleSources {
  return {
    html: (html, { url, published }) => toInput(htmlItem(Buffer.from(html, 'utf8'), url ?? 'api (html)', { url, published, charset: 'utf-8' })),
    url: async (url, { allowPrivate, published, signal }) => toInput(await fetchArticle(url, { allowPrivate, published, signal })),
    checkUrl: checkUrlTarget,
  };
}
