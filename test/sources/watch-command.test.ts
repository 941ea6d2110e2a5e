import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';

const BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');
const FEED = join(PROJECT_ROOT, 'test', 'fixtures', 'feeds', 'world-rss2.xml');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: PROJECT_ROOT });

test('cli: watch --once --print prints new items as JSONL, then nothing on the next run (state file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-cli-'));
  try {
    const state = join(dir, 'state.json');
    const first = run('watch', FEED, '--once', '--print', '--state', state);
    assert.equal(first.status, 0, first.stderr);
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 3);
    assert.equal(lines[0].id, 'nw-2024-04-19-0113');
    assert.equal(lines[0].published, '2024-04-19T21:15:00+00:00');
    assert.match(first.stderr, /3 new items, 0 feed errors/);
    const second = run('watch', FEED, '--once', '--print', '--state', state);
    assert.equal(second.status, 0);
    assert.equal(second.stdout, '');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('cli: watch --once ingests new items into the knowledge base, once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-db-'));
  try {
    const state = join(dir, 'state.json');
    const db = join(dir, 'kb.db');
    const first = run('watch', FEED, '--once', '--state', state, '--db', db);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /3 new, 0 already stored/);
    const second = run('watch', FEED, '--once', '--state', state, '--db', db);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, /0 new items/);
    const events = run('events', '--db', db, '--format', 'json');
    assert.equal(events.status, 0, events.stderr);
    assert.ok(JSON.parse(events.stdout).items.length >= 1, events.stdout.slice(0, 300));
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('cli: usage errors exit 2 with one line; read reports refused URLs without a stack trace', () => {
  const a = run('watch');
  assert.equal(a.status, 2);
  assert.equal(a.stderr.trim().split('\n').length, 1);
  const b = run('watch', FEED, '--every', 'often');
  assert.equal(b.status, 2);
  assert.match(b.stderr, /bad interval "often"/);
  const c = run('read', 'http://10.0.0.1/article');
  assert.equal(c.status, 1);
  assert.match(c.stderr, /10\.0\.0\.1 is a private address/);
  assert.ok(!/\n\s+at /.test(c.stderr), 'no stack trace');
});
