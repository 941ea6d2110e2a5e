/**
 * All regular files under a directory, sorted by name, hidden files and folders skipped, at most
 * `limit` of them (shared by every reader that expands directories and globs).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function walk(dir: string, out: string[], limit: number): Promise<void> {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (out.length >= limit) return;
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, limit);
    else if (e.isFile()) out.push(p);
  }
}
