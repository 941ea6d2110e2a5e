/**
 * The bundled example articles (examples/*.txt), loaded through the real path: analyze, then the
 * store's ingest. Publication dates come from examples/index.json when present, else from a
 * YYYY-MM-DD in the file name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { analyze } from '../pipeline/index.js';
import { decodeText, parsePublished } from '../io/read-input.js';
import { PROJECT_ROOT } from '../util/paths.js';
import type { IngestResult, Store } from '../store/store.js';

export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

const IndexSchema = z.array(z.object({
  file: z.string().min(1),
  published: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  outlet: z.string().nullish(),
}));

export interface ExampleArticle {
  file: string;
  published: string | null;
  title: string | null;
  url: string | null;
  outlet: string | null;
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
      title: meta?.title ?? null,
      url: meta?.url ?? null,
      outlet: meta?.outlet ?? null,
    };
  });
}

/**
 * Analyses and stores every example article; returns each result.
 * @example await loadExamples(await openStore(':memory:'))
 */
export async function loadExamples(store: Store, dir = EXAMPLES_DIR, progress?: (done: number, total: number, file: string) => void): Promise<{ file: string; result: IngestResult }[]> {
  const list = exampleArticles(dir);
  const out: { file: string; result: IngestResult }[] = [];
  for (const [i, ex] of list.entries()) {
    const text = decodeText(readFileSync(ex.file), ex.file);
    const record = analyze({ text, title: ex.title, url: ex.url, outlet: ex.outlet, published: ex.published }, { published: ex.published });
    out.push({ file: ex.file, result: await store.ingestRecord(record, { origin: `examples/${basename(ex.file)}` }) });
    progress?.(i + 1, list.length, basename(ex.file));
  }
  return out;
}
