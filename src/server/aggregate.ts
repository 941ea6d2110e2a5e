/**
 * Aggregates for the map and the actor graph, computed by streaming the store's matching events
 * (capped, and said so when the cap is reached).
 */
import { createRequire } from 'node:module';
import type { ActorRef, EventQuery, EventView, Store } from '../store/store.js';
import type { GeoView, GraphView } from './api-types.js';

const require = createRequire(import.meta.url);
const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (require('world-countries/countries.json') as { cca3: string }[]).map((c) => c.cca3),
);

/** The most events an aggregate reads; enough for an overview, bounded for a big store. */
export const SCAN_CAP = 20_000;

async function scan(store: Store, q: EventQuery, cap: number, each: (ev: EventView) => void): Promise<{ scanned: number; truncated: boolean }> {
  let scanned = 0;
  for await (const ev of store.exportEvents(q)) {
    if (scanned >= cap) return { scanned, truncated: true };
    each(ev);
    scanned++;
  }
  return { scanned, truncated: false };
}

/**
 * Who acts on whom. At level 'code' actors collapse to their country or IGO code (the Pentagon
 * counts as USA); actors without a code stay themselves.
 * @example await actorGraph(store, { from: '2024-01-01' }, 'code')
 */
export async function actorGraph(store: Store, q: EventQuery, level: 'actor' | 'code', cap = SCAN_CAP): Promise<GraphView> {
  const nodes = new Map<string, GraphView['nodes'][number]>();
  const edges = new Map<string, GraphView['edges'][number] & { gSum: number; gN: number }>();
  const key = (a: ActorRef) => (level === 'code' && a.code ? a.code : a.id);
  const node = (a: ActorRef) => {
    const k = key(a);
    let n = nodes.get(k);
    if (!n) {
      n = { id: k, label: level === 'code' && a.code ? (a.type === 'country' || a.name === a.code ? a.name : a.code) : a.name, code: a.code, type: level === 'code' && a.code && COUNTRY_CODES.has(a.code) ? 'country' : a.type, events: 0 };
      nodes.set(k, n);
    }
    // Prefer the country's own name as the label of a code node ("Niger", not "CNSP").
    if (level === 'code' && a.type === 'country') n.label = a.name;
    return n;
  };
  const { scanned, truncated } = await scan(store, q, cap, (ev) => {
    const parties = new Set<string>();
    for (const a of [...ev.actor, ...ev.recipient]) { node(a); parties.add(key(a)); }
    for (const p of parties) nodes.get(p)!.events++;
    const pairs = new Set<string>();
    for (const a of ev.actor) for (const b of ev.recipient) {
      const s = key(a), t = key(b);
      if (s === t || pairs.has(`${s}\u0000${t}`)) continue;
      pairs.add(`${s}\u0000${t}`);
      let e = edges.get(`${s}\u0000${t}`);
      if (!e) { e = { source: s, target: t, events: 0, goldsteinMean: null, quad: [0, 0, 0, 0], gSum: 0, gN: 0 }; edges.set(`${s}\u0000${t}`, e); }
      e.events++;
      e.quad[ev.quad - 1]++;
      if (ev.goldstein !== null) { e.gSum += ev.goldstein; e.gN++; }
    }
  });
  return {
    level,
    nodes: [...nodes.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
    edges: [...edges.values()].map(({ gSum, gN, ...e }) => ({ ...e, goldsteinMean: gN ? Math.round((gSum / gN) * 100) / 100 : null }))
      .sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
    scanned, truncated,
  };
}

/**
 * Event activity per country (ISO3) and events grouped by located country, for the map.
 * @example (await geoActivity(store, {})).countries[0] // { code: 'NER', events: 12, ... }
 */
export async function geoActivity(store: Store, q: EventQuery, cap = SCAN_CAP): Promise<GeoView> {
  const countries = new Map<string, GeoView['countries'][number] & { gSum: number; gN: number }>();
  const located = new Map<string, GeoView['located'][number]>();
  const get = (code: string) => {
    let c = countries.get(code);
    if (!c) { c = { code, events: 0, asActor: 0, asRecipient: 0, asLocation: 0, goldsteinMean: null, gSum: 0, gN: 0 }; countries.set(code, c); }
    return c;
  };
  const { scanned, truncated } = await scan(store, q, cap, (ev) => {
    const touched = new Set<string>();
    const actorCodes = new Set(ev.actor.map((a) => a.code).filter((c): c is string => !!c && COUNTRY_CODES.has(c)));
    const recipientCodes = new Set(ev.recipient.map((a) => a.code).filter((c): c is string => !!c && COUNTRY_CODES.has(c)));
    for (const c of actorCodes) { get(c).asActor++; touched.add(c); }
    for (const c of recipientCodes) { get(c).asRecipient++; touched.add(c); }
    const loc = ev.location?.code && COUNTRY_CODES.has(ev.location.code) ? ev.location.code : null;
    if (loc && ev.location) {
      get(loc).asLocation++;
      touched.add(loc);
      let l = located.get(loc);
      if (!l) { l = { code: loc, location: ev.location.name, events: 0, sample: [] }; located.set(loc, l); }
      l.events++;
      if (l.sample.length < 5) l.sample.push({ id: ev.id, summary: ev.summary, date: ev.date ?? ev.dateLo });
    }
    for (const c of touched) {
      const x = get(c);
      x.events++;
      if (ev.goldstein !== null) { x.gSum += ev.goldstein; x.gN++; }
    }
  });
  return {
    countries: [...countries.values()].map(({ gSum, gN, ...c }) => ({ ...c, goldsteinMean: gN ? Math.round((gSum / gN) * 100) / 100 : null }))
      .sort((a, b) => b.events - a.events || a.code.localeCompare(b.code)),
    located: [...located.values()].sort((a, b) => b.events - a.events || a.code.localeCompare(b.code)),
    scanned, truncated,
  };
}
