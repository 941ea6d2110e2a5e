/**
 * Fetching a URL from the open web, defensively: http(s) only, an overall timeout, a byte cap
 * on the (decompressed) body that aborts the transfer, a content-type allow-list, at most
 * MAX_REDIRECTS redirects, and SSRF protection applied after DNS resolution on every hop:
 * every resolved address must be public, and the socket connects to the checked address (a
 * pinned `lookup`), so a second DNS answer cannot rebind the name to an internal address.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { addressKind } from './address-guard.js';
import { FETCH_TIMEOUT_MS, MAX_HTML_BYTES, MAX_REDIRECTS } from './limits.js';
import { charsetFromContentType } from './text-decode.js';

export type BodyKind = 'html' | 'feed' | 'text';

export interface Resolved { address: string; family: 4 | 6 }

export interface FetchOptions {
  /** allow private, loopback and link-local targets (tests against a local server) */
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** cap on the decompressed body, in bytes */
  maxBytes?: number;
  maxRedirects?: number;
  /** content kinds accepted; default all three */
  accept?: readonly BodyKind[];
  /** extra request headers (If-None-Match, If-Modified-Since for conditional GET) */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** seam for tests: how host names resolve (default: the system resolver, all addresses) */
  resolve?: (host: string) => Promise<Resolved[]>;
  /** seam for tests: which addresses count as public (default: address-guard's rules) */
  isPublicAddress?: (ip: string) => boolean;
}

export type FetchResult =
  | { ok: true; status: number; url: string; kind: BodyKind | null; contentType: string; charset: string | null; body: Buffer; headers: http.IncomingHttpHeaders; redirects: number }
  | { ok: false; reason: string; status?: number; url: string };

const CT: Record<BodyKind, RegExp> = {
  html: /^(?:text\/html|application\/xhtml\+xml)$/,
  feed: /^(?:application\/(?:rss|atom|rdf)\+xml|application\/xml|text\/xml)$/,
  text: /^text\/plain$/,
};

