/**
 * The distributed work queue's shared settings: a BullMQ queue in Redis (`sitrep enqueue` adds,
 * `sitrep worker` processes, `sitrep queue status` counts) and its dead-letter queue, which
 * holds every article that failed for good, with the reason.
 *
 * Each job is one article: either its text and metadata (files, feed items, JSONL lines read by
 * the producer), or a URL that the worker fetches. The job id is derived from the input, so the
 * same article enqueued twice while the first is still queued is one job.
 */
import type { ConnectionOptions } from 'bullmq';
import type { ArticleInput } from '../pipeline/doc.js';
import { InputError } from '../io/read-input.js';

export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'sitrep';

export interface QueueSettings {
  /** redis://[user:password@]host[:port][/db] or rediss:// for TLS */
  redis: string;
  /** queue name; several independent deployments can share one Redis with different names */
  name: string;
  /** Redis key prefix (BullMQ's `prefix`, default "bull") */
  prefix?: string;
}

export type ArticleJob =
  | { v: 1; kind: 'article'; origin: string; input: ArticleInput; published: string | null }
  | { v: 1; kind: 'locator'; origin: string; locator: string; published: string | null; allowPrivate: boolean };

/** What a dead-lettered job holds: the job as it was, why it failed, and how often it was tried. */
export interface DeadLetter {
  job: ArticleJob;
  jobId: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

/** Retries: 5 attempts, waiting 1 s, 2 s, 4 s, 8 s (exponential) between them. */
export const JOB_ATTEMPTS = 5;
export const BACKOFF_MS = 1000;

export function deadLetterName(name: string): string { return `${name}-dead`; }

/** The settings from options and the environment (SITREP_REDIS, SITREP_QUEUE). */
export function queueSettings(o: { redis?: string; queue?: string; prefix?: string }): QueueSettings {
  const name = o.queue ?? process.env.SITREP_QUEUE ?? DEFAULT_QUEUE;
  // BullMQ joins keys with ':'; a name holding one would read other queues' keys.
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) throw new InputError(`bad queue name "${name}": letters, digits, _ . - only`);
  return { redis: o.redis ?? process.env.SITREP_REDIS ?? DEFAULT_REDIS, name, prefix: o.prefix };
}

/**
 * ioredis options from a redis:// URL. `maxRetriesPerRequest: null` is what BullMQ workers need
 * (blocking commands must wait through reconnects instead of failing).
 * @example redisConnection('redis://127.0.0.1:6379/2') // { host: '127.0.0.1', port: 6379, db: 2, … }
 */
export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try { u = new URL(url); } catch { throw new InputError(`bad Redis URL "${url}": expected redis://host:port`); }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new InputError(`bad Redis URL "${url}": expected redis:// or rediss://`);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new InputError(`bad Redis database in "${url}"`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Fail fast on a wrong address instead of retrying forever in the background.
    retryStrategy: (times: number) => (times > 20 ? null : Math.min(times * 200, 2000)),
  };
}

/** The Redis URL without its password, for messages. */
export function redisLabel(url: string): string {
  try { const u = new URL(url); if (u.password) u.password = '***'; return u.toString(); } catch { return url; }
}
