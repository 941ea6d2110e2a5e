/** `sitrep serve`: the HTTP API and web UI over a store. */
import { parseArgs } from 'node:util';
import { storeLocation } from '../store/open-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { isLoopback } from '../server/listen.js';
import { UsageError } from './main.js';

export const SERVE_HELP = 'serve [--port 8080] [--host 127.0.0.1] [--db ./sitrep.db|postgres://…] [--private] [--public] [--allow-private] [--max-body BYTES] [--rate N]';

export function parsePort(s: string | undefined, fallback: number): number {
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${s}"`);
  return n;
}

/** Waits for SIGINT or SIGTERM, then closes the server (finishing the current article). */
export function untilSignal(server: RunningServer, label: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = (sig: string) => {
      process.stderr.write(`\nsitrep ${label}: ${sig}, shutting down\n`);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      server.close().then(() => resolve(0), () => resolve(1));
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string' },
      private: { type: 'boolean', default: false },
      public: { type: 'boolean', default: false },
      'allow-private': { type: 'boolean', default: false },
      'max-body': { type: 'string' },
      rate: { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.private && values.public) throw new UsageError('--private and --public contradict each other');
  const port = parsePort(values.port, 8080);
  const host = values.host;
  // Reads are open on a loopback address; anywhere else they need a token unless --public says otherwise.
  const readAccess = values.private || (!isLoopback(host) && !values.public) ? 'token' : 'open';
  const maxBody = values['max-body'] !== undefined ? Number(values['max-body']) : undefined;
  if (maxBody !== undefined && !(Number.isInteger(maxBody) && maxBody >= 1024)) throw new UsageError('--max-body must be a whole number of bytes, at least 1024');
  const rate = values.rate !== undefined ? Number(values.rate) : undefined;
  if (rate !== undefined && !(rate > 0)) throw new UsageError('--rate must be a positive number of requests per second');

  const db = storeLocation(values.db);
  const server = await startServer({
    db, port, host, readAccess, allowPrivate: values['allow-private'], maxBodyBytes: maxBody,
    rateLimit: rate !== undefined ? { burst: Math.max(10, Math.round(rate * 30)), perSecond: rate } : undefined,
  });
  const stats = await server.store.stats();
  process.stderr.write(
    `sitrep serve: ${stats.articles} articles, ${stats.events} events in ${server.store.location}\n` +
    `sitrep serve: reads ${readAccess === 'open' ? 'open' : 'need a token'}; writes need a token (sitrep token create --db ${db})\n`,
  );
  process.stdout.write(`${server.url}/\n`);
  return untilSignal(server, 'serve');
}
