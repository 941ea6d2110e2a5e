/**
 * The one loader for everything in data/: reads a JSON file, validates it against its zod schema
 * and fails with the file name and the offending path, so a bad data edit is caught at start-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DATA_DIR } from '../util/paths.js';

export function loadData<T extends z.ZodType>(relPath: string, schema: T): z.infer<T> {
  const file = join(DATA_DIR, relPath);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`data/${relPath}: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`data/${relPath}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return r.data;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
