/**
 * The actor registry: one canonical actor per real entity across articles. Each article's
 * analyzer names entities its own way ("the National Council for the Safeguard of the Homeland",
 * "the CNSP", "Niger's junta"); the registry maps every record entity to a canonical actor:
 *
 * 1. by Wikidata id when the entity has one (the only id that is unambiguous across languages);
 * 2. by its key: countries by ISO code alone (every article's "Niger" is one actor whatever the
 *    name), IGOs by their short code, others by type + code + normalised name;
 * 3. by a known alias of the same type and code ("CNSP" is an alias of the council), so an
 *    article that only ever says "CNSP" lands on the same actor as one that spells it out;
 * 4. otherwise a new actor.
 * Names of different entities with different Wikidata ids never merge, even when equal.
 */
import type { EntityRecord } from '../contract/analysis-schema.js';
import type { SqlExecutor } from '../store/sql-driver.js';
import { inList, insertMany } from '../store/sql-driver.js';
import { normName } from './normalize.js';

/** Mention kinds that are names of the entity (not "it", "the junta", "Nigerien"). */
const NAME_KINDS = new Set(['name', 'acronym', 'short', 'capital']);
const PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their', 'he', 'she', 'him', 'her', 'his', 'we', 'us', 'our', 'i']);

/**
 * The registry key of an entity (unique per canonical actor).
 * @example actorKey({ type: 'country', code: 'NER', name: 'Niger', ... }) // 'country|NER'
 */
export function actorKey(e: Pick<EntityRecord, 'type' | 'code' | 'name' | 'sector'>): string {
  if (e.type === 'country' && e.code) return `country|${e.code}`;
  if (e.sector === 'IGO' && e.code) return `igo|${e.code}`;
  return `${e.type}|${e.code ?? ''}|${normName(e.name)}`;
}

/** Names an entity goes by: its name, aliases, and mentions that are names (kind permitting). */
export function entityAliases(e: EntityRecord): string[] {
  const out = new Map<string, string>();
  const add = (s: string) => {
    const n = normName(s);
    if (n.length < 2 || PRONOUNS.has(n) || out.has(n)) return;
    out.set(n, s.trim());
  };
  add(e.name);
  for (const a of e.aliases) add(a);
  for (const m of e.mentions) {
    const kind = (m as { kind?: string }).kind;
    // Descriptors ("the military-led government") and demonyms name a role, not the entity.
    if (kind !== undefined ? NAME_KINDS.has(kind) : /^\p{Lu}/u.test(m.text)) add(m.text);
  }
  return [...out.entries()].slice(0, 50).map(([norm, alias]) => alias + '\u0000' + norm);
}

interface ActorRow { seq: number; key: string; wikidata: string | null; type: string; code: string | null; sector: string | null }

/** Actors of one record looked up in two queries (by key and by Wikidata id) instead of one
 *  query per entity; a miss here means "not stored", and actors created meanwhile are added. */
export interface ActorLookup {
  byKey: Map<string, ActorRow>;
  byWd: Map<string, ActorRow>;
}

export async function prefetchActors(q: SqlExecutor, entities: readonly EntityRecord[]): Promise<ActorLookup> {
  const keys = uniqStr(entities.map(actorKey));
  const wds = uniqStr(entities.map((e) => e.wikidata).filter((w): w is string => !!w && /^Q\d+$/.test(w)));
  const out: ActorLookup = { byKey: new Map(), byWd: new Map() };
  const cols = 'SELECT seq, key, wikidata, type, code, sector FROM actors';
  if (keys.length) for (const r of await q.all<ActorRow>(`${cols} WHERE key IN ${inList(keys.length)}`, keys)) out.byKey.set(r.key, { ...r, seq: Number(r.seq) });
  if (wds.length) {
    for (const r of await q.all<ActorRow>(`${cols} WHERE wikidata IN ${inList(wds.length)} ORDER BY seq`, wds)) {
      if (!out.byWd.has(r.wikidata!)) out.byWd.set(r.wikidata!, { ...r, seq: Number(r.seq) });
    }
  }
  return out;
}

