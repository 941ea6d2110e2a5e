/**
 * API tokens for writes (and for reads with --private). A token is shown once, when created; only
 * its SHA-256 is stored (tokens are 256 random bits, so a fast hash is enough: there is nothing to
 * brute-force). Verification hashes the presented token and compares it with every stored hash in
 * constant time, without stopping at the first match.
 *
 * The table lives in the same database as the knowledge base (SQLite file or PostgreSQL schema),
 * so one `--db` names both; ':memory:' keeps tokens for the life of the process only.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface TokenStore {
  /** Creates a token; the clear token is returned here and never again. */
  create(name: string): Promise<{ info: ApiTokenInfo; token: string }>;
  list(): Promise<ApiTokenInfo[]>;
  /** Revokes by id or name; false when none matched. */
  revoke(idOrName: string): Promise<boolean>;
  /** The token's record when it is valid and not revoked, else null. */
  verify(token: string): Promise<ApiTokenInfo | null>;
  close(): Promise<void>;
}

const TOKEN_PREFIX = 'sitrep_';

/** @example newToken() // "sitrep_3q2+…" (43 base64url characters after the prefix) */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Constant-time lookup of a presented token among stored hashes: every hash is compared, whatever
 * matched before, so timing says nothing about which or whether one matched.
 */
export function matchToken<T extends { hash: Buffer }>(token: string, rows: readonly T[]): T | null {
  const h = hashToken(token);
  let found: T | null = null;
  for (const r of rows) {
    if (r.hash.length === h.length && timingSafeEqual(r.hash, h) && found === null) found = r;
  }
  return found;
}

interface Row { id: string; name: string; hash: Buffer; createdAt: string; revokedAt: string | null }

const info = (r: Row): ApiTokenInfo => ({ id: r.id, name: r.name, createdAt: r.createdAt, revokedAt: r.revokedAt });

/** Shared logic; backends only move rows. Active hashes are cached briefly (revocation applies within CACHE_MS). */
abstract class BaseTokenStore implements TokenStore {
  static readonly CACHE_MS = 3000;
  private cache: { at: number; rows: Row[] } | null = null;

  protected abstract insert(r: Row): Promise<void>;
  protected abstract all(): Promise<Row[]>;
  protected abstract markRevoked(idOrName: string, at: string): Promise<number>;
  abstract close(): Promise<void>;

  async create(name: string): Promise<{ info: ApiTokenInfo; token: string }> {
    const clean = name.trim();
    if (!clean || clean.length > 100) throw new Error('token name must be 1–100 characters');
    const token = newToken();
    const row: Row = { id: 'tok_' + randomUUID().slice(0, 8), name: clean, hash: hashToken(token), createdAt: new Date().toISOString(), revokedAt: null };
    await this.insert(row);
    this.cache = null;
    return { info: info(row), token };
  }

  async list(): Promise<ApiTokenInfo[]> {
    return (await this.all()).map(info);
  }

  async revoke(idOrName: string): Promise<boolean> {
    const n = await this.markRevoked(idOrName, new Date().toISOString());
    this.cache = null;
    return n > 0;
  }

  async verify(token: string): Promise<ApiTokenInfo | null> {
    // Real tokens are 50 characters; refuse absurd input before hashing it.
    if (!token || token.length > 200) return null;
    const now = Date.now();
    if (!this.cache || now - this.cache.at > BaseTokenStore.CACHE_MS) {
      this.cache = { at: now, rows: (await this.all()).filter((r) => r.revokedAt === null) };
    }
    const r = matchToken(token, this.cache.rows);
    return r ? info(r) : null;
  }
}

const DDL = `CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash BYTEA NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
)`;

class SqliteTokenStore extends BaseTokenStore {
  constructor(private readonly db: Database.Database) {
    super();
    db.pragma('busy_timeout = 5000');
    db.exec(DDL.replace('BYTEA', 'BLOB'));
  }
  protected async insert(r: Row): Promise<void> {
    this.db.prepare('INSERT INTO api_tokens (id, name, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)').run(r.id, r.name, r.hash, r.createdAt);
  }
  protected async all(): Promise<Row[]> {
    return (this.db.prepare('SELECT id, name, hash, created_at AS createdAt, revoked_at AS revokedAt FROM api_tokens ORDER BY created_at, id').all() as Row[]);
  }
  protected async markRevoked(idOrName: string, at: string): Promise<number> {
    return this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL').run(at, idOrName, idOrName).changes;
  }
  async close(): Promise<void> {
    this.db.close();
  }
}

class PgTokenStore extends BaseTokenStore {
  constructor(private readonly pool: pg.Pool, private readonly table: string) {
    super();
  }
  async init(schema: string | null): Promise<void> {
    if (schema) await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await this.pool.query(DDL.replace('api_tokens', this.table));
  }
  protected async insert(r: Row): Promise<void> {
    await this.pool.query(`INSERT INTO ${this.table} (id, name, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, NULL)`, [r.id, r.name, r.hash, r.createdAt]);
  }
  protected async all(): Promise<Row[]> {
    const res = await this.pool.query(`SELECT id, name, hash, created_at AS "createdAt", revoked_at AS "revokedAt" FROM ${this.table} ORDER BY created_at, id`);
    return res.rows as Row[];
  }
  protected async markRevoked(idOrName: string, at: string): Promise<number> {
    const res = await this.pool.query(`UPDATE ${this.table} SET revoked_at = $1 WHERE (id = $2 OR name = $2) AND revoked_at IS NULL`, [at, idOrName]);
    return res.rowCount ?? 0;
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

function quoteIdent(s: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(s)) throw new Error(`invalid schema name "${s}"`);
  return `"${s}"`;
}

/**
 * Opens the token table beside the knowledge base: a SQLite path (or ':memory:') or a
 * postgres:// URL whose optional `?schema=` names the schema, as for the store.
 * @example const tokens = await openTokenStore('./sitrep.db'); const { token } = await tokens.create('ci')
 */
export async function openTokenStore(location: string): Promise<TokenStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const url = new URL(location);
    const schema = url.searchParams.get('schema');
    url.searchParams.delete('schema');
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const store = new PgTokenStore(pool, schema ? `${quoteIdent(schema)}.api_tokens` : 'api_tokens');
    try {
      await store.init(schema);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    return store;
  }
  return new SqliteTokenStore(new Database(location));
}
