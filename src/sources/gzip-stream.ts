/**
 * Opening a possibly gzip'd file as a byte stream, with a gzip-bomb guard: past 256 MB of
 * output, a decompression ratio above 100:1 (news HTML and JSON compress 5–15:1) aborts the
 * stream with a clear error instead of spending minutes inflating zeros.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Transform, type Readable } from 'node:stream';

export const BOMB_CHECK_AFTER = 256 * 1024 * 1024;
export const MAX_RATIO = 100;

/** Example: `for await (const chunk of await openMaybeGzip('crawl.warc.gz')) …` (throws ENOENT etc. on open). */
export async function openMaybeGzip(path: string, opts: { checkAfter?: number; maxRatio?: number } = {}): Promise<Readable> {
  const checkAfter = opts.checkAfter ?? BOMB_CHECK_AFTER, maxRatio = opts.maxRatio ?? MAX_RATIO;
  const fh = await open(path, 'r');
  const magic = Buffer.alloc(2);
  try { await fh.read(magic, 0, 2, 0); } finally { await fh.close(); }
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (!(magic[0] === 0x1f && magic[1] === 0x8b)) return file;
  const gz = createGunzip({ chunkSize: 256 * 1024 });
  let outBytes = 0;
  const guard = new Transform({
    transform(c: Buffer, _enc, cb) {
      outBytes += c.length;
      if (outBytes > checkAfter && outBytes > maxRatio * file.bytesRead) {
        file.destroy();
        cb(new Error(`decompresses more than ${maxRatio}:1 (${outBytes} bytes from ${file.bytesRead}): refused as a likely gzip bomb`));
        return;
      }
      cb(null, c);
    },
  });
  file.on('error', (e) => gz.destroy(e));
  gz.on('error', (e) => guard.destroy(e));
  return file.pipe(gz).pipe(guard);
}
