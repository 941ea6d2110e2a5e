/**
 * Per-client rate limit on the API: a token bucket per client address (capacity = burst, refilled
 * continuously). Answers 429 with Retry-After when empty. The clock is injectable so tests never
 * depend on wall-clock speed.
 */
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { errorResponse } from './api-error.js';

export interface RateLimitOptions {
  /** requests a client may make in a burst */
  burst: number;
  /** sustained requests per second */
  perSecond: number;
  /** milliseconds clock (tests pass a fake one) */
  now?: () => number;
  /** the most clients tracked at once; full buckets are dropped first when over */
  maxClients?: number;
}

interface Bucket { tokens: number; at: number }

/** The client's address as the socket saw it; in-process requests (app.request) share one key. */
export function clientKey(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * @example app.use('/api/*', rateLimit({ burst: 120, perSecond: 10 }))
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const now = opts.now ?? (() => Date.now());
  const maxClients = opts.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();

  const refill = (b: Bucket, t: number) => {
    b.tokens = Math.min(opts.burst, b.tokens + ((t - b.at) / 1000) * opts.perSecond);
    b.at = t;
  };

  return async (c, next) => {
    const key = clientKey(c);
    const t = now();
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= maxClients) {
        for (const [k, old] of buckets) {
          refill(old, t);
          if (old.tokens >= opts.burst) buckets.delete(k);
        }
        // Everyone is active: forget the oldest client rather than grow without bound.
        if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value as string);
      }
      b = { tokens: opts.burst, at: t };
      buckets.set(key, b);
    }
    refill(b, t);
    c.header('RateLimit-Limit', String(opts.burst));
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / opts.perSecond));
      c.header('RateLimit-Remaining', '0');
      return errorResponse(c, 429, 'rate_limited', `too many requests from this client; retry in ${wait} s`, { 'Retry-After': String(wait) });
    }
    b.tokens -= 1;
    c.header('RateLimit-Remaining', String(Math.floor(b.tokens)));
    await next();
  };
}
