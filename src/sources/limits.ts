/**
 * Size, depth and time limits shared by every reader. Untrusted input is capped before it is
 * parsed: a news article never needs more, and each cap turns a hostile input (huge page, gzip
 * bomb, feed that never ends, 100,000 nested tags) into a one-line SourceError for that item.
 */

/** Largest HTML page we parse (bytes, before decoding). Real article pages are 50 KB–2 MB. */
export const MAX_HTML_BYTES = 8 * 1024 * 1024;
/** Largest feed document (bytes). Big feeds are ~1 MB; fast-xml-parser holds the whole tree. */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;
/** Largest plain-text article (bytes); same as the analyzer's own input cap. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** Largest single WARC record payload we look at; bigger records are streamed past and reported. */
export const MAX_WARC_RECORD_BYTES = 8 * 1024 * 1024;
/** Largest JSONL line (characters); longer lines are reported and skipped without being held. */
export const MAX_JSONL_LINE_CHARS = 8 * 1024 * 1024;
/** Largest extracted article text (characters); longer text is cut at a paragraph and flagged. */
export const MAX_ARTICLE_CHARS = 1024 * 1024;
/**
 * Deepest element nesting handed to Readability. Readability's cost grows steeply with depth
 * (measured: depth 200 → 0.3 s, 400 → 1.4 s, 1,000 → 29 s, 10,000 → stack overflow), while real
 * news pages nest 20–60 levels. Deeper documents fall back to a flat paragraph walk.
 */
export const MAX_READABILITY_DEPTH = 250;
/**
 * Nesting above which an HTML document is refused before parsing at all: linkedom's own parse
 * time grows quadratically with depth (100,000 levels → ~7 s).
 */
export const MAX_HTML_DEPTH = 5000;
/** Network: overall time for one fetch (connect + headers + body), and redirect hops. */
export const FETCH_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;
