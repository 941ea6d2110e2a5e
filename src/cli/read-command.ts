/**
 * `sitrep read LOCATOR… [--allow-private] [--published DATE]`: runs the input readers (HTML,
 * feeds, WARC, JSONL, URLs; files, directories or globs) and prints one JSON line per item —
 * articles as {id, text, title, published, url, …}, errors as {error, origin} — with a summary
 * and progress on stderr. Useful to see what a source yields before ingesting it.
 */
import { parseArgs } from 'node:util';
import { readSources } from '../sources/index.js';
import { parsePublished } from '../io/read-input.js';
import { UsageError } from './main.js';

export async function readCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'allow-private': { type: 'boolean', default: false }, published: { type: 'string' } },
  });
  if (!positionals.length) throw new UsageError('give at least one file, directory, glob or URL');
  const published = values.published !== undefined ? parsePublished(values.published) : null;
  let articles = 0, errors = 0;
  for await (const it of readSources(positionals, { allowPrivate: values['allow-private'], published })) {
    if (it.kind === 'article') {
      articles++;
      process.stdout.write(JSON.stringify({ id: it.key ?? it.input.url ?? it.origin, ...it.input, origin: it.origin, notes: it.notes ?? [] }) + '\n');
    } else {
      errors++;
      process.stdout.write(JSON.stringify({ error: it.reason, origin: it.origin }) + '\n');
      process.stderr.write(`sitrep read: ${it.origin}: ${it.reason}\n`);
    }
    if ((articles + errors) % 500 === 0) process.stderr.write(`sitrep read: ${articles + errors} items…\n`);
  }
  process.stderr.write(`sitrep read: ${articles} articles, ${errors} errors\n`);
  return errors && !articles ? 1 : 0;
}
