/**
 * The CLI: a thin shell over the library (cf. spaCy's cli/*). Each command parses its arguments
 * and calls one library function; errors a user can fix print one line and exit 2.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../io/read-input.js';
import { analyzeCommand } from './analyze-command.js';
import { evalCommand } from './eval-command.js';
import { schemaCommand } from './schema-command.js';
import { watchCommand } from './watch-command.js';
import { readCommand } from './read-command.js';

export class UsageError extends Error {}

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: 'analyze FILE|- [--published DATE] [--title T] [--format text|json] [--explain] | analyze --jsonl FILE|-' },
  eval: { run: evalCommand, help: 'eval GOLD_DIR [--format text|json] [--check] | eval --dev DIR [--format text|json] [--check]' },
  schema: { run: schemaCommand, help: 'schema  (prints the JSON Schema of the analysis record)' },
  read: { run: readCommand, help: 'read FILE|DIR|GLOB|URL… [--allow-private] [--published DATE]   (HTML, RSS/Atom, WARC, JSONL → JSON lines)' },
  watch: { run: watchCommand, help: 'watch FEED… [--every 10m] [--state FILE] [--once] [--allow-private] [--timeout 20s]' },
};

const USAGE = `usage: sitrep <command> [options]\n\ncommands:\n${Object.values(COMMANDS).map((c) => '  ' + c.help).join('\n')}\n`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    process.stderr.write(`sitrep: unknown command "${cmd}"\n${USAGE}`);
    return 2;
  }
  try {
    return await c.run(rest);
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sitrep ${cmd}: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

export { parseArgs };
