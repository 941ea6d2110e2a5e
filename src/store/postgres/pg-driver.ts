/**
 * PostgreSQL through node-postgres (pg). A pool for reads; each transaction takes one client.
 * `?schema=name` in the URL puts every table in that schema (created when missing) through the
 * connection's search_path: tests and several tenants share one database without clashing.
 */
import pg from 'pg';
import { SerialQueue, type RunResult, type SqlDriver, type SqlExecutor, type SqlValue } from '../sql-driver.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { StoreError } from '../store.js';

// BIGINT (int8) and NUMERIC come back as strings by default; our keys and counts fit a double.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

/** `?` placeholders → `$1, $2, …` (our SQL never holds a literal `?`). */
export function numberPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => '$' + ++i);
}

type Queryable = { query: (text: string, values?: unknown[]) => Promise<pg.QueryResult> };

class Exec implements SqlExecutor {
  constructor(private readonly c: Queryable) {}
  private q(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    return this.c.query(numberPlaceholders(sql), params as unknown[]);
  }
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> { return (await this.q(sql, params)).rows as T[]; }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> { return (await this.q(sql, params)).rows[0] as T | undefined; }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> { return { changes: (await this.q(sql, params)).rowCount ?? 0 }; }
  async insert(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const r = await this.q(sql, params);
    if (!r.rows[0]) throw new Error('insert returned no row');
    return Number(r.rows[0].seq);
  }
}

/** Splits `postgres://…?schema=x` into the connection string and the schema. */
export function parsePgUrl(url: string): { connectionString: string; schema: string | null; display: string } {
  let u: URL;
  try { u = new URL(url); } catch { throw new StoreError(`bad PostgreSQL URL "${url}"`); }
  const schema = u.searchParams.get('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new StoreError(`bad schema name "${schema}" (letters, digits, _)`);
  u.searchParams.delete('schema');
  const connectionString = u.toString();
  if (u.password) u.password = '***';
  return { connectionString, schema, display: u.toString() + (schema ? ` (schema ${schema})` : '') };
}

export class PgDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly exec: Exec;
  /** One writer at a time per process: the fusion step reads candidates then writes, and two
   *  concurrent transactions could both miss each other's new event. Across processes an
   *  advisory lock (below) does the same. */
  private readonly queue = new SerialQueue();

  private constructor(readonly location: string, private readonly pool: pg.Pool, readonly schema: string | null) {
    this.exec = new Exec(pool);
  }

  static async open(url: string, options: { readonly?: boolean } = {}): Promise<PgDriver> {
    const { connectionString, schema, display } = parsePgUrl(url);
    const pool = new pg.Pool({
      connectionString,
      max: 4,
      connectionTimeoutMillis: 5000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    pool.on('error', () => { /* an idle client died (server restart): the pool replaces it */ });
    try {
      const c = await pool.connect();
      try {
        if (schema && !options.readonly) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        if (!options.readonly) await migrate(c);
      } finally { c.release(); }
    } catch (e) {
      await pool.end().catch(() => undefined);
      if (e instanceof StoreError) throw e;
      throw new StoreError(`cannot open store ${display}: ${(e as Error).message}`);
    }
    return new PgDriver(display, pool, schema);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> { return this.exec.all<T>(sql, params); }
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> { return this.exec.get<T>(sql, params); }
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> { return this.tx((q) => q.run(sql, params)); }
  insert(sql: string, params?: readonly SqlValue[]): Promise<number> { return this.tx((q) => q.insert(sql, params)); }

  tx<T>(fn: (q: SqlExecutor) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const c = await this.pool.connect();
      try {
        await c.query('BEGIN');
        // Writers from several processes (sitrep worker ×N) take turns: fusion reads candidate
        // events and then writes, which must not interleave with another writer's fusion.
        await c.query('SELECT pg_advisory_xact_lock(727274)');
        const out = await fn(new Exec(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    });
  }

  async integrityCheck(): Promise<string[]> {
    const problems: string[] = [];
    // PostgreSQL has no PRAGMA integrity_check; what a crash could break is logical, so check
    // every foreign key and index is valid and readable (amcheck is an extension we may not have).
    const bad = await this.exec.all<{ relname: string }>(
      `SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND (NOT i.indisvalid OR NOT i.indisready)`);
    for (const b of bad) problems.push(`index ${b.relname} is not valid`);
    const fks: [string, string, string][] = [
      ['reports', 'event', 'events'], ['reports', 'article', 'articles'], ['event_parties', 'event', 'events'],
      ['event_parties', 'actor', 'actors'], ['facts', 'article', 'articles'], ['article_actors', 'article', 'articles'],
      ['article_actors', 'actor', 'actors'], ['offices', 'person', 'actors'], ['article_bands', 'article', 'articles'],
    ];
    for (const [t, col, parent] of fks) {
      const r = await this.exec.get<{ n: number }>(`SELECT count(*) AS n FROM ${t} x LEFT JOIN ${parent} p ON p.seq = x.${col} WHERE p.seq IS NULL`);
      if (r && r.n > 0) problems.push(`foreign key: ${r.n} ${t} rows point to a missing ${parent}`);
    }
    return problems;
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
    await this.pool.end();
  }
}

async function migrate(c: pg.PoolClient): Promise<void> {
  await c.query('BEGIN');
  try {
    // Two processes opening a fresh database together: one migrates, the other waits.
    await c.query('SELECT pg_advisory_xact_lock(727273)');
    await c.query('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const r = await c.query("SELECT value FROM meta WHERE key = 'schema_version'");
    const v = r.rows[0] ? Number(r.rows[0].value) : 0;
    const latest = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;
    if (v > latest) throw new StoreError(`store schema version ${v} is newer than this sitrep (${latest})`);
    for (const m of PG_MIGRATIONS) {
      if (m.version <= v) continue;
      await c.query(m.sql);
      await c.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(m.version)]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
