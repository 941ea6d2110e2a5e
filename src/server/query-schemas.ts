/**
 * Request schemas (zod): they validate query strings and bodies and are the source of the OpenAPI
 * parameters, so the document cannot drift from what the routes accept.
 */
import { z } from 'zod';
import { MODALITIES, PLOVER_TYPES } from '../contract/analysis-schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const list = <T extends string>(allowed: readonly T[], what: string) =>
  z.string().max(400).transform((s, ctx) => {
    const items = s.split(',').map((x) => x.trim()).filter(Boolean);
    for (const it of items) {
      if (!(allowed as readonly string[]).includes(it)) {
        ctx.addIssue({ code: 'custom', message: `unknown ${what} "${it}" (one of ${allowed.join(', ')})` });
        return z.NEVER;
      }
    }
    return items as T[];
  });
const ref = (d: string) => z.string().min(1).max(200).describe(d);

export const EventFilterSchema = z.object({
  actor: ref('acting side: a country or IGO code (USA, ECOWAS), an actor id, a Wikidata id or a name').optional(),
  recipient: ref('receiving side, as for actor').optional(),
  party: ref('either side (actor or recipient)').optional(),
  other: ref('with party: the other side of a dyad, either direction').optional(),
  type: list(PLOVER_TYPES, 'PLOVER type').optional().describe('PLOVER types, comma-separated (SANCTION,ASSAULT)'),
  quad: list(['1', '2', '3', '4'] as const, 'quad class').optional().describe('quad classes 1–4, comma-separated'),
  modality: list(MODALITIES, 'modality').optional().describe('asserted, negated, hypothetical, future; comma-separated'),
  from: isoDate.optional().describe('events whose dates overlap [from, to]'),
  to: isoDate.optional(),
  source: z.string().min(1).max(500).optional().describe('article id or URL, or outlet name'),
  q: z.string().min(1).max(500).optional().describe('full-text query over the evidence'),
  minSources: z.coerce.number().int().min(1).max(1000).optional().describe('at least this many independent sources'),
});

export const EventsQuerySchema = EventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  order: z.enum(['date-desc', 'date-asc']).default('date-desc'),
});

export const ArticlesQuerySchema = z.object({
  source: z.string().min(1).max(500).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().min(1).max(500).optional().describe('full-text query over titles and text'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ActorsQuerySchema = z.object({
  q: z.string().min(1).max(200).optional().describe('name, alias, code or Wikidata id (prefix match on names)'),
  type: z.enum(['country', 'organization', 'person', 'location', 'facility', 'group']).optional(),
  code: z.string().min(1).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TimelineQuerySchema = z.object({
  a: ref('side A: code, actor id, Wikidata id or name'),
  b: ref('side B'),
  period: z.enum(['day', 'week', 'month', 'year']).optional().describe('default: chosen by the store from the span'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  directed: z.enum(['true', 'false']).optional().describe('true: only events where a acts on b'),
  modality: list(MODALITIES, 'modality').optional().describe('default asserted only'),
});

export const PostureQuerySchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const SearchQuerySchema = z.object({
  q: z.string().min(1).max(500).describe('words to find in evidence, titles and text'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const EXPORT_FORMATS = ['jsonl', 'csv', 'plover', 'gdelt', 'geojson'] as const;
export const ExportQuerySchema = EventFilterSchema.extend({
  format: z.enum(EXPORT_FORMATS).describe('jsonl: every stored analysis record (re-importable; event filters do not apply); csv: fused events; plover: PLOVER JSONL field names; gdelt: GDELT-2.0-style TSV; geojson: located events'),
});

export const GraphQuerySchema = EventFilterSchema.extend({
  level: z.enum(['actor', 'code']).default('code').describe('code: countries and IGOs as nodes; actor: canonical actors'),
});

const published = z.string().max(40).optional().describe('ISO 8601 publication date: the anchor for relative dates');
const TextArticle = z.strictObject({
  text: z.string().min(1).describe('article text (headline on the first line if no title is given)'),
  title: z.string().max(1000).optional(),
  published,
  url: z.string().max(2000).optional().describe('where the article comes from (kept as its key)'),
  id: z.string().min(1).max(200).optional(),
  outlet: z.string().max(200).optional(),
});
const HtmlArticle = z.strictObject({
  html: z.string().min(1).describe('the page source; main text and metadata are extracted'),
  url: z.string().max(2000).optional(),
  published,
});
const UrlArticle = z.strictObject({
  url: z.string().min(1).max(2000).describe('http(s) URL to fetch; private addresses are refused unless the server allows them'),
  published,
});
export const ArticleBodySchema = z.union([TextArticle, HtmlArticle, UrlArticle]);
export const PostArticlesSchema = z.union([
  TextArticle, HtmlArticle, UrlArticle,
  z.strictObject({ articles: z.array(ArticleBodySchema).min(1).max(500).describe('a batch, ingested as one job') }),
]);
export type ArticleBody = z.infer<typeof ArticleBodySchema>;

export const PostArticlesQuerySchema = z.object({
  wait: z.enum(['true', 'false']).default('true').describe('false: answer 202 at once and follow the job on /api/ingest/status'),
});
