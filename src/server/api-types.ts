/**
 * Shapes the API adds on top of the store's views (src/store/store.ts), shared with the UI as types.
 * Store views (EventView, ActorView, TimelineView, PostureView, ArticleView, ...) are returned as they are.
 */
import type { IngestResult, StoreStats } from '../store/store.js';

/** An actor graph: who acts on whom, weighted by fused events. */
export interface GraphView {
  /** nodes are canonical actors, or countries/IGOs (actors grouped by code) */
  level: 'actor' | 'code';
  nodes: { id: string; label: string; code: string | null; type: string; events: number }[];
  /** directed: source acts on target */
  edges: { source: string; target: string; events: number; goldsteinMean: number | null; quad: [number, number, number, number] }[];
  /** events read to build the graph; `truncated` when the scan cap was reached */
  scanned: number;
  truncated: boolean;
}

/** Activity per country for the map: events where the country is a party or the location. */
export interface GeoView {
  countries: { code: string; events: number; asActor: number; asRecipient: number; asLocation: number; goldsteinMean: number | null }[];
  /** events with a location, grouped by the location's country code */
  located: { code: string; location: string; events: number; sample: { id: string; summary: string; date: string | null }[] }[];
  scanned: number;
  truncated: boolean;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface IngestItemOutcome {
  label: string;
  ok: boolean;
  /** set when ok */
  result?: IngestResult;
  /** one line when not ok */
  reason?: string;
}

/** One ingest request (one article or a batch) as the ingest page shows it. */
export interface IngestJob {
  id: string;
  kind: 'text' | 'html' | 'url' | 'batch';
  label: string;
  state: JobState;
  total: number;
  done: number;
  failed: number;
  /** the current step of the running item: "fetching", "analysing", "storing" */
  step: string | null;
  createdAt: string;
  finishedAt: string | null;
  items: IngestItemOutcome[];
}

export interface Health {
  ok: true;
  version: string;
  readAccess: 'open' | 'token';
  /** what POST /api/articles accepts here */
  accepts: ('text' | 'html' | 'url')[];
  /** absent for unauthenticated callers of a private server */
  store?: StoreStats;
}
