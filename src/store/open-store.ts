/**
 * Opening a store from a location: a file path (SQLite, the default `./sitrep.db`), ':memory:',
 * or a `postgres://` / `postgresql://` URL (optionally `?schema=name`).
 */
import { DEFAULT_DB, StoreError, type OpenStore, type Store } from './store.js';
import { SqlStore } from './sql-store.js';

/** The store location from an option, else SITREP_DB, else ./sitrep.db. */
export function storeLocation(option?: string | null): string {
  return option && option.trim() ? option.trim() : process.env.SITREP_DB && process.env.SITREP_DB.trim() ? process.env.SITREP_DB.trim() : DEFAULT_DB;
}

/**
 * Opens (creating and migrating when new) the store at a location.
 * @example const store = await openStore('postgres://postgres@127.0.0.1/test?schema=kb')
 */
export const openStore: OpenStore = async (location?: string, options: { readonly?: boolean } = {}): Promise<Store> => {
  const loc = storeLocation(location);
  if (/^postgres(ql)?:\/\//i.test(loc)) {
    const { PgDriver } = await import('./postgres/pg-driver.js');
    return new SqlStore(await PgDriver.open(loc, options));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(loc)) throw new StoreError(`unsupported store URL "${loc}": use a file path or postgres://`);
  const { SqliteDriver } = await import('./sqlite/sqlite-driver.js');
  return new SqlStore(SqliteDriver.open(loc, options));
};
