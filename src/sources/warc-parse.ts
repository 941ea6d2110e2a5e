/**
 * A small incremental WARC 1.0/1.1 record parser: bytes in, records out, holding at most one
 * record (capped) in memory. Oversized records are streamed past; a corrupt record is reported
 * and the parser resynchronises on the next "WARC/1." version line, so one bad record never
 * loses the rest of the file.
 */

export interface WarcRecord {
  kind: 'record';
  n: number;
  headers: Map<string, string>;
  /** exactly Content-Length bytes */
  body: Buffer;
}
export interface WarcProblem { kind: 'problem'; n: number; reason: string; headers?: Map<string, string> }

const CRLF2 = Buffer.from('\r\n\r\n');
const MAGIC = Buffer.from('WARC/1.');
const MAX_HEADER_BYTES = 64 * 1024;

/** "WARC/1.0\r\nWARC-Type: response\r\n…" → header map (names lower-cased). */
export function parseHeaderBlock(text: string): Map<string, string> {
  const h = new Map<string, string>();
  let last = '';
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (/^[ \t]/.test(line) && last) { h.set(last, `${h.get(last)} ${line.trim()}`); continue; } // folded line
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim().toLowerCase();
    h.set(last, line.slice(i + 1).trim());
  }
  return h;
}

/**
 * Splits a WARC byte stream (already decompressed) into records.
 * Example: `for await (const r of warcRecords(gunzipped, 8 << 20)) if (r.kind === 'record') …`
 */
export async function* warcRecords(stream: AsyncIterable<Buffer>, maxRecordBytes: number): AsyncGenerator<WarcRecord | WarcProblem> {
  let pending: Buffer = Buffer.alloc(0);
  type State = 'header' | 'body' | 'skip' | 'resync';
  let state = 'header' as State;
  let need = 0;
  let parts: Buffer[] = [];
  let have = 0;
  let headers: Map<string, string> | undefined;
  let n = 0;

  const resync = (from: number): void => {
    const i = pending.indexOf(MAGIC, from);
    if (i === -1) { pending = pending.subarray(Math.max(0, pending.length - MAGIC.length + 1)); state = 'resync'; }
    else { pending = pending.subarray(i); state = 'header'; }
  };

  for await (const chunk of stream) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if ((state as State) === 'resync') { resync(0); if ((state as string) === 'resync') break; continue; }
      if (state === 'skip') {
        const k = Math.min(need, pending.length);
        need -= k; pending = pending.subarray(k);
        if (need > 0) break;
        state = 'header';
        continue;
      }
      if (state === 'body') {
        const k = Math.min(need - have, pending.length);
        if (k > 0) { parts.push(Buffer.from(pending.subarray(0, k))); have += k; pending = pending.subarray(k); }
        if (have < need) break;
        yield { kind: 'record', n, headers: headers!, body: parts.length === 1 ? parts[0] : Buffer.concat(parts, have) };
        parts = []; have = 0; state = 'header';
        continue;
      }
      // header: skip the CRLF CRLF that ends the previous record (and any stray blank lines)
      let s = 0;
      while (s < pending.length && (pending[s] === 13 || pending[s] === 10)) s++;
      pending = pending.subarray(s);
      if (pending.length < MAGIC.length) break;
      if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) {
        n++;
        yield { kind: 'problem', n, reason: 'not a WARC record (no WARC/1.x version line); skipped to the next record' };
        resync(1);
        continue;
      }
      const end = pending.indexOf(CRLF2);
      if (end === -1) {
        if (pending.length > MAX_HEADER_BYTES) { n++; yield { kind: 'problem', n, reason: `WARC header block over ${MAX_HEADER_BYTES} bytes` }; resync(1); continue; }
        break;
      }
      n++;
      headers = parseHeaderBlock(pending.subarray(0, end).toString('latin1'));
      pending = pending.subarray(end + 4);
      const lenRaw = headers.get('content-length');
      const len = lenRaw !== undefined && /^\d{1,15}$/.test(lenRaw) ? Number(lenRaw) : NaN;
      if (!Number.isFinite(len)) { yield { kind: 'problem', n, reason: `missing or invalid Content-Length "${(lenRaw ?? '').slice(0, 30)}"`, headers }; resync(0); continue; }
      if (len > maxRecordBytes) {
        yield { kind: 'problem', n, reason: `record is ${len} bytes; the limit is ${maxRecordBytes} (streamed past)`, headers };
        need = len; state = 'skip';
        continue;
      }
      need = len; have = 0; parts = []; state = 'body';
    }
  }
  const final = state as string;
  if (final === 'body' || final === 'skip') yield { kind: 'problem', n, reason: 'file ends in the middle of this record (truncated)', headers };
  else if (final === 'header' && pending.length && pending.some((b) => b !== 13 && b !== 10)) yield { kind: 'problem', n: n + 1, reason: 'file ends with an incomplete record header' };
}

/** The HTTP response inside a WARC response record: status, headers, body (de-chunked). */
export interface HttpPayload { status: number; headers: Map<string, string>; body: Buffer }

export function parseHttpResponse(buf: Buffer): HttpPayload | null {
  const end = buf.indexOf(CRLF2);
  const alt = end === -1 ? buf.indexOf('\n\n') : -1;
  const cut = end !== -1 ? end : alt;
  if (cut === -1 || cut > MAX_HEADER_BYTES) return null;
  const head = buf.subarray(0, cut).toString('latin1');
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head);
  if (!m) return null;
  const headers = parseHeaderBlock(head);
  let body = buf.subarray(cut + (end !== -1 ? 4 : 2));
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  return { status: Number(m[1]), headers, body };
}

/** Decodes chunked transfer coding; null when the body is not actually chunked (crawlers often store it decoded). */
function dechunk(buf: Buffer): Buffer | null {
  const out: Buffer[] = [];
  let i = 0;
  for (let guard = 0; guard < 100000; guard++) {
    const nl = buf.indexOf('\r\n', i);
    if (nl === -1 || nl - i > 20) return null;
    const size = parseInt(buf.subarray(i, nl).toString('latin1').split(';')[0].trim(), 16);
    if (!Number.isFinite(size)) return null;
    if (size === 0) return Buffer.concat(out);
    out.push(buf.subarray(nl + 2, nl + 2 + size));
    i = nl + 2 + size + 2;
    if (i > buf.length) return Buffer.concat(out);
  }
  return null;
}
