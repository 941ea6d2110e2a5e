/**
 * The actor and place lexicon, compiled once per process from world-countries and data/actors,
 * data/places: a catalogue of known referents (KnownEntity, keyed "country:NER", "igo:…") and a
 * token trie of every surface form that names one ("Niger", "Nigerien", "Niamey", "ECOWAS"…).
 * Surface forms are tokenised with the same wink tokenizer as the text, so "U.S.", "al-Shabaab"
 * and "Côte d'Ivoire" split the same way in both.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { sharedWink } from './wink.js';
import type { Country } from 'world-countries';
import type { MentionKind } from '../pipeline/doc.js';
import type { EntityType } from '../contract/analysis-schema.js';
import { normToken } from '../pipeline/stages/tokens.js';
import { loadData } from './load.js';
import { TokenTrie } from '../entities/token-trie.js';

const require = createRequire(import.meta.url);

export interface KnownEntity {
  key: string;
  name: string;
  type: EntityType;
  code: string | null;
  sector: string | null;
  wikidata: string | null;
  coords: { lat: number; lon: number } | null;
  /** the office a known person is best known for ("president") */
  role: string | null;
  /** a body that stands for a whole government ("the Kremlin", "the White House") */
  government: boolean;
  /** other names it is known by (official name, common alternates) */
  aliases: string[];
}

/** One way of naming a known entity, as it sits in the trie. */
export interface SurfaceForm {
  key: string;
  text: string;
  kind: MentionKind;
  rule: string;
  confidence: number;
  /** the form's own tokens (original case): the text must honour their capitalisation */
  tokens: string[];
  /** higher wins when two entities share a form */
  priority: number;
  /** also a common given/family name ("Chad", "Jordan", "Washington"): rejected next to another name */
  personName?: boolean;
  /** also a US state ("Georgia"): rejected near US-state cues */
  usState?: boolean;
  /** a family name alone ("Lavrov"): only once the person is named in full, unless famous */
  needsFull?: boolean;
  /** a gazetteer place ("Goma", "California"): only where the context makes it a place */
  place?: 'city' | 'state';
  /** inhabitants of a gazetteer city (large cities need less context) */
  population?: number;
}

export interface RoleEntry { role: string; sector: string | null; tokens: number }
export interface DescriptorHead { head: string; target: 'country' | 'government' | 'sector'; sector: string | null; tokens: number }

export interface ActorLexicon {
  entities: Map<string, KnownEntity>;
  forms: TokenTrie<SurfaceForm>;
  roles: TokenTrie<RoleEntry>;
  /** title norms, with and without the final dot ("col.", "col", "mr") → sector */
  titles: Map<string, string | null>;
  descriptors: TokenTrie<DescriptorHead>;
  premodifiers: Set<string>;
  determiners: Set<string>;
  /** religious, ideological and ethnic adjectives that make a plural noun a group ("Islamic fundamentalists") */
  groupAdjectives: Set<string>;
  /** plural nouns for groups of people ("fundamentalists", "settlers") */
  groupNouns: Set<string>;
  reportingVerbs: Set<string>;
  /** capitalised words that make a name an organisation (norm → sector, type) */
  orgWords: Map<string, { sector: string | null; type: 'organization' | 'group' }>;
  /** last words that make a capitalised name a thing, not an actor (norms) */
  nonActorHeads: Set<string>;
  /** country entity key by ISO3 code */
  countryKey: Map<string, string>;
}

const Example = z.string().min(1);
const Qid = z.string().regex(/^Q\d+$/).nullable();

const CountriesFile = z.object({
  source: z.string(),
  wikidata: z.record(z.string(), z.string().regex(/^Q\d+$/)),
  countries: z.array(z.object({
    iso3: z.string().length(3),
    iso3Override: z.string().length(3).optional(),
    aliases: z.array(z.string()).optional(),
    demonyms: z.array(z.string()).optional(),
    metonyms: z.array(z.string()).optional(),
    exclude: z.array(z.string()).optional(),
    personName: z.array(z.string()).optional(),
    usStateName: z.array(z.string()).optional(),
    example: Example,
  })),
});

