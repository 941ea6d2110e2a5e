/**
 * Resolution and coreference: turns doc.mentions into doc.entities, one per real-world referent.
 * - named mentions with the same key are one entity (catalogue keys, name keys, defined acronyms);
 * - persons take role, affiliation, code and sector from the words around their name;
 * - descriptors ("the country's government", "Nigerien officials", "the junta") resolve to the
 *   country the phrase or the context makes clear, or to the body the article calls its government;
 * - pronouns ("it", "its") resolve to the nearest suitable actor in the sentence or the one before;
 * anything unclear stays unresolved (descriptors keep entity null, unresolved pronouns are dropped).
 * Entity ids "e1", "e2"… follow the first mention, so output is deterministic.
 */
import type { Doc, EntityAnn, Mention } from '../pipeline/doc.js';
import type { EntityType } from '../contract/analysis-schema.js';
import { actorLexicon, type KnownEntity } from '../data/actor-lexicon.js';

interface Ent {
  key: string;
  known: KnownEntity | null;
  name: string | null;
  type: EntityType;
  code: string | null;
  sector: string | null;
  wikidata: string | null;
  coords: { lat: number; lon: number } | null;
  role: string | null;
  affiliation: Ent | null;
  government: boolean;
  mentions: Mention[];
  rule: string;
  confidence: number;
}

/** Verbs and auxiliaries: a country named before one of them, in the same sentence, is that clause's subject. */
const VERBAL = new Set(['VERB', 'AUX']);
const LOCATIVE_SCORE = 2;
/** How strongly a mention makes its country the topic: "the French ambassador" hardly makes France the topic. */
/** Document focus above which the main country is always a candidate for a bare descriptor. */
const FOCUS_ALWAYS = 2;
/** …and only in a whole article: one sentence has no main country beyond what it names. */
const ARTICLE_SENTENCES = 6;
const KIND_WEIGHT: Record<Mention['kind'], number> = { name: 1, acronym: 1, capital: 1, short: 0.5, demonym: 0.2, descriptor: 0.5, pronoun: 0.5 };

