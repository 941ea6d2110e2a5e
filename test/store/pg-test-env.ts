/** Where the PostgreSQL tests connect, and whether they can. */
import pg from 'pg';

export function pgTestUrl(): string {
  return process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
}

/** null when PostgreSQL answers; otherwise why not (for the skip message). */
export async function pgAvailable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: pgTestUrl(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return `${pgTestUrl().replace(/:[^:@/]*@/, ':***@')} unreachable (${(e as Error).message}); set SITREP_TEST_PG to run it`;
  } finally {
    await c.end().catch(() => undefined);
  }
}
