/**
 * Store.ingestRecords (the batch write of the single writer; kb's implementation) on both backends: the same store
 * content as one ingestRecord per record, and a bad record fails alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { storeContent } from './store-content.js';
import { sampleRecord, secondRecord, wireRecord } from '../kb/niger-fixtures.js';
import { pgSchema, pgUnavailable } from './services.js';


async function check(open: () => Promise<Store>) {
  const records = [sampleRecord(), secondRecord(), wireRecord()];
  const one = await open();
  const two = await open();
  try {
    for (const r of records) await one.ingestRecord(r, { origin: r.article.id });
    const bad = structuredClone(records[0]!);
    bad.article.id = 'bad';
    bad.article.url = null;
    bad.events[0]!.evidence = [{ start: 0, end: 10 ** 9 }];
    const res = await two.ingestRecords([...records.map((r) => ({ record: r, options: { origin: r.article.id } })), { record: bad }]);
    assert.deepEqual(res.slice(0, 3).map((r) => !('error' in r) && r.status), ['new', 'new', 'new']);
    assert.ok('error' in res[3]!);
    assert.deepEqual(await storeContent(two), await storeContent(one));
    // A second batch of the same records changes nothing.
    const again = await two.ingestRecords(records.map((r) => ({ record: r })));
    assert.deepEqual(again.map((r) => !('error' in r) && r.status), ['unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(await two.check(), []);
  } finally { await one.close(); await two.close(); }
}

test('batch write on SQLite equals one write per record; a bad record fails alone', async () => {
  await check(() => openStore(':memory:'));
});

test('batch write on PostgreSQL equals one write per record; a bad record fails alone', async (t) => {
  const why = await pgUnavailable();
  if (why) { t.skip(why); return; }
  const schemas = [pgSchema(), pgSchema()];
  let k = 0;
  try { await check(() => openStore(schemas[k++]!.url)); } finally { for (const s of schemas) await s.drop(); }
});