export function resolveEntities(doc: Doc): void {
  const lex = actorLexicon();
  const mentions = doc.mentions;
  const byId = new Map(mentions.map((m) => [m.id, m]));
  const tokAt = tokenIndexer(doc);
  const ents = new Map<string, Ent>();
  const entOf = new Map<Mention, Ent>();

  const getEnt = (key: string, m: Mention | null): Ent => {
    let e = ents.get(key);
    if (!e) {
      const known = lex.entities.get(key) ?? null;
      e = {
        key, known, name: known?.name ?? null,
        type: known?.type ?? m?.ref?.type ?? 'organization',
        code: known?.code ?? m?.ref?.country ?? null, sector: known ? known.sector : (m?.ref?.sector ?? null),
        wikidata: known?.wikidata ?? null, coords: known?.coords ?? null, role: known?.role ?? null,
        affiliation: null, government: known?.government ?? false, mentions: [],
        rule: m?.rule ?? 'entity', confidence: m?.confidence ?? 0.5,
      };
      ents.set(key, e);
    }
    return e;
  };
  const link = (m: Mention, e: Ent) => {
    entOf.set(m, e);
    e.mentions.push(m);
    e.confidence = Math.max(e.confidence, m.confidence);
  };

  // 1. named mentions
  for (const m of mentions) {
    if (m.ref?.key) link(m, getEnt(m.ref.key, m));
  }
  const countryEnt = (code: string | null): Ent | null => {
    if (!code) return null;
    const key = lex.countryKey.get(code);
    return key ? getEnt(key, null) : null;
  };
  /** the country an entity belongs to (itself for a country) */
  const countryOfEnt = (e: Ent | null | undefined): Ent | null => {
    if (!e) return null;
    if (e.type === 'country') return e;
    if (e.type === 'person' && !e.code && e.affiliation) return countryOfEnt(e.affiliation);
    return countryEnt(e.code);
  };

  // 2. organisations named with a country inside ("Swiss National Bank") take its code
  for (const m of mentions) {
    const e = entOf.get(m);
    if (!e || e.known || e.code || !m.ref?.of) continue;
    const owner = byId.get(m.ref.of);
    const c = owner ? countryOfEnt(entOf.get(owner)) : null;
    if (c && e.type !== 'person') e.code = c.code;
  }

  // sentence of each mention, computed once (the loops below ask for it often)
  const sentCache = new Map<Mention, number>();
  for (const m of mentions) sentCache.set(m, doc.tokens[tokAt(m.start)]?.sent ?? 0);
  const sentOf = (m: Mention) => sentCache.get(m) ?? 0;
  const focus = documentFocus(doc, mentions, entOf, tokAt);

  /** The country the context makes clear for a descriptor without an owner, or null. */
  const contextCountry = (m: Mention): Ent | null => {
    const s = sentOf(m);
    const firstTok = tokAt(m.start);
    const cands = new Map<Ent, number>(); // country → position of latest mention
    const local = new Map<Ent, number>(); // country → weight of its mentions in the window
    for (const o of mentions) {
      if (o.start >= m.start) break;
      const os = sentOf(o);
      if (os < s - 2) continue;
      const c = o.kind === 'descriptor' ? (entOf.get(o)?.type === 'country' ? entOf.get(o)! : null) : countryOfEnt(entOf.get(o));
      if (!c || c.type !== 'country') continue;
      if (o.kind !== 'descriptor' && entOf.get(o)?.type !== 'country') continue;
      // "a delegation of US officials visited the country": the clause's own subject is not "the country"
      if (os === s && verbBetween(doc, tokAt(o.end - 1) + 1, firstTok)) continue;
      cands.set(c, o.start);
      local.set(c, (local.get(c) ?? 0) + KIND_WEIGHT[o.kind]);
    }
    // the article's main country competes even when the last sentences name only others
    // ("… the US have called for an inquiry. … called on the authorities to release those detained")
    let top: Ent | null = null;
    for (const [c, f] of focus) if (!top || f > (focus.get(top) ?? 0)) top = c;
    if (top && !cands.has(top) && (focus.get(top) ?? 0) >= FOCUS_ALWAYS && doc.sentences.length >= ARTICLE_SENTENCES) cands.set(top, -1);
    let best: Ent | null = null;
    let bestScore = -1;
    let bestPos = -1;
    for (const [c, pos] of cands) {
      const score = (focus.get(c) ?? 0) + (local.get(c) ?? 0);
      if (score > bestScore || (score === bestScore && pos > bestPos)) { best = c; bestScore = score; bestPos = pos; }
    }
    return best;
  };

  /** The entity of the latest earlier, already linked descriptor with m's head ("army"), or null. */
  const sameHeadAntecedent = (m: Mention): Ent | null => {
    let best: Mention | null = null;
    for (const o of mentions) {
      if (o.start >= m.start) break;
      if (o.kind !== 'descriptor' || o.ref?.role !== m.ref?.role || !entOf.has(o)) continue;
      best = o;
    }
    return best ? entOf.get(best)! : null;
  };

  // 3. appositions: "the military-led government, known as the National Council … (CNSP)"
  const appositionOf = new Map<Mention, Mention>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.kind !== 'descriptor' || m.ref?.target !== 'government') continue;
    const after = doc.text.slice(m.end, m.end + 24);
    const am = /^(,?\s+(?:known as|called|named|dubbed|calling itself)\s+|\s*\(\s*|,\s+(?:the\s+)?)/i.exec(after);
    if (!am) continue;
    const at = m.end + am[0].length;
    const target = mentions.find((o) => o !== m && o.kind !== 'descriptor' && (o.start === at || (o.start === at + 4 && /^the /i.test(doc.text.slice(at, at + 4)))) && entOf.has(o));
    if (!target) continue;
    const te = entOf.get(target)!;
    if (te.type !== 'organization' && te.type !== 'group') continue;
    appositionOf.set(m, target);
    te.government = true;
    if (!te.code) {
      const owner = m.ref?.of ? byId.get(m.ref.of) : null;
      const c = owner ? countryOfEnt(entOf.get(owner)) : contextCountry(m);
      if (c) te.code = c.code;
    }
    te.sector ??= 'GOV';
  }
  const governmentOf = (c: Ent): Ent | null => {
    for (const e of ents.values()) if (e.government && e.code === c.code && e.mentions.length) return e;
    return null;
  };

  // 4. descriptors, inner before outer ("the country" before "the country's government")
  const descriptors = mentions.filter((m) => m.kind === 'descriptor').sort((a, b) => a.end - b.end || b.start - a.start);
  const deferred: Mention[] = [];
  for (const m of descriptors) {
    const ref = m.ref!;
    const app = appositionOf.get(m);
    if (app) { link(m, entOf.get(app)!); continue; }
    let ownerEnt: Ent | null = null;
    if (ref.of) {
      const o = byId.get(ref.of);
      ownerEnt = o ? entOf.get(o) ?? null : null;
      if (!ownerEnt) continue; // "its army" with "its" unresolved: leave it
    }
    let c: Ent | null = ownerEnt ? countryOfEnt(ownerEnt) : null;
    if (ref.target === 'sector' && ownerEnt && ownerEnt.type !== 'country' && ownerEnt.type !== 'person') {
      // "Pentagon officials", "Hamas fighters": the body itself
      link(m, ownerEnt);
      continue;
    }
    if (!ownerEnt) {
      const definite = /^(the|this|that)\b/i.test(m.text);
      if (!definite) { deferred.push(m); continue; }
      // "Sudan's army … The army recaptured Khartoum": a definite descriptor repeats the latest
      // earlier descriptor with the same head, whoever else the sentences between name
      const same = ref.role ? sameHeadAntecedent(m) : null;
      if (same) { link(m, same); continue; }
      c = contextCountry(m);
    }
    if (!c) continue;
    if (ref.target === 'government') {
      link(m, governmentOf(c) ?? c);
    } else {
      link(m, c);
    }
  }

  // bare plurals take the actor of their "of"/"in" phrase once that is resolved:
  // "officials in the military-led government", "troops from Chad"
  for (const m of deferred) {
    const follow = /^\s+(?:in|of|from|at|with)\s+/i.exec(doc.text.slice(m.end, m.end + 8));
    if (!follow) {
      // "Hundreds of thousands of people blocked streets in Hong Kong": civilians are coded by the
      // place their own clause happens in (PLOVER codes such actors by location)
      const code = m.ref?.sector === 'CVL' ? clausePlaceCountry(doc, mentions, entOf, tokAt, m) : null;
      const c = countryEnt(code);
      if (c) link(m, c);
      continue;
    }
    const from = m.end + follow[0].length;
    const o = mentions.find((x) => x !== m && x.start >= from && x.start <= from + 4 && entOf.has(x));
    const oe = o ? entOf.get(o) : undefined;
    if (oe && oe.type !== 'location' && oe.type !== 'facility' && oe.type !== 'person') link(m, oe);
    // "demonstrators in Baghdad", "residents of Goma": people of a city stand for its country
    // (PLOVER codes such actors by the country they are in); only for "in"/"of", not "from"
    else if (oe && oe.type === 'location' && oe.code && /^\s+(?:in|of)\s+/i.test(follow[0]) && m.ref?.target === 'sector') {
      const c = countryEnt(oe.code);
      if (c) link(m, c);
    }
  }

  // 5. persons: affiliation, role, code, sector
  for (const e of ents.values()) {
    if (e.type !== 'person') continue;
    let titleSector: string | null = null;
    let affSector: string | null = null;
    for (const m of e.mentions) {
      const ref = m.ref;
      if (!ref) continue;
      if (ref.role && !e.role) e.role = ref.role;
      if (ref.of && !e.affiliation) {
        const o = byId.get(ref.of);
        const oe = o ? entOf.get(o) : undefined;
        if (oe && oe !== e) {
          e.affiliation = oe;
          // "a spokeswoman for the Nigerian army": the descriptor says which part of the country
          if (o!.kind === 'descriptor' && o!.ref?.sector) affSector = o!.ref.sector;
        }
      }
      if (ref.titleSector) titleSector ??= ref.titleSector;
      if (!e.known && ref.sector && !e.sector) e.sector = ref.sector;
    }
    if (e.known) continue;
    if (e.affiliation) {
      e.code ??= e.affiliation.type === 'country' ? e.affiliation.code : e.affiliation.code;
      e.sector ??= affSector ?? (e.affiliation.type === 'country' ? null : e.affiliation.sector);
    }
    if (!e.code && e.role) {
      // "… in Niger since the coup, which ousted former President Mahamoud Bazoum": the country of the sentence
      const first = e.mentions.find((m) => m.kind === 'name') ?? e.mentions[0];
      const c = nearestCountryInSentence(doc, mentions, entOf, first, tokAt);
      if (c) e.code = c.code;
    }
    e.sector ??= titleSector;
  }

  // 6. facilities and unknown places: the host country named around them
  for (const e of ents.values()) {
    if (e.code || (e.type !== 'facility')) continue;
    const first = e.mentions[0];
    const c = nearestCountryInSentence(doc, mentions, entOf, first, tokAt, true);
    if (c) e.code = c.code;
  }

  // 7. pronouns: the nearest suitable actor, same or previous sentence
  const dropped = new Set<Mention>();
  const ownedIds = new Set<string>();
  for (const d of mentions) if (d.kind === 'descriptor' && d.ref?.of) ownedIds.add(d.ref.of);
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.kind !== 'pronoun') continue;
    const s = sentOf(m);
    const plural = m.rule === 'pronoun.they' || m.rule === 'pronoun.their' || m.rule === 'pronoun.them';
    let found: Ent | null = null;
    const mTok = tokAt(m.start);
    // "It also sanctioned X" opening a sentence: the previous sentence's subject, when that
    // sentence opens with an actor before its first verb ("The US has accused … and imposed …")
    if (!plural && m.rule === 'pronoun.it' && mTok === doc.sentences[s]?.tokStart && s > 0) {
      const prevStart = doc.sentences[s - 1].tokStart;
      const first = mentions.find((o) => sentOf(o) === s - 1 && entOf.has(o) && !dropped.has(o));
      const fe = first ? entOf.get(first)! : null;
      if (first && fe && (fe.type === 'country' || fe.type === 'organization' || fe.type === 'group') && first.kind !== 'demonym'
        && !first.ref?.locative && !first.ref?.inside && !verbBetween(doc, prevStart, tokAt(first.start))) found = fe;
    }
    // "Britain, which holds the pen on Sudan, said it would …": a mention inside a relative clause
    // set off by commas before the pronoun is not its antecedent
    const closedRelative = (o: Mention): boolean => {
      if (sentOf(o) !== s) return false;
      const T = doc.tokens;
      let k2 = tokAt(o.start) - 1;
      const lo = doc.sentences[s].tokStart;
      for (; k2 > lo; k2--) {
        if (T[k2].norm === ',') return false;
        if ((T[k2].norm === 'which' || T[k2].norm === 'who') && T[k2 - 1]?.norm === ',') break;
      }
      if (k2 <= lo) return false;
      for (let j2 = tokAt(o.end - 1) + 1; j2 < mTok; j2++) if (T[j2].norm === ',') return true;
      return false;
    };
    for (let j = found ? -1 : k - 1; j >= 0; j--) {
      const o = mentions[j];
      if (o.end > m.start) continue;
      if (sentOf(o) < s - 1) break;
      const oe = entOf.get(o);
      if (!oe || dropped.has(o)) continue;
      if (closedRelative(o)) continue;
      if (plural) {
        // "they": a group or a plural descriptor ("the rebels", "Nigerien officials"), the nearest one;
        // a list of countries ("Benin, the Ivory Coast, and Ghana") is several actors: left to the caller
        const many = oe.type === 'group' || (o.kind === 'descriptor' && /s$/i.test(o.ref?.role ?? '')) || (o.kind === 'demonym' && /s$/.test(o.text));
        if (!many || o.ref?.locative || o.ref?.inside) continue;
        found = oe;
        break;
      }
      if (oe.type === 'person' || oe.type === 'location' || oe.type === 'facility') continue;
      if (o.kind === 'demonym' || o.ref?.locative || o.ref?.inside) continue;
      // the country inside "US officials" is a modifier; plural descriptors are "they", not "it"
      if (ownedIds.has(o.id)) continue;
      if (o.kind === 'descriptor' && /s$/i.test(o.ref?.role ?? '')) continue;
      found = oe;
      break;
    }
    if (found) link(m, found);
    else dropped.add(m);
  }

  // 8. entity records, in order of first mention
  const list = [...ents.values()].filter((e) => e.mentions.length > 0);
  for (const e of list) e.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  list.sort((a, b) => a.mentions[0].start - b.mentions[0].start || b.mentions[0].end - a.mentions[0].end);
  const idOf = new Map<Ent, string>();
  list.forEach((e, i) => idOf.set(e, `e${i + 1}`));

  const kept = mentions.filter((m) => !dropped.has(m));
  if (dropped.size) renumber(kept);
  for (const m of kept) {
    const e = entOf.get(m);
    m.entity = e ? idOf.get(e) ?? null : null;
  }
  doc.mentions = kept;

  doc.entities = list.map((e): EntityAnn => {
    const name = e.name ?? canonicalName(e);
    const aliases = [...new Set([
      ...e.mentions.filter((m) => m.kind !== 'descriptor' && m.kind !== 'pronoun').map((m) => stripThe(m.text)),
      ...(e.known?.aliases ?? []),
    ])].filter((a) => a !== name);
    const ann: EntityAnn = {
      id: idOf.get(e)!, name, type: e.type, code: e.code, sector: e.sector, wikidata: e.wikidata,
      aliases, mentions: e.mentions.filter((m) => !dropped.has(m)).map((m) => m.id),
      rule: e.known ? `lexicon.${e.key.split(':')[0]}` : e.rule, confidence: round(e.confidence),
    };
    if (e.type === 'person' || e.affiliation || e.role) {
      ann.role = e.role;
      ann.affiliation = e.affiliation ? idOf.get(e.affiliation) ?? null : null;
    }
    if (e.coords) ann.coords = e.coords;
    return ann;
  });
}

