/**
 * The API over a real PostgreSQL store (its own schema, dropped afterwards), tokens in the same
 * schema. Skips with a message when PostgreSQL is unreachable.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { openTokenStore, type TokenStore } from '../../src/server/token-store.js';
import { createApp, type SitrepApp } from '../../src/server/app.js';
import { pgAvailable, pgTestUrl } from '../store/pg-test-env.js';
import { usNigerRecord } from './hand-records.js';
import { json } from './helpers.js';

const why = await pgAvailable();
if (why) console.log(`# postgres server tests skipped: ${why}`);
const schema = `sitrep_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const url = `${pgTestUrl()}${pgTestUrl().includes('?') ? '&' : '?'}schema=${schema}`;
let store: Store, tokens: TokenStore, app: SitrepApp, token: string;

before(async () => {
  if (why) return;
  store = await openStore(url);
  tokens = await openTokenStore(url);
  token = (await tokens.create('pg-test')).token;
  await store.ingestRecord(usNigerRecord(), { origin: 'test:hand-built' });
  app = createApp({ store, tokens, uiDir: null });
});
after(async () => {
  if (why) return;
  await app?.close();
  await tokens?.close();
  await store?.close();
  const c = new pg.Client({ connectionString: pgTestUrl() });
  await c.connect();
  try { await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } finally { await c.end(); }
});

test('reads, token-checked writes and hashed tokens on PostgreSQL', { skip: why ?? false }, async () => {
  const tl = await json(await app.app.request('/api/timeline?a=USA&b=NER'));
  assert.ok(tl.events.length >= 4);
  const body = JSON.stringify({ text: 'Ghana and Togo signed a border agreement in Accra on Monday.', published: '2024-06-03' });
  assert.equal((await app.app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status, 401);
  const res = await app.app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
  assert.equal(res.status, 201);
  assert.equal((await json(res)).job.items[0].result.status, 'new');
  const c = new pg.Client({ connectionString: pgTestUrl() });
  await c.connect();
  try {
    const rows = (await c.query(`SELECT hash FROM ${schema}.api_tokens`)).rows as { hash: Buffer }[];
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].hash, createHash('sha256').update(token).digest());
  } finally { await c.end(); }
});
