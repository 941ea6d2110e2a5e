/**
 * Event intensity scores: PLOVER's per-type/mode score and, when an event has a CAMEO code but
 * no Goldstein value, the CAMEO root's Goldstein score (data/kb/plover-scores.json).
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';

const ScoresFile = z.object({
  types: z.record(z.string(), z.object({ default: z.number(), modes: z.record(z.string(), z.number()).optional() })),
  goldsteinByRoot: z.record(z.string(), z.union([z.number(), z.string()])),
});

let cached: z.infer<typeof ScoresFile> | null = null;
function scores(): z.infer<typeof ScoresFile> {
  return (cached ??= loadData('kb/plover-scores.json', ScoresFile));
}

/** @example ploverScore('SANCTION', 'expel') // -5.5 */
export function ploverScore(type: string, mode: string | null): number | null {
  const t = scores().types[type];
  if (!t) return null;
  const m = mode ? t.modes?.[mode] : undefined;
  return m ?? t.default;
}

/** @example goldsteinOf('1622', null) // -4 (root 16) */
export function goldsteinOf(cameo: string | null, given: number | null): number | null {
  if (given !== null && Number.isFinite(given)) return given;
  if (!cameo || !/^\d{2}/.test(cameo)) return null;
  const v = scores().goldsteinByRoot[cameo.slice(0, 2)];
  return typeof v === 'number' ? v : null;
}
