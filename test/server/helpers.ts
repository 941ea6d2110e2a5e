/** Shared set-up for server tests: a real SQLite store with the example articles, a real token table. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { openTokenStore, type TokenStore } from '../../src/server/token-store.js';
import { loadExamples } from '../../src/server/demo-data.js';
import { createApp, type AppOptions, type SitrepApp } from '../../src/server/app.js';
import { markupRecord, usNigerRecord } from './hand-records.js';

export interface Fixture {
  dir: string;
  uiDir: string;
  store: Store;
  tokens: TokenStore;
  token: string;
  sitrep: SitrepApp;
  close(): Promise<void>;
}

/** A temp dir with a tiny "built UI" and a secret file beside it that must never be served. */
export function makeUiDir(dir: string): string {
  const ui = join(dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  return ui;
}

/** The example articles through analyze + ingest, plus the hand-built records through the Store interface. */
export async function loadData(store: Store): Promise<void> {
  await loadExamples(store);
  await store.ingestRecord(usNigerRecord(), { origin: 'test:hand-built' });
  await store.ingestRecord(markupRecord(), { origin: 'test:hand-built' });
}

export async function fixture(opts: Partial<AppOptions> = {}, withExamples = true): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-server-test-'));
  const uiDir = makeUiDir(dir);
  const dbPath = join(dir, 'test.db');
  const store = await openStore(dbPath);
  if (withExamples) await loadData(store);
  const tokens = await openTokenStore(dbPath);
  const { token } = await tokens.create('test');
  const sitrep = createApp({ store, tokens, uiDir, log: () => undefined, ...opts });
  return {
    dir, uiDir, store, tokens, token, sitrep,
    async close() {
      await sitrep.close();
      await tokens.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function json(res: Response): Promise<any> {
  const t = await res.text();
  try { return JSON.parse(t); } catch { throw new Error(`not JSON (${res.status}): ${t.slice(0, 200)}`); }
}
