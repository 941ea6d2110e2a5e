import { parseArgs } from 'node:util';
import { UsageError } from './main.js';
import { DB_OPTION, dateOption, openForQuery, outputFormat, withStore } from './store-option.js';
import { csv, table } from './table-format.js';

function money(c: { value: number; currency: string; qualifier: string | null } | null): string {
  if (!c) return '';
  return `${c.qualifier ? c.qualifier + ' ' : ''}${c.value.toLocaleString('en-US')} ${c.currency}`;
}

/** `sitrep posture COUNTRY [--from D] [--to D] [--format table|json|csv]` */
export async function postureCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('give one host country, e.g. sitrep posture NER');
  const format = outputFormat(values.format);
  return withStore(await openForQuery(values.db), async (store) => {
    const p = await store.posture(positionals[0], { from: dateOption(values.from, 'from', false), to: dateOption(values.to, 'to', true) });
    if (!p.host.length) { process.stderr.write(`sitrep posture: no actor matches "${positionals[0]}"\n`); return 1; }
    if (format === 'json') { process.stdout.write(JSON.stringify(p, null, 2) + '\n'); return 0; }
    const depHeaders = ['force', 'personnel', 'as of', 'sources', 'said by', 'evidence'];
    const depRows = p.deployments.flatMap((d) => d.observations.map((o) => [d.force.code ?? d.force.name, o.personnel, (o.asOf ?? '') + (o.asOfFromPublication ? ' (published)' : ''),
      o.sources.map((s) => s.article.outlet ?? s.article.id).join('; '), o.sources.map((s) => s.speaker?.name).filter(Boolean).join('; '), o.sources[0]?.evidence[0]?.text ?? '']));
    const facHeaders = ['facility', 'operator', 'function', 'cost', 'reported', 'sources'];
    const facRows = p.facilities.map((f) => [f.name, f.operator?.code ?? f.operator?.name ?? '', f.function, money(f.cost), `${f.firstReported ?? '?'} – ${f.lastReported ?? '?'}`, f.sources.map((s) => s.article.outlet ?? s.article.id).join('; ')]);
    if (format === 'csv') {
      process.stdout.write(csv(['kind', ...depHeaders], depRows.map((r) => ['deployment', ...r])));
      process.stdout.write(csv(['kind', ...facHeaders], facRows.map((r) => ['facility', ...r])));
      return 0;
    }
    process.stdout.write(`force posture in ${p.hostLabel}\n\ndeployments\n`);
    process.stdout.write(depRows.length ? table(depHeaders, depRows, [10, 9, 24, 40, 30, 70]) : '  none recorded\n');
    process.stdout.write('\nfacilities\n' + (facRows.length ? table(facHeaders, facRows, [30, 10, 20, 24, 24, 40]) : '  none recorded\n'));
    if (p.movements.length) {
      process.stdout.write('\nmovements and orders\n' + table(['id', 'date', 'event', 'sources'], p.movements.map((e) => [e.id, e.date ?? `~${e.dateLo}`, e.summary, e.sources]), [8, 23, 80, 7]));
    }
    return 0;
  });
}
