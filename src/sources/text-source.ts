/**
 * Plain text files as article sources, and the expansion of directories and globs into files
 * that every file reader shares (the ingest loop offers each file to the readers in
 * src/ingest/readers.ts; an HTML or WARC reader picks its own files from the same expansion).
 *
 * A text file is one article: the first line is taken as the headline by the analyzer's layout
 * stage. A date in the file name ("niger-us-forces-2024-03-18.txt") is used as the publication
 * date when none is given: saved articles are commonly named so, and without a reference date
 * "on Monday" cannot be resolved.
 */
import { stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { decodeText, InputError, readSource } from '../io/read-input.js';
import type { ReadOptions, SourceItem, SourceReader } from './source.js';
import { walk } from './file-walk.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '']);

/** Whether a locator is a URL (left to URL-aware readers). */
export function isUrl(locator: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(locator);
}

/** Whether a locator holds glob characters. */
export function isGlob(locator: string): boolean {
  return /[*?[]/.test(locator);
}

/**
 * A glob as a regular expression over '/'-separated relative paths: `*` and `?` stay inside one
 * path segment, `**` crosses segments, `[abc]` is a character class. Linear: no backtracking
 * constructs are produced beyond one `.*` per `**`.
 * @example globToRegExp('**\/*.txt').test('a/b/c.txt') // true
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') { i++; re += '(?:[^/]*/)*'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^');
      re += `[${body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}


/** Most files one locator may expand to: a typo like `/` must not walk the whole disk forever. */
export const MAX_EXPANSION = 1_000_000;

/**
 * A file, directory or glob → the files it names (sorted). URLs and '-' pass through as they are.
 * @throws InputError when nothing matches
 */
export async function expandLocator(locator: string): Promise<string[]> {
  if (locator === '-' || isUrl(locator)) return [locator];
  if (isGlob(locator)) {
    const parts = locator.split(/[\\/]/);
    const firstWild = parts.findIndex((p) => isGlob(p));
    const base = parts.slice(0, firstWild).join('/') || (locator.startsWith('/') ? '/' : '.');
    const rest = parts.slice(firstWild).join('/');
    const re = globToRegExp(rest);
    const all: string[] = [];
    await walk(resolve(base), all, MAX_EXPANSION);
    const out = all.filter((f) => re.test(relative(resolve(base), f).split(sep).join('/')))
      .map((f) => join(base, relative(resolve(base), f)));
    if (!out.length) throw new InputError(`no files match ${locator}`);
    return out;
  }
  let st;
  try { st = await stat(locator); } catch { throw new InputError(`cannot read ${locator}: no such file or directory`); }
  if (st.isDirectory()) {
    const out: string[] = [];
    await walk(locator, out, MAX_EXPANSION);
    if (!out.length) throw new InputError(`${locator} holds no files`);
    return out;
  }
  return [locator];
}

/** A YYYY-MM-DD date in a file name, when it is a real day. */
export function dateFromFileName(path: string): string | null {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[^0-9]|$)/.exec(basename(path));
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Plain text files (.txt, .text, .md, or no extension), or '-' for standard input. */
export const textReader: SourceReader = {
  name: 'text',
  accepts(locator: string): boolean {
    if (locator === '-') return true;
    if (isUrl(locator)) return false;
    return TEXT_EXTENSIONS.has(extname(locator).toLowerCase());
  },
  async *read(locator: string, opts: ReadOptions): AsyncIterable<SourceItem> {
    try {
      const text = decodeText(readSource(locator), locator === '-' ? 'standard input' : locator);
      const published = opts.published ?? (locator === '-' ? null : dateFromFileName(locator));
      yield { kind: 'article', origin: locator, input: { text, published } };
    } catch (e) {
      if (e instanceof InputError) yield { kind: 'error', origin: locator, reason: e.message.replace(`${locator} `, '').replace(`cannot read ${locator}: `, '') };
      else yield { kind: 'error', origin: locator, reason: (e as Error).message };
    }
  },
};
