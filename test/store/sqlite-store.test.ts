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
    assert.equal(v?.value, "2");
    await drv.close();
    // opening again does not re-run migrations
    const again = await openStore(join(d, 'a.db'));
    assert.equal((await again.stats()).schemaVersion, 2);
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

test('sqlite: a version-1 store with data migrates to version 2 and answers as before', async () => {
  const { sampleRecord, secondRecord, wireRecord } = await import('../kb/niger-fixtures.js');
  const d = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
  try {
    const f = join(d, 'v1.db');
    const s = await openStore(f);
    for (const r of [sampleRecord(), secondRecord(), wireRecord()]) await s.ingestRecord(r);
    const queries = [{ actor: 'NER', recipient: 'USA' }, { party: 'USA', other: 'Niger' }, { party: 'NER', from: '2024-01-01' }, { text: 'troops' }, { text: 'military ties' }];
    const before = await Promise.all(queries.map((q) => s.events({ ...q, withTotal: true })));
    await s.close();
    // Back to what version 1 wrote: the same tables without version 2's.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(f);
    db.exec(`DROP TRIGGER events_fts_report_ai; DROP TRIGGER events_fts_report_ad; DROP TRIGGER events_fts_event_au; DROP TRIGGER events_fts_event_ad;
      DROP TABLE events_fts; DROP TABLE event_pairs; DROP INDEX event_parties_code_date; DROP INDEX event_parties_actor_date; DROP INDEX events_span;
      UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
    db.close();
    await assert.rejects(openStore(f, { readonly: true }), /schema version 1/);
    const m = await openStore(f);
    assert.equal((await m.stats()).schemaVersion, 2);
    assert.deepEqual(await m.check(), []);
    assert.deepEqual(await Promise.all(queries.map((q) => m.events({ ...q, withTotal: true }))), before);
    assert.ok(before.every((p) => p.items.length > 0));
    await m.close();
  } finally { rmSync(d, { recursive: true, force: true }); }
});
