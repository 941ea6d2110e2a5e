/** `sitrep demo`: the example articles in a fresh embedded store, served with the web UI. */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import { loadExamples } from '../server/demo-data.js';
import { startServer } from '../server/start-server.js';
import { parsePort, untilSignal } from './serve-command.js';
import { UsageError } from './main.js';

export const DEMO_HELP = 'demo [--port 8080] [--host 127.0.0.1] [--db FILE]   (examples in a fresh store, served with the web UI)';

export async function demoCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, db: { type: 'string' } },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = parsePort(values.port, 8080);
  // A temporary store unless asked for a file: the demo never touches ./sitrep.db.
  const tmp = values.db ? null : mkdtempSync(join(tmpdir(), 'sitrep-demo-'));
  const db = values.db ?? join(tmp as string, 'demo.db');
  const store = await openStore(db);
  try {
    const results = await loadExamples(store, undefined, (done, total, file) => process.stderr.write(`\rsitrep demo: analysing ${done}/${total} ${file}`.padEnd(70)));
    const events = results.reduce((n, r) => n + r.summary.reports, 0);
    process.stderr.write(`\nsitrep demo: ${results.length} articles, ${events} events stored in ${db}\n`);
  } catch (e) {
    await store.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const server = await startServer({ db: store, tokensDb: db, port, host: values.host, readAccess: 'open' });
  const token = await server.tokens.create('demo');
  process.stderr.write(`sitrep demo: write token for this demo (Ingest page): ${token.token}\nsitrep demo: press Ctrl-C to stop\n`);
  process.stdout.write(`sitrep demo: open ${server.url}/\n`);
  const code = await untilSignal(server, 'demo');
  await store.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  return code;
}