/** Decides the body kind from the content type, or from the first bytes when the type is generic. */
export function sniffKind(contentType: string, body: Buffer): BodyKind | null {
  const ct = contentType.split(';')[0].trim().toLowerCase();
  for (const k of ['html', 'feed', 'text'] as const) if (CT[k].test(ct)) {
    if (k !== 'html' || !/^\s*<\?xml[^>]*>\s*<(?:rss|feed|rdf:RDF)\b/i.test(body.subarray(0, 512).toString('latin1'))) return k;
    return 'feed';
  }
  if (ct && !/^(?:application\/octet-stream|binary\/octet-stream)$/.test(ct)) return null;
  const head = body.subarray(0, 1024).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (/^<\?xml[\s\S]*?<(?:rss|feed|rdf:RDF)\b|^<(?:rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (/^(?:<!doctype html|<html|<head|<body)/i.test(head)) return 'html';
  return null;
}

class FetchFailure extends Error {
  constructor(message: string, readonly status?: number) { super(message); }
}

async function systemResolve(host: string): Promise<Resolved[]> {
  const r = await dnsLookup(host, { all: true, verbatim: true });
  return r.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Resolves `host` and checks every address; throws a FetchFailure naming the refused one. */
async function checkedAddresses(host: string, opts: FetchOptions): Promise<Resolved[]> {
  let addrs: Resolved[];
  const fam = isIP(host);
  if (fam) addrs = [{ address: host, family: fam as 4 | 6 }];
  else {
    try { addrs = await (opts.resolve ?? systemResolve)(host); } catch (e) {
      throw new FetchFailure(`cannot resolve ${host} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (!addrs.length) throw new FetchFailure(`cannot resolve ${host}`);
  }
  if (!opts.allowPrivate) {
    const isPublic = opts.isPublicAddress ?? ((ip: string) => addressKind(ip) === null);
    for (const a of addrs) {
      if (!isPublic(a.address)) {
        const why = addressKind(a.address) ?? 'not public';
        throw new FetchFailure(`refused: ${host}${fam ? '' : ` resolves to ${a.address}`} is a ${why} address (allow with --allow-private)`);
      }
    }
  }
  return addrs;
}

function pinnedLookup(a: Resolved): LookupFunction {
  return ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address: a.address, family: a.family }]);
    else cb(null, a.address, a.family);
  }) as unknown as LookupFunction;
}

function decoded(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/**
 * Fetches `url` with every guard on. Never throws for network or content problems: the result
 * says why. Example: `await fetchResource('https://example.com/feed.xml', { accept: ['feed'] })`.
 */
export async function fetchResource(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_HTML_BYTES;
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const accept = opts.accept ?? ['html', 'feed', 'text'];
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new FetchFailure(`timed out after ${timeoutMs} ms`)), timeoutMs);
  const onOuter = () => ac.abort(new FetchFailure('aborted'));
  opts.signal?.addEventListener('abort', onOuter, { once: true });
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      let u: URL;
      try { u = new URL(current); } catch { throw new FetchFailure(`not a valid URL: ${current.slice(0, 200)}`); }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchFailure(`refused: only http and https URLs are fetched, not ${u.protocol}`);
      if (u.username || u.password) throw new FetchFailure('refused: URLs with credentials are not fetched');
      const host = u.hostname.replace(/^\[|\]$/g, '');
      const addrs = await checkedAddresses(host, opts);
      if (ac.signal.aborted) throw ac.signal.reason;
      const res = await request(u, host, addrs[0], opts, ac.signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        res.resume();
        const loc = res.headers.location;
        if (!loc) throw new FetchFailure(`HTTP ${status} without a Location header`, status);
        if (hop >= maxRedirects) throw new FetchFailure(`too many redirects (more than ${maxRedirects})`, status);
        try { current = new URL(loc, u).href; } catch { throw new FetchFailure(`redirect to an invalid URL: ${String(loc).slice(0, 200)}`); }
        continue;
      }
      const contentType = String(res.headers['content-type'] ?? '');
      if (status === 304) { res.resume(); return { ok: true, status, url: u.href, kind: null, contentType, charset: null, body: Buffer.alloc(0), headers: res.headers, redirects: hop }; }
      if (status < 200 || status >= 300) { res.resume(); throw new FetchFailure(`HTTP ${status}`, status); }
      const ct = contentType.split(';')[0].trim().toLowerCase();
      const declaredOk = !ct || /^(?:application|binary)\/octet-stream$/.test(ct) || accept.some((k) => CT[k].test(ct));
      if (!declaredOk) { res.destroy(); throw new FetchFailure(`unsupported content type "${ct}" (expected ${accept.join(', ')})`, status); }
      const len = Number(res.headers['content-length']);
      if (Number.isFinite(len) && len > maxBytes && !res.headers['content-encoding']) { res.destroy(); throw new FetchFailure(`response is ${len} bytes; the limit is ${maxBytes}`, status); }
      const body = await readCapped(decoded(res), res, maxBytes, ac.signal);
      const kind = sniffKind(contentType, body);
      if (!kind || !accept.includes(kind)) throw new FetchFailure(kind ? `content is ${kind}, expected ${accept.join(', ')}` : `content type "${ct || 'none'}" is not HTML, a feed or plain text`, status);
      return { ok: true, status, url: u.href, kind, contentType, charset: charsetFromContentType(contentType), body, headers: res.headers, redirects: hop };
    }
  } catch (e) {
    const f = e instanceof FetchFailure ? e : ac.signal.aborted && ac.signal.reason instanceof FetchFailure ? ac.signal.reason : null;
    if (f) return { ok: false, reason: f.message, status: f.status, url: current };
    const code = (e as NodeJS.ErrnoException)?.code;
    return { ok: false, reason: `fetch failed: ${code ?? String((e as Error)?.message ?? e).slice(0, 120)}`, url: current };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuter);
  }
}

function request(u: URL, host: string, addr: Resolved, opts: FetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = u.protocol === 'https:' ? https : http;
    const req = lib.request({
      protocol: u.protocol,
      hostname: host,
      port: u.port || undefined,
      path: u.pathname + u.search,
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(addr),
      // SNI and certificate checks use the name, while the socket goes to the checked address.
      servername: isIP(host) ? undefined : host,
      headers: {
        'user-agent': 'sitrep/0.1 (+news event extraction)',
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        ...opts.headers,
      },
      signal,
    }, resolve);
    req.on('error', (e) => reject(signal.aborted ? signal.reason : e));
    req.end();
  });
}

/** Collects a body, aborting as soon as it passes `max` bytes (so a gzip bomb or an endless stream costs at most `max`). */
function readCapped(stream: Readable, res: http.IncomingMessage, max: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let n = 0;
    let done = false;
    const finish = (err: unknown, buf?: Buffer) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      if (err) { stream.destroy(); res.destroy(); reject(err); } else resolve(buf!);
    };
    const onAbort = () => finish(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (c: Buffer) => {
      n += c.length;
      if (n > max) return finish(new FetchFailure(`response body is over the limit of ${max} bytes${res.headers['content-encoding'] ? ' (decompressed)' : ''}`));
      parts.push(c);
    });
    stream.on('end', () => finish(null, Buffer.concat(parts)));
    stream.on('error', (e: NodeJS.ErrnoException) => finish(e.code?.startsWith('Z_') ? new FetchFailure(`compressed body is corrupt (${e.code})`) : e));
    res.on('error', (e) => finish(e));
    res.on('aborted', () => finish(new FetchFailure('connection closed before the body was complete')));
  });
}
