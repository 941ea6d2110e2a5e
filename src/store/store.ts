/**
 * The knowledge-base store: one interface, two real backends (embedded SQLite, the default, and
 * PostgreSQL), like kysely's dialects behind one query API. The CLI, the ingest loop and the HTTP
 * API all talk to a `Store`; none of them sees SQL.
 *
 * What is stored (see src/kb/ for the rules):
 * - articles: one row per article, keyed by URL when it has one, else by the contract
 *   `article.id`; the whole analysis record is kept so the evidence view can show the text.
 * - actors: one canonical actor per real entity across articles (Wikidata id, else
 *   code + type + normalised name, else a known alias), with aliases and offices held.
 * - events: fused events. Each is one real-world event; each of its reports is one event of one
 *   article's record (evidence span and text, speaker, date as reported). Disagreements between
 *   reports are kept, never averaged.
 * - facts: deployments and facilities (force posture), each with its article.
 *
 * Every method is async so that both backends (better-sqlite3 is synchronous, pg is not) share it.
 * Dates are ISO 8601 / EDTF strings; "lo"/"hi" are the first and last day (YYYY-MM-DD) a date covers.
 */
import type { AnalysisRecord, EntityType, Modality, PloverType } from '../contract/analysis-schema.js';

// ---------------------------------------------------------------------------------------------
// Shared small types

/** A text span of an article with its text, as shown in an evidence view. */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

/** A page of results. `total` is null unless the query asked for it (`withTotal`): counting is not free. */
export interface Page<T> {
  items: T[];
  total: number | null;
  limit: number;
  offset: number;
}

/** A canonical actor in short form, as it appears inside events, timelines and posture. */
export interface ActorRef {
  /** stable store id of the canonical actor ("a12") */
  id: string;
  name: string;
  type: EntityType;
  /** ISO 3166-1 alpha-3 or an IGO short name */
  code: string | null;
  sector: string | null;
  wikidata: string | null;
  /** a point for places and countries: the analyzer's gazetteer coordinates, else a country's
   *  centroid (world-countries); absent when unknown */
  coords?: { lat: number; lon: number } | null;
}

/** An article in short form (in reports, search hits, posture sources). */
export interface ArticleRef {
  /** the contract `article.id` */
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** the article this one is a near-duplicate (wire copy) of, counted once; null when original */
  duplicateOf: string | null;
}

// ---------------------------------------------------------------------------------------------
// Events

export type Quad = 1 | 2 | 3 | 4;

/**
 * Filters for events. Actor-like filters take an actor reference: a country or IGO code
 * ("USA", "ECOWAS": every actor with that code matches, so the Pentagon counts as USA), a store
 * actor id ("a12"), a Wikidata id ("Q1032") or a name/alias ("Sabrina Singh", "CNSP").
 */
export interface EventQuery {
  /** the acting side */
  actor?: string;
  /** the receiving side */
  recipient?: string;
  /** either side (actor or recipient); with `other`, a dyad in either direction */
  party?: string;
  /** with `party`: the other side of the dyad (either direction) */
  other?: string;
  type?: PloverType | PloverType[];
  quad?: Quad | Quad[];
  modality?: Modality | Modality[];
  /** events whose date range overlaps [from, to] (ISO dates, inclusive) */
  from?: string;
  to?: string;
  /** reported by this article (id or URL) or outlet name */
  source?: string;
  /** full-text query over the reports' evidence text ("uranium", "military ties") */
  text?: string;
  /** minimum number of independent sources (near-duplicate articles count once) */
  minSources?: number;
  /** default 50, at most 1000 */
  limit?: number;
  offset?: number;
  /** newest first (default) or oldest first */
  order?: 'date-desc' | 'date-asc';
  withTotal?: boolean;
}

