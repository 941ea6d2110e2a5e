import { parseArgs } from 'node:util';
import { MODALITIES, PLOVER_TYPES, type Modality, type PloverType } from '../contract/analysis-schema.js';
import { CSV_COLUMNS, eventCsvRow } from '../kb/exports.js';
import type { EventQuery, EventView, Quad } from '../store/store.js';
import { UsageError } from './main.js';
import { DB_OPTION, dateOption, intOption, openForQuery, outputFormat, withStore } from './store-option.js';
import { table } from './table-format.js';

export const EVENT_FILTER_OPTIONS = {
  actor: { type: 'string' as const }, recipient: { type: 'string' as const }, party: { type: 'string' as const }, other: { type: 'string' as const },
  type: { type: 'string' as const }, quad: { type: 'string' as const }, modality: { type: 'string' as const },
  from: { type: 'string' as const }, to: { type: 'string' as const }, source: { type: 'string' as const }, text: { type: 'string' as const },
  'min-sources': { type: 'string' as const },
};

function list<T extends string>(v: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (v === undefined) return undefined;
  const xs = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const x of xs) if (!allowed.includes(x as T)) throw new UsageError(`--${name}: "${x}" is not one of ${allowed.join(', ')}`);
  return xs as T[];
}

/** The filters shared by `events` and `export`. */
export function eventQueryFrom(values: Record<string, string | boolean | undefined>): EventQuery {
  const s = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const types = list(s('type')?.toUpperCase(), PLOVER_TYPES, 'type') as PloverType[] | undefined;
  const quads = list(s('quad'), ['1', '2', '3', '4'] as const, 'quad')?.map(Number) as Quad[] | undefined;
  return {
    actor: s('actor'), recipient: s('recipient'), party: s('party'), other: s('other'),
    type: types, quad: quads, modality: list(s('modality'), MODALITIES, 'modality') as Modality[] | undefined,
    from: dateOption(s('from'), 'from', false), to: dateOption(s('to'), 'to', true),
    source: s('source'), text: s('text'), minSources: intOption(s('min-sources'), 'min-sources', 1),
  };
}

export function eventRows(items: EventView[]): (string | number | null)[][] {
  return items.map((e) => [e.id, e.date ?? (e.dateLo ? `~${e.dateLo}` : ''), e.type, e.actor.map((a) => a.code ?? a.name).filter((x, i, a) => a.indexOf(x) === i).join('+'),
    e.recipient.map((a) => a.code ?? a.name).filter((x, i, a) => a.indexOf(x) === i).join('+'), e.modality === 'asserted' ? '' : e.modality,
    e.sources, e.reports.length, e.disagreements.length ? e.disagreements.map((d) => d.field).join(',') : '', e.summary.replace(/^[^:]*: /, '')]);
}

export const EVENT_HEADERS = ['id', 'date', 'type', 'actor', 'recipient', 'modality', 'sources', 'reports', 'disagree', 'what'];

/** `sitrep events [filters] [--limit N] [--offset N] [--asc] [--format table|json|csv] [--db URL]` */
export async function eventsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, ...EVENT_FILTER_OPTIONS, limit: { type: 'string' }, offset: { type: 'string' }, asc: { type: 'boolean', default: false }, format: { type: 'string' } },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (filters are options, e.g. --actor NER)`);
  const format = outputFormat(values.format);
  const q: EventQuery = { ...eventQueryFrom(values), limit: intOption(values.limit, 'limit', 1) ?? 50, offset: intOption(values.offset, 'offset') ?? 0, order: values.asc ? 'date-asc' : 'date-desc', withTotal: true };
  return withStore(await openForQuery(values.db), async (store) => {
    const page = await store.events(q);
    if (format === 'json') process.stdout.write(JSON.stringify(page, null, 2) + '\n');
    else if (format === 'csv') process.stdout.write([CSV_COLUMNS.join(','), ...page.items.map(eventCsvRow)].join('\n') + '\n');
    else {
      process.stdout.write(table(EVENT_HEADERS, eventRows(page.items), [8, 23, 10, 16, 16, 12, 7, 7, 12, 70]));
      process.stdout.write(`${page.items.length} of ${page.total} events\n`);
    }
    return 0;
  });
}
