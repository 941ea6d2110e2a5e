/** Queue test helpers: a unique queue per test, removed afterwards; CLI children. */
import { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { deadLetterName, redisConnection, type QueueSettings } from '../../src/scale/queue-config.js';
import { REDIS_URL, uniqueName } from './services.js';

export function testQueue(prefix = 'sitrep_test'): QueueSettings & { remove: () => Promise<void> } {
  const name = uniqueName(prefix);
  return {
    redis: REDIS_URL, name,
    async remove() {
      for (const n of [name, deadLetterName(name)]) {
        const q = new Queue(n, { connection: redisConnection(REDIS_URL) });
        try { await q.obliterate({ force: true }); } finally { await q.close(); }
      }
    },
  };
}

export const SITREP_BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');

export interface Child { proc: ChildProcess; stderr: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

/** Starts `sitrep ARGS…` as a child process, keeping its stderr for failure messages. */
export function sitrep(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const proc = spawn(process.execPath, [SITREP_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d) => { stderr.push(String(d)); if (stderr.length > 200) stderr.shift(); });
  proc.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { proc, stderr, exited };
}

export function sleep(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }
