import { parseArgs } from 'node:util';
import { UsageError } from './main.js';
import { DB_OPTION, intOption, openForQuery, outputFormat, withStore } from './store-option.js';
import { csv, table } from './table-format.js';

/** `sitrep search "QUERY" [--limit N] [--format table|json|csv]`: words, "phrases", OR, prefix*. */
export async function searchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, limit: { type: 'string' }, format: { type: 'string' } },
  });
  if (!positionals.length || !positionals.join(' ').trim()) throw new UsageError('give words to search for, e.g. sitrep search uranium');
  const format = outputFormat(values.format);
  return withStore(await openForQuery(values.db), async (store) => {
    const r = await store.search({ text: positionals.join(' '), limit: intOption(values.limit, 'limit', 1) ?? 20 });
    if (format === 'json') { process.stdout.write(JSON.stringify(r, null, 2) + '\n'); return 0; }
    const evRows = r.events.map((e) => [e.event.id, e.event.date ?? `~${e.event.dateLo}`, e.event.type, e.event.sources, e.snippet]);
    const arRows = r.articles.map((a) => [a.article.id, a.article.published, a.article.outlet, a.article.title, a.snippet]);
    if (format === 'csv') {
      process.stdout.write(csv(['kind', 'id', 'date', 'type', 'sources', 'snippet'], evRows.map((x) => ['event', ...x])));
      process.stdout.write(csv(['kind', 'id', 'published', 'outlet', 'title', 'snippet'], arRows.map((x) => ['article', ...x])));
      return 0;
    }
    process.stdout.write(`events (${r.events.length})\n` + (evRows.length ? table(['id', 'date', 'type', 'sources', 'evidence'], evRows, [8, 23, 10, 7, 100]) : '  none\n'));
    process.stdout.write(`\narticles (${r.articles.length})\n` + (arRows.length ? table(['id', 'published', 'outlet', 'title', 'text'], arRows, [24, 10, 18, 40, 80]) : '  none\n'));
    return 0;
  });
}
