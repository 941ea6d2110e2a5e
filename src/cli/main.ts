/**
 * The CLI: a thin shell over the library (cf. spaCy's cli/*). Each command parses its arguments
 * and calls one library function; errors a user can fix print one line and exit 2.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../io/read-input.js';
import { analyzeCommand } from './analyze-command.js';
import { evalCommand } from './eval-command.js';
import { schemaCommand } from './schema-command.js';
import { ingestCommand } from './ingest-command.js';
import { eventsCommand } from './events-command.js';
import { actorCommand } from './actor-command.js';
import { timelineCommand } from './timeline-command.js';
import { postureCommand } from './posture-command.js';
import { searchCommand } from './search-command.js';
import { exportCommand } from './export-command.js';
import { enqueueCommand } from './enqueue-command.js';
import { workerCommand } from './worker-command.js';
import { queueCommand } from './queue-command.js';
import { QUEUE_HELP } from './queue-options.js';
import { StoreError } from '../store/store.js';
import { serveCommand, SERVE_HELP } from './serve-command.js';
import { tokenCommand, TOKEN_HELP } from './token-command.js';
import { demoCommand, DEMO_HELP } from './demo-command.js';
import { watchCommand } from './watch-command.js';
import { readCommand } from './read-command.js';

export class UsageError extends Error {}

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: 'analyze FILE|- [--published DATE] [--title T] [--format text|json] [--explain] | analyze --jsonl FILE|-' },
  eval: { run: evalCommand, help: 'eval GOLD_DIR [--format text|json] [--check] | eval --dev DIR [--format text|json] [--check]' },
  schema: { run: schemaCommand, help: 'schema  (prints the JSON Schema of the analysis record)' },
  ingest: { run: ingestCommand, help: 'ingest PATH|DIR|GLOB… [--published DATE] [--db FILE|postgres://…] [--format auto|records] [--force] [--quiet] [--json] [--workers N] [--batch-size N]' },
  events: { run: eventsCommand, help: 'events [--actor X] [--recipient Y] [--party X [--other Y]] [--type T,…] [--quad 1,…] [--modality M] [--from D] [--to D] [--source S] [--text Q] [--min-sources N] [--limit N] [--format table|json|csv]' },
  actor: { run: actorCommand, help: 'actor NAME|CODE|QID|aN [--format table|json] | actor --list [PREFIX]' },
  timeline: { run: timelineCommand, help: 'timeline A B [--period day|week|month|year] [--from D] [--to D] [--directed] [--format table|json|csv]' },
  posture: { run: postureCommand, help: 'posture COUNTRY [--from D] [--to D] [--format table|json|csv]' },
  search: { run: searchCommand, help: 'search "WORDS" [--limit N] [--format table|json|csv]' },
  export: { run: exportCommand, help: 'export --format jsonl|csv|plover|gdelt|geojson [--out FILE]   (all knowledge-base commands take --db; default ./sitrep.db or $SITREP_DB)' },
  serve: { run: serveCommand, help: SERVE_HELP },
  token: { run: tokenCommand, help: TOKEN_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
  read: { run: readCommand, help: 'read FILE|DIR|GLOB|URL… [--allow-private] [--published DATE]   (HTML, RSS/Atom, WARC, JSONL → JSON lines)' },
  watch: { run: watchCommand, help: 'watch FEED… [--every 10m] [--state FILE] [--once] [--allow-private] [--timeout 20s]' },
  enqueue: { run: enqueueCommand, help: 'enqueue PATH|DIR|GLOB|FEED|URL… [--published DATE] [--high-water N] [--allow-private] [--json]' },
  worker: { run: workerCommand, help: 'worker --db postgres://… [--concurrency N] [--lock-ms MS]   (SIGTERM: finish jobs in hand, then exit)' },
  queue: { run: queueCommand, help: 'queue status [--json] | queue retry-dead   (queue commands take ' + QUEUE_HELP + ')' },
};

const USAGE = `usage: sitrep <command> [options]\n\ncommands:\n${Object.values(COMMANDS).map((c) => '  ' + c.help).join('\n')}\n`;

export async function main(argv: string[]): Promise<number> {
  // `sitrep events | head`: a closed pipe ends the output, it is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
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
    if (e instanceof InputError || e instanceof UsageError || e instanceof StoreError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sitrep ${cmd}: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

export { parseArgs };
