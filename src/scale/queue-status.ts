/**
 * `sitrep queue status`: what is waiting, running, done and failed, and the dead letters with
 * their reasons. `sitrep queue retry-dead` puts dead letters back on the queue (after a fix).
 */
import { Queue } from 'bullmq';
import { deadLetterName, redisConnection, type ArticleJob, type DeadLetter, type QueueSettings } from './queue-config.js';
import { JOB_OPTIONS } from './queue-producer.js';

export interface QueueStatus {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  deadLettered: number;
  paused: boolean;
  /** workers connected now (null when the Redis server does not allow CLIENT LIST) */
  workers: number | null;
  /** the latest dead letters, newest first */
  recentDead: { origin: string; reason: string; attempts: number; failedAt: string }[];
}

/** @example const s = await queueStatus({ redis: 'redis://127.0.0.1:6379', name: 'sitrep' }); s.waiting */
export async function queueStatus(settings: QueueSettings, opts: { recent?: number } = {}): Promise<QueueStatus> {
  const connection = redisConnection(settings.redis);
  const queue = new Queue<ArticleJob>(settings.name, { connection, prefix: settings.prefix });
  const dead = new Queue<DeadLetter>(deadLetterName(settings.name), { connection, prefix: settings.prefix });
  try {
    const c = await queue.getJobCounts('wait', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const d = await dead.getJobCounts('wait', 'prioritized', 'delayed');
    const recent = await dead.getJobs(['wait'], 0, Math.max(0, (opts.recent ?? 5) - 1), false);
    let workers: number | null = null;
    try { workers = await queue.getWorkersCount(); } catch { workers = null; }
    return {
      queue: settings.name,
      waiting: (c.wait ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      deadLettered: Object.values(d).reduce((a, b) => a + (b ?? 0), 0),
      paused: await queue.isPaused(),
      workers,
      recentDead: recent.filter(Boolean).map((j) => ({ origin: j.data.job.origin, reason: j.data.reason, attempts: j.data.attempts, failedAt: j.data.failedAt })),
    };
  } finally {
    await Promise.allSettled([queue.close(), dead.close()]);
  }
}

/** Moves every dead letter back onto the queue as a fresh job; returns how many. */
export async function retryDead(settings: QueueSettings): Promise<number> {
  const connection = redisConnection(settings.redis);
  const queue = new Queue<ArticleJob>(settings.name, { connection, prefix: settings.prefix });
  const dead = new Queue<DeadLetter>(deadLetterName(settings.name), { connection, prefix: settings.prefix });
  let n = 0;
  try {
    for (;;) {
      const letters = await dead.getJobs(['wait'], 0, 99, true);
      if (!letters.length) break;
      for (const l of letters) {
        if (!l) continue;
        // The old failed job keeps its id in the failed set; remove it so the id can be reused.
        await queue.remove(l.data.jobId).catch(() => 0);
        await queue.add(l.data.job.kind, l.data.job, { ...JOB_OPTIONS, jobId: l.data.jobId });
        await l.remove();
        n++;
      }
    }
  } finally {
    await Promise.allSettled([queue.close(), dead.close()]);
  }
  return n;
}

/** The status as text lines. */
export function statusText(s: QueueStatus): string {
  const lines = [
    `queue "${s.queue}"${s.paused ? ' (paused)' : ''}: ${s.waiting} waiting, ${s.active} active, ${s.delayed} delayed (retry backoff), ${s.completed} completed, ${s.failed} failed, ${s.deadLettered} dead-lettered`,
    `workers connected: ${s.workers ?? 'unknown'}`,
  ];
  if (s.recentDead.length) {
    lines.push('latest dead letters:');
    for (const d of s.recentDead) lines.push(`  ${d.origin}: ${d.reason} (${d.attempts} attempts, ${d.failedAt})`);
  }
  return lines.join('\n') + '\n';
}
