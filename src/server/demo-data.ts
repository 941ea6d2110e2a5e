/**
 * The bundled example articles (examples/*.txt), loaded through the real ingest path. Publication
 * dates come from examples/index.json when present, else from a YYYY-MM-DD in the file name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ingest, type IngestSummary } from '../ingest/ingest.js';
import { parsePublished } from '../io/read-input.js';
import { PROJECT_ROOT } from '../util/paths.js';
import type { Store } from '../store/store.js';

export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

const IndexSchema = z.array(z.object({
  file: z.string().min(1),
  published: z.string().nullish(),
}));

export interface ExampleArticle {
  file: string;
  published: string | null;
}

/** The example articles with their metadata, in a stable order. */
export function exampleArticles(dir = EXAMPLES_DIR): ExampleArticle[] {
  const indexPath = join(dir, 'index.json');
  const listed = existsSync(indexPath) ? IndexSchema.parse(JSON.parse(readFileSync(indexPath, 'utf8'))) : [];
  const byFile = new Map(listed.map((e) => [e.file, e]));
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((file) => {
    const meta = byFile.get(file);
    const fromName = /(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1] ?? null;
    const published = meta?.published ?? fromName;
    return {
      file: join(dir, file),
      published: published ? parsePublished(published) : null,
    };
  });
}

/**
 * Ingests every example article through `sitrep ingest`'s path (text reader, skip-if-seen,
 * analysis, store), one file at a time so each gets its own publication date.
 * @example await loadExamples(await openStore(':memory:'))
 */
export async function loadExamples(store: Store, dir = EXAMPLES_DIR, progress?: (done: number, total: number, file: string) => void): Promise<{ file: string; summary: IngestSummary }[]> {
  const list = exampleArticles(dir);
  const out: { file: string; summary: IngestSummary }[] = [];
  for (const [i, ex] of list.entries()) {
    const summary = await ingest(store, [ex.file], { published: ex.published });
    if (summary.failed) throw new Error(`${basename(ex.file)}: ${summary.failures.map((f) => f.reason).join('; ')}`);
    out.push({ file: ex.file, summary });
    progress?.(i + 1, list.length, basename(ex.file));
  }
  return out;
}