const ActorEntry = z.object({
  name: z.string().min(1),
  type: z.enum(['country', 'organization', 'person', 'location', 'facility', 'group']).optional(),
  code: z.string().nullable(),
  sector: z.string().nullable().optional(),
  wikidata: Qid,
  aliases: z.array(z.string()),
  government: z.boolean().optional(),
  role: z.string().optional(),
  alone: z.boolean().optional(),
  /** people: the EDTF interval of the office named in role ("2013/2021", "2025/..") */
  term: z.string().regex(/^\d{4}\/(\d{4}|\.\.)$/).optional(),
  example: Example,
});
const ActorsFile = z.object({ source: z.string(), entries: z.array(ActorEntry) });

const PlaceEntry = z.object({
  name: z.string().min(1),
  code: z.string().nullable(),
  coords: z.tuple([z.number(), z.number()]),
  aliases: z.array(z.string()),
  adjectives: z.array(z.string()).optional(),
  operator: z.string().nullable().optional(),
  example: Example,
});
const PlacesFile = z.object({ source: z.string(), entries: z.array(PlaceEntry) });

const CitiesFile = z.object({
  source: z.string(),
  columns: z.array(z.string()),
  cities: z.array(z.tuple([z.string(), z.string().length(3), z.number(), z.number(), z.number(), z.number(), z.number()])),
  usStates: z.object({ columns: z.array(z.string()), rows: z.array(z.tuple([z.string(), z.string().length(3), z.number(), z.number()])) }),
});

const AgentsFile = z.object({
  source: z.string(),
  roles: z.array(z.object({ role: z.string(), sector: z.string().nullable(), example: Example })),
  titles: z.array(z.object({ title: z.string(), sector: z.string().nullable(), example: Example })),
  reportingVerbs: z.array(z.string()),
  orgWords: z.array(z.object({ word: z.string(), sector: z.string().nullable(), type: z.enum(['organization', 'group']).optional() })),
  orgWordsNote: z.string(),
  nonActorHeads: z.array(z.string()),
  nonActorHeadsNote: z.string(),
  personCueWords: z.array(z.string()),
});

const DescriptorsFile = z.object({
  source: z.string(),
  heads: z.array(z.object({ head: z.string(), target: z.enum(['country', 'government', 'sector']), sector: z.string().nullable(), example: Example })),
  premodifiers: z.array(z.string()),
  determiners: z.array(z.string()),
  groupAdjectives: z.array(z.string()).default([]),
  groupNouns: z.array(z.string()).default([]),
});

/** Splits a lexicon phrase exactly as the tokens stage splits text. @example tokenizePhrase("U.S.-led") → ["U.S.", "-", "led"] */
export function tokenizePhrase(phrase: string): string[] {
  return tokenizeMany([phrase])[0];
}

/** Tokenises many lexicon phrases the way the tokens stage would split them. */
export function tokenizeMany(phrases: readonly string[]): string[][] {
  // plain words split on spaces exactly as wink splits them (a test checks every lexicon phrase);
  // only phrases with punctuation or digits go through wink
  const out: string[][] = new Array(phrases.length);
  const hard: number[] = [];
  phrases.forEach((p, i) => {
    if (PLAIN.test(p)) out[i] = p.split(' ');
    else hard.push(i);
  });
  if (hard.length) {
    const toks = tokenizeWithWink(hard.map((i) => phrases[i]));
    hard.forEach((i, k) => { out[i] = toks[k]; });
  }
  return out;
}