function uniqStr(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Resolves (creating when new) the canonical actor of a record entity, inside the ingest transaction.
 * @param seenAliases (actor, alias) pairs known to be stored already, to skip re-inserting them;
 *   keyed by actor seq, which is never reused, so a pair of a deleted actor matches no new one
 * @returns the actor's seq and whether it was created
 */
export async function resolveEntity(q: SqlExecutor, e: EntityRecord, seenAliases?: { has(k: string): boolean; add(k: string): void }, lookup?: ActorLookup): Promise<{ seq: number; created: boolean }> {
  const key = actorKey(e);
  const wd = e.wikidata && /^Q\d+$/.test(e.wikidata) ? e.wikidata : null;
  let row: ActorRow | undefined;
  if (wd) row = lookup ? lookup.byWd.get(wd) : await q.get<ActorRow>('SELECT seq, key, wikidata, type, code, sector FROM actors WHERE wikidata = ? ORDER BY seq LIMIT 1', [wd]);
  if (!row) {
    const byKey = lookup ? lookup.byKey.get(key) : await q.get<ActorRow>('SELECT seq, key, wikidata, type, code, sector FROM actors WHERE key = ?', [key]);
    // Same name, different Wikidata ids: two people called John Smith.
    if (byKey && !(wd && byKey.wikidata && byKey.wikidata !== wd)) row = byKey;
  }
  if (!row && e.type !== 'country') {
    const norms = entityAliases(e).map((a) => a.split('\u0000')[1]);
    if (norms.length) {
      const cands = await q.all<ActorRow>(
        `SELECT DISTINCT a.seq, a.key, a.wikidata, a.type, a.code, a.sector FROM actor_aliases x JOIN actors a ON a.seq = x.actor
         WHERE x.norm IN ${inList(norms.length)} AND a.type = ? ORDER BY a.seq LIMIT 20`, [...norms, e.type]);
      row = cands.find((c) => c.code === e.code && !(wd && c.wikidata && c.wikidata !== wd));
    }
  }
  let created = false;
  if (!row) {
    const finalKey = wd && (await q.get('SELECT 1 AS x FROM actors WHERE key = ?', [key])) ? `${key}|${wd}` : key;
    const seq = await q.insert(
      'INSERT INTO actors (key, name, type, code, sector, wikidata, coords) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq',
      [finalKey, e.name, e.type, e.code, e.sector, wd, coordsOf(e)]);
    row = { seq, key: finalKey, wikidata: wd, type: e.type, code: e.code, sector: e.sector };
    created = true;
    if (lookup) {
      if (!lookup.byKey.has(finalKey)) lookup.byKey.set(finalKey, row);
      if (wd && !lookup.byWd.has(wd)) lookup.byWd.set(wd, row);
    }
  } else {
    // Fill what the first article did not know (a Wikidata id, a sector, coordinates).
    if ((wd && !row.wikidata) || (e.sector && !row.sector)) {
      await q.run('UPDATE actors SET wikidata = COALESCE(wikidata, ?), sector = COALESCE(sector, ?) WHERE seq = ?', [wd, e.sector, row.seq]);
    }
    const c = coordsOf(e);
    if (c) await q.run('UPDATE actors SET coords = COALESCE(coords, ?) WHERE seq = ?', [c, row.seq]);
  }
  const fresh = entityAliases(e).map((a) => a.split('\u0000')).filter(([, norm]) => !seenAliases?.has(`${row!.seq}|${norm}`));
  await insertMany(q, 'actor_aliases (actor, norm, alias)', fresh.map(([alias, norm]) => [row!.seq, norm, alias]), 'ON CONFLICT DO NOTHING');
  if (seenAliases) for (const [, norm] of fresh) seenAliases.add(`${row.seq}|${norm}`);
  return { seq: row.seq, created };
}

function coordsOf(e: EntityRecord): string | null {
  const c = (e as { coords?: { lat: number; lon: number } | null }).coords;
  return c && Number.isFinite(c.lat) && Number.isFinite(c.lon) ? JSON.stringify({ lat: c.lat, lon: c.lon }) : null;
}

/** An entity's role, when the analyzer read one ("spokeswoman", "former President"). */
export function officeOf(e: EntityRecord): { role: string; affiliation: string | null; former: boolean } | null {
  const x = e as { role?: string | null; affiliation?: string | null };
  if (e.type !== 'person' || !x.role || !x.role.trim()) return null;
  const role = x.role.trim();
  const former = /\b(former|ex-|ousted|deposed|late|then-)/i.test(role);
  return { role: role.replace(/^(former|ex-|ousted|deposed|then-)\s*/i, ''), affiliation: x.affiliation ?? null, former };
}
