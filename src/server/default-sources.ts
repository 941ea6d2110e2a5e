/**
 * The HTML and URL readers the server uses by default (from src/sources). TODO(server): wire the
 * sources branch's readers here once merged; until then the server accepts text articles only.
 */
import type { ArticleSources } from './article-sources.js';

export function defaultSources(): ArticleSources {
  return {};
}
