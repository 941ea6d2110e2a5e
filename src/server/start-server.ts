/**
 * Opens a store and its token table, builds the app and listens: what `sitrep serve`, `sitrep demo`
 * and the browser tests share.
 */
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions, type SitrepApp } from './app.js';
import { listen, type Listening } from './listen.js';
import { openTokenStore, type TokenStore } from './token-store.js';
import { defaultSources } from './default-sources.js';

export interface StartOptions extends Omit<AppOptions, 'store' | 'tokens'> {
  /** store location (SQLite path, ':memory:' or postgres:// URL); or an open store */
  db: string | Store;
  /** token table location when `db` is an open store (default: the store's location) */
  tokensDb?: string;
  port: number;
  host: string;
}

export interface RunningServer extends Listening {
  store: Store;
  tokens: TokenStore;
  sitrep: SitrepApp;
}

/** @example const s = await startServer({ db: ':memory:', port: 0, host: '127.0.0.1' }); … await s.close() */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const ownStore = typeof opts.db === 'string';
  const store = typeof opts.db === 'string' ? await openStore(opts.db) : opts.db;
  let tokens: TokenStore | null = null;
  try {
    tokens = await openTokenStore(opts.tokensDb ?? (typeof opts.db === 'string' ? opts.db : store.location));
    const sitrep = createApp({ ...opts, sources: opts.sources ?? defaultSources(), store, tokens });
    const l = await listen(sitrep.app, { port: opts.port, host: opts.host });
    const t = tokens;
    return {
      ...l, store, tokens: t, sitrep,
      async close() {
        await l.close();
        await sitrep.close();
        await t.close();
        if (ownStore) await store.close();
      },
    };
  } catch (e) {
    await tokens?.close().catch(() => undefined);
    if (ownStore) await store.close().catch(() => undefined);
    throw e;
  }
}
