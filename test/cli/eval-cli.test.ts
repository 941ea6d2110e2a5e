// The eval and schema commands end to end, through the real launcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, sharedDir } from '../../src/util/paths.js';

const run = (...args: string[]) => spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'sitrep.js'), ...args], { encoding: 'utf8' });

test('sitrep eval: a missing gold dir is one clear line and exit 2', () => {
  const r = run('eval', join(tmpdir(), 'no-such-gold-dir-sitrep'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^sitrep eval: cannot read gold directory .*: no such directory\n$/);
});

test('sitrep eval: --published is refused (it comes from each gold file); a bad --format too', () => {
  assert.equal(run('eval', '.', '--published', '2024-01-01').status, 2);
  const r = run('eval', '.', '--format', 'xml');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format must be text or json/);
});

test('sitrep eval: scores a hand-made gold dir and prints JSON with metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  try {
    mkdirSync(join(dir, 'gold'));
    mkdirSync(join(dir, 'fixtures'));
    writeFileSync(join(dir, 'fixtures', 'a.txt'), 'Niger ordered US troops to leave on Monday.\n');
    writeFileSync(join(dir, 'gold', 'a.gold.json'), JSON.stringify({
      doc: 'a', file: 'fixtures/a.txt', published: '2024-03-18',
      events: [{ id: 'order', cue: 'ordered US troops to leave', type: ['REQUEST'], actor: ['NER'], recipient: ['USA'] }],
    }));
    const r = run('eval', join(dir, 'gold'), '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.docs.length, 1);
    assert.equal(out.totals.events.required, 1);
    assert.ok('events.recall' in out.metrics);
    const text = run('eval', join(dir, 'gold'));
    assert.match(text.stdout, /events\s+P /);
    writeFileSync(join(dir, 'gold', 'b.gold.json'), '{"doc": "b"}');
    const bad = run('eval', join(dir, 'gold'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /b\.gold\.json: file: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sitrep eval --check passes on the shared gold at the pinned floors', { skip: existsSync(join(sharedDir(), 'gold')) ? false : 'no shared gold dir (set SITREP_SHARED)' }, () => {
  const r = run('eval', join(sharedDir(), 'gold'), '--check');
  assert.equal(r.status, 0, r.stderr);
});

test('sitrep eval --dev: a dir without dev sets, or a broken line, is one clear line and exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-dev-'));
  try {
    const empty = run('eval', '--dev', dir);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /^sitrep eval: no dev set in /);
    writeFileSync(join(dir, 'plover-gsr.jsonl'), '{"id": "x"}\n');
    const bad = run('eval', '--dev', dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /plover-gsr\.jsonl:1: text: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sitrep schema prints the JSON Schema', () => {
  const r = run('schema');
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).$schema, 'https://json-schema.org/draft/2020-12/schema');
});
