import { parseArgs } from 'node:util';
import { parsePublished } from '../io/read-input.js';
import { ingest, summaryText } from '../ingest/ingest.js';
import { progressBar } from '../ingest/progress-bar.js';
import { openStore } from '../store/open-store.js';
import { UsageError } from './main.js';
import { createAnalyzerPool } from '../scale/analyzer-pool.js';
import { DB_OPTION, withStore } from './store-option.js';

/** `sitrep ingest PATH… [--published DATE] [--db URL] [--format auto|records] [--force] [--quiet] [--json] [--workers N]` */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      ...DB_OPTION,
      published: { type: 'string' },
      format: { type: 'string', default: 'auto' },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'allow-private': { type: 'boolean', default: false },
      workers: { type: 'string' },
      'batch-size': { type: 'string' },
    },
  });
  if (!positionals.length) throw new UsageError('give one or more files, directories or globs to ingest');
  if (values.format !== 'auto' && values.format !== 'records') throw new UsageError(`--format must be auto or records, not "${values.format}"`);
  const published = values.published !== undefined ? parsePublished(values.published) : undefined;
  const workers = values.workers === undefined ? 0 : positiveInt(values.workers, '--workers', 256);
  const batchSize = values['batch-size'] === undefined ? undefined : positiveInt(values['batch-size'], '--batch-size', 10_000);
  const store = await openStore(values.db);
  // --workers N: N analyzer threads (each loads the pipeline once); this thread reads and writes.
  const executor = workers > 0 ? await createAnalyzerPool({ workers }) : undefined;
  // --progress forces plain progress lines where stderr is not a terminal (logs, tests).
  const bar = values.quiet ? null : progressBar({ plain: values.progress && !process.stderr.isTTY, every: values.progress ? 1 : 5 });
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await withStore(store, () => ingest(store, positionals, {
      published: published ?? null, format: values.format as 'auto' | 'records', force: values.force,
      allowPrivate: values['allow-private'], onProgress: bar?.update, signal: ac.signal, executor, batchSize,
    }));
    bar?.done();
    if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else process.stdout.write(summaryText(summary));
    return summary.aborted ? 130 : summary.failed ? 1 : 0;
  } finally {
    await executor?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function positiveInt(v: string, name: string, max: number): number {
  if (!/^\d+$/.test(v.trim()) || Number(v) > max) throw new UsageError(`${name} must be a whole number from 0 to ${max}, not "${v}"`);
  return Number(v);
}
