/**
 * The CLI: a thin shell over the library (cf. spaCy's cli/*). Each command parses its arguments
 * and calls one library function; errors a user can fix print one line and exit 2.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../io/read-input.js';
import { analyzeCommand } from './analyze-command.js';
import { serveCommand, SERVE_HELP } from './serve-command.js';
import { tokenCommand, TOKEN_HELP } from './token-command.js';
import { demoCommand, DEMO_HELP } from './demo-command.js';

export class UsageError extends Error {}

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: 'analyze FILE|- [--published DATE] [--title T] [--format text|json] [--explain] | analyze --jsonl FILE|-' },
  serve: { run: serveCommand, help: SERVE_HELP },
  token: { run: tokenCommand, help: TOKEN_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
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