function round(x: number): number { return Math.round(x * 1000) / 1000; }

// perf: the regex only when the first letter is a t (most names are not "the …")
function stripThe(s: string): string { return (s.charCodeAt(0) | 32) === 116 ? s.replace(/^the\s+/i, '') : s; }

function canonicalName(e: Ent): string {
  const named = e.mentions.filter((m) => m.kind === 'name');
  const pool = named.length ? named : e.mentions.filter((m) => m.kind !== 'descriptor' && m.kind !== 'pronoun');
  let best = pool[0]?.text ?? e.key;
  for (const m of pool) if (m.text.length > best.length) best = m.text;
  return stripThe(best);
}

/** Mention ids stay "m1", "m2"… in text order after unresolved pronouns are dropped. */
function renumber(ms: Mention[]): void {
  const map = new Map<string, string>();
  ms.forEach((m, i) => map.set(m.id, `m${i + 1}`));
  for (const m of ms) {
    m.id = map.get(m.id)!;
    if (m.ref?.of) m.ref.of = map.get(m.ref.of) ?? null;
    if (m.ref?.inside) m.ref.inside = map.get(m.ref.inside) ?? null;
  }
}

function verbBetween(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (VERBAL.has(doc.tokens[t].pos)) return true;
  return false;
}

/** How much the article is about each country: places ("in Niger"), possessives ("Niger's"), headline. */
function documentFocus(doc: Doc, mentions: Mention[], entOf: Map<Mention, Ent>, tokAt: (off: number) => number): Map<Ent, number> {
  const focus = new Map<Ent, number>();
  for (const m of mentions) {
    const e = entOf.get(m);
    if (!e || e.type !== 'country' || m.kind === 'descriptor' || m.kind === 'pronoun') continue;
    let s = 0.25 * KIND_WEIGHT[m.kind];
    if (m.ref?.locative) s += LOCATIVE_SCORE;
    const after = doc.tokens[tokAt(m.end - 1) + 1];
    if (after && (after.norm === "'s" || after.norm === "'")) s += 1;
    const zone = doc.sentences[doc.tokens[tokAt(m.start)].sent]?.zone;
    if (zone === 'title') s += 1;
    focus.set(e, (focus.get(e) ?? 0) + s);
  }
  return focus;
}

