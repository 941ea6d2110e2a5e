/**
 * The little a store needs from a database: run SQL with parameters, inside or outside a
 * transaction. Both backends implement it (kysely's Driver/Dialect split), so the knowledge-base
 * logic in ./sql-store.ts is written once; what differs (placeholders, full-text search,
 * migrations, integrity checks) lives in ./sqlite and ./postgres.
 *
 * SQL is written with `?` placeholders; the PostgreSQL driver numbers them ($1, $2, ...). Never
 * put a literal `?` inside a SQL string: every value goes through a parameter.
 */
export type SqlValue = string | number | null | Buffer;

export interface RunResult {
  changes: number;
}

export interface SqlExecutor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** INSERT ... RETURNING seq: the new row's integer key */
  insert(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  readonly location: string;
  /** Runs fn in one transaction on one connection; commits when it resolves, rolls back when it throws.
   *  Transactions are serialised: a second one waits for the first. */
  tx<T>(fn: (q: SqlExecutor) => Promise<T>): Promise<T>;
  /** The backend's own consistency check; returns problems (empty when all is well). */
  integrityCheck(): Promise<string[]>;
  close(): Promise<void>;
}

/** Runs promises one after another (a transaction lock for a single connection). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** `IN (?, ?, ?)` for n values; at least one placeholder so an empty list matches nothing. */
export function inList(n: number): string {
  return n === 0 ? '(NULL)' : '(' + new Array(n).fill('?').join(', ') + ')';
}

/**
 * One multi-row INSERT per chunk instead of one statement per row: each statement costs a
 * round trip (PostgreSQL) or a VM run (SQLite), and an article writes dozens of small rows.
 * @example await insertMany(q, 'article_bands (band, article)', rows, 'ON CONFLICT DO NOTHING')
 */
export async function insertMany(q: SqlExecutor, into: string, rows: readonly SqlValue[][], tail = ''): Promise<void> {
  if (!rows.length) return;
  const width = rows[0].length;
  const per = Math.max(1, Math.floor(900 / width));
  const one = '(' + new Array(width).fill('?').join(', ') + ')';
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await q.run(`INSERT INTO ${into} VALUES ${new Array(chunk.length).fill(one).join(', ')} ${tail}`, chunk.flat());
  }
}