/** One report of a fused event: what one article says about it. */
export interface EventReport {
  /** store id of the report ("r31") */
  id: string;
  article: ArticleRef;
  /** the event's id inside that article's record (to highlight it in the evidence view) */
  recordEventId: string;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  evidence: EvidenceSpan[];
  /** the trigger words, when the analyzer gave them */
  cue: EvidenceSpan | null;
  /** date as this report gives it (EDTF) */
  date: string | null;
  modality: Modality;
  speaker: ActorRef | null;
  reporter: ActorRef | null;
  verb: string | null;
  quote: boolean;
  confidence: number;
  /** quantities stated inside the evidence ("1,000 personnel"): where reports disagree on counts */
  quantities: { text: string; value: number; unit: string; qualifier: string | null }[];
  /** the actors as this report names them (record entity names) */
  actorNames: string[];
  recipientNames: string[];
  /** the analyzer rules that produced it (the "why") */
  rules: string[];
}

/** A field on which reports of one event disagree, each value with the reports that give it. */
export interface Disagreement {
  field: 'date' | 'type' | 'modality' | 'quantity' | 'speaker';
  /** for 'quantity', the unit compared ("personnel", "USD") */
  detail?: string;
  values: { value: string; reports: string[]; articles: string[] }[];
}

/** A fused event: one real-world event with every report of it. */
export interface EventView {
  /** store id ("ev42") */
  id: string;
  type: PloverType;
  mode: string | null;
  contexts: string[];
  cameo: string | null;
  quad: Quad;
  goldstein: number | null;
  /** PLOVER intensity score of the type/mode (data/kb/plover-scores.json) */
  ploverScore: number | null;
  actor: ActorRef[];
  recipient: ActorRef[];
  /** the date most reports give (EDTF); see `disagreements` when they differ */
  date: string | null;
  /** the range used for ordering and date filters: the union of reported dates, or the
   *  publication date of the first report when no report dates the event */
  dateLo: string | null;
  dateHi: string | null;
  /** true when no report dates the event and dateLo/dateHi come from publication dates */
  dateFromPublication: boolean;
  modality: Modality;
  location: ActorRef | null;
  /** independent sources (near-duplicate articles count once) */
  sources: number;
  reports: EventReport[];
  disagreements: Disagreement[];
  /** a short human summary: "NER SANCTION USA (severing military ties with the US)" */
  summary: string;
}

// ---------------------------------------------------------------------------------------------
// Actors

export interface ActorQuery {
  /** name, alias, code or Wikidata id (prefix match on names) */
  q?: string;
  type?: EntityType;
  code?: string;
  limit?: number;
  offset?: number;
  withTotal?: boolean;
}

