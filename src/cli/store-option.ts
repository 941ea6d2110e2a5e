/**
 * The `--db` option shared by the knowledge-base commands, and opening the store it names.
 */
import { existsSync } from 'node:fs';
import { openStore, storeLocation } from '../store/open-store.js';
import { StoreError, type Store } from '../store/store.js';
import { UsageError } from './main.js';
import type { OutputFormat } from './table-format.js';

export const DB_OPTION = { db: { type: 'string' as const } };

/** Opens the store for reading: a missing SQLite file is a user error, not a new empty store. */
export async function openForQuery(db: string | undefined): Promise<Store> {
  const loc = storeLocation(db);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(loc) && loc !== ':memory:' && !existsSync(loc)) {
    throw new StoreError(`no store at ${loc} (run "sitrep ingest PATH…" first, or give --db)`);
  }
  return openStore(loc);
}

export function outputFormat(v: string | undefined, allowed: readonly OutputFormat[] = ['table', 'json', 'csv']): OutputFormat {
  const f = (v ?? 'table') as OutputFormat;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${v}"`);
  return f;
}

export function intOption(v: string | undefined, name: string, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, not "${v}"`);
  return n;
}

/** A date filter: YYYY, YYYY-MM or YYYY-MM-DD, widened to its first/last day. */
export function dateOption(v: string | undefined, name: string, end: boolean): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v.trim());
  if (!m) throw new UsageError(`--${name} must be a date like 2024-03-18, 2024-03 or 2024, not "${v}"`);
  const [y, mo, d] = [m[1], m[2], m[3]];
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) throw new UsageError(`--${name}: no month ${mo}`);
  if (d) {
    const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (dt.getUTCDate() !== Number(d)) throw new UsageError(`--${name}: no such day ${v}`);
    return `${y}-${mo}-${d}`;
  }
  if (mo) return end ? `${y}-${mo}-${String(new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()).padStart(2, '0')}` : `${y}-${mo}-01`;
  return end ? `${y}-12-31` : `${y}-01-01`;
}

/** Runs fn with an open store and always closes it. */
export async function withStore<T>(store: Store, fn: (s: Store) => Promise<T>): Promise<T> {
  try { return await fn(store); } finally { await store.close(); }
}
