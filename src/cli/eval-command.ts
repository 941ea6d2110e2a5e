/**
 * `sitrep eval GOLD_DIR [--format text|json] [--check]` scores the analyzer on gold files;
 * `sitrep eval --dev DIR` measures it on the external dev sets. `--check` also compares the
 * figures with the floors in eval/baseline.json and exits 1 when one falls below.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { evaluateGold, formatGoldReport, loadGoldDir } from '../eval/gold-run.js';
import { evaluateDev, formatDevReport } from '../eval/dev-harness.js';
import { loadBaseline } from '../eval/baseline.js';
import { checkFloors } from '../eval/metrics.js';
import { InputError } from '../io/read-input.js';
import { UsageError } from './main.js';

export async function evalCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dev: { type: 'string' },
      format: { type: 'string', default: 'text' },
      check: { type: 'boolean', default: false },
      published: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (values.published !== undefined) throw new UsageError('--published is taken from each gold file; do not give it');
  const progress = (done: number, total: number) => {
    if (process.stderr.isTTY) process.stderr.write(`\r  analysed ${done}/${total}${done === total ? '\n' : ''}`);
  };

  let metrics: Record<string, number>;
  let section: 'gold' | 'dev';
  if (values.dev !== undefined) {
    if (positionals.length) throw new UsageError('give either GOLD_DIR or --dev DIR, not both');
    if (!existsSync(values.dev)) throw new InputError(`dev directory ${values.dev} does not exist`);
    const report = evaluateDev(values.dev, progress);
    process.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatDevReport(report));
    metrics = report.metrics;
    section = 'dev';
  } else {
    if (positionals.length !== 1) throw new UsageError('give one GOLD_DIR (e.g. ../shared/gold), or --dev DIR');
    const dir = positionals[0];
    const report = { dir, ...evaluateGold(loadGoldDir(dir), undefined, progress) };
    process.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatGoldReport(report));
    metrics = report.metrics;
    section = 'gold';
  }
  if (!values.check) return 0;
  const failures = checkFloors(metrics, loadBaseline()[section]);
  for (const f of failures) process.stderr.write(`sitrep eval: ${f.metric} = ${f.measured ?? 'not measured'} is below its floor ${f.floor}\n`);
  return failures.length ? 1 : 0;
}
