import { parseArgs } from 'node:util';
import { parsePublished } from '../io/read-input.js';
import { enqueue } from '../scale/queue-producer.js';
import { queueSettings, redisLabel } from '../scale/queue-config.js';
import { UsageError } from './main.js';
import { QUEUE_OPTIONS } from './queue-options.js';

/** `sitrep enqueue PATH|URL|FEED… [--published DATE] [--redis URL] [--queue NAME] [--high-water N] [--json]` */
export async function enqueueCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      ...QUEUE_OPTIONS,
      published: { type: 'string' },
      'high-water': { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!positionals.length) throw new UsageError('give files, directories, globs, feeds or URLs to enqueue');
  const settings = queueSettings(values);
  const published = values.published !== undefined ? parsePublished(values.published) : null;
  const highWater = values['high-water'] === undefined ? undefined : Number(values['high-water']);
  if (highWater !== undefined && !(Number.isInteger(highWater) && highWater >= 1)) throw new UsageError(`--high-water must be a whole number ≥ 1, not "${values['high-water']}"`);
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let last = 0;
  try {
    const s = await enqueue(settings, positionals, {
      published, highWater, allowPrivate: values['allow-private'], signal: ac.signal,
      onProgress: values.quiet ? undefined : (p) => {
        if (Date.now() - last < 1000) return;
        last = Date.now();
        process.stderr.write(`enqueue: ${p.enqueued} queued, ${p.deadLettered} unreadable${p.pauses ? `, waited ${p.pauses}× for workers` : ''}\n`);
      },
    });
    if (values.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
    else {
      process.stdout.write(`${s.enqueued} articles queued on "${settings.name}" at ${redisLabel(settings.redis)} in ${(s.elapsedMs / 1000).toFixed(1)} s; ${s.deadLettered} unreadable items dead-lettered${s.pauses ? `; paused ${s.pauses}× at the high-water mark` : ''}${s.aborted ? ' — interrupted' : ''}\n`);
      for (const f of s.failures.slice(0, 20)) process.stdout.write(`  ${f.origin}: ${f.reason}\n`);
      if (s.failures.length > 20) process.stdout.write(`  … and ${s.failures.length - 20} more\n`);
    }
    return s.aborted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