/**
 * The country code of the first "in PLACE" after the verb of the clause that starts after `m`
 * (same clause: no comma, colon, relative or subordinator in between), or null.
 */
function clausePlaceCountry(doc: Doc, mentions: Mention[], entOf: Map<Mention, Ent>, tokAt: (off: number) => number, m: Mention): string | null {
  const T = doc.tokens;
  const from = tokAt(m.end - 1) + 1;
  let verb = false;
  for (let j = from; j < Math.min(T.length, from + 12) && T[j].sent === T[from - 1].sent; j++) {
    const n = T[j].norm;
    if (n === ',' || n === ';' || n === ':' || n === 'who' || n === 'which' || n === 'that' || T[j].pos === 'SCONJ') return null;
    if (T[j].pos === 'VERB') verb = true;
    if (n === 'in' && verb) {
      const k = T[j + 1]?.norm === 'the' ? j + 2 : j + 1;
      const o = mentions.find((x) => x.start === T[k]?.start && x.kind !== 'descriptor' && x.kind !== 'pronoun' && x.kind !== 'demonym');
      const oe = o ? entOf.get(o) : undefined;
      return oe && (oe.type === 'country' || oe.type === 'location') && oe.code ? oe.code : null;
    }
  }
  return null;
}

function nearestCountryInSentence(doc: Doc, mentions: Mention[], entOf: Map<Mention, Ent>, m: Mention, tokAt: (off: number) => number, locativeOnly = false): Ent | null {
  const s = doc.tokens[tokAt(m.start)].sent;
  let before: Ent | null = null;
  let after: Ent | null = null;
  for (const o of mentions) {
    if (o === m) continue;
    if (doc.tokens[tokAt(o.start)].sent !== s) continue;
    const oe = entOf.get(o);
    if (!oe || oe.type !== 'country') continue;
    if (locativeOnly && !o.ref?.locative) continue;
    if (o.start < m.start) before = oe;
    else if (!after) after = oe;
  }
  // a country after the person counts too: on the PLOVER gold sentences ("President Yoweri Museveni
  // … Ugandan opposition") it is right far more often than wrong ("President Bush … Russia")
  return before ?? after;
}

/** Character offset → token index (binary search over doc.tokens). */
export function tokenIndexer(doc: Doc): (off: number) => number {
  const toks = doc.tokens;
  return (off: number) => {
    let lo = 0; let hi = toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (toks[mid].start <= off) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
}
