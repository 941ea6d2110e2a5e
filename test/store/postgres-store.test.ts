/**
 * The conformance suite on a real PostgreSQL (SITREP_TEST_PG, default
 * postgres://postgres@127.0.0.1:5432/test), each store in its own schema, dropped afterwards.
 * Skips with a message when the server is unreachable.
 */
import pg from 'pg';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/open-store.js';
import { storeConformance } from './conformance.js';
import { pgTestUrl, pgAvailable } from './pg-test-env.js';

const schemas: string[] = [];
storeConformance('postgres', async () => {
  const why = await pgAvailable();
  if (why) { console.log(`# postgres conformance skipped: ${why}`); return null; }
  return {
    open: async () => {
      const schema = `sitrep_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      schemas.push(schema);
      return openStore(`${pgTestUrl()}${pgTestUrl().includes('?') ? '&' : '?'}schema=${schema}`);
    },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: pgTestUrl() });
      await c.connect();
      try { for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`); } finally { await c.end(); }
    },
  };
});

test('postgres: a version-1 store with data migrates to version 2 and answers as before', async (t) => {
  const why = await pgAvailable();
  if (why) { t.skip(why); return; }
  const { sampleRecord, secondRecord, wireRecord } = await import('../kb/niger-fixtures.js');
  const schema = `sitrep_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = `${pgTestUrl()}${pgTestUrl().includes('?') ? '&' : '?'}schema=${schema}`;
  const c = new pg.Client({ connectionString: pgTestUrl() });
  await c.connect();
  try {
    const s = await openStore(url);
    for (const r of [sampleRecord(), secondRecord(), wireRecord()]) await s.ingestRecord(r);
    const queries = [{ actor: 'NER', recipient: 'USA' }, { party: 'USA', other: 'Niger' }, { party: 'NER', from: '2024-01-01' }, { text: 'troops' }];
    const before = await Promise.all(queries.map((q) => s.events({ ...q, withTotal: true })));
    await s.close();
    // Back to what version 1 wrote: the same tables without version 2's.
    await c.query(`SET search_path = ${schema}; DROP TABLE event_pairs; DROP INDEX event_parties_code_date, event_parties_actor_date, events_date_desc;
      UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
    const m = await openStore(url);
    assert.equal((await m.stats()).schemaVersion, 2);
    assert.deepEqual(await m.check(), []);
    assert.deepEqual(await Promise.all(queries.map((q) => m.events({ ...q, withTotal: true }))), before);
    assert.ok(before.every((p) => p.items.length > 0));
    await m.close();
  } finally {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
});
