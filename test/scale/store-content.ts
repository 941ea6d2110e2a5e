/**
 * What a store holds, for comparing two stores written different ways (one thread or several,
 * one record at a time or in batches): every record, every event and the counts.
 */
import type { Store } from '../../src/store/store.js';

export async function storeContent(store: Store) {
  const recs: unknown[] = [];
  for await (const r of store.exportRecords()) recs.push(r);
  const events: unknown[] = [];
  for await (const e of store.exportEvents()) events.push(e);
  const { location: _l, ...stats } = await store.stats();
  return { recs, events, stats };
}
