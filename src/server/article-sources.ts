/**
 * How POST /api/articles turns HTML and URLs into analyzer input. The readers live in src/sources
 * (HTML extraction, guarded fetching); the server takes them as functions so tests and deployments
 * can choose, and text articles never depend on them.
 */
import type { ArticleInput } from '../pipeline/doc.js';

export interface ArticleSources {
  /** Extracts the article (main text and metadata) from a page's HTML. */
  html?: (html: string, opts: { url: string | null; published: string | null }) => Promise<ArticleInput> | ArticleInput;
  /**
   * Fetches a URL and extracts its article; must refuse private, loopback and link-local addresses
   * (after DNS resolution and on every redirect) unless allowPrivate.
   */
  url?: (url: string, opts: { allowPrivate: boolean; published: string | null; signal: AbortSignal }) => Promise<ArticleInput>;
  /** Throws (one line) when a URL's target is refused; run before the job is queued (403). */
  checkUrl?: (url: string, allowPrivate: boolean) => Promise<void>;
}
