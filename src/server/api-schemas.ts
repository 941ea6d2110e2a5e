/**
 * JSON Schemas of the API's responses for the OpenAPI document. They describe the main fields of the
 * store's views (src/store/store.ts); views may carry more fields than listed (never fewer).
 */
import { PLOVER_TYPES, MODALITIES, ENTITY_TYPES } from '../contract/analysis-schema.js';

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const int = { type: 'integer' };
const num = { type: 'number' };
const r = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required });

const span = obj({ start: int, end: int, text: str });

export const RESPONSE_SCHEMAS: Record<string, object> = {
  Error: obj({ error: obj({ code: { type: 'string', description: 'stable machine code: bad_request, unauthorized, not_found, payload_too_large, unsupported_media_type, rate_limited, busy, internal, ...' }, message: str }) }),
  ActorRef: obj({ id: str, name: str, type: { enum: ENTITY_TYPES }, code: nstr, sector: nstr, wikidata: nstr }),
  ArticleRef: obj({ id: str, url: nstr, title: nstr, outlet: nstr, published: nstr, duplicateOf: nstr }),
  EvidenceSpan: span,
  EventReport: obj({
    id: str, article: r('ArticleRef'), recordEventId: str, type: { enum: PLOVER_TYPES }, evidence: arr(span), cue: { oneOf: [span, { type: 'null' }] },
    date: nstr, modality: { enum: MODALITIES }, speaker: { oneOf: [r('ActorRef'), { type: 'null' }] }, reporter: { oneOf: [r('ActorRef'), { type: 'null' }] },
    verb: nstr, quote: { type: 'boolean' }, confidence: num, rules: arr(str),
  }),
  EventView: obj({
    id: str, type: { enum: PLOVER_TYPES }, mode: nstr, cameo: nstr, quad: { enum: [1, 2, 3, 4] }, goldstein: { type: ['number', 'null'] },
    actor: arr(r('ActorRef')), recipient: arr(r('ActorRef')), date: nstr, dateLo: nstr, dateHi: nstr, modality: { enum: MODALITIES },
    location: { oneOf: [r('ActorRef'), { type: 'null' }] }, sources: int, reports: arr(r('EventReport')),
    disagreements: arr({ type: 'object' }), summary: str,
  }),
  EventPage: obj({ items: arr(r('EventView')), total: { type: ['integer', 'null'] }, limit: int, offset: int }),
  ArticlePage: obj({ items: arr(r('ArticleRef')), total: { type: ['integer', 'null'] }, limit: int, offset: int }),
  ArticleView: {
    allOf: [r('ArticleRef'), obj({
      record: { type: 'object', description: 'the sitrep.analysis/1 record (see docs/analysis-v1.schema.json)' },
      eventMap: { type: 'object', additionalProperties: str }, actorMap: { type: 'object', additionalProperties: str },
      ingestedAt: str, origin: nstr, duplicates: arr(str),
    })],
  },
  ActorSummary: { allOf: [r('ActorRef'), obj({ aliases: arr(str), events: int, articles: int, firstSeen: nstr, lastSeen: nstr })] },
  ActorPage: obj({ items: arr(r('ActorSummary')), total: { type: ['integer', 'null'] }, limit: int, offset: int }),
  ActorView: { allOf: [r('ActorSummary'), obj({ offices: arr({ type: 'object' }), holders: arr({ type: 'object' }), counterparts: arr({ type: 'object' }), recentEvents: arr(r('EventView')) })] },
  TimelineView: obj({
    a: arr(r('ActorRef')), b: arr(r('ActorRef')), aLabel: str, bLabel: str, period: { enum: ['day', 'week', 'month', 'year'] },
    periods: arr(obj({ period: str, start: str, end: str, events: int, goldsteinSum: num, goldsteinMean: { type: ['number', 'null'] }, aToB: int, bToA: int })),
    events: arr(r('EventView')), states: arr(obj({ domain: str, state: str, date: nstr, sentence: str }, ['domain', 'state', 'sentence'])),
  }),
  PostureView: obj({ host: arr(r('ActorRef')), hostLabel: str, deployments: arr({ type: 'object' }), facilities: arr({ type: 'object' }), movements: arr(r('EventView')) }),
  SearchResult: obj({ query: str, events: arr(obj({ event: r('EventView'), snippet: str })), articles: arr(obj({ article: r('ArticleRef'), snippet: str })) }),
  IngestResult: obj({ status: { enum: ['new', 'unchanged', 'replaced'] }, articleId: str, duplicateOf: nstr, reports: int, newEvents: int, fusedEvents: int, facts: int, newActors: int }),
  IngestJob: obj({
    id: str, kind: { enum: ['text', 'html', 'url', 'batch'] }, label: str, state: { enum: ['queued', 'running', 'done', 'failed'] },
    total: int, done: int, failed: int, step: nstr, createdAt: str, finishedAt: nstr,
    items: arr(obj({ label: str, ok: { type: 'boolean' }, result: r('IngestResult'), reason: str }, ['label', 'ok'])),
  }),
  GraphView: obj({
    level: { enum: ['actor', 'code'] }, nodes: arr(obj({ id: str, label: str, code: nstr, type: str, events: int })),
    edges: arr(obj({ source: str, target: str, events: int, goldsteinMean: { type: ['number', 'null'] }, quad: arr(int) })), scanned: int, truncated: { type: 'boolean' },
  }),
  GeoView: obj({
    countries: arr(obj({ code: str, events: int, asActor: int, asRecipient: int, asLocation: int, goldsteinMean: { type: ['number', 'null'] } })),
    located: arr(obj({ code: str, location: str, events: int, sample: arr({ type: 'object' }) })), scanned: int, truncated: { type: 'boolean' },
  }),
  Health: obj({ ok: { const: true }, version: str, readAccess: { enum: ['open', 'token'] }, accepts: arr({ enum: ['text', 'html', 'url'] }), store: { type: 'object', description: 'store statistics (omitted for unauthenticated callers of a private server)' } }, ['ok', 'version', 'readAccess', 'accepts']),
};
