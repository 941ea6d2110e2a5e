/**
 * Crash safety: an ingest killed with SIGKILL half-way leaves a store that opens, passes its
 * integrity check (SQLite PRAGMA integrity_check + foreign keys + FTS; PostgreSQL index
 * validity and foreign keys), keeps every article committed before the kill, and is completed
 * by running the same ingest again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { syntheticRecord } from '../../bench/kb-synth.js';
import { pgAvailable, pgTestUrl } from '../store/pg-test-env.js';

const BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');

function writeCorpus(dir: string, n: number): string {
  const f = join(dir, 'records.jsonl');
  writeFileSync(f, Array.from({ length: n }, (_, i) => JSON.stringify(syntheticRecord(i, 1234))).join('\n') + '\n');
  return f;
}

/** Starts an ingest, waits until `atLeast` articles are committed, SIGKILLs it; returns the count seen. */
async function killMidRun(file: string, db: string, atLeast: number, count: () => Promise<number>): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'ingest', '--format', 'records', file, '--db', db, '--quiet'], { stdio: 'ignore' });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  let seen = 0;
  const deadline = Date.now() + 240_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    try { seen = await count(); } catch { /* the store may not exist yet */ }
    if (seen >= atLeast || Date.now() > deadline) break;
  }
  child.kill('SIGKILL');
  const code = await exited;
  assert.equal(code, null, 'the ingest was killed, not finished');
  return seen;
}

async function verify(db: string, file: string, n: number, seenBeforeKill: number): Promise<void> {
  const s1 = await openStore(db);
  assert.deepEqual(await s1.check(), [], 'the killed store passes its integrity check');
  const after = (await s1.stats()).articles;
  assert.ok(after >= seenBeforeKill, `committed articles survive (${after} ≥ ${seenBeforeKill})`);
  assert.ok(after < n, `the run was interrupted (${after} < ${n})`);
  await s1.close();

  const rerun = spawnSync(process.execPath, [BIN, 'ingest', '--format', 'records', file, '--db', db, '--quiet', '--json'], { encoding: 'utf8', timeout: 600_000 });
  assert.equal(rerun.status, 0, rerun.stderr);
  const summary = JSON.parse(rerun.stdout);
  assert.equal(summary.failed, 0);
  assert.equal(summary.unchanged, after, 'what was stored is recognised, not stored twice');
  assert.equal(summary.new, n - after);

  const s2 = await openStore(db);
  try {
    assert.deepEqual(await s2.check(), []);
    const st = await s2.stats();
    assert.equal(st.articles, n, 'the re-run completed the ingest');
    const again = spawnSync(process.execPath, [BIN, 'ingest', '--format', 'records', file, '--db', db, '--quiet', '--json'], { encoding: 'utf8', timeout: 600_000 });
    assert.equal(JSON.parse(again.stdout).unchanged, n);
    assert.deepEqual(await s2.stats(), st, 'a third run changes nothing');
  } finally { await s2.close(); }
}

test('crash: SIGKILL during a SQLite ingest, then open, check, re-run', { timeout: 900_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
  try {
    const n = 400;
    const file = writeCorpus(dir, n);
    const db = join(dir, 'kb.db');
    const seen = await killMidRun(file, db, 60, async () => {
      const c = new Database(db, { readonly: true, fileMustExist: true });
      try { return Number((c.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n); } finally { c.close(); }
    });
    const raw = new Database(db);
    assert.equal((raw.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    raw.close();
    await verify(db, file, n, seen);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('crash: SIGKILL during a PostgreSQL ingest, then open, check, re-run', { timeout: 900_000 }, async (t) => {
  const why = await pgAvailable();
  if (why) { t.skip(why); return; }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-pg-'));
  const schema = `sitrep_test_crash_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = `${pgTestUrl()}${pgTestUrl().includes('?') ? '&' : '?'}schema=${schema}`;
  const admin = new pg.Client({ connectionString: pgTestUrl() });
  await admin.connect();
  try {
    const n = 160;
    const file = writeCorpus(dir, n);
    const seen = await killMidRun(file, url, 25, async () => Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.articles`)).rows[0].n));
    await verify(url, file, n, seen);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
