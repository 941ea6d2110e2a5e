import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fetchResource } from '../../src/sources/url-fetcher.js';
import { isPublicAddress } from '../../src/sources/address-guard.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

test('tls: https connects to the checked address while SNI and the certificate use the host name', { skip: hasOpenssl ? false : 'openssl not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-tls-'));
  try {
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=news.example', '-addext', 'subjectAltName=DNS:news.example', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
    assert.equal(r.status, 0, r.stderr?.toString());
    const cert = readFileSync(join(dir, 'cert.pem'));
    let sni: string | undefined;
    const server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
      sni = (req.socket as import('node:tls').TLSSocket).servername || undefined;
      res.writeHead(200, { 'content-type': 'text/plain' }); res.end('Naval forces intercepted a cargo vessel on Tuesday.');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];
    const isPublic = (ip: string) => ip === '127.0.0.1' || isPublicAddress(ip);
    try {
      const ok = await fetchResource(`https://news.example:${port}/a`, { resolve, isPublicAddress: isPublic, ca: cert });
      assert.ok(ok.ok, ok.ok ? '' : ok.reason);
      assert.equal(sni, 'news.example');
      const wrong = await fetchResource(`https://other.example:${port}/a`, { resolve, isPublicAddress: isPublic, ca: cert });
      assert.ok(!wrong.ok && /ERR_TLS_CERT_ALTNAME_INVALID/.test(wrong.reason), wrong.ok ? '' : wrong.reason);
      const untrusted = await fetchResource(`https://news.example:${port}/a`, { resolve, isPublicAddress: isPublic });
      assert.ok(!untrusted.ok && /SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/.test(untrusted.reason), untrusted.ok ? '' : untrusted.reason);
    } finally { server.closeAllConnections(); server.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
