import { analysisJsonSchema } from '../contract/analysis-schema.js';
import { UsageError } from './main.js';

/** `sitrep schema`: the JSON Schema of `sitrep.analysis/1` (also committed as docs/analysis-v1.schema.json). */
export async function schemaCommand(argv: string[]): Promise<number> {
  if (argv.length) throw new UsageError('takes no arguments');
  process.stdout.write(JSON.stringify(analysisJsonSchema(), null, 2) + '\n');
  return 0;
}
