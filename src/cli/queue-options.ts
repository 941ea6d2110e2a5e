/** Options shared by the queue commands (enqueue, worker, queue status). */
export const QUEUE_OPTIONS = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  prefix: { type: 'string' },
} as const;

export const QUEUE_HELP = '--redis redis://HOST:6379 (or $SITREP_REDIS) --queue NAME (default sitrep, or $SITREP_QUEUE)';
