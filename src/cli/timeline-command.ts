import { parseArgs } from 'node:util';
import { MODALITIES, type Modality } from '../contract/analysis-schema.js';
import type { Period } from '../store/store.js';
import { UsageError } from './main.js';
import { DB_OPTION, dateOption, openForQuery, outputFormat, withStore } from './store-option.js';
import { csv, table } from './table-format.js';
import { EVENT_HEADERS, eventRows } from './events-command.js';

/** `sitrep timeline A B [--period day|week|month|year] [--from D] [--to D] [--directed] [--modality m,…] [--format table|json|csv]` */
export async function timelineCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, period: { type: 'string', default: 'month' }, from: { type: 'string' }, to: { type: 'string' }, directed: { type: 'boolean', default: false }, modality: { type: 'string' }, format: { type: 'string' } },
  });
  if (positionals.length !== 2) throw new UsageError('give two actors, e.g. sitrep timeline USA NER');
  const period = values.period as Period;
  if (!['day', 'week', 'month', 'year'].includes(period)) throw new UsageError(`--period must be day, week, month or year, not "${values.period}"`);
  const modality = values.modality?.split(',').map((m) => m.trim()) as Modality[] | undefined;
  for (const m of modality ?? []) if (!MODALITIES.includes(m)) throw new UsageError(`--modality: "${m}" is not one of ${MODALITIES.join(', ')}`);
  const format = outputFormat(values.format);
  return withStore(await openForQuery(values.db), async (store) => {
    const t = await store.timeline(positionals[0], positionals[1], { period, from: dateOption(values.from, 'from', false), to: dateOption(values.to, 'to', true), directed: values.directed, modality });
    if (!t.a.length || !t.b.length) {
      process.stderr.write(`sitrep timeline: no actor matches "${!t.a.length ? positionals[0] : positionals[1]}"\n`);
      return 1;
    }
    const headers = ['period', 'events', `${t.aLabel}→${t.bLabel}`, `${t.bLabel}→${t.aLabel}`, 'q1 verbal coop', 'q2 material coop', 'q3 verbal conflict', 'q4 material conflict', 'goldstein mean', 'goldstein sum', 'plover sum'];
    const rows = t.periods.filter((p) => p.events > 0 || format !== 'table').map((p) => [p.period, p.events, p.aToB, p.bToA, p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.goldsteinMean, p.goldsteinSum, p.ploverScoreSum]);
    if (format === 'json') { process.stdout.write(JSON.stringify(t, null, 2) + '\n'); return 0; }
    if (format === 'csv') { process.stdout.write(csv(headers, rows)); return 0; }
    process.stdout.write(`${t.aLabel} – ${t.bLabel}, by ${t.period}${values.modality ? '' : ' (asserted events)'}\n\n`);
    process.stdout.write(table(headers, rows));
    if (t.states.length) process.stdout.write('\nstate changes\n' + t.states.map((s) => '  ' + s.sentence).join('\n') + '\n');
    if (t.events.length) process.stdout.write('\nevents\n' + table(EVENT_HEADERS, eventRows([...t.events].reverse()), [8, 23, 10, 16, 16, 12, 7, 7, 12, 70]));
    return 0;
  });
}
