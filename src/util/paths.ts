import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/** The package root (where package.json and data/ live), found from this compiled file's location. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('sitrep: cannot find the package root (package.json + data/)');
}

export const PROJECT_ROOT = findRoot();
export const DATA_DIR = join(PROJECT_ROOT, 'data');
/** ../shared beside the project, when present (development sets, gold files). */
export const SHARED_DIR = join(PROJECT_ROOT, '..', 'shared');

/**
 * The shared dir (gold files, dev sets): env SITREP_SHARED when set, else ../shared beside the
 * project. A worktree elsewhere sets SITREP_SHARED=/work/shared.
 */
export function sharedDir(): string {
  return process.env.SITREP_SHARED?.trim() || SHARED_DIR;
}
