/**
 * Content sniffing for files whose name does not say what they are: the first bytes of a WARC,
 * a feed, an HTML page or a JSONL file are distinctive (gzip is looked through).
 */
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

export type SniffedFormat = 'warc' | 'feed' | 'html' | 'jsonl' | null;

/** Classifies a document head. Example: `sniffBytes(Buffer.from('WARC/1.0\r\n'))` → `'warc'`. */
export function sniffBytes(head: Buffer): SniffedFormat {
  let b = head;
  if (b[0] === 0x1f && b[1] === 0x8b) {
    // A partial gzip member: decompress what we have (bounded) just to look at the start.
    try { b = gunzipSync(b, { finishFlush: 2 /* Z_SYNC_FLUSH */, maxOutputLength: 64 * 1024 }); } catch { return null; }
  }
  const s = b.subarray(0, 4096).toString('utf8').replace(/^\ufeff/, '').trimStart();
  if (s.startsWith('WARC/1.')) return 'warc';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(s)) return 'feed';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE html|<html|<head|<body)/i.test(s)) return 'html';
  if (/^\{\s*"/.test(s)) return 'jsonl';
  return null;
}

/** Reads up to 4 KB of `path` and classifies it; null when unreadable or unknown. */
export async function sniffFile(path: string): Promise<SniffedFormat> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(buf, 0, 4096, 0);
      return sniffBytes(buf.subarray(0, bytesRead));
    } finally { await fh.close(); }
  } catch { return null; }
}
