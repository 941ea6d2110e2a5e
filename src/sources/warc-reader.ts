/**
 * WARC files (.warc, .warc.gz — e.g. CC-NEWS) streamed record by record: the file is read
 * through zlib's gunzip (which handles the one-member-per-record gzip that crawlers write)
 * and the incremental parser in warc-parse.ts, so memory stays at one record whatever the
 * file size. HTML responses go to the HTML reader (WARC-Target-URI as url, WARC-Date as the
 * fallback published date); everything else is counted as skipped, with the reason.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { openMaybeGzip } from './gzip-stream.js';
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { parseHttpResponse, warcRecords, type WarcRecord } from './warc-parse.js';
import { htmlItem } from './html-reader.js';
import { sniffKind } from './url-fetcher.js';
import { parseDateLoose } from './date-parse.js';
import { extOf } from './file-bytes.js';
import { MAX_HTML_BYTES, MAX_WARC_RECORD_BYTES } from './limits.js';

/** Counts for one WARC file: every record is an article, an error or a skip. */
export interface WarcStats {
  records: number;
  articles: number;
  errors: number;
  skipped: number;
  /** skip reasons ("warcinfo record", "HTTP 404", "not HTML: image/jpeg") → count */
  skippedBy: Record<string, number>;
}

export const newWarcStats = (): WarcStats => ({ records: 0, articles: 0, errors: 0, skipped: 0, skippedBy: {} });


function decodePayload(body: Buffer, enc: string): Buffer | string {
  const e = enc.trim().toLowerCase();
  try {
    // Crawlers usually store payloads decoded but keep the header; only decode what really is compressed.
    if ((e === 'gzip' || e === 'x-gzip') && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, { maxOutputLength: MAX_HTML_BYTES });
    if (e === 'deflate' && body[0] === 0x78) return inflateSync(body, { maxOutputLength: MAX_HTML_BYTES });
    if (e === 'br') { try { return brotliDecompressSync(body, { maxOutputLength: MAX_HTML_BYTES }); } catch { return body; } }
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `compressed payload expands past ${MAX_HTML_BYTES} bytes` : 'compressed payload is corrupt';
  }
  return body;
}

type Outcome = SourceItem | { kind: 'skip'; reason: string };

function recordOutcome(r: WarcRecord, origin: string, opts: ReadOptions): Outcome {
  const h = r.headers;
  const type = (h.get('warc-type') ?? '').toLowerCase();
  const url = h.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null;
  const published = parseDateLoose(h.get('warc-date')) ?? opts.published ?? null;
  let status = 200, ctype = '', payload: Buffer = r.body, enc = '';
  if (type === 'response') {
    if (!/application\/http/i.test(h.get('content-type') ?? 'application/http')) return { kind: 'skip', reason: `response record of type ${h.get('content-type')}` };
    const http = parseHttpResponse(r.body);
    if (!http) return { kind: 'error', origin, reason: 'HTTP response in the record could not be parsed' };
    status = http.status; ctype = http.headers.get('content-type') ?? ''; payload = http.body; enc = http.headers.get('content-encoding') ?? '';
  } else if (type === 'resource' || type === 'conversion') {
    ctype = h.get('content-type') ?? '';
  } else {
    return { kind: 'skip', reason: `${type || 'untyped'} record` };
  }
  if (status !== 200) return { kind: 'skip', reason: `HTTP ${status}` };
  const decoded = decodePayload(payload, enc);
  if (typeof decoded === 'string') return { kind: 'error', origin, reason: decoded };
  const kind = sniffKind(ctype, decoded.subarray(0, 1024));
  if (kind !== 'html') return { kind: 'skip', reason: `not HTML: ${ctype.split(';')[0].trim().toLowerCase() || 'unknown type'}` };
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ctype)?.[1] ?? null;
  const item = htmlItem(decoded, origin, { url, published, charset });
  if (item.kind === 'article') {
    item.key = h.get('warc-record-id') ?? url ?? undefined;
    if (item.notes?.includes('published date from fallback') && published && published !== opts.published) {
      item.notes = item.notes.map((n) => (n === 'published date from fallback' ? 'published date from WARC-Date (crawl time)' : n));
    }
  }
  return item;
}

/**
 * Items from a decompressed WARC byte stream; `stats` (if given) is updated as records pass.
 * Example: `for await (const it of warcItems(stream, 'cc.warc.gz', {}, stats)) …`
 */
export async function* warcItems(stream: AsyncIterable<Buffer>, label: string, opts: ReadOptions, stats: WarcStats = newWarcStats()): AsyncGenerator<SourceItem> {
  try {
    for await (const r of warcRecords(stream, MAX_WARC_RECORD_BYTES)) {
      stats.records++;
      const origin = `${label}#record ${r.n}`;
      if (r.kind === 'problem') { stats.errors++; yield { kind: 'error', origin, reason: r.reason }; continue; }
      let out: Outcome;
      try { out = recordOutcome(r, origin, opts); } catch (e) { out = { kind: 'error', origin, reason: `record could not be read: ${String((e as Error)?.message ?? e).slice(0, 120)}` }; }
      if (out.kind === 'skip') { stats.skipped++; stats.skippedBy[out.reason] = (stats.skippedBy[out.reason] ?? 0) + 1; continue; }
      if (out.kind === 'article') stats.articles++; else stats.errors++;
      yield out;
      if (opts.signal?.aborted) return;
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    stats.errors++;
    yield { kind: 'error', origin: label, reason: code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'gzip data is corrupt or truncated; the rest of the file was not read' : String((e as Error).message ?? e).slice(0, 160) };
  }
}

/** Opens a WARC file as a decompressed byte stream (gzip detected by its magic bytes), guarding against gzip bombs. */
export const openWarc = (path: string): Promise<Readable> => openMaybeGzip(path);

export const warcReader: SourceReader & { readWithStats(locator: string, opts: ReadOptions, stats: WarcStats): AsyncIterable<SourceItem> } = {
  name: 'warc',
  accepts(locator: string) {
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(locator) && ['.warc', '.warc.gz'].includes(extOf(locator));
  },
  read(locator: string, opts: ReadOptions) { return this.readWithStats(locator, opts, newWarcStats()); },
  async *readWithStats(locator: string, opts: ReadOptions, stats: WarcStats): AsyncIterable<SourceItem> {
    let stream: Readable;
    try { stream = await openWarc(locator); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield { kind: 'error', origin: locator, reason: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read: ${code ?? (e as Error).message}` };
      return;
    }
    try { yield* warcItems(stream, locator, opts, stats); } finally { stream.destroy(); }
  },
};