export interface ActorSummary extends ActorRef {
  aliases: string[];
  /** fused events where the actor is a party */
  events: number;
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** An office or role an actor was reported to hold, with the dates of the reports. */
export interface OfficeHeld {
  role: string;
  /** the body or country the role belongs to ("Pentagon" for a spokeswoman) */
  of: ActorRef | null;
  /** earliest and latest publication date of the articles that report it */
  from: string | null;
  to: string | null;
  /** true when a report calls it former ("former President Mahamoud Bazoum") */
  former: boolean;
  articles: string[];
}

export interface ActorView extends ActorSummary {
  /** persons: offices they held; bodies: who held offices in them */
  offices: OfficeHeld[];
  holders: (OfficeHeld & { holder: ActorRef })[];
  /** the actors it interacts with most, by number of fused events */
  counterparts: { actor: ActorRef; asActor: number; asRecipient: number; goldsteinMean: number | null }[];
  recentEvents: EventView[];
}

// ---------------------------------------------------------------------------------------------
// Relations

export type Period = 'day' | 'week' | 'month' | 'year';

export interface TimelineOptions {
  period?: Period;
  from?: string;
  to?: string;
  /** only events where a acts on b (default: both directions) */
  directed?: boolean;
  /** include events with these modalities (default: asserted only, as the state of a relation
   *  should not move on a denial or a hypothesis) */
  modality?: Modality[];
}

export interface TimelinePeriod {
  /** "2024-03-18" (day), "2024-W11" (week, ISO), "2024-03" (month), "2024" (year) */
  period: string;
  start: string;
  end: string;
  events: number;
  /** events by quad class 1..4 */
  quad: Record<Quad, number>;
  goldsteinSum: number;
  goldsteinMean: number | null;
  ploverScoreSum: number;
  /** events by direction: a acts on b, b acts on a */
  aToB: number;
  bToA: number;
}

/** An explicit change in the state of a relation, with who says so and who answered. */
export interface StateChange {
  /** "military cooperation", "diplomatic relations", "sanctions", "military presence", ... */
  domain: string;
  /** "severed", "suspended", "restored", "imposed", "lifted", "withdrawn", "agreed", "ordered out" */
  state: string;
  date: string | null;
  /** the side that changed the state */
  by: ActorRef[];
  toward: ActorRef[];
  event: string;
  /** who says so: speakers of the reports (or the actor, for its own statement) and articles */
  according: { speaker: ActorRef | null; article: ArticleRef }[];
  /** the other side's reported reactions within days (e.g. the US "seeking clarification") */
  responses: { event: string; summary: string; date: string | null; speaker: ActorRef | null }[];
  /** "military cooperation USA–NER: severed 2024-03-16 according to the CNSP; the US says it is seeking clarification" */
  sentence: string;
}

export interface TimelineView {
  a: ActorRef[];
  b: ActorRef[];
  /** resolved from the query strings, e.g. "USA" → all actors coded USA */
  aLabel: string;
  bLabel: string;
  period: Period;
  periods: TimelinePeriod[];
  events: EventView[];
  states: StateChange[];
}

// ---------------------------------------------------------------------------------------------
// Force posture

export interface PostureSource {
  article: ArticleRef;
  speaker: ActorRef | null;
  evidence: EvidenceSpan[];
}

export interface DeploymentObservation {
  personnel: number;
  /** the date the figure holds for (EDTF) or the article's publication date */
  asOf: string | null;
  asOfFromPublication: boolean;
  sources: PostureSource[];
}

export interface PostureView {
  host: ActorRef[];
  hostLabel: string;
  deployments: {
    force: ActorRef;
    /** chronological, one per distinct (personnel, asOf); disagreements show as separate rows */
    observations: DeploymentObservation[];
    latest: DeploymentObservation | null;
  }[];
  facilities: {
    name: string;
    operator: ActorRef | null;
    function: string | null;
    cost: { value: number; currency: string; qualifier: string | null } | null;
    firstReported: string | null;
    lastReported: string | null;
    sources: PostureSource[];
  }[];
  /** withdrawals, expulsions, mobilisations and orders to leave involving the host */
  movements: EventView[];
}

// ---------------------------------------------------------------------------------------------
// Articles, search, stats

export interface ArticleView extends ArticleRef {
  /** the full analysis record (text, entities, times, events, facts) for the evidence view */
  record: AnalysisRecord;
  /** record event id → fused event id in the store */
  eventMap: Record<string, string>;
  /** record entity id → canonical actor id */
  actorMap: Record<string, string>;
  ingestedAt: string;
  /** where it was read from (path, URL, "feed.xml#item 3") */
  origin: string | null;
  /** other articles detected as near-duplicates of this one (or of its original) */
  duplicates: string[];
}

export interface ArticleQuery {
  source?: string;
  from?: string;
  to?: string;
  text?: string;
  limit?: number;
  offset?: number;
  withTotal?: boolean;
}

export interface SearchQuery {
  text: string;
  limit?: number;
}

export interface SearchResult {
  query: string;
  /** events whose evidence matches, best first */
  events: { event: EventView; snippet: string }[];
  /** articles whose text or title matches */
  articles: { article: ArticleRef; snippet: string }[];
}

export interface StoreStats {
  backend: 'sqlite' | 'postgres';
  location: string;
  schemaVersion: number;
  articles: number;
  duplicates: number;
  events: number;
  reports: number;
  /** fused events reported by more than one article */
  fusedEvents: number;
  actors: number;
  facts: number;
  firstDate: string | null;
  lastDate: string | null;
}

// ---------------------------------------------------------------------------------------------
// Ingest

export interface IngestRecordOptions {
  /** where the article was read from, kept with it */
  origin?: string | null;
  /** hash of the raw input (bytes + options), so an unchanged source can be skipped before analysis */
  sourceHash?: string | null;
  /** pure per-record work done ahead, off the writer (an analyzer thread): must be
   *  `prepareRecord(record)` of this very record; computed by the store when absent */
  prepared?: PreparedRecord | null;
}

/** What the store derives from a record alone, before any database access (see prepareRecord). */
export interface PreparedRecord {
  /** near-duplicate band keys of the article text (kb/near-duplicate.ts textBands) */
  bands: number[];
}

export type IngestStatus =
  | 'new' // first time this article is stored
  | 'unchanged' // same key and same text: nothing changed
  | 'replaced'; // same URL or id, new text: its reports and facts were replaced

export interface IngestResult {
  status: IngestStatus;
  articleId: string;
  /** when the article is a near-duplicate (wire copy) of a stored one */
  duplicateOf: string | null;
  /** events of the record stored as reports */
  reports: number;
  /** reports that created a new fused event */
  newEvents: number;
  /** reports fused into an existing event reported by another article */
  fusedEvents: number;
  facts: number;
  /** new canonical actors created */
  newActors: number;
}

// ---------------------------------------------------------------------------------------------
// Exports

export type ExportFormat = 'jsonl' | 'csv' | 'plover' | 'gdelt' | 'geojson';

// ---------------------------------------------------------------------------------------------
// The interface

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** the file path or URL (password removed) */
  readonly location: string;

