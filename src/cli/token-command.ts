/** `sitrep token create|list|revoke`: API tokens, stored hashed beside the knowledge base. */
import { parseArgs } from 'node:util';
import { storeLocation } from '../store/open-store.js';
import { openTokenStore } from '../server/token-store.js';
import { UsageError } from './main.js';

export const TOKEN_HELP = 'token create [--name NAME] [--db ./sitrep.db] | token list [--db] | token revoke ID|NAME [--db]';

export async function tokenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, db: { type: 'string' } },
  });
  const [sub, ...rest] = positionals;
  if (!sub || !['create', 'list', 'revoke'].includes(sub)) throw new UsageError(`usage: sitrep ${TOKEN_HELP}`);
  const db = storeLocation(values.db);
  if (db === ':memory:') throw new UsageError('a token in a :memory: database would vanish at once; give --db FILE or a postgres:// URL');
  let tokens;
  try {
    tokens = await openTokenStore(db);
  } catch (e) {
    throw new UsageError(`cannot open ${db}: ${(e as Error).message}`);
  }
  try {
    if (sub === 'create') {
      if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
      let created;
      try {
        created = await tokens.create(values.name ?? `token-${new Date().toISOString().slice(0, 10)}`);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      process.stderr.write(`sitrep token: created ${created.info.id} "${created.info.name}"; it is shown only now, store it safely\n`);
      process.stdout.write(created.token + '\n');
      return 0;
    }
    if (sub === 'list') {
      for (const t of await tokens.list()) {
        process.stdout.write(`${t.id}\t${t.name}\tcreated ${t.createdAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}\n`);
      }
      return 0;
    }
    if (rest.length !== 1) throw new UsageError('give one token id or name to revoke');
    if (!(await tokens.revoke(rest[0]))) {
      process.stderr.write(`sitrep token: no active token "${rest[0]}"\n`);
      return 2;
    }
    process.stderr.write(`sitrep token: revoked "${rest[0]}"\n`);
    return 0;
  } finally {
    await tokens.close();
  }
}
