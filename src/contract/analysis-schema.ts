/**
 * The analysis record, version 1 (`sitrep.analysis/1`), as a zod schema.
 *
 * This is the single source of truth for what `sitrep analyze --format json` prints; the JSON
 * Schema in `docs/analysis-v1.schema.json` is generated from it (`sitrep schema`). Fields named in
 * `shared/contract/analysis-v1.md` must never be renamed; extra fields are allowed (loose objects).
 */
import { z } from 'zod';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const ENTITY_TYPES = ['country', 'organization', 'person', 'location', 'facility', 'group'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'future'] as const;
export type Modality = (typeof MODALITIES)[number];

const offset = z.number().int().nonnegative();
export const SpanSchema = z.looseObject({ start: offset, end: offset });

export const MentionSchema = z.looseObject({ start: offset, end: offset, text: z.string() });

export const ArticleSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  authors: z.array(z.string()),
  published: z.string().nullable(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  language: z.string(),
  text: z.string(),
});

export const EntitySchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  code: z.string().nullable(),
  sector: z.string().nullable(),
  wikidata: z.string().nullable(),
  aliases: z.array(z.string()),
  mentions: z.array(MentionSchema),
});

export const TimeSchema = z.looseObject({
  start: offset, end: offset, text: z.string(),
  value: z.string().nullable(),
  anchor: z.enum(['absolute', 'published', 'unresolved']),
});

export const QuantitySchema = z.looseObject({
  start: offset, end: offset, text: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(['over', 'under', 'about']).nullable(),
});

export const AttributionSchema = z.looseObject({
  speaker: z.string().nullable(),
  reporter: z.string().nullable(),
  verb: z.string(),
  quote: z.boolean(),
});

export const EventSchema = z.looseObject({
  id: z.string().min(1),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  contexts: z.array(z.string()),
  actor: z.array(z.string()),
  recipient: z.array(z.string()),
  date: z.string().nullable(),
  modality: z.enum(MODALITIES),
  attribution: AttributionSchema.nullable(),
  evidence: z.array(SpanSchema).min(1),
  confidence: z.number().min(0).max(1),
  cameo: z.string().nullable(),
  quad: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  goldstein: z.number().nullable(),
});

export const DeploymentFactSchema = z.looseObject({
  kind: z.literal('deployment'),
  force: z.string(),
  host: z.string(),
  personnel: z.number(),
  asOf: z.string().nullable(),
  evidence: z.array(SpanSchema),
});

export const FacilityFactSchema = z.looseObject({
  kind: z.literal('facility'),
  name: z.string(),
  host: z.string(),
  operator: z.string().nullable(),
  function: z.string().nullable(),
  cost: z.looseObject({ value: z.number(), currency: z.string(), qualifier: z.string().nullable() }).nullable(),
  evidence: z.array(SpanSchema),
});

export const FactSchema = z.discriminatedUnion('kind', [DeploymentFactSchema, FacilityFactSchema]);

export const AnalysisRecordSchema = z.looseObject({
  schema: z.literal('sitrep.analysis/1'),
  article: ArticleSchema,
  entities: z.array(EntitySchema),
  times: z.array(TimeSchema),
  quantities: z.array(QuantitySchema),
  events: z.array(EventSchema),
  facts: z.array(FactSchema),
});

export type AnalysisRecord = z.infer<typeof AnalysisRecordSchema>;
export type ArticleRecord = z.infer<typeof ArticleSchema>;
export type EntityRecord = z.infer<typeof EntitySchema>;
export type TimeRecord = z.infer<typeof TimeSchema>;
export type QuantityRecord = z.infer<typeof QuantitySchema>;
export type EventRecord = z.infer<typeof EventSchema>;
export type FactRecord = z.infer<typeof FactSchema>;
export type DeploymentFact = z.infer<typeof DeploymentFactSchema>;
export type FacilityFact = z.infer<typeof FacilityFactSchema>;

/** The JSON Schema (draft 2020-12) of the record, published as docs/analysis-v1.schema.json. */
export function analysisJsonSchema(): unknown {
  return z.toJSONSchema(AnalysisRecordSchema, { target: 'draft-2020-12' });
}