const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** Tokenises phrases with wink itself, in one call (one document, phrases on their own paragraphs). */
export function tokenizeWithWink(phrases: readonly string[]): string[][] {
  // the tokens stage's own instance: tokenisation does not depend on the sbd/pos pipes
  const tokenizer = sharedWink();
  const SEP = '\n\n';
  const text = phrases.join(SEP);
  const starts: number[] = [];
  let off = 0;
  for (const p of phrases) { starts.push(off); off += p.length + SEP.length; }
  const out: string[][] = phrases.map(() => []);
  let cursor = 0;
  let pi = 0;
  for (const tok of tokenizer.readDoc(text).tokens().out() as string[]) {
    if (!tok.trim()) continue;
    const at = text.indexOf(tok, cursor);
    if (at < 0) continue;
    cursor = at + tok.length;
    while (pi + 1 < starts.length && starts[pi + 1] <= at) pi++;
    out[pi].push(tok);
  }
  return out;
}

/** Accents (combining marks) removed: "Goïta" → "Goita". */
export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The key part of a name: accents stripped, lower case, runs of other characters as one '-'. */
export function slug(s: string): string {
  return stripAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const ACRONYM = /^(?:[A-Z][A-Z0-9&+.\-]*[A-Z0-9+.]|[A-Z]\.)$/;
function isAcronym(text: string): boolean {
  return !text.includes(' ') && ACRONYM.test(text) && /[A-Z].*[A-Z0-9]/.test(text);
}

let cached: ActorLexicon | null = null;

/** The compiled actor lexicon (built on first use, then shared). @example actorLexicon().entities.get('country:NER')?.name → "Niger" */
export function actorLexicon(): ActorLexicon {
  if (cached) return cached;
  const entities = new Map<string, KnownEntity>();
  const forms = new TokenTrie<SurfaceForm>();
  const countryKey = new Map<string, string>();
  // a phrase named by several entities keeps them all; the matcher picks by priority
  const seen = new Set<string>();

  // forms are collected first and tokenised in one batch at the end
  const pending: Omit<SurfaceForm, 'tokens'>[] = [];
  const addForm = (key: string, text: string, kind: MentionKind, rule: string, confidence: number, priority: number, extra: Partial<SurfaceForm> = {}) => {
    for (const v of new Set([text, stripAccents(text)])) pending.push({ key, text: v, kind, rule, confidence, priority, ...extra });
  };

  // ---- countries: world-countries plus data/actors/countries.json
  const countries = require('world-countries/countries.json') as Country[];
  const cf = loadData('actors/countries.json', CountriesFile);
  const extras = new Map(cf.countries.map((c) => [c.iso3, c]));
  for (const c of countries) {
    const ex = extras.get(c.cca3);
    const iso3 = ex?.iso3Override ?? c.cca3;
    const key = `country:${iso3}`;
    countryKey.set(iso3, key);
    entities.set(key, {
      key, name: c.name.common, type: 'country', code: iso3, sector: null,
      wikidata: cf.wikidata[c.cca3] ?? null,
      coords: c.latlng?.length === 2 ? { lat: c.latlng[0], lon: c.latlng[1] } : null,
      role: null, government: false,
      aliases: [...new Set([c.name.official, ...(ex?.aliases ?? []).filter((a) => !/^the /.test(a))])].filter((a) => a !== c.name.common),
    });
    const exclude = new Set(ex?.exclude ?? []);
    const personNames = new Set(ex?.personName ?? []);
    const usStates = new Set(ex?.usStateName ?? []);
    // sovereign UN members win a shared form over territories ("American": USA, not UMI)
    const base = c.unMember ? 2 : 1;
    const flags = (t: string): Partial<SurfaceForm> => ({
      ...(personNames.has(t) ? { personName: true } : {}),
      ...(usStates.has(t) ? { usState: true } : {}),
    });
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const a of c.altSpellings ?? []) {
      // two- and three-letter codes ("NE", "IN", "AT") are ordinary words or ambiguous
      if (/^[A-Z]{2,3}$/.test(a)) continue;
      if (/[^\p{Script=Latin}\s'’.,()-]/u.test(a)) continue;
      names.add(a);
    }
    for (const n of names) {
      if (exclude.has(n)) continue;
      addForm(key, n, isAcronym(n) ? 'acronym' : 'name', 'country.name', 0.95, base, flags(n));
    }
    for (const a of ex?.aliases ?? []) addForm(key, a, isAcronym(a) ? 'acronym' : 'name', 'country.alias', 0.95, 3, flags(a));
    const demonyms = new Set<string>();
    const dem = c.demonyms?.eng;
    if (dem) for (const d of [dem.m, dem.f]) if (d) demonyms.add(d);
    for (const d of ex?.demonyms ?? []) demonyms.add(d);
    for (const d of demonyms) {
      if (exclude.has(d)) continue;
      const pri = ex?.demonyms?.includes(d) ? 3 : base;
      addForm(key, d, 'demonym', 'country.demonym', 0.9, pri, flags(d));
      // "Americans", "Nigeriens", "Israelis": the people, same country
      if (/(an|i|er|ite)$/.test(d) && !d.includes(' ') ) addForm(key, d + 's', 'demonym', 'country.demonym', 0.9, pri);
    }
    const capitals = new Set<string>([...(c.capital ?? []), ...(ex?.metonyms ?? [])]);
    for (const cap of capitals) {
      if (exclude.has(cap) || names.has(cap)) continue;
      addForm(key, cap, 'capital', 'country.capital', 0.85, ex?.metonyms?.includes(cap) ? 3 : base, flags(cap));
    }
  }

  // ---- IGOs, bodies, armed groups, media, known people
  const actorFiles: { file: string; prefix: string; type: EntityType; sector: string | null; rule: string }[] = [
    { file: 'actors/igos.json', prefix: 'igo', type: 'organization', sector: 'IGO', rule: 'igo' },
    { file: 'actors/bodies.json', prefix: 'body', type: 'organization', sector: 'GOV', rule: 'body' },
    { file: 'actors/groups.json', prefix: 'group', type: 'group', sector: 'REB', rule: 'group' },
    { file: 'actors/media.json', prefix: 'media', type: 'organization', sector: 'JRN', rule: 'media' },
    { file: 'actors/people.json', prefix: 'person', type: 'person', sector: null, rule: 'person.known' },
  ];
  for (const f of actorFiles) {
    for (const e of loadData(f.file, ActorsFile).entries) {
      const key = `${f.prefix}:${slug(e.name)}`;
      const type = e.type ?? f.type;
      entities.set(key, {
        key, name: e.name, type, code: e.code, sector: e.sector === undefined ? f.sector : e.sector,
        wikidata: e.wikidata, coords: null, role: e.role ?? null, government: e.government ?? false,
        aliases: e.aliases.filter((a) => a !== e.name && !/^the /.test(a)),
      });
      const all = new Set([e.name, ...e.aliases]);
      for (const a of all) {
        const single = type === 'person' && !a.includes(' ') && a !== e.name;
        if (single) {
          addForm(key, a, 'short', `${f.rule}.short`, 0.8, 3, e.alone ? {} : { needsFull: true });
        } else {
          addForm(key, a, isAcronym(a) ? 'acronym' : 'name', isAcronym(a) ? `${f.rule}.acronym` : `${f.rule}.name`, 0.95, 3);
        }
      }
    }
  }

  // ---- regions and facilities
  const placeFiles: { file: string; prefix: string; type: EntityType; rule: string }[] = [
    { file: 'places/regions.json', prefix: 'region', type: 'location', rule: 'place.region' },
    { file: 'places/facilities.json', prefix: 'facility', type: 'facility', rule: 'place.facility' },
  ];
  for (const f of placeFiles) {
    for (const e of loadData(f.file, PlacesFile).entries) {
      const key = `${f.prefix}:${slug(e.name)}`;
      entities.set(key, {
        key, name: e.name, type: f.type, code: e.code, sector: null, wikidata: null,
        coords: { lat: e.coords[0], lon: e.coords[1] }, role: null, government: false,
        aliases: e.aliases.filter((a) => a !== e.name && !/^the /.test(a)),
      });
      for (const a of new Set([e.name, ...e.aliases])) addForm(key, a, isAcronym(a) ? 'acronym' : 'name', `${f.rule}.name`, 0.9, 2);
      for (const a of e.adjectives ?? []) addForm(key, a, 'demonym', `${f.rule}.adjective`, 0.85, 2);
    }
  }

  // ---- gazetteer: cities (capitals, ≥ 100k inhabitants, provincial seats) and US states
  const gz = loadData('places/cities.json', CitiesFile);
  for (const [name, iso3, lat, lon, population, capital] of gz.cities) {
    const key = `city:${iso3.toLowerCase()}:${slug(name)}`;
    if (entities.has(key)) continue;
    entities.set(key, { key, name, type: 'location', code: iso3, sector: null, wikidata: null, coords: { lat, lon }, role: null, government: false, aliases: [] });
    // a capital is also its country's metonym (see above); as a place it needs a locative context
    addForm(key, name, 'name', capital ? 'place.city.capital' : 'place.city', 0.8, 0, { place: 'city', population });
  }
  for (const [name, iso3, lat, lon] of gz.usStates.rows) {
    const key = `state:${iso3.toLowerCase()}:${slug(name)}`;
    entities.set(key, { key, name, type: 'location', code: iso3, sector: null, wikidata: null, coords: { lat, lon }, role: null, government: false, aliases: [] });
    addForm(key, name, 'name', 'place.us-state', 0.8, 0, { place: 'state' });
  }

  // ---- agents: roles, titles, reporting verbs, organisation words; descriptor heads
  const ag = loadData('actors/agents.json', AgentsFile);
  const ds = loadData('actors/descriptors.json', DescriptorsFile);
  const tokenized = tokenizeMany([...pending.map((p) => p.text), ...ag.roles.map((r) => r.role), ...ds.heads.map((h) => h.head)]);
  let at = 0;
  for (const p of pending) {
    const tokens = tokenized[at++];
    if (!tokens.length) continue;
    const id = `${p.key}\u0000${tokens.join(' ')}\u0000${p.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    forms.add(tokens.map(normToken), { ...p, tokens });
  }
  const roles = new TokenTrie<RoleEntry>();
  for (const r of ag.roles) {
    const toks = tokenized[at++].map(normToken);
    roles.add(toks, { role: r.role.toLowerCase(), sector: r.sector, tokens: toks.length });
  }
  const descriptors = new TokenTrie<DescriptorHead>();
  for (const h of ds.heads) {
    const toks = tokenized[at++].map(normToken);
    descriptors.add(toks, { head: h.head, target: h.target, sector: h.sector, tokens: toks.length });
  }
  const titles = new Map<string, string | null>();
  // both "col." and "col": wink leaves the dot on the token or splits it off
  for (const t of ag.titles) {
    const bare = normToken(t.title).replace(/\.$/, '');
    titles.set(bare, t.sector);
    titles.set(bare + '.', t.sector);
  }

  cached = {
    entities, forms, roles, titles, descriptors, countryKey,
    premodifiers: new Set(ds.premodifiers.map(normToken)),
    determiners: new Set(ds.determiners.map(normToken)),
    groupAdjectives: new Set(ds.groupAdjectives.map(normToken)),
    groupNouns: new Set(ds.groupNouns.map(normToken)),
    reportingVerbs: new Set(ag.reportingVerbs.map(normToken)),
    nonActorHeads: new Set(ag.nonActorHeads.map(normToken)),
    orgWords: new Map(ag.orgWords.map((w) => [normToken(w.word), { sector: w.sector, type: w.type ?? 'organization' }])),
  };
  return cached;
}
