/**
 * Splits a byte stream into lines without ever holding more than one capped line: a line over
 * `maxBytes` is reported (by number) and skipped while the stream keeps flowing.
 */
export type Line = { n: number; bytes: Buffer } | { n: number; tooLong: number };

/** Example: `for await (const l of lines(createReadStream(p), 1 << 20)) …` */
export async function* lines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let skipped = 0;
  let n = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      const end = nl === -1 ? buf.length : nl;
      const piece = buf.subarray(start, end);
      if (skipping) skipped += piece.length;
      else if (size + piece.length > maxBytes) { skipping = true; skipped = size + piece.length; parts = []; size = 0; }
      else if (piece.length) { parts.push(piece); size += piece.length; }
      if (nl === -1) break;
      n++;
      if (skipping) yield { n, tooLong: skipped };
      else yield { n, bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts) };
      parts = []; size = 0; skipping = false; skipped = 0;
      start = nl + 1;
    }
  }
  if (skipping) yield { n: n + 1, tooLong: skipped };
  else if (size) yield { n: n + 1, bytes: Buffer.concat(parts) };
}
