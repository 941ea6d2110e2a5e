/**
 * The gold file format (shared/gold/*.gold.json): what a careful human reads in one article.
 * Strict about the fields the scorer uses, tolerant of extra ones (notes, comments).
 */
import { z } from 'zod';
import { ENTITY_TYPES, MODALITIES, PLOVER_TYPES } from '../contract/analysis-schema.js';

export const GoldEntitySchema = z.looseObject({
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  code: z.string().nullish(),
  sector: z.string().nullish(),
  mentions: z.array(z.string().min(1)).default([]),
});

export const GoldTimeSchema = z.looseObject({
  text: z.string().min(1),
  value: z.string().nullable(),
});

export const GoldQuantitySchema = z.looseObject({
  text: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
  qualifier: z.enum(['over', 'under', 'about']).nullish(),
});

export const GoldEventSchema = z.looseObject({
  id: z.string().min(1),
  cue: z.string().min(1),
  type: z.array(z.enum(PLOVER_TYPES)).min(1),
  actor: z.array(z.string()).default([]),
  recipient: z.array(z.string()).default([]),
  date: z.string().nullish(),
  modality: z.enum(MODALITIES).optional(),
  speaker: z.string().nullish(),
  quote: z.boolean().optional(),
  required: z.boolean().default(true),
  same_as: z.string().optional(),
});

export const GoldDeploymentSchema = z.looseObject({
  kind: z.literal('deployment'),
  cue: z.string().min(1),
  force: z.string(),
  host: z.string(),
  personnel: z.number().optional(),
  asOf: z.string().nullish(),
  speaker: z.string().nullish(),
});

export const GoldFacilitySchema = z.looseObject({
  kind: z.literal('facility'),
  cue: z.string().min(1),
  name: z.string().min(1),
  host: z.string().nullish(),
  operator: z.string().nullish(),
  function: z.string().nullish(),
  cost: z.looseObject({ value: z.number(), currency: z.string(), qualifier: z.string().nullish() }).nullish(),
});

export const GoldFactSchema = z.discriminatedUnion('kind', [GoldDeploymentSchema, GoldFacilitySchema]);

export const GoldFileSchema = z.looseObject({
  doc: z.string().min(1),
  /** the article, relative to the shared dir (the gold dir's parent) */
  file: z.string().min(1),
  published: z.string().nullish(),
  article: z.looseObject({
    title: z.string().nullish(),
    subtitle: z.string().nullish(),
    authors: z.array(z.string()).optional(),
    body_excludes: z.array(z.string()).default([]),
  }).optional(),
  entities: z.array(GoldEntitySchema).default([]),
  times: z.array(GoldTimeSchema).default([]),
  quantities: z.array(GoldQuantitySchema).default([]),
  events: z.array(GoldEventSchema).default([]),
  facts: z.array(GoldFactSchema).default([]),
}).superRefine((g, ctx) => {
  const ids = new Set<string>();
  for (const e of g.events) {
    if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['events'], message: `duplicate event id "${e.id}"` });
    ids.add(e.id);
  }
  for (const e of g.events) {
    if (e.same_as !== undefined && !ids.has(e.same_as)) ctx.addIssue({ code: 'custom', path: ['events'], message: `event "${e.id}": same_as "${e.same_as}" names no event` });
  }
});

export type GoldFile = z.infer<typeof GoldFileSchema>;
export type GoldEvent = z.infer<typeof GoldEventSchema>;
export type GoldEntity = z.infer<typeof GoldEntitySchema>;
export type GoldFact = z.infer<typeof GoldFactSchema>;
