/**
 * Reading article text from files or stdin, with the checks every entry point shares:
 * a missing file, an empty or binary input, or invalid UTF-8 become a clear InputError.
 */
import { readFileSync, statSync } from 'node:fs';

export class InputError extends Error {
  constructor(message: string) { super(message); this.name = 'InputError'; }
}

/** Refuse input over this size (bytes): no news article is larger, and the analyzer is linear but not free. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export function readSource(path: string): Buffer {
  if (path === '-') return readFileSync(0);
  let st;
  try { st = statSync(path); } catch { throw new InputError(`cannot read ${path}: no such file`); }
  if (st.isDirectory()) throw new InputError(`${path} is a directory, not a file`);
  if (st.size > MAX_INPUT_BYTES) throw new InputError(`${path} is ${st.size} bytes; the limit is ${MAX_INPUT_BYTES}`);
  try { return readFileSync(path); } catch (e) { throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
}

/** Decodes UTF-8 text, refusing binary data and empty input. */
export function decodeText(buf: Buffer, label: string): string {
  if (buf.length > MAX_INPUT_BYTES) throw new InputError(`${label} is ${buf.length} bytes; the limit is ${MAX_INPUT_BYTES}`);
  if (buf.includes(0)) throw new InputError(`${label} looks binary (it contains NUL bytes), not text`);
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch {
    throw new InputError(`${label} is not valid UTF-8 text`);
  }
  // Many C0 control characters besides tab/newline mean binary data.
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 100) throw new InputError(`${label} looks binary (control characters), not text`);
  if (!text.trim()) throw new InputError(`${label} is empty`);
  return text;
}

/** ISO 8601 date or date-time, checked for a real calendar date ("2024-02-30" is refused). */
export function parsePublished(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) throw new InputError(`bad date "${s}": expected an ISO 8601 date such as 2024-03-18`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || dt.getUTCDate() !== d || dt.getUTCMonth() !== mo - 1) throw new InputError(`bad date "${s}": no such calendar day`);
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) throw new InputError(`bad date "${s}": no such time of day`);
  return s.trim();
}
