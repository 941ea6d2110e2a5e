/** `sitrep token`, `sitrep serve` and `sitrep demo` as a user runs them (real processes, real sockets). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';

const BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');
let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-test-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts a long-running command and resolves with the first http:// address it prints. */
function start(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SITREP_DB: '' } });
    let out = '', err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ child, url: m[1], stderr: () => err });
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

test('token create prints a token once; serve accepts it for writes and refuses others', async () => {
  const db = join(dir, 'kb.db');
  const created = run(['token', 'create', '--name', 'cli-test', '--db', db]);
  assert.equal(created.code, 0, created.err);
  const token = created.out.trim();
  assert.match(token, /^sitrep_[A-Za-z0-9_-]{43}$/);
  assert.match(created.err, /shown only now/);
  const listed = run(['token', 'list', '--db', db]);
  assert.match(listed.out, /cli-test/);
  assert.ok(!listed.out.includes(token), 'list never shows the token');

  const { child, url } = await start(['serve', '--port', '0', '--db', db]);
  try {
    const health = await (await fetch(`${url}/api/health`)).json();
    assert.equal(health.ok, true);
    const body = JSON.stringify({ text: 'Senegal and Gambia signed a fisheries agreement in Dakar on Monday.', published: '2024-02-05' });
    const refused = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    assert.equal(refused.status, 401);
    const ok = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
    assert.equal(ok.status, 201);
    const page = await (await fetch(`${url}/`)).text();
    assert.match(page, /<script type="module"[^>]* src="\/assets\//, 'the built UI is served');
  } finally {
    assert.equal(await stop(child), 0, 'SIGTERM ends serve cleanly');
  }
  const revoked = run(['token', 'revoke', 'cli-test', '--db', db]);
  assert.equal(revoked.code, 0);
});

test('demo loads the example articles and serves them', async () => {
  const { child, url } = await start(['demo', '--port', '0', '--db', join(dir, 'demo.db')]);
  try {
    const health = await (await fetch(`${url}/api/health`)).json();
    assert.ok(health.store.articles >= 3, `articles: ${health.store.articles}`);
    const arts = await (await fetch(`${url}/api/articles`)).json();
    assert.ok(arts.items.some((a: { published: string | null }) => a.published?.startsWith('2024-03-18')), 'dates from the file names');
  } finally {
    assert.equal(await stop(child), 0);
  }
});

test('user errors are one line and exit 2', () => {
  for (const args of [['serve', '--port', 'abc'], ['serve', '--private', '--public'], ['token'], ['token', 'create', '--db', ':memory:'], ['demo', 'extra']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});
