import { parseArgs } from 'node:util';
import { queueStatus, retryDead, statusText } from '../scale/queue-status.js';
import { queueSettings } from '../scale/queue-config.js';
import { UsageError } from './main.js';
import { QUEUE_OPTIONS } from './queue-options.js';

/** `sitrep queue status [--json] | queue retry-dead` */
export async function queueCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...QUEUE_OPTIONS, json: { type: 'boolean', default: false }, recent: { type: 'string', default: '5' } },
  });
  const sub = positionals[0];
  const settings = queueSettings(values);
  if (sub === 'status') {
    const s = await queueStatus(settings, { recent: Math.max(0, Number(values.recent) || 0) });
    process.stdout.write(values.json ? JSON.stringify(s, null, 2) + '\n' : statusText(s));
    return 0;
  }
  if (sub === 'retry-dead') {
    const n = await retryDead(settings);
    process.stdout.write(`${n} dead letters put back on "${settings.name}"\n`);
    return 0;
  }
  throw new UsageError(sub ? `unknown queue command "${sub}": use status or retry-dead` : 'use: queue status | queue retry-dead');
}
