/**
 * The conformance suite on a real PostgreSQL (SITREP_TEST_PG, default
 * postgres://postgres@127.0.0.1:5432/test), each store in its own schema, dropped afterwards.
 * Skips with a message when the server is unreachable.
 */
import pg from 'pg';
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
