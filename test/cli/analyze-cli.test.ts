/** `sitrep analyze` as a user meets it: exit codes, one-line errors, JSON, JSONL batches. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { AnalysisRecordSchema } from '../../src/contract/analysis-schema.js';

const BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');
const SAMPLE = join(PROJECT_ROOT, 'examples', 'niger-us-forces-2024-03-18.txt');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));

test('analyze --format json prints one valid record of the sample', () => {
  const r = run(['analyze', SAMPLE, '--published', '2024-03-18', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const rec = AnalysisRecordSchema.parse(JSON.parse(r.stdout));
  assert.equal(rec.article.published, '2024-03-18');
  assert.ok(rec.events.length > 10);
});

test('the text report shows the timeline, evidence and force posture', () => {
  const r = run(['analyze', SAMPLE, '--published', '2024-03-18']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /EVENTS \(\d+\)/);
  assert.match(r.stdout, /SANCTION\/discontinue/);
  assert.match(r.stdout, /» /);
  assert.match(r.stdout, /FORCE POSTURE/);
});

const BAD: [string, string[], RegExp][] = [
  ['missing file', ['analyze', join(dir, 'nope.txt')], /no such file/],
  ['empty file', ['analyze', (writeFileSync(join(dir, 'empty.txt'), ''), join(dir, 'empty.txt'))], /is empty/],
  ['binary file', ['analyze', (writeFileSync(join(dir, 'bin.dat'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0])), join(dir, 'bin.dat'))], /binary/],
  ['invalid UTF-8', ['analyze', (writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x53, 0xe9, 0x6e, 0xe9, 0x67, 0x61, 0x6c])), join(dir, 'latin1.txt'))], /not valid UTF-8/],
  ['impossible date', ['analyze', SAMPLE, '--published', '2024-02-30'], /no such calendar day/],
  ['malformed date', ['analyze', SAMPLE, '--published', 'last Tuesday'], /bad date/],
  ['unknown format', ['analyze', SAMPLE, '--format', 'xml'], /--format/],
  ['unknown option', ['analyze', SAMPLE, '--frobnicate'], /frobnicate/],
];
for (const [name, args, re] of BAD) {
  test(`bad input, one line and exit 2: ${name}`, () => {
    const r = run(args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, re);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
}

test('--jsonl: one record a line with the given id; bad lines reported, the run goes on', () => {
  const input = [
    JSON.stringify({ id: 'a1', text: 'Russia attacked Ukraine on Monday.', published: '2024-03-18' }),
    'not json',
    JSON.stringify({ id: 'a3', text: 'Mali expelled the French ambassador.' }),
  ].join('\n');
  const r = run(['analyze', '--jsonl', '-'], input);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.article.id), ['a1', 'a3']);
  assert.match(r.stderr, /line 2: not valid JSON/);
});

test('output is deterministic', () => {
  const a = run(['analyze', SAMPLE, '--format', 'json']).stdout;
  const b = run(['analyze', SAMPLE, '--format', 'json']).stdout;
  assert.equal(a, b);
});
