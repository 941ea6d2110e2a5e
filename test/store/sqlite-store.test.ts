import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/open-store.js';
import { SqliteDriver } from '../../src/store/sqlite/sqlite-driver.js';
import { storeConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
let n = 0;
storeConformance('sqlite', async () => ({
  open: () => openStore(join(dir, `store-${++n}.db`)),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
}));

test('sqlite: a new file is created in WAL mode with the schema version recorded', async () => {
  const d = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
  try {
    const drv = SqliteDriver.open(join(d, 'a.db'));
    const mode = await drv.get<{ journal_mode: string }>('PRAGMA journal_mode');
    assert.equal(mode?.journal_mode, 'wal');
    const v = await drv.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
    assert.equal(v?.value, '1');
    await drv.close();
    // opening again does not re-run migrations
    const again = await openStore(join(d, 'a.db'));
    assert.equal((await again.stats()).schemaVersion, 1);
    await again.close();
  } finally { rmSync(d, { recursive: true, force: true }); }
});

test('sqlite: a file that is not a database is refused with a clear error', async () => {
  const d = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
  try {
    const f = join(d, 'not.db');
    (await import('node:fs')).writeFileSync(f, 'hello, this is text and not SQLite'.repeat(100));
    await assert.rejects(openStore(f), /cannot open store/);
    await assert.rejects(openStore('redis://localhost'), /unsupported store URL/);
  } finally { rmSync(d, { recursive: true, force: true }); }
});