  /** Stores one analysis record in one transaction: article, actors, fused events, facts. */
  ingestRecord(record: AnalysisRecord, options?: IngestRecordOptions): Promise<IngestResult>;
  /** Stores several records in one transaction (bulk loads: one commit instead of many). Each
   *  article is still all-or-nothing; a record that fails validation gets `{ error }` in its slot
   *  and the others are stored. A database error rolls the whole batch back and is thrown. */
  ingestRecords(items: readonly { record: AnalysisRecord; options?: IngestRecordOptions }[]): Promise<(IngestResult | { error: string })[]>;
  /** The article id stored for a raw-input hash (see IngestRecordOptions.sourceHash), or null. */
  sourceSeen(sourceHash: string): Promise<string | null>;
  /** Removes an article and everything derived from it only (orphan events and actors go too). */
  deleteArticle(idOrUrl: string): Promise<boolean>;

  article(idOrUrl: string): Promise<ArticleView | null>;
  articles(q?: ArticleQuery): Promise<Page<ArticleRef>>;

  events(q?: EventQuery): Promise<Page<EventView>>;
  event(id: string): Promise<EventView | null>;

  actors(q?: ActorQuery): Promise<Page<ActorSummary>>;
  /** One actor by id, code, Wikidata id, name or alias; null when none matches. */
  actor(ref: string): Promise<ActorView | null>;
  /** The canonical actors an actor reference stands for (a code stands for every actor with it). */
  resolveActors(ref: string): Promise<ActorRef[]>;

  timeline(a: string, b: string, options?: TimelineOptions): Promise<TimelineView>;
  posture(country: string, options?: { from?: string; to?: string }): Promise<PostureView>;
  search(q: SearchQuery): Promise<SearchResult>;
  stats(): Promise<StoreStats>;

  /** Every stored record, in ingest order (re-importable with `sitrep ingest --format records`). */
  exportRecords(): AsyncIterable<AnalysisRecord>;
  /** Fused events matching the query, oldest first, streamed in pages (limit/offset ignored). */
  exportEvents(q?: EventQuery): AsyncIterable<EventView>;

  /** Problems found by the backend's own consistency check (SQLite `PRAGMA integrity_check`,
   *  PostgreSQL catalog and foreign-key checks) plus orphan checks; empty when all is well. */
  check(): Promise<string[]>;
  close(): Promise<void>;
}

/** Default store location. */
export const DEFAULT_DB = './sitrep.db';

/** Thrown for a store location that cannot be opened or a query a user can fix (exit 2 in the CLI). */
export class StoreError extends Error {
  constructor(message: string) { super(message); this.name = 'StoreError'; }
}

/**
 * How a store is opened (implemented in src/store/open-store.ts as `openStore`): a file path
 * (SQLite, created and migrated when new; ':memory:' for a throw-away store) or a
 * `postgres://…` URL (an optional `?schema=name` selects and creates a schema).
 * @example const store = await openStore('./sitrep.db'); await store.events({ actor: 'NER', recipient: 'USA' })
 */
export type OpenStore = (location?: string, options?: { readonly?: boolean }) => Promise<Store>;
