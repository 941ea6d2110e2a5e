/**
 * Pinned accuracy floors (eval/baseline.json), in the manner of trafilatura's eval_baseline.json:
 * measured figures may only go up; the lead raises a floor when the engine improves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../util/paths.js';

const Floors = z.record(z.string(), z.number().min(0).max(1));
export const BaselineSchema = z.looseObject({
  gold: Floors.default({}),
  dev: Floors.default({}),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export const BASELINE_PATH = join(PROJECT_ROOT, 'eval', 'baseline.json');

export function loadBaseline(path = BASELINE_PATH): Baseline {
  return BaselineSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
