/**
 * The reporting verbs (data/events/reporting-verbs.json): "said", "told", "reported", "warned that"…
 * Attribution reads frames with them; the events stage treats them as verbs that take a clause.
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';

const VerbsFile = z.object({
  about: z.string().optional(),
  verbs: z.array(z.object({ lemma: z.string(), needsThat: z.boolean().optional(), media: z.boolean().optional(), negates: z.boolean().optional(), example: z.string() })),
});
export type VerbInfo = z.infer<typeof VerbsFile>['verbs'][number];
let verbs: Map<string, VerbInfo> | null = null;

/** Lemma → entry, loaded once. */
export function reportingVerbs(): Map<string, VerbInfo> {
  verbs ??= new Map(loadData('events/reporting-verbs.json', VerbsFile).verbs.map((v) => [v.lemma, v]));
  return verbs;
}
