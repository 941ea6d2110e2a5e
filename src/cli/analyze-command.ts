import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { analyze, analyzeDoc } from '../pipeline/index.js';
import { toRecord } from '../pipeline/record.js';
import { decodeText, InputError, parsePublished, readSource } from '../io/read-input.js';
import { textReport } from '../report/text-report.js';
import { explainReport } from '../report/explain-report.js';
import { UsageError } from './main.js';

const JsonlItem = z.object({
  id: z.string().min(1),
  text: z.string(),
  title: z.string().nullish(),
  published: z.string().nullish(),
  url: z.string().nullish(),
});

export async function analyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      published: { type: 'string' },
      title: { type: 'string' },
      format: { type: 'string', default: 'text' },
      jsonl: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const published = values.published !== undefined ? parsePublished(values.published) : undefined;

  if (values.jsonl !== undefined) return analyzeJsonl(values.jsonl, published);

  if (positionals.length !== 1) throw new UsageError('give one FILE (or - for standard input), or --jsonl FILE');
  const file = positionals[0];
  const text = decodeText(readSource(file), file === '-' ? 'standard input' : file);
  const doc = analyzeDoc({ text, title: values.title ?? null, published: published ?? null }, { published, explain: values.explain });
  const record = toRecord(doc);
  if (format === 'json') process.stdout.write(JSON.stringify(record, null, 2) + '\n');
  else process.stdout.write(textReport(record));
  if (values.explain) process.stdout.write(explainReport(doc));
  return 0;
}

/** One JSON object a line in, one record a line out; a bad line is reported and the run goes on. */
async function analyzeJsonl(path: string, published: string | undefined): Promise<number> {
  const input = path === '-' ? process.stdin : createReadStream(path);
  const opened = new Promise<void>((resolve, reject) => {
    if (path === '-') return resolve();
    input.once('open', () => resolve());
    input.once('error', (e: NodeJS.ErrnoException) => reject(new InputError(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.code ?? e.message}`)));
  });
  await opened;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0, failed = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    try {
      let obj: unknown;
      try { obj = JSON.parse(line); } catch { throw new InputError('not valid JSON'); }
      const item = JsonlItem.safeParse(obj);
      if (!item.success) throw new InputError(`${item.error.issues[0].path.join('.') || 'object'}: ${item.error.issues[0].message}`);
      const pub = item.data.published ? parsePublished(item.data.published) : published;
      if (!item.data.text.trim()) throw new InputError('text is empty');
      const rec = analyze({ id: item.data.id, text: item.data.text, title: item.data.title ?? null, url: item.data.url ?? null, published: pub ?? null }, { published: pub });
      process.stdout.write(JSON.stringify(rec) + '\n');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failed++;
      process.stderr.write(`sitrep analyze: line ${n}: ${e.message}\n`);
    }
  }
  if (failed) process.stderr.write(`sitrep analyze: ${failed} of ${n} lines failed\n`);
  return failed ? 1 : 0;
}
