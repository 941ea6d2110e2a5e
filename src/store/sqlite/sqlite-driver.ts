/**
 * SQLite through better-sqlite3 (v12). One writer connection; reads outside a transaction go
 * to a second, read-only connection so that a reader (an API request during an ingest) sees
 * the last committed state, never a half-written article (WAL gives each reader a snapshot).
 *
 * Crash safety: WAL journal + one transaction per article. A SIGKILL mid-transaction leaves the
 * WAL with an uncommitted tail that SQLite discards on the next open; synchronous=NORMAL keeps
 * committed transactions across a process crash (only an OS crash or power loss can lose the
 * last ones, and even then the file stays consistent).
 */
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SerialQueue, type RunResult, type SqlDriver, type SqlExecutor, type SqlValue } from '../sql-driver.js';
import { SQLITE_MIGRATIONS, type Migration } from './sqlite-migrations.js';
import { StoreError } from '../store.js';

class Exec implements SqlExecutor {
  private cache = new Map<string, Statement>();
  constructor(private readonly db: Db) {}
  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> { return this.stmt(sql).all(...params) as T[]; }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> { return this.stmt(sql).get(...params) as T | undefined; }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> { return { changes: this.stmt(sql).run(...params).changes }; }
  async insert(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const row = this.stmt(sql).get(...params) as { seq: number } | undefined;
    if (!row) throw new Error('insert returned no row');
    return Number(row.seq);
  }
}

export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly writer: Exec;
  private readonly reader: Exec;
  private readonly queue = new SerialQueue();
  private inTx = false;

  private constructor(readonly location: string, private readonly db: Db, private readonly rdb: Db | null) {
    this.writer = new Exec(db);
    this.reader = rdb ? new Exec(rdb) : this.writer;
  }

  /** Opens (creating and migrating when needed) a SQLite store file, or ':memory:'. */
  static open(path: string, options: { readonly?: boolean } = {}): SqliteDriver {
    const memory = path === ':memory:';
    const file = memory ? path : resolve(path);
    if (!memory) {
      if (options.readonly && !existsSync(file)) throw new StoreError(`no store at ${path}`);
      mkdirSync(dirname(file), { recursive: true });
    }
    let db: Db;
    try {
      db = new Database(file, { readonly: !!options.readonly, fileMustExist: !!options.readonly });
      db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      // The default 2 MB page cache thrashes on a store of a million events (every insert
      // touches several index pages); 64 MB and memory-mapped reads keep the hot pages in memory.
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      db.pragma('temp_store = MEMORY');
      db.pragma('foreign_keys = ON');
      // Probe: a file that is not a database fails here with SQLITE_NOTADB.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      throw new StoreError(`cannot open store ${path}: ${(e as Error).message}`);
    }
    if (!options.readonly) migrate(db, SQLITE_MIGRATIONS);
    else checkVersion(db, path);
    const rdb = memory || options.readonly ? null : new Database(file, { readonly: true });
    if (rdb) { rdb.pragma('busy_timeout = 10000'); rdb.pragma('cache_size = -65536'); rdb.pragma('mmap_size = 268435456'); }
    return new SqliteDriver(memory ? ':memory:' : file, db, rdb);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> { return this.reader.all<T>(sql, params); }
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> { return this.reader.get<T>(sql, params); }
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> { return this.tx((q) => q.run(sql, params)); }
  insert(sql: string, params?: readonly SqlValue[]): Promise<number> { return this.tx((q) => q.insert(sql, params)); }

  tx<T>(fn: (q: SqlExecutor) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      // IMMEDIATE takes the write lock up front, so two processes writing one file wait for each
      // other (busy_timeout) instead of failing half-way with SQLITE_BUSY on upgrade.
      this.db.exec('BEGIN IMMEDIATE');
      this.inTx = true;
      try {
        const out = await fn(this.writer);
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      } finally {
        this.inTx = false;
      }
    });
  }

  async integrityCheck(): Promise<string[]> {
    const rows = this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
    const fk = this.db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
    for (const f of fk.slice(0, 20)) problems.push(`foreign key: ${f.table} row ${f.rowid} points to a missing ${f.parent}`);
    for (const t of ['reports_fts', 'articles_fts', 'events_fts']) {
      try { this.db.prepare(`INSERT INTO ${t}(${t}) VALUES ('integrity-check')`).run(); } catch (e) { problems.push(`${t}: ${(e as Error).message}`); }
    }
    // events_fts holds one row per event with reports, under its date key (see the migration)
    const key = "coalesce(CAST(replace(e.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + e.seq";
    const unindexed = (this.db.prepare(`SELECT count(*) AS n FROM events e WHERE EXISTS (SELECT 1 FROM reports r WHERE r.event = e.seq)
      AND NOT EXISTS (SELECT 1 FROM events_fts f WHERE f.rowid = ${key})`).get() as { n: number }).n;
    const ftsRows = (this.db.prepare('SELECT count(*) AS n FROM events_fts').get() as { n: number }).n;
    const withReports = (this.db.prepare('SELECT count(DISTINCT event) AS n FROM reports').get() as { n: number }).n;
    if (unindexed || ftsRows !== withReports) problems.push(`events_fts is out of step (${unindexed} events missing, ${ftsRows} rows for ${withReports} events)`);
    return problems;
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
    this.rdb?.close();
    this.db.close();
  }
}

function currentVersion(db: Db): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!has) return 0;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

function checkVersion(db: Db, path: string): void {
  const v = currentVersion(db);
  const latest = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1].version;
  if (v !== latest) throw new StoreError(`store ${path} has schema version ${v}; this sitrep needs ${latest} (open it once read-write to migrate)`);
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  // One process at a time: BEGIN IMMEDIATE serialises two sitreps opening a new file together.
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const v = currentVersion(db);
    const latest = migrations[migrations.length - 1].version;
    if (v > latest) throw new StoreError(`store schema version ${v} is newer than this sitrep (${latest})`);
    for (const m of migrations) {
      if (m.version <= v) continue;
      db.exec(m.sql);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(m.version));
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
