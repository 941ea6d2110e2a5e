/**
 * Bytes → text for untrusted documents: charset from the caller (HTTP header), a BOM, or an
 * in-document declaration; binary data and badly broken UTF-8 become a reason string, never an
 * exception. A handful of bad bytes in an otherwise UTF-8 page (common in web crawls) are
 * replaced with U+FFFD rather than losing the article.
 */

export type Decoded = { ok: true; text: string; charset: string; replaced: number } | { ok: false; reason: string };

/** "text/html; charset=ISO-8859-1" → "iso-8859-1" */
export function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** `<meta charset="...">` or `<?xml encoding="..."?>` in the first 2 KB (as the HTML spec's prescan does). */
export function sniffDeclaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

// WHATWG maps latin1/ascii labels to windows-1252, but Node 20's TextDecoder decodes 0x80–0x9F
// as C1 controls (nodejs/node#56542), which would turn curly quotes into control characters.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeCp1252(buf: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < buf.length; i += CHUNK) {
    const part = buf.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let j = 0; j < part.length; j++) { const b = part[j]; codes[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b; }
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decoderFor(label: string): TextDecoder | null {
  try { return new TextDecoder(label); } catch { return null; }
}

/**
 * Decodes `buf`, refusing binary data. Example: `decodeBytes(buf, 'page.html', 'text/html; charset=utf-8')`.
 */
export function decodeBytes(buf: Uint8Array, declared?: string | null): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'empty document' };
  // NUL bytes never occur in text documents (UTF-16 is handled by its BOM below).
  const probe = buf.subarray(0, 65536);
  const bom16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!bom16 && probe.includes(0)) return { ok: false, reason: 'looks binary (contains NUL bytes), not a text document' };
  let charset = 'utf-8';
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) charset = 'utf-8';
  else if (bom16) charset = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
  else if (declared) charset = declared;
  else charset = sniffDeclaredCharset(buf) ?? 'utf-8';
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/i.test(charset)) charset = 'utf-8';
  const dec = decoderFor(charset) ?? new TextDecoder('utf-8');
  charset = dec.encoding;
  let text: string;
  let replaced = 0;
  if (charset === 'utf-8') {
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch {
      text = dec.decode(buf);
      for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replaced++;
      if (replaced > 16 && replaced > text.length / 200) return { ok: false, reason: `not valid UTF-8 text (${replaced} invalid byte sequences)` };
    }
  } else if (charset === 'windows-1252') {
    text = decodeCp1252(buf);
  } else {
    text = dec.decode(buf);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Many C0 control characters besides tab/newline/CR/FF mean binary data.
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (controls > 8 && controls > n / 100) return { ok: false, reason: 'looks binary (control characters), not a text document' };
  if (!text.trim()) return { ok: false, reason: 'empty document' };
  return { ok: true, text, charset, replaced };
}
