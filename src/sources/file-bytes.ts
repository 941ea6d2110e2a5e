/**
 * Reading a local file for a reader: a missing file, a directory or a file over the cap is a
 * reason string (the reader turns it into a SourceError), never an exception.
 */
import { open, stat } from 'node:fs/promises';

export type Bytes = { ok: true; buf: Buffer } | { ok: false; reason: string };

/** Reads at most `max` bytes of `path`. Example: `await readFileCapped('page.html', MAX_HTML_BYTES)`. */
export async function readFileCapped(path: string, max: number): Promise<Bytes> {
  let st;
  try { st = await stat(path); } catch (e) { return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }; }
  if (st.isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
  if (st.size > max) return { ok: false, reason: `file is ${st.size} bytes; the limit is ${max}` };
  try {
    const fh = await open(path, 'r');
    try {
      // Read up to max+1 so a file that grew (or a FIFO) past the cap is still caught.
      const buf = Buffer.alloc(Math.min(max + 1, Math.max(st.size, 65536)));
      let n = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, n, buf.length - n, null);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n > max) return { ok: false, reason: `file is over the limit of ${max} bytes` };
        if (n === buf.length) break;
      }
      return { ok: true, buf: buf.subarray(0, n) };
    } finally { await fh.close(); }
  } catch (e) { return { ok: false, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }; }
}

/** Lower-cased file extension including compound ones: "a.warc.gz" → ".warc.gz". */
export function extOf(locator: string): string {
  const base = locator.split(/[?#]/)[0].split('/').pop()!.toLowerCase();
  const m = /(\.warc\.gz|\.warc|\.jsonl\.gz|\.jsonl|\.ndjson|\.html?|\.xhtml|\.xml|\.rss|\.atom|\.txt|\.gz)$/.exec(base);
  return m ? m[1] : '';
}
