import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportStore } from '../kb/exports.js';
import type { ExportFormat } from '../store/store.js';
import { UsageError } from './main.js';
import { DB_OPTION, openForQuery, withStore } from './store-option.js';

/** `sitrep export --format jsonl|csv|plover|gdelt|geojson [--out FILE] [--db URL]` */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, format: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  return withStore(await openForQuery(values.db), async (store) => {
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    // Respect backpressure: an export of a million events must not pile up in memory.
    const write = async (s: string) => { if (!out.write(s)) await once(out, 'drain'); };
    const n = await exportStore(store, format, write);
    if (values.out) { (out as ReturnType<typeof createWriteStream>).end(); await once(out, 'finish'); }
    process.stderr.write(`sitrep export: ${n} ${format === 'jsonl' ? 'records' : format === 'geojson' ? 'located events' : 'events'}${values.out ? ' to ' + values.out : ''}\n`);
    return 0;
  });
}
