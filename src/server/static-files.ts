/**
 * Serves the built UI (dist/ui) and nothing else. Paths are decoded once, then refused outright when
 * any segment is "." or "..", or holds a NUL or a backslash; the resolved real path must still lie
 * inside the root (this also stops a symlink pointing out). Encoded forms such as %2e%2e%2f and
 * ..%5c are caught because the check runs on the decoded path.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { ApiError } from './api-error.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps a raw URL path to a file path inside `root`, or throws ApiError 400/404.
 * @example safeResolve('/srv/ui', '/assets/app.js') // '/srv/ui/assets/app.js'
 */
export function safeResolve(root: string, rawPath: string): string {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new ApiError(400, 'bad_request', 'malformed percent-encoding in path');
  }
  if (path.includes('\0') || path.includes('\\')) throw new ApiError(400, 'bad_request', 'illegal character in path');
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) throw new ApiError(400, 'bad_request', 'path traversal refused');
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const full = resolve(base, ...segments);
  if (full !== base && !full.startsWith(base + sep)) throw new ApiError(400, 'bad_request', 'path traversal refused');
  return full;
}

/** Returns the file as a Response, with long caching for Vite's content-hashed assets. */
export async function serveStatic(c: Context, root: string, rawPath: string): Promise<Response> {
  const full = safeResolve(root, rawPath);
  let real: string;
  try {
    real = await realpath(full);
    const realRoot = await realpath(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) throw new ApiError(404, 'not_found', 'no such file');
    if (!(await stat(real)).isFile()) throw new ApiError(404, 'not_found', 'no such file');
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(404, 'not_found', 'no such file');
  }
  const body = await readFile(real);
  const type = TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
  const immutable = rawPath.startsWith('/assets/');
  return c.body(body, 200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

export function uiIndexExists(root: string): Promise<boolean> {
  return stat(join(root, 'index.html')).then((s) => s.isFile(), () => false);
}
