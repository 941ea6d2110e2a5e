import { parseArgs } from 'node:util';
import { UsageError } from './main.js';
import { DB_OPTION, openForQuery, outputFormat, withStore } from './store-option.js';
import { table } from './table-format.js';
import { EVENT_HEADERS, eventRows } from './events-command.js';

/** `sitrep actor NAME|CODE|Q-ID|aN [--format table|json] [--db URL]`; with --list, actors matching a prefix. */
export async function actorCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, format: { type: 'string' }, list: { type: 'boolean', default: false }, limit: { type: 'string' } },
  });
  const format = outputFormat(values.format, ['table', 'json']);
  if (!values.list && positionals.length !== 1) throw new UsageError('give one actor: a name, alias, code (NER), Wikidata id (Q1032) or store id (a12); or --list [PREFIX]');
  return withStore(await openForQuery(values.db), async (store) => {
    if (values.list) {
      const page = await store.actors({ q: positionals[0], limit: Number(values.limit ?? 50), withTotal: true });
      if (format === 'json') process.stdout.write(JSON.stringify(page, null, 2) + '\n');
      else process.stdout.write(table(['id', 'name', 'type', 'code', 'sector', 'events', 'articles', 'aliases'],
        page.items.map((a) => [a.id, a.name, a.type, a.code, a.sector, a.events, a.articles, a.aliases.join('; ')]), [8, 40, 12, 8, 6, 6, 8, 50]));
      return 0;
    }
    const a = await store.actor(positionals[0]);
    if (!a) { process.stderr.write(`sitrep actor: no actor matches "${positionals[0]}"\n`); return 1; }
    if (format === 'json') { process.stdout.write(JSON.stringify(a, null, 2) + '\n'); return 0; }
    const out: string[] = [];
    out.push(`${a.name} (${a.id}) — ${a.type}${a.code ? ', ' + a.code : ''}${a.sector ? ', ' + a.sector : ''}${a.wikidata ? ', ' + a.wikidata : ''}`);
    if (a.aliases.length) out.push(`also: ${a.aliases.join('; ')}`);
    out.push(`${a.events} events in ${a.articles} articles${a.firstSeen ? `, seen ${a.firstSeen} – ${a.lastSeen}` : ''}`);
    for (const o of a.offices) out.push(`office: ${o.former ? 'former ' : ''}${o.role}${o.of ? ' of ' + o.of.name : ''} (reported ${o.from ?? '?'} – ${o.to ?? '?'}, ${o.articles.length} articles)`);
    for (const h of a.holders) out.push(`holder: ${h.holder.name}, ${h.former ? 'former ' : ''}${h.role} (reported ${h.from ?? '?'} – ${h.to ?? '?'})`);
    process.stdout.write(out.join('\n') + '\n');
    if (a.counterparts.length) {
      process.stdout.write('\ncounterparts\n' + table(['actor', 'code', 'acts on', 'acted on by', 'goldstein'], a.counterparts.map((c) => [c.actor.name, c.actor.code, c.asActor, c.asRecipient, c.goldsteinMean]), [40, 8, 8, 11, 9]));
    }
    if (a.recentEvents.length) process.stdout.write('\nrecent events\n' + table(EVENT_HEADERS, eventRows(a.recentEvents), [8, 23, 10, 16, 16, 12, 7, 7, 12, 70]));
    return 0;
  });
}
