/** Binds the app to a socket (@hono/node-server) with timeouts that a slow or idle client cannot hold open. */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts listening; port 0 picks a free port.
 * @example const srv = await listen(app, { port: 0, host: '127.0.0.1' }); console.log(srv.url)
 */
export function listen(app: Hono, opts: { port: number; host: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }) as Server;
    server.requestTimeout = 120_000;
    server.headersTimeout = 20_000;
    server.keepAliveTimeout = 5_000;
    server.once('error', reject);
    server.once('listening', () => {
      const addr = server.address() as AddressInfo;
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        url: `http://${host}:${addr.port}`,
        port: addr.port,
        close: () => new Promise<void>((res) => {
          server.close(() => res());
          server.closeAllConnections?.();
        }),
      });
    });
  });
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
