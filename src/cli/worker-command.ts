import { parseArgs } from 'node:util';
import { runWorker } from '../scale/queue-worker.js';
import { queueSettings, redisLabel } from '../scale/queue-config.js';
import { UsageError } from './main.js';
import { QUEUE_OPTIONS } from './queue-options.js';
import { DB_OPTION } from './store-option.js';

/**
 * `sitrep worker --redis URL --db postgres://… [--concurrency N] [--lock-ms MS]`: runs until
 * SIGTERM or SIGINT, then finishes the jobs in hand and exits 0; a second signal stops at once
 * (those jobs return to the queue when their lock expires).
 */
export async function workerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      ...QUEUE_OPTIONS, ...DB_OPTION,
      concurrency: { type: 'string', default: '1' },
      'lock-ms': { type: 'string' },
      'in-process': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length) throw new UsageError(`worker takes no arguments (got "${positionals[0]}")`);
  const settings = queueSettings(values);
  const concurrency = int(values.concurrency, '--concurrency', 1, 64);
  const lockMs = values['lock-ms'] === undefined ? undefined : int(values['lock-ms'], '--lock-ms', 1000, 3_600_000);
  const graceful = new AbortController();
  const force = new AbortController();
  const log = (line: string) => { if (!values.quiet) process.stderr.write(`worker: ${line}\n`); };
  const onSignal = (sig: NodeJS.Signals) => {
    if (!graceful.signal.aborted) { log(`${sig}: finishing the jobs in hand (send again to stop at once)`); graceful.abort(); } else { log(`${sig}: stopping now`); force.abort(); }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let last = 0;
  try {
    const p = await runWorker(settings, {
      db: values.db, concurrency, lockMs, inProcess: values['in-process'], signal: graceful.signal, forceSignal: force.signal, onLog: log,
      onProgress: (x) => {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        log(`${x.completed} done (${x.stored} stored, ${x.unchanged} unchanged), ${x.failed} failed, ${x.retried} retries, ${(x.completed / Math.max(1, x.elapsedMs / 1000)).toFixed(1)}/s`);
      },
    });
    log(`stopped: ${p.completed} done (${p.stored} stored, ${p.unchanged} unchanged), ${p.failed} failed for good, ${p.retried} retries, from ${redisLabel(settings.redis)}`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function int(v: string, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
  return n;
}
