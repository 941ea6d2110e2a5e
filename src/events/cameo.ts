/**
 * CAMEO codes → Goldstein scores (GDELT's published table, data/events/cameo-goldstein.json) and
 * PLOVER types → quad classes (PLOVER manual's quad table; SANCTION counted verbal conflict, 3).
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';
import type { PloverType } from '../contract/analysis-schema.js';

const QUAD: Record<PloverType, 1 | 2 | 3 | 4> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1,
  COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, SANCTION: 3,
  PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

export function quadOf(type: PloverType): 1 | 2 | 3 | 4 {
  return QUAD[type];
}

const GoldsteinFile = z.object({ source: z.string(), goldstein: z.record(z.string(), z.number()) });
let table: Record<string, number> | null = null;

/** Goldstein score of a CAMEO code; a sub-code not in the table inherits its parent's. */
export function cameoInfo(code: string | null): { goldstein: number | null; root: string | null } {
  if (!code) return { goldstein: null, root: null };
  table ??= loadData('events/cameo-goldstein.json', GoldsteinFile).goldstein;
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    if (table[c] !== undefined) return { goldstein: table[c], root: code.slice(0, 2) };
  }
  return { goldstein: null, root: code.slice(0, 2) };
}
