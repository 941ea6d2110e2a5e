/**
 * `sitrep watch FEED… [--every 10m] [--state FILE] [--once] [--allow-private]`: polls feeds and
 * hands new items to the ingest callback. Until the knowledge base wires its ingest in with
 * `setWatchIngest`, new items are printed as JSONL ({id, text, title, published, url, …}),
 * which `sitrep analyze --jsonl -` reads.
 */
import { parseArgs } from 'node:util';
import { watchFeeds, parseInterval, type PollReport } from '../sources/feed-watcher.js';
import type { SourceArticle } from '../sources/source.js';
import { parsePublished } from '../io/read-input.js';
import { UsageError } from './main.js';
import { openStore } from '../store/open-store.js';
import { ingest as ingestInto } from '../ingest/ingest.js';
import type { SourceReader } from '../sources/source.js';

export type WatchIngest = (items: SourceArticle[], feed: string) => unknown | Promise<unknown>;

/** Prints each article as one JSON line on stdout. */
export const printItems: WatchIngest = (items) => {
  for (const it of items) {
    process.stdout.write(JSON.stringify({ id: it.key ?? it.input.url ?? it.origin, ...it.input, origin: it.origin, notes: it.notes ?? [] }) + '\n');
  }
};

let ingest: WatchIngest = printItems;

/** Wires the ingest function `watch` delivers new items to (the knowledge base's). */
export function setWatchIngest(fn: WatchIngest): void { ingest = fn; }

export async function watchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      every: { type: 'string', default: '10m' },
      state: { type: 'string', default: '.sitrep/watch-state.json' },
      once: { type: 'boolean', default: false },
      'allow-private': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '20s' },
      published: { type: 'string' },
      db: { type: 'string' },
      print: { type: 'boolean', default: false },
    },
  });
  if (!positionals.length) throw new UsageError('give at least one feed URL or file');
  let every: number, timeoutMs: number;
  try { every = parseInterval(values.every!); timeoutMs = parseInterval(values.timeout!); } catch (e) { throw new UsageError((e as Error).message); }
  const published = values.published !== undefined ? parsePublished(values.published) : null;
  // New items go into the knowledge base (--db, default ./sitrep.db or $SITREP_DB) through the
  // same ingest path as `sitrep ingest`; --print writes them as JSON lines instead.
  const store = values.print ? null : await openStore(values.db);
  if (store) {
    setWatchIngest(async (items, feed) => {
      const reader: SourceReader = { name: 'watch', accepts: (l) => l === '-', async *read() { yield* items; } };
      const s = await ingestInto(store, ['-'], { readers: [reader], published });
      process.stderr.write(`sitrep watch: ${feed}: ${s.new} new, ${s.unchanged} already stored, ${s.newEvents} new events, ${s.fusedEvents} fused, ${s.failed} failed\n`);
    });
  }
  const ac = new AbortController();
  const stop = () => { process.stderr.write('sitrep watch: stopping after this round\n'); ac.abort(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let delivered = 0, errors = 0;
  try {
    await watchFeeds(positionals, {
      every, once: values.once, statePath: values.state || null, signal: ac.signal, published,
      fetch: { allowPrivate: values['allow-private'], timeoutMs },
      onItems: ingest,
      onPoll: (r: PollReport) => {
        if (r.status === 'error') errors++;
        delivered += r.delivered;
        if (r.status !== 'error') process.stderr.write(`sitrep watch: ${r.feed}: ${r.status === 'new' ? `${r.delivered} new` : r.status}\n`);
      },
      log: (line) => process.stderr.write(`sitrep ${line}\n`),
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store?.close();
  }
  if (values.once) process.stderr.write(`sitrep watch: ${delivered} new items, ${errors} feed errors\n`);
  return values.once && errors && !delivered ? 1 : 0;
}
