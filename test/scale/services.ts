/**
 * Real PostgreSQL and Redis for the scale tests, isolated per run (a unique schema, a unique
 * queue prefix) and skipped with a clear message when the service is unreachable.
 * SITREP_TEST_PG / SITREP_TEST_REDIS override the defaults.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';

export const PG_URL = process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.SITREP_TEST_REDIS || 'redis://127.0.0.1:6379';

/** null when PostgreSQL answers, else why the test is skipped. */
export async function pgUnavailable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try { await c.connect(); await c.query('SELECT 1'); return null; } catch (e) {
    return `PostgreSQL at ${PG_URL} unreachable (${(e as Error).message}); set SITREP_TEST_PG to run it`;
  } finally { await c.end().catch(() => undefined); }
}

/** null when Redis answers PING, else why the test is skipped (a raw socket: no client needed). */
export async function redisUnavailable(): Promise<string | null> {
  const u = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (why: string | null) => { s.destroy(); resolve(why); };
    s.setTimeout(2000, () => done(`Redis at ${REDIS_URL} did not answer; set SITREP_TEST_REDIS to run it`));
    s.on('error', (e) => done(`Redis at ${REDIS_URL} unreachable (${e.message}); set SITREP_TEST_REDIS to run it`));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => done(d.toString().startsWith('+PONG') ? null : `Redis at ${REDIS_URL} answered ${JSON.stringify(d.toString().trim())}`));
  });
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A fresh schema name and its store URL; call drop() afterwards. */
export function pgSchema(prefix = 'sitrep_test_scale'): { url: string; schema: string; drop: () => Promise<void> } {
  const schema = uniqueName(prefix);
  const sep = PG_URL.includes('?') ? '&' : '?';
  return {
    schema, url: `${PG_URL}${sep}schema=${schema}`,
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try { await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`); } finally { await c.end(); }
    },
  };
}
