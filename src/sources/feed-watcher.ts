/**
 * Polling feeds: every interval, fetch each feed with a conditional GET (ETag /
 * Last-Modified), hand only new items to `onItems`, and remember what was seen in a small JSON
 * state file so a restart does not re-ingest. A broken feed (HTTP error, invalid XML, a body
 * that never ends, a timeout) costs one log line and is retried next round; the others go on.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SourceArticle, SourceItem } from './source.js';
import { fetchResource, type FetchOptions } from './url-fetcher.js';
import { bodyItems } from './url-reader.js';
import { feedReader } from './feed-reader.js';
import { MAX_FEED_BYTES } from './limits.js';

/** "30s", "10m", "1h", "1d", "1500ms" → milliseconds. Example: `parseInterval('10m')` → 600000. */
export function parseInterval(s: string | number): number {
  if (typeof s === 'number') { if (!(s > 0)) throw new RangeError(`interval must be positive, not ${s}`); return s; }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(s);
  if (!m) throw new RangeError(`bad interval "${s}": use e.g. 30s, 10m, 1h`);
  const mult = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * mult;
  if (!(ms >= 1)) throw new RangeError(`bad interval "${s}": must be at least 1 ms`);
  return ms;
}

interface FeedState {
  etag?: string | null;
  lastModified?: string | null;
  /** keys (guid, link or content hash) and urls of items already delivered, oldest first */
  seen: string[];
  lastPolled?: string;
  lastError?: string | null;
}
export interface WatchState { version: 1; feeds: Record<string, FeedState> }

export interface PollReport { feed: string; status: 'new' | 'unchanged' | 'not-modified' | 'error'; delivered: number; reason?: string }

export interface WatchOptions {
  /** poll interval: ms or "10m" */
  every: number | string;
  /** receives the new articles of one feed; throwing leaves them unseen (retried next round) */
  onItems: (items: SourceArticle[], feed: string) => unknown | Promise<unknown>;
  /** JSON file holding seen items and validators; null keeps state in memory only */
  statePath?: string | null;
  /** one line per problem (default: stderr) */
  log?: (line: string) => void;
  /** called after each feed is polled */
  onPoll?: (r: PollReport) => void;
  signal?: AbortSignal;
  /** poll once and return (cron, tests) */
  once?: boolean;
  /** fetch guards (allowPrivate, timeoutMs, maxBytes, seams) */
  fetch?: Omit<FetchOptions, 'headers' | 'signal' | 'accept'>;
  /** how many seen keys to keep per feed (feeds show their latest items; old keys can go) */
  maxSeen?: number;
  published?: string | null;
}

export async function loadWatchState(path: string | null | undefined): Promise<WatchState> {
  if (!path) return { version: 1, feeds: {} };
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as WatchState;
    if (data && data.version === 1 && data.feeds && typeof data.feeds === 'object') return data;
  } catch { /* missing or unreadable: start fresh (a corrupt file is replaced at the next save) */ }
  return { version: 1, feeds: {} };
}

async function saveWatchState(path: string | null | undefined, state: WatchState): Promise<void> {
  if (!path) return;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 1));
  await rename(tmp, path); // atomic: a crash never leaves a half-written state file
}

async function fetchFeed(feed: string, st: FeedState, opts: WatchOptions): Promise<{ items: SourceItem[] } | { notModified: true } | { error: string }> {
  if (!/^https?:\/\//i.test(feed)) {
    const items: SourceItem[] = [];
    for await (const it of feedReader.read(feed, { published: opts.published })) items.push(it);
    return { items };
  }
  const headers: Record<string, string> = {};
  if (st.etag) headers['if-none-match'] = st.etag;
  if (st.lastModified) headers['if-modified-since'] = st.lastModified;
  const r = await fetchResource(feed, { maxBytes: MAX_FEED_BYTES, ...opts.fetch, headers, accept: ['feed'], signal: opts.signal });
  if (!r.ok) return { error: r.reason };
  if (r.status === 304) return { notModified: true };
  st.etag = typeof r.headers.etag === 'string' ? r.headers.etag : null;
  st.lastModified = typeof r.headers['last-modified'] === 'string' ? r.headers['last-modified'] : null;
  return { items: bodyItems('feed', r.body, feed, { url: r.url, charset: r.charset, published: opts.published }) };
}

/** One round over all feeds; returns what happened to each. State is updated in place. */
export async function pollFeeds(feeds: readonly string[], state: WatchState, opts: WatchOptions): Promise<PollReport[]> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const maxSeen = opts.maxSeen ?? 5000;
  const reports: PollReport[] = [];
  for (const feed of feeds) {
    if (opts.signal?.aborted) break;
    const st = (state.feeds[feed] ??= { seen: [] });
    st.lastPolled = new Date().toISOString();
    let report: PollReport;
    try {
      const got = await fetchFeed(feed, st, opts);
      if ('error' in got) report = { feed, status: 'error', delivered: 0, reason: got.error };
      else if ('notModified' in got) report = { feed, status: 'not-modified', delivered: 0 };
      else {
        const feedError = got.items.find((i) => i.kind === 'error' && i.origin === feed);
        if (feedError && feedError.kind === 'error') report = { feed, status: 'error', delivered: 0, reason: feedError.reason };
        else {
          const seen = new Set(st.seen);
          const fresh: SourceArticle[] = [];
          for (const it of got.items) {
            if (it.kind !== 'article') continue;
            const keys = [it.key, it.input.url].filter((k): k is string => !!k);
            if (keys.some((k) => seen.has(k))) continue;
            for (const k of keys) seen.add(k);
            fresh.push(it);
          }
          if (fresh.length) {
            await opts.onItems(fresh, feed);
            // Marked seen only after delivery succeeded: at-least-once, never silently dropped.
            for (const it of fresh) for (const k of [it.key, it.input.url]) if (k && !st.seen.includes(k)) st.seen.push(k);
            if (st.seen.length > maxSeen) st.seen.splice(0, st.seen.length - maxSeen);
          }
          report = { feed, status: fresh.length ? 'new' : 'unchanged', delivered: fresh.length };
        }
      }
    } catch (e) {
      report = { feed, status: 'error', delivered: 0, reason: `ingest failed: ${String((e as Error)?.message ?? e).slice(0, 160)}` };
    }
    st.lastError = report.reason ?? null;
    if (report.status === 'error') log(`watch: ${feed}: ${report.reason}`);
    opts.onPoll?.(report);
    reports.push(report);
  }
  await saveWatchState(opts.statePath, state);
  return reports;
}

/**
 * Polls `feeds` every `opts.every` until `opts.signal` aborts (or once, with `once: true`).
 * Example: `await watchFeeds(['https://example.com/rss'], { every: '10m', statePath: '.sitrep/watch.json', onItems: ingest })`.
 */
export async function watchFeeds(feeds: readonly string[], opts: WatchOptions): Promise<void> {
  const every = parseInterval(opts.every);
  const state = await loadWatchState(opts.statePath);
  for (;;) {
    await pollFeeds(feeds, state, opts);
    if (opts.once || opts.signal?.aborted) return;
    try { await sleep(every, undefined, { signal: opts.signal }); } catch { return; }
  }
}
