/**
 * Mention recognition: recognizers propose token spans, in a fixed order where earlier passes
 * claim tokens first (chrono's parsers, then refiners):
 *  1. lexicon: every known country, demonym, capital, IGO, body, group, outlet, person, region,
 *     facility (token trie, longest match, case and ambiguity checks);
 *  2. acronyms defined in parentheses ("… Homeland (CNSP)"), then every later use of them;
 *  3. persons: role + name ("Pentagon spokeswoman Sabrina Singh"), title + name ("Col. Maj. …"),
 *     name + reporting verb ("Paul Nesbit said");
 *  4. organisations and facilities from their form ("… Ministry of …", "Air Base 201");
 *  5. unknown capitalised names (low confidence);
 *  6. short forms of persons already named ("Singh");
 *  7. descriptors ("the military-led government", "Nigerien officials") and pronouns ("it", "its").
 * Nothing is recognised inside a time or quantity span ("May", "July 2023").
 */
import type { Doc, MentionKind, Token } from '../pipeline/doc.js';
import type { EntityType } from '../contract/analysis-schema.js';
import { actorLexicon, slug, type ActorLexicon, type SurfaceForm } from '../data/actor-lexicon.js';
import { familyCountry, knownVariant, misspelledCountry, variantsCountry } from './person-variants.js';

/** A proposed mention, in token indexes, before ids and offsets are assigned. */
export interface Draft {
  start: number; // token index
  end: number; // token index, exclusive
  kind: MentionKind;
  rule: string;
  confidence: number;
  key: string | null;
  type: EntityType | null;
  sector?: string | null;
  role?: string | null;
  of?: Draft | null;
  former?: boolean;
  target?: 'country' | 'government' | 'sector';
  locative?: boolean;
  /** sector implied by a rank or title ("Col.") when the role says nothing */
  titleSector?: string | null;
  /** a person's family name alone from the lexicon: kept only when the person is named in full */
  needsFull?: boolean;
  /** may overlap other mentions (descriptors contain the country that owns them) */
  nested?: boolean;
  /** the name this mention is part of ("West African" inside "Economic Community of West African States") */
  inside?: Draft;
  dropped?: boolean;
  /** the country a known family name implies (see knownVariantPass) */
  country?: string | null;
}

const ACCEPT_ALL = (): boolean => true;

/** Words that sit before a name run in a locative phrase. */
const LOCATIVE = new Set(['in', 'at', 'into', 'across', 'near', 'inside', 'throughout', 'around', 'outside', 'within', 'through', 'onto', 'toward', 'towards']);
/** Lower-case name particles allowed inside a person or organisation name run. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'du', 'da', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'y', 'ould', 'ag', 'wa']);
/** Lower-case connectors allowed inside an organisation name run. */
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', 'de', 'du', 'des', 'la', 'le', 'al', '&', 'el']);
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'to', 'for', 'on', 'at', 'by', 'and', 'or', 'but', 'with', 'from', 'as', 'vs', 'vs.', 'into', 'over', 'after', "'s"]);
const FORMER = new Set(['former', 'ex', 'ousted', 'deposed', 'toppled', 'late', 'then', 'exiled', 'detained', 'jailed']);
const ROLE_PREMODS = new Set(['acting', 'deputy', 'senior', 'top', 'interim', 'chief', 'military', 'transitional', 'current', 'new', 'outgoing', 'incoming', 'caretaker', 'assistant', 'principal', 'junta', 'rebel', 'army', 'defence', 'defense', 'foreign', 'ministry', 'government', 'state', 'press', 'presidential', 'special', 'junior', 'leading', 'prominent', 'veteran', 'human', 'rights', 'security', 'intelligence']);
/** Capitalised words that start sentences or headlines but never a name on their own. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'since', 'as', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'to', 'of',
  'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'sir',
  'however', 'meanwhile', 'also', 'yet', 'still', 'so', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'over', 'under', 'despite',
  'according', 'although', 'because', 'during', 'earlier', 'later', 'some', 'many', 'most', 'all', 'both', 'each', 'every', 'other', 'such', 'no', 'not',
  'what', 'who', 'why', 'how', 'where', 'which', 'whose', 'one', 'two', 'three', 'several', 'more', 'less', 'officials', 'president', 'minister',
  'ceo', 'cfo', 'gdp', 'tv', 'am', 'pm', 'ok', 'id', 'dna', 'aids', 'covid', 'covid-19', 'ap', 'et', 'gmt', 'utc', 'edt', 'est', 'pst', 'bst', 'cet',
  'north', 'south', 'east', 'west', 'western', 'eastern', 'northern', 'southern', 'central', 'government', 'army', 'police', 'ministry', 'state', 'states', 'council',
  'ethnic', 'internet', 'web', 'email', 'god', 'allah', 'islam', 'christian', 'muslim', 'jewish', 'christmas', 'ramadan', 'easter', 'eid',
]);

interface Ctx {
  doc: Doc;
  toks: Token[];
  norms: string[];
  lex: ActorLexicon;
  blocked: Uint8Array;
  /** the draft that first claimed a token (non-nested drafts only) */
  owner: (Draft | null)[];
  drafts: Draft[];
  /** sentences written in Title Case (headlines): form-based recognizers stay off there */
  titleCase: Uint8Array;
}

const CAP = /^\p{Lu}/u;
const LETTER = /\p{L}/u;
// called for most tokens by most passes: an ASCII fast path before the Unicode regex
function isCap(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAP.test(t.text);
}
function isWordCap(t: Token | undefined): boolean { return isCap(t) && (t!.text.charCodeAt(0) < 128 || LETTER.test(t!.text)); }
function startsWithLetter(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  if (c >= 97 && c <= 122) return true;
  return text.charCodeAt(0) >= 128 && /^\p{L}/u.test(text);
}
function isAllCapsWord(text: string): boolean { return /^[A-Z][A-Z0-9&.\-]*$/.test(text) && /[A-Z].*[A-Z]/.test(text); }

function claim(ctx: Ctx, d: Draft): Draft {
  ctx.drafts.push(d);
  if (!d.nested) for (let t = d.start; t < d.end; t++) ctx.owner[t] ??= d;
  return d;
}

function free(ctx: Ctx, s: number, e: number): boolean {
  for (let t = s; t < e; t++) if (ctx.owner[t] || ctx.blocked[t]) return false;
  return true;
}

function sameSentence(ctx: Ctx, a: number, b: number): boolean {
  return a >= 0 && b >= 0 && a < ctx.toks.length && b < ctx.toks.length && ctx.toks[a].sent === ctx.toks[b].sent;
}

function isLocative(ctx: Ctx, start: number): boolean {
  let k = start - 1;
  if (k >= 0 && ctx.norms[k] === 'the') k--;
  return k >= 0 && sameSentence(ctx, k, start) && LOCATIVE.has(ctx.norms[k]);
}

// ---------------------------------------------------------------- 1. lexicon

const US_STATE_CUES = new Set(['atlanta', 'savannah', 'county', 'gov.', 'governor', 'senator', 'sen.', 'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'gop', 'alabama', 'florida', 'tennessee', 'carolina', 'peach', 'bulldogs', 'tech', 'primary', 'voters', 'statehouse']);
const GEORGIA_COUNTRY_CUES = new Set(['tbilisi', 'georgian', 'georgians', 'abkhazia', 'ossetia', 'caucasus', 'kremlin', 'moscow', 'russia', 'eu', 'nato']);

function caseOk(form: SurfaceForm, toks: Token[], s: number): boolean {
  for (let k = 0; k < form.tokens.length; k++) {
    const ft = form.tokens[k];
    const tt = toks[s + k].text;
    if (!LETTER.test(ft)) continue;
    if (isAllCapsWord(ft) && ft.length <= 6) {
      // "US" never matches "us", "WHO" never "who"; dots may differ ("U.S." vs "US" are separate forms)
      if (tt !== ft) return false;
    } else if (CAP.test(ft)) {
      if (!CAP.test(tt)) return false;
    }
  }
  return true;
}

const PLACE_PREPS = new Set([...LOCATIVE, 'from', 'to', 'via', 'outside', 'near', 'between', 'and']);
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'capital', 'province', 'state', 'port', 'region', 'district', 'outskirts', 'suburb', 'suburbs', 'centre', 'center']);

/**
 * A gazetteer name is a place only where the text makes it one: "in Goma", "near Kharkiv",
 * "the town of Kidal", "Mobile, Alabama", "Kyiv-based", a dateline, or a city of a million people
 * standing alone ("Kharkiv was shelled"); never next to another name ("Jackson Pollock").
 */
function placeContext(ctx: Ctx, form: SurfaceForm, s: number, e: number): boolean {
  const { norms, toks } = ctx;
  const prev = norms[s - 1];
  const sameS = s > 0 && sameSentence(ctx, s - 1, s);
  if (sameS && isWordCap(toks[s - 1]) && toks[s - 1].pos === 'PROPN' && !ctx.titleCase[toks[s].sent]) return false;
  if (e < toks.length && sameSentence(ctx, s, e) && isWordCap(toks[e]) && toks[e].pos === 'PROPN' && !ctx.titleCase[toks[s].sent]) return false;
  if (sameS && PLACE_PREPS.has(prev ?? '')) {
    // "and" only continues a list of places: "in Goma and Bukavu"
    if (prev !== 'and') return true;
    const before = ctx.owner[s - 2];
    return !!before && (before.type === 'location' || before.type === 'country');
  }
  if (sameS && prev === 'of' && PLACE_NOUNS.has(norms[s - 2] ?? '')) return true;
  if (sameS && prev === ',' && ctx.owner[s - 2]?.type === 'location') return true; // "San Francisco, California"
  if (norms[e] === ',' && e + 1 < toks.length && ctx.lex.forms.longestAt(norms, e + 1, (f) => f.place === 'state' || ctx.lex.entities.get(f.key)?.type === 'country')) return true;
  if (norms[e] === '-' && norms[e + 1] === 'based') return true;
  if (norms[e] === "'s" || PLACE_NOUNS.has(norms[e] ?? '')) return form.place === 'state' || (form.population ?? 0) >= 500000;
  // a dateline: "KYIV, Ukraine (Reuters) -"
  if (ctx.doc.sentences[toks[s].sent]?.tokStart === s && norms[e] === ',' && toks[s].text === toks[s].text.toUpperCase()) return true;
  return (form.population ?? 0) >= 1000000;
}

function acceptForm(ctx: Ctx, form: SurfaceForm, s: number, e: number): boolean {
  for (let t = s; t < e; t++) if (ctx.blocked[t]) return false;
  if (!caseOk(form, ctx.toks, s)) return false;
  const prev = ctx.toks[s - 1];
  const next = ctx.toks[e];
  if (form.personName || form.usState) {
    // "Chad Smith", "Michael Jordan", "George Washington", "Washington state"
    if (next && sameSentence(ctx, s, e) && isWordCap(next) && next.pos === 'PROPN' && !ctx.titleCase[next.sent]) return false;
    if (prev && sameSentence(ctx, s - 1, s) && isWordCap(prev) && prev.pos === 'PROPN' && !ctx.titleCase[prev.sent] && !ctx.lex.titles.has(ctx.norms[s - 1])) return false;
    if (next && ctx.norms[e] === 'state') return false;
  }
  if (form.place && !placeContext(ctx, form, s, e)) return false;
  if (form.usState) {
    let us = 0; let country = 0;
    const lo = Math.max(0, s - 40); const hi = Math.min(ctx.toks.length, e + 40);
    for (let t = lo; t < hi; t++) {
      if (US_STATE_CUES.has(ctx.norms[t])) us++;
      if (GEORGIA_COUNTRY_CUES.has(ctx.norms[t])) country++;
    }
    if (us > country) return false;
  }
  return true;
}

function lexiconPass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  const accept = (f: SurfaceForm, s: number, e: number) => acceptForm(ctx, f, s, e);
  for (let i = 0; i < toks.length;) {
    if (ctx.blocked[i] || ctx.owner[i] || !lex.forms.startsWith(norms[i])) { i++; continue; }
    let m = lex.forms.longestAt(norms, i, accept);
    if (!m) { i++; continue; }
    // "The UN Security Council": a form that merely starts with "the" yields to a longer name after it
    if (norms[i] === 'the') {
      const inner = lex.forms.longestAt(norms, i + 1, accept);
      if (inner && inner.end > m.end) { i++; m = inner; }
    }
    let best = pickForm(m.values);
    // "in Tehran" is the city; "Tehran said" is Iran's government
    if (best.kind === 'capital' && isLocative(ctx, i)) best = m.values.find((v) => v.place === 'city') ?? best;
    const known = lex.entities.get(best.key)!;
    const ambiguous = m.values.some((v) => v.key !== best.key && v.priority === best.priority);
    const d: Draft = {
      start: i, end: m.end, kind: best.kind, rule: best.rule,
      confidence: ambiguous ? best.confidence * 0.8 : best.confidence,
      key: best.key, type: known.type, needsFull: best.needsFull,
      locative: isLocative(ctx, i),
    };
    // a capital as subject stands for the government ("Tehran denied"), not in "in Tehran"
    if (best.kind === 'capital' && !d.locative) d.sector = 'GOV';
    claim(ctx, d);
    if (m.end - i >= 3 && known.type !== 'country' && known.type !== 'location') placesInside(ctx, d);
    i = m.end;
  }
}

/**
 * Countries and regions named inside a longer name ("West African" in "Economic Community of West
 * African States", "United States" in "United States Air Force"): nested mentions of their own.
 */
function placesInside(ctx: Ctx, outer: Draft): void {
  for (let j = outer.start + 1; j < outer.end; j++) {
    const m = ctx.lex.forms.longestAt(ctx.norms, j, (f, s, e) => e <= outer.end && caseOk(f, ctx.toks, s));
    if (!m) continue;
    const f = pickForm(m.values);
    const known = ctx.lex.entities.get(f.key)!;
    if (known.type !== 'country' && known.type !== 'location') continue;
    claim(ctx, { start: j, end: m.end, kind: f.kind, rule: 'nested.in-name', confidence: 0.6, key: f.key, type: known.type, nested: true, inside: outer });
    j = m.end - 1;
  }
}

function pickForm(values: SurfaceForm[]): SurfaceForm {
  let best = values[0];
  for (const v of values) if (v.priority > best.priority) best = v;
  return best;
}

// ---------------------------------------------------------------- 1b. ethnic groups

/** Direction words between "in" and a country: "ethnic Albanians in southern Serbia". */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north-east', 'north-west', 'south-east', 'south-west']);

/**
 * "ethnic Albanians" are a group, not the state Albania: coded (as PLOVER/CAMEO code such actors)
 * with the country they live in when the phrase names it ("ethnic Albanians in south Serbia",
 * "ethnic Albanian guerrillas operating in Macedonia", "the Albanians of southern Serbia"),
 * otherwise left without a country rather than given the wrong one. A plural demonym without
 * "ethnic" keeps its country unless "of" + another country follows it directly ("Americans in
 * Iraq" are still Americans).
 */
/** The country named (not a demonym) by the mention starting at token `k`, or null. */
function countryNamedAt(ctx: Ctx, k: number): Draft | null {
  const o = ctx.owner[k];
  return o && o.start === k && o.type === 'country' && o.kind !== 'demonym' ? o : null;
}

/**
 * The country of the first "in COUNTRY" after the verb of the clause that starts at token `from`
 * (same clause: no comma, colon, relative or subordinator in between), or null.
 */
function clausePlace(ctx: Ctx, from: number): Draft | null {
  const { toks, norms } = ctx;
  let verb = false;
  for (let j = from; j < Math.min(toks.length, from + 12) && sameSentence(ctx, from, j); j++) {
    const n = norms[j];
    if (n === ',' || n === ';' || n === ':' || n === 'who' || n === 'which' || n === 'that' || toks[j].pos === 'SCONJ') return null;
    if (toks[j].pos === 'VERB') verb = true;
    if (n === 'in' && verb) return countryNamedAt(ctx, norms[j + 1] === 'the' ? j + 2 : j + 1);
  }
  return null;
}

function ethnicGroupPass(ctx: Ctx): void {
  const { toks, norms } = ctx;
  for (const d of [...ctx.drafts]) {
    if (d.kind !== 'demonym' || d.type !== 'country' || d.nested || d.dropped) continue;
    const ethnic = d.start > 0 && norms[d.start - 1] === 'ethnic' && sameSentence(ctx, d.start - 1, d.start) && !ctx.owner[d.start - 1];
    const plural = /s$/.test(toks[d.end - 1].text);
    let residence: Draft | null = null;
    // the head noun and a participle may stand between: "ethnic Albanian guerrillas operating in Macedonia"
    for (let j = d.end, steps = 0; j < toks.length && steps <= 3 && sameSentence(ctx, d.start, j); j++, steps++) {
      const n = norms[j];
      if (n === 'in' || (n === 'of' && j === d.end && plural)) {
        let k = j + 1;
        if (norms[k] === 'the') k++;
        // "in southern Serbia", but "in South Sudan" is one name
        if (DIRECTIONS.has(norms[k]) && !(ctx.owner[k]?.start === k)) k++;
        const o = countryNamedAt(ctx, k);
        if (o && o.key !== d.key) residence = o;
        break;
      }
      if (ethnic && /^\p{Ll}/u.test(toks[j].text) && (toks[j].pos === 'NOUN' || toks[j].pos === 'ADJ' || toks[j].pos === 'VERB')) continue;
      break;
    }
    // "ethnic Albanians demonstrated on Tuesday in Serbia": where the group's own clause takes place
    if (ethnic && !residence) residence = clausePlace(ctx, d.end);
    if (!ethnic && !(plural && residence && norms[d.end] === 'of')) continue;
    const start = ethnic ? d.start - 1 : d.start;
    const base = slugOf(ctx, d.start, d.end);
    d.kind = 'name';
    d.rule = 'group.ethnic';
    d.type = 'group';
    d.key = `group:ethnic-${base}${residence ? `-in-${residence.key?.split(':')[1]?.toLowerCase() ?? ''}` : ''}`;
    d.of = residence;
    d.start = start;
    d.confidence = 0.7;
    ctx.owner[start] = d;
  }
}

// ---------------------------------------------------------------- 2. acronyms

function isAcronymToken(t: Token | undefined): boolean {
  return !!t && /^[A-Z][A-Za-z0-9&\-]{1,11}$/.test(t.text) && (t.text.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** Walks back from `end` (exclusive) over a capitalised name run with connectors; returns its start or -1. */
function capRunBack(ctx: Ctx, end: number, allowClaimed: boolean, max = 14): number {
  let s = end;
  let start = -1;
  while (s - 1 >= 0 && end - (s - 1) <= max && sameSentence(ctx, s - 1, end - 1)) {
    const t = ctx.toks[s - 1];
    const own = ctx.owner[s - 1];
    if (ctx.blocked[s - 1]) break;
    if (own && !(allowClaimed && (own.type === 'country' || own.type === 'location'))) break;
    if (isWordCap(t) || own) { s--; start = s; continue; }
    // "… for the Safeguard of the Homeland": connectors, as long as a capitalised word precedes them
    if (CONNECTORS.has(ctx.norms[s - 1]) || t.text === '-' || ctx.norms[s - 1] === "'s") { s--; continue; }
    break;
  }
  if (start < 0) return -1;
  // a sentence-initial "The" belongs to the sentence, not to the name
  while (start < end && (ctx.norms[start] === 'the' || CONNECTORS.has(ctx.norms[start]))) start++;
  return start < end ? start : -1;
}

function orgShape(ctx: Ctx, s: number, e: number): { sector: string | null; type: 'organization' | 'group' } | null {
  let found: { sector: string | null; type: 'organization' | 'group' } | null = null;
  for (let t = s; t < e; t++) {
    if (!isWordCap(ctx.toks[t])) continue;
    const w = ctx.lex.orgWords.get(ctx.norms[t]);
    if (w) found = w; // the last organisation word is the head ("Council" in "National Council for …")
  }
  return found;
}

function innerCountry(ctx: Ctx, s: number, e: number): Draft | null {
  for (let t = s; t < e; t++) {
    const o = ctx.owner[t];
    if (o && o.type === 'country') return o;
  }
  return null;
}

function slugOf(ctx: Ctx, s: number, e: number): string {
  return slug(ctx.doc.text.slice(ctx.toks[s].start, ctx.toks[e - 1].end).replace(/^the\s+/i, ''));
}

function acronymPass(ctx: Ctx): void {
  const { toks, norms } = ctx;
  const defined = new Map<string, Draft>();
  for (let i = 1; i + 2 < toks.length; i++) {
    if (norms[i] !== '(' || norms[i + 2] !== ')' || !isAcronymToken(toks[i + 1])) continue;
    if (ctx.blocked[i + 1]) continue;
    const acr = toks[i + 1].text;
    let def: Draft | null = null;
    const before = ctx.owner[i - 1];
    if (before && before.end === i && before.key) {
      def = before;
    } else {
      const s = capRunBack(ctx, i, true);
      if (s < 0 || i - s < 2) continue;
      const shape = orgShape(ctx, s, i);
      // a definition names an organisation: without an organisation word, accept it only when the
      // initials match the capitalised words ("Maintenance, Repair and Overhaul (MRO)" is a thing, not an actor)
      if (ctx.lex.nonActorHeads.has(ctx.norms[i - 1])) continue;
      let capWords = 0;
      for (let t = s; t < i; t++) if (isWordCap(toks[t])) capWords++;
      if (!shape && !initialsMatch(ctx, s, i, acr) && capWords < 2) continue;
      const inner = innerCountry(ctx, s, i);
      def = claim(ctx, {
        start: s, end: i, kind: 'name', rule: 'org.acronym-definition', confidence: 0.85,
        key: `org:${slugOf(ctx, s, i)}`, type: shape?.type ?? 'organization', sector: shape?.sector ?? null,
        of: inner,
      });
      // the inner country mention ("Swiss" in "Swiss National Bank (SNB)") stays, nested
      for (let t = s; t < i; t++) ctx.owner[t] = def;
      if (inner) inner.nested = true;
    }
    const prior = ctx.owner[i + 1];
    if (!prior || prior.key !== def.key) {
      if (prior) prior.dropped = true;
      ctx.owner[i + 1] = null;
      claim(ctx, { start: i + 1, end: i + 2, kind: 'acronym', rule: 'acronym.definition', confidence: 0.9, key: def.key, type: def.type, sector: def.sector });
    }
    defined.set(acr, def);
  }
  if (!defined.size) return;
  // every other use of a defined acronym refers to the definition, even where the lexicon said otherwise
  for (let i = 0; i < toks.length; i++) {
    const def = defined.get(toks[i].text);
    if (!def || ctx.blocked[i]) continue;
    const own = ctx.owner[i];
    if (own && own.key === def.key) continue;
    if (own && (own.start !== i || own.end !== i + 1)) continue;
    if (own) own.dropped = true;
    ctx.owner[i] = null;
    claim(ctx, { start: i, end: i + 1, kind: 'acronym', rule: 'acronym.defined', confidence: 0.9, key: def.key, type: def.type, sector: def.sector, locative: isLocative(ctx, i) });
  }
}

function initialsMatch(ctx: Ctx, s: number, e: number, acr: string): boolean {
  let initials = '';
  for (let t = s; t < e; t++) if (isWordCap(ctx.toks[t])) initials += ctx.toks[t].text[0];
  const a = acr.replace(/[^A-Z]/g, '');
  return a.length >= 2 && (initials.startsWith(a) || initials.endsWith(a) || initials === a);
}

// ---------------------------------------------------------------- 3. persons

/** A person name run starting at `i`: capitalised words, particles and hyphens; returns its end or -1. */
function nameRun(ctx: Ctx, i: number, max = 5): number {
  const { toks, norms } = ctx;
  let e = i;
  let words = 0;
  while (e < toks.length && words < max && sameSentence(ctx, i, e) && !ctx.blocked[e]) {
    const t = toks[e];
    const own = ctx.owner[e];
    if (own && own.type !== 'person') break;
    if (isWordCap(t) && !ctx.lex.reportingVerbs.has(norms[e]) && !NOT_NAMES.has(norms[e]) && !ctx.lex.orgWords.has(norms[e])) {
      e++; words++; continue;
    }
    // "Hamad bin Khalifa al-Thani": a particle hyphenated to the next name word
    if (words > 0 && PARTICLES.has(norms[e]) && toks[e + 1]?.text === '-' && isWordCap(toks[e + 2]) && toks[e + 1].start === t.end && !ctx.owner[e + 2] && sameSentence(ctx, e, e + 2)) {
      e += 3; words++; continue;
    }
    // "Abdel Fattah al-Burhan", "Kim Jong-un", "Michael O'Leary"
    if (words > 0 && (PARTICLES.has(norms[e]) || t.text === '-') && e + 1 < toks.length && (isWordCap(toks[e + 1]) || (t.text === '-' && /^\p{Ll}+$/u.test(toks[e + 1].text) && toks[e + 1].start === t.end))) {
      e += 2; words++; continue;
    }
    break;
  }
  return words ? e : -1;
}

function skipTitles(ctx: Ctx, j: number): { end: number; sector: string | null } {
  let sector: string | null = null;
  while (j < ctx.toks.length) {
    const n = ctx.norms[j];
    if (!ctx.lex.titles.has(n) || !isCap(ctx.toks[j])) break;
    sector ??= ctx.lex.titles.get(n) ?? null;
    j++;
    if (ctx.norms[j] === '.' && ctx.toks[j].start === ctx.toks[j - 1].end) j++;
  }
  return { end: j, sector };
}

/**
 * The actor just before a role: "Pentagon spokeswoman", "Niger's former President", "Russian
 * Foreign Minister"; an unknown capitalised name there is an organisation ("Uralsib analyst …").
 */
function affiliationBefore(ctx: Ctx, roleStart: number): { of: Draft | null; former: boolean } {
  let k = roleStart - 1;
  let former = false;
  while (k >= 0 && sameSentence(ctx, k, roleStart) && !ctx.owner[k] && (FORMER.has(ctx.norms[k]) || ROLE_PREMODS.has(ctx.norms[k]) || ctx.norms[k] === '-')) {
    if (FORMER.has(ctx.norms[k])) former = true;
    k--;
  }
  if (k >= 0 && (ctx.norms[k] === "'s" || ctx.norms[k] === "'")) k--;
  if (k < 0 || !sameSentence(ctx, k, roleStart)) return { of: null, former };
  const own = ctx.owner[k];
  if (own && own.end === k + 1 && own.type !== 'person' && own.type !== 'location') return { of: own, former };
  if (!own && !ctx.blocked[k] && isWordCap(ctx.toks[k]) && !NOT_NAMES.has(ctx.norms[k])) {
    // "Quatar's emir": a misspelt country is still the country
    const misspelt = misspelledCountry(ctx.lex, ctx.toks[k].text);
    if (misspelt && (k === 0 || !isWordCap(ctx.toks[k - 1]) || k === sentenceStart(ctx, k))) {
      return { of: claim(ctx, { start: k, end: k + 1, kind: 'name', rule: 'country.misspelled', confidence: 0.6, key: misspelt, type: 'country' }), former };
    }
    let s = k;
    while (s - 1 >= 0 && sameSentence(ctx, s - 1, k) && !ctx.owner[s - 1] && !ctx.blocked[s - 1] && isWordCap(ctx.toks[s - 1]) && !NOT_NAMES.has(ctx.norms[s - 1]) && k - s < 4) s--;
    let propn = false;
    for (let t = s; t <= k; t++) if (ctx.toks[t].pos === 'PROPN') propn = true;
    if (!propn || (s === sentenceStart(ctx, s) && s === k && ctx.toks[s].pos !== 'PROPN')) return { of: null, former };
    const shape = orgShape(ctx, s, k + 1);
    const d = claim(ctx, {
      start: s, end: k + 1, kind: isAllCapsWord(ctx.toks[s].text) && s === k ? 'acronym' : 'name', rule: 'org.before-role', confidence: 0.6,
      key: `org:${slugOf(ctx, s, k + 1)}`, type: shape?.type ?? 'organization', sector: shape?.sector ?? null,
    });
    return { of: d, former };
  }
  return { of: null, former };
}

function personDraft(ctx: Ctx, s: number, e: number, rule: string, confidence: number): Draft {
  // the lexicon may already know the person ("Vladimir Putin"): enrich that mention
  const own = ctx.owner[s];
  if (own && own.type === 'person' && own.start === s && own.end === e) return own;
  return claim(ctx, { start: s, end: e, kind: 'name', rule, confidence, key: `person:${slugOf(ctx, s, e)}`, type: 'person' });
}

function personPass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.blocked[i] || ctx.titleCase[toks[i].sent]) continue;
    if (ctx.owner[i] && ctx.owner[i]!.type !== 'person') continue;
    // role + titles + name: "Pentagon spokeswoman Sabrina Singh", "CNSP spokesman Col. Maj. Amadou Abdramane"
    const role = lex.roles.startsWith(norms[i]) ? lex.roles.longestAt(norms, i, ACCEPT_ALL) : null;
    if (role && !ctx.owner[i]) {
      // "Russia's foreign minister, Sergei Lavrov, said": the name after a comma
      const comma = norms[role.end] === ',' && isWordCap(toks[role.end + 1]) ? 1 : 0;
      const t = skipTitles(ctx, role.end + comma);
      // "Qatar's emir, Sheikh Hamad …": a capitalised role word after the comma is a title
      if (comma && isCap(toks[t.end]) && !ctx.owner[t.end]) {
        const again = lex.roles.longestAt(norms, t.end, ACCEPT_ALL);
        if (again) t.end = again.end;
      }
      let e = nameRun(ctx, t.end);
      if (comma && e > 0 && e - t.end < 2 && !lex.titles.has(norms[role.end + 1])) e = -1;
      if (e > 0) {
        const aff = affiliationBefore(ctx, i);
        const r = role.values[0];
        const d = personDraft(ctx, t.end, e, 'person.role-name', 0.85);
        d.role ??= r.role;
        d.sector ??= r.sector;
        d.titleSector ??= t.sector;
        d.of ??= aff.of;
        d.former ||= aff.former;
        i = e - 1;
        continue;
      }
    }
    // title + name: "Gen. Abdourahamane Tiani", "Mr. Putin"
    const n = norms[i];
    if (lex.titles.has(n) && isCap(toks[i]) && !ctx.owner[i]) {
      const t = skipTitles(ctx, i);
      const e = nameRun(ctx, t.end);
      if (e > 0) {
        const aff = affiliationBefore(ctx, i);
        const d = personDraft(ctx, t.end, e, 'person.title-name', 0.8);
        d.titleSector ??= t.sector;
        d.of ??= aff.of;
        d.former ||= aff.former;
        i = e - 1;
        continue;
      }
    }
  }
  // name + reporting verb: "Paul Nesbit said", "according to Jane Roe"
  for (let i = 0; i < toks.length; i++) {
    if (ctx.owner[i] || ctx.blocked[i] || ctx.titleCase[toks[i].sent] || !isWordCap(toks[i]) || NOT_NAMES.has(norms[i])) continue;
    if (i > 0 && isWordCap(toks[i - 1]) && sameSentence(ctx, i - 1, i) && !NOT_NAMES.has(norms[i - 1]) && i - 1 !== sentenceStart(ctx, i)) continue;
    const e = nameRun(ctx, i, 4);
    if (e < 0 || e - i < 2 || orgShape(ctx, i, e)) continue;
    // "British Foreign Secretary Jack Straw said": the run may not swallow a person already named
    // inside it (the role pass claimed "Jack Straw"), nor start with a role word
    if (!free(ctx, i, e) || lex.roles.longestAt(norms, i, ACCEPT_ALL)) continue;
    const after = norms[e] === ',' ? e + 1 : e;
    const cue = lex.reportingVerbs.has(norms[e]) || (norms[after] === 'who' && lex.reportingVerbs.has(norms[after + 1]))
      || (norms[i - 1] === 'to' && norms[i - 2] === 'according');
    if (!cue) continue;
    personDraft(ctx, i, e, 'person.reporting-verb', 0.7);
    i = e - 1;
  }
}

/**
 * A titled person the lexicon does not know by this spelling ("President Mahamad Kuyate") may be
 * a known person spelled another way (src/entities/person-variants.ts): then it takes that key,
 * so the known person's family name alone is kept elsewhere in the article.
 */
function knownVariantPass(ctx: Ctx): void {
  for (const d of ctx.drafts) {
    if (d.type !== 'person' || d.dropped || (d.rule !== 'person.role-name' && d.rule !== 'person.title-name')) continue;
    if (!d.key || ctx.lex.entities.has(d.key)) continue;
    const name = ctx.doc.text.slice(ctx.toks[d.start].start, ctx.toks[d.end - 1].end);
    const owner = d.of?.type === 'country' && d.of.key ? ctx.lex.entities.get(d.of.key)?.code ?? null : null;
    if (d.end - d.start === 1) {
      // "President Bush": a family name alone that the lexicon gives to more than one person
      // (George H. W. and George W. Bush) names no one person, but may name one country
      d.country = familyCountry(ctx.lex, name, d.role ?? null);
      continue;
    }
    const known = knownVariant(ctx.lex, name, d.role ?? null, owner);
    if (!known) {
      // "President George Bush": two known persons fit, both of one country
      if (!owner) d.country = variantsCountry(ctx.lex, name, d.role ?? null);
      continue;
    }
    d.key = known.key;
    d.rule = 'person.known-variant';
  }
}

function sentenceStart(ctx: Ctx, t: number): number {
  return ctx.doc.sentences[ctx.toks[t].sent]?.tokStart ?? 0;
}

// ---------------------------------------------------------------- 4. organisations and facilities by form

const FACILITY_HEADS: string[][] = [
  ['air', 'base'], ['airbase'], ['air', 'field'], ['airfield'], ['naval', 'base'], ['military', 'base'], ['base'],
  ['nuclear', 'power', 'plant'], ['nuclear', 'plant'], ['power', 'plant'], ['dam'], ['airport'], ['refinery'],
];
const FACILITY_PREFIX = new Set(['camp', 'fort']);
const FACILITY_FIRST = new Set([...FACILITY_HEADS.map((h) => h[0]), ...FACILITY_PREFIX]);

function facilityPass(ctx: Ctx): void {
  const { toks, norms } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.blocked[i] || !FACILITY_FIRST.has(norms[i])) continue;
    // "Air Base 201": a capitalised facility head with a number
    if (norms[i] === 'air' && norms[i + 1] === 'base' && isCap(toks[i]) && toks[i + 2]?.pos === 'NUM' && free(ctx, i, i + 3)) {
      claim(ctx, { start: i, end: i + 3, kind: 'name', rule: 'facility.numbered', confidence: 0.85, key: `facility:${slugOf(ctx, i, i + 3)}`, type: 'facility', locative: isLocative(ctx, i) });
      i += 2; continue;
    }
    // "Camp Lemonnier", "Fort Bragg"
    if (FACILITY_PREFIX.has(norms[i]) && isCap(toks[i]) && !ctx.titleCase[toks[i].sent]) {
      const e = nameRun(ctx, i + 1, 3);
      if (e > 0 && free(ctx, i, e)) {
        claim(ctx, { start: i, end: e, kind: 'name', rule: 'facility.prefixed', confidence: 0.8, key: `facility:${slugOf(ctx, i, e)}`, type: 'facility', locative: isLocative(ctx, i) });
        i = e - 1; continue;
      }
    }
    // "Al Udeid Air Base", "Zaporizhzhia nuclear power plant"
    for (const head of FACILITY_HEADS) {
      if (!head.every((h, k) => norms[i + k] === h)) continue;
      const lower = !isCap(toks[i]);
      // a lower-case head needs a name before it that is not a country ("the Niger dam" is not a facility name)
      const s = capRunBack(ctx, i, false, 4);
      if (s < 0 || ctx.titleCase[toks[i].sent]) break;
      if (lower && head.length === 1 && head[0] === 'base') break;
      const e = i + head.length;
      if (!free(ctx, s, e)) break;
      claim(ctx, { start: s, end: e, kind: 'name', rule: 'facility.headed', confidence: 0.75, key: `facility:${slugOf(ctx, s, e)}`, type: 'facility', locative: isLocative(ctx, s) });
      i = e - 1;
      break;
    }
  }
}

function orgPass(ctx: Ctx): void {
  const { toks, norms } = ctx;
  const nameWord = (t: number) => isWordCap(toks[t]) && !ctx.lex.reportingVerbs.has(norms[t]) && (!NOT_NAMES.has(norms[t]) || ctx.lex.orgWords.has(norms[t]));
  for (let i = 0; i < toks.length; i++) {
    if (ctx.blocked[i] || ctx.titleCase[toks[i].sent] || !isWordCap(toks[i])) continue;
    const first = ctx.owner[i];
    // a run may start with a country ("Swiss National Bank", "U.S. Department of Labor")
    if (first && !(first.type === 'country' && first.start === i && !ctx.owner[first.end] && !ctx.blocked[first.end] && nameWord(first.end))) continue;
    // forward capitalised run with connectors, absorbing inner country mentions ("Bank of Canada")
    let e = i;
    let last = i;
    while (e < toks.length && sameSentence(ctx, i, e) && !ctx.blocked[e]) {
      const own = ctx.owner[e];
      if (own && own.type === 'country' && own.start === e) { e = own.end; last = e; continue; }
      if (own) break;
      if (nameWord(e)) { e++; last = e; continue; }
      if ((CONNECTORS.has(norms[e]) || toks[e].text === '-') && e + 1 < toks.length && (nameWord(e + 1) || ctx.owner[e + 1]?.type === 'country') && !ctx.blocked[e + 1]) { e++; continue; }
      break;
    }
    e = last;
    let s = i;
    while (s < e && (norms[s] === 'the' || NOT_NAMES.has(norms[s]) && !ctx.lex.orgWords.has(norms[s]))) s++;
    if (e - s < 2) { i = Math.max(i, e - 1); continue; }
    const shape = orgShape(ctx, s, e);
    if (!shape) { i = e - 1; continue; }
    const inner = innerCountry(ctx, s, e);
    const d = claim(ctx, {
      start: s, end: e, kind: 'name', rule: 'org.shape', confidence: 0.7,
      key: `org:${slugOf(ctx, s, e)}`, type: shape.type, sector: shape.sector, of: inner,
      locative: isLocative(ctx, s),
    });
    for (let t = s; t < e; t++) ctx.owner[t] = d;
    if (inner) inner.nested = true;
    i = e - 1;
  }
}

// ---------------------------------------------------------------- 4b. religious, ideological, ethnic groups

/**
 * "Islamic fundamentalists", "Muslim hackers", "Maoist rebels": a group actor with no country
 * (data/actors/descriptors.json groupAdjectives + groupNouns), so the event keeps a participant
 * and no bogus organisation ("Islamic") or wrong country is read. A country is given only by the
 * phrase itself ("Kurdish rebels in Syria").
 */
function ideologyGroupPass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (ctx.owner[i] || ctx.blocked[i] || !isCap(toks[i]) || !lex.groupAdjectives.has(norms[i]) || ctx.titleCase[toks[i].sent]) continue;
    let e = i + 1;
    // one lower-case modifier may stand between: "Islamic militant groups", "Tamil separatist rebels"
    if (!lex.groupNouns.has(norms[e]) && /^\p{Ll}/u.test(toks[e]?.text ?? '') && lex.groupNouns.has(norms[e + 1])) e++;
    if (!lex.groupNouns.has(norms[e]) || ctx.owner[e] || ctx.blocked[e] || !/^\p{Ll}/u.test(toks[e].text) || !sameSentence(ctx, i, e)) continue;
    let of: Draft | null = null;
    if (norms[e + 1] === 'in' || norms[e + 1] === 'of') {
      const o = ctx.owner[e + 2];
      if (o && o.start === e + 2 && o.type === 'country' && o.kind !== 'demonym') of = o;
    }
    const d = claim(ctx, {
      start: i, end: e + 1, kind: 'name', rule: 'group.adjective-noun', confidence: 0.6,
      key: `group:${slugOf(ctx, i, e + 1)}${of ? `-in-${of.key?.split(':')[1]?.toLowerCase() ?? ''}` : ''}`, type: 'group', of,
    });
    for (let t = i; t <= e; t++) ctx.owner[t] = d;
    i = e;
  }
}

// ---------------------------------------------------------------- 5. unknown capitalised names

function isLowerWord(t: Token | undefined): boolean {
  return !!t && /^[a-z]/.test(t.text);
}

/** Endings of English adjectives (a sentence-initial capital before a noun is then no name). */
const ADJECTIVE_ENDING = /(?:ic|al|ous|ive|ful|less|ent|ant|ary|ed|an)$/;

function fallbackPass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (ctx.blocked[i] || ctx.owner[i] || ctx.titleCase[t.sent] || !isWordCap(t) || NOT_NAMES.has(norms[i])) continue;
    if (lex.roles.longestAt(norms, i, ACCEPT_ALL) || lex.titles.has(norms[i])) continue;
    const atStart = i === sentenceStart(ctx, i) || norms[i - 1] === '"' || norms[i - 1] === '(' || norms[i - 1] === '“';
    let e = i;
    while (e < toks.length && sameSentence(ctx, i, e) && !ctx.owner[e] && !ctx.blocked[e] && isWordCap(toks[e]) && !NOT_NAMES.has(norms[e]) && !lex.reportingVerbs.has(norms[e])) e++;
    // "Wal-Mart", "Coca-Cola": hyphenated capitalised words
    while (e + 1 < toks.length && toks[e]?.text === '-' && isWordCap(toks[e + 1]) && !ctx.owner[e + 1] && !ctx.owner[e]) e += 2;
    if (e === i) continue;
    // a sentence-initial common word ("Officials", "Fighting") is not a name: wink tags it as such
    if (atStart && e - i === 1 && t.pos !== 'PROPN') continue;
    // wink tags some sentence-initial common words as PROPN ("Demonstrators in …", "Angry activists",
    // "Hundreds of …"); a lone capitalised word opening a sentence and followed by a lower-case noun,
    // number or preposition is read as one (a name as subject is followed by its verb; "Airbus parent …"
    // and "Apple launches …" keep theirs)
    if (atStart && e - i === 1 && isLowerWord(toks[e]) && ['ADP', 'NUM', 'CCONJ'].includes(toks[e].pos) && norms[e] !== 'to') continue;
    // … and one with an adjective's ending before a lower-case noun is an adjective: "Human rights
    // organization X", "Islamic fundamentalists", "Recent attacks", "Ethnic Serbs" ("Airbus parent"
    // and "Apple launches" have no such ending)
    if (atStart && e - i === 1 && isLowerWord(toks[e]) && (toks[e].pos === 'NOUN' || toks[e].pos === 'ADJ') && ADJECTIVE_ENDING.test(norms[i])) continue;
    // mid-sentence, a capital is a name whatever the tagger says ("Chrysler, Ford, and …")
    if (atStart && e - i > 1 && t.pos !== 'PROPN' && toks[i + 1].pos !== 'PROPN') continue;
    const allCaps = e - i === 1 && isAllCapsWord(t.text);
    const next = norms[e];
    // "the Bush administration": a family name of known leaders, all of one country
    const leaderCountry = e - i === 1 && !allCaps && LEADER_GOVERNMENT.has(next) ? familyCountry(lex, t.text, null) : null;
    // "Ethopia has agreed", "Quatar's emir": a country name one letter off
    const misspelt = e - i === 1 && !allCaps ? misspelledCountry(lex, t.text) : null;
    if (misspelt) {
      claim(ctx, { start: i, end: e, kind: 'name', rule: 'country.misspelled', confidence: 0.6, key: misspelt, type: 'country', locative: isLocative(ctx, i) });
      continue;
    }
    if (leaderCountry) {
      claim(ctx, { start: i, end: e, kind: 'name', rule: 'person.family-name-government', confidence: 0.7, key: `person:${slugOf(ctx, i, e)}`, type: 'person', country: leaderCountry });
      continue;
    }
    let type: EntityType = 'organization';
    let confidence = 0.45;
    if (e - i >= 2 && e - i <= 4 && !allCaps) { type = 'person'; confidence = 0.5; }
    if (e - i === 1 && !allCaps && LOCATIVE.has(norms[i - 1] ?? '')) { type = 'location'; confidence = 0.45; }
    if (type === 'person' && lex.reportingVerbs.has(next)) confidence = 0.65;
    // "Apple Computer CEO and co-founder …": a name before a role is the body the role belongs to
    if (type === 'person' && lex.roles.longestAt(norms, e, ACCEPT_ALL)) { type = 'organization'; confidence = 0.55; }
    claim(ctx, {
      start: i, end: e, kind: allCaps ? 'acronym' : 'name', rule: `proper.unknown-${type}`, confidence,
      key: `${type === 'person' ? 'person' : type === 'location' ? 'place' : 'org'}:${slugOf(ctx, i, e)}`, type,
      locative: isLocative(ctx, i),
    });
    i = e - 1;
  }
}

// ---------------------------------------------------------------- 6. short forms

/** "the Obama administration", "the Bush government": a leader's family name before these names that leader. */
const LEADER_GOVERNMENT = new Set(['administration', 'government', 'cabinet']);

function shortPass(ctx: Ctx, withUnknown: boolean): void {
  const { toks } = ctx;
  // family names of persons named in full; first words of multi-word unknown organisations ("Northrop")
  const persons = new Map<string, Draft>();
  const orgs = new Map<string, Draft>();
  for (const d of ctx.drafts) {
    if (d.dropped || d.kind !== 'name' || d.end - d.start < 2) continue;
    if (d.type === 'person') persons.set(toks[d.end - 1].text, d);
    else if (withUnknown && d.type === 'organization' && d.rule.startsWith('proper.')) orgs.set(toks[d.start].text, d);
  }
  for (let i = 0; i < toks.length; i++) {
    if (ctx.owner[i] || ctx.blocked[i] || !isWordCap(toks[i])) continue;
    const p = persons.get(toks[i].text);
    const o = p ? null : orgs.get(toks[i].text);
    const full = p ?? o;
    if (!full) continue;
    if (isWordCap(toks[i + 1]) && sameSentence(ctx, i, i + 1) && !ctx.owner[i + 1] && toks[i + 1].pos === 'PROPN') continue;
    // "Steve Jobs" again in full: the fallback names it, with the same key
    if (i > 0 && isWordCap(toks[i - 1]) && sameSentence(ctx, i - 1, i) && !ctx.owner[i - 1] && !NOT_NAMES.has(ctx.norms[i - 1]) && i - 1 !== sentenceStart(ctx, i)) continue;
    claim(ctx, { start: i, end: i + 1, kind: 'short', rule: p ? 'person.short' : 'org.short', confidence: 0.75, key: full.key, type: full.type });
  }
  // a lexicon family name alone ("Lavrov") needs the full name somewhere in the article
  const fullKeys = new Set(ctx.drafts.filter((d) => !d.dropped && d.kind === 'name' && d.type === 'person').map((d) => d.key));
  for (const d of ctx.drafts) {
    if (d.needsFull && !fullKeys.has(d.key) && !d.dropped) {
      // "former President Jean Ndayishimiye … Ndayishimiye fled": the family name belongs to the
      // person this article names in full, not to the lexicon's namesake
      const full = persons.get(toks[d.end - 1].text);
      if (full && full.key !== d.key) {
        if (full.start <= d.start && d.end <= full.end) d.dropped = true;
        else { d.key = full.key; d.rule = 'person.short'; d.needsFull = false; }
        continue;
      }
      const prev = ctx.norms[d.start - 1] ?? '';
      if (!ctx.lex.titles.has(prev) && !ctx.lex.roles.longestAt(ctx.norms, Math.max(0, d.start - 1), ACCEPT_ALL) && !LEADER_GOVERNMENT.has(ctx.norms[d.end])) d.dropped = true;
    }
  }
}

// ---------------------------------------------------------------- 7. descriptors and pronouns

const PRONOUNS = new Set(['it', 'its', 'they', 'their', 'them']);
const EXPLETIVE_NEXT = new Set(['clear', 'unclear', 'likely', 'unlikely', 'possible', 'impossible', 'expected', 'reported', 'said', 'believed', 'thought', 'time', 'important', 'necessary', 'true', 'understood', 'feared', 'hoped', 'known', 'estimated', 'raining', 'difficult', 'easy', 'hard', 'too', 'worth', 'up', 'not']);

function descriptorPass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.blocked[i]) continue;
    if (ctx.owner[i]) continue;
    if (PRONOUNS.has(norms[i])) {
      // expletive "it": "it is not clear", "it was reported"
      if (norms[i] === 'it') {
        const n1 = norms[i + 1]; const n2 = norms[i + 2];
        if ((n1 === 'is' || n1 === 'was' || n1 === "'s" || n1 === 'will' || n1 === 'would' || n1 === 'has' || n1 === 'had') && (EXPLETIVE_NEXT.has(n2) || (n2 === 'been' && EXPLETIVE_NEXT.has(norms[i + 3])) || n2 === 'that')) continue;
        if (n1 === 'seems' || n1 === 'appears' || n1 === 'emerged' || n1 === 'remains' || n1 === 'takes' || n1 === 'took') continue;
      }
      claim(ctx, { start: i, end: i + 1, kind: 'pronoun', rule: `pronoun.${norms[i]}`, confidence: 0.6, key: null, type: null, nested: true });
      continue;
    }
    if (!lex.descriptors.startsWith(norms[i])) continue;
    const head = lex.descriptors.longestAt(norms, i, (_h, s, e) => {
      // lower case, or a plural head opening the sentence ("Demonstrators in Baghdad blocked …")
      for (let t = s; t < e; t++) if (ctx.owner[t] || !(/^\p{Ll}/u.test(toks[t].text) || (t === s && t === sentenceStart(ctx, t) && e - s === 1 && /s$/.test(norms[t])))) return false;
      return true;
    });
    if (!head) continue;
    const h = head.values[0];
    const he = head.end;
    // "government forces", "army chief", "military ties": the head is only a modifier here
    if (norms[he] === '-' || (norms[he] && lex.descriptors.longestAt(norms, he, ACCEPT_ALL))) continue;
    if (toks[he] && toks[he].pos === 'NOUN' && /^\p{Ll}/u.test(toks[he].text) && sameSentence(ctx, i, he)) continue;
    let s = i;
    // premodifiers: "military-led", "transitional", "senior"
    while (s - 1 >= 0 && sameSentence(ctx, s - 1, i) && !ctx.owner[s - 1]) {
      const k = s - 1;
      const lower = /^\p{Ll}/u.test(toks[k].text);
      const ok = lex.premodifiers.has(norms[k]) || norms[k] === '-' || (lower && toks[k].pos === 'ADJ')
        // "military-led": both halves of a hyphenated modifier
        || (lower && (norms[k - 1] === '-' || norms[k + 1] === '-'));
      if (!ok) break;
      s--;
    }
    let of: Draft | null = null;
    let det = false;
    const k = s - 1;
    if (k >= 0 && sameSentence(ctx, k, i)) {
      if ((norms[k] === "'s" || norms[k] === "'") && k - 1 >= 0) {
        // "Niger's army", "the country's government"
        const o = ctx.owner[k - 1] ?? ctx.drafts.find((d) => d.kind === 'descriptor' && d.end === k && !d.dropped) ?? null;
        // a person owns only a government ("Biden's administration"), not its troops or people
        if (o && o.end === k && (o.type !== 'person' || h.target === 'government')) { of = o; s = o.start; }
      } else if (ctx.owner[k] && ctx.owner[k]!.end === s && (ctx.owner[k]!.type === 'country' || ctx.owner[k]!.type === 'organization' || ctx.owner[k]!.type === 'group' || (ctx.owner[k]!.type === 'person' && h.target === 'government'))) {
        // "Nigerien officials", "US forces", "Pentagon officials"
        of = ctx.owner[k]!; s = of.start;
        if (s - 1 >= 0 && (norms[s - 1] === 'the' || lex.determiners.has(norms[s - 1]))) s--;
      } else if (lex.determiners.has(norms[k]) || (norms[k] === 'its' || norms[k] === 'their')) {
        det = true;
        if (norms[k] === 'its' || norms[k] === 'their') {
          const p = ctx.drafts.find((d) => d.kind === 'pronoun' && d.start === k && !d.dropped) ?? null;
          of = p;
        }
        s = k;
      }
    }
    // a bare singular head ("government forces", "army") without determiner or owner is too vague
    const plural = /s$/.test(norms[he - 1]) || norms[he - 1] === 'police' || norms[he - 1] === 'people';
    if (!of && !det && !plural) continue;
    // "a country", "a government": indefinite → not a reference to a known actor
    if (!of && (norms[s] === 'a' || norms[s] === 'an')) continue;
    const d = claim(ctx, {
      start: s, end: he, kind: 'descriptor', rule: `descriptor.${h.target}`, confidence: of ? 0.75 : 0.55,
      key: null, type: null, sector: h.sector, role: h.head, of, target: h.target, nested: true,
      locative: isLocative(ctx, s),
    });
    for (let t = i; t < he; t++) ctx.owner[t] ??= d;
    i = he - 1;
  }
}

/**
 * An office named without its holder: "Norway's foreign minister said", "the Dutch defence
 * minister", "Cairo's security chief", "Pentagon spokesman" stand for the country (or body) that
 * owns the office, in the office's sector. Without an owner the office is left alone ("the
 * minister said"); with a name after it, it is that person's role (the person pass).
 */
function officeHolderPass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.blocked[i] || ctx.owner[i] || !/^\p{Ll}/u.test(toks[i].text) || !lex.roles.startsWith(norms[i])) continue;
    const role = lex.roles.longestAt(norms, i, (_r, s, e) => {
      for (let t = s; t < e; t++) if (ctx.owner[t] || ctx.blocked[t] || !/^\p{Ll}/u.test(toks[t].text)) return false;
      return true;
    });
    if (!role) continue;
    const re = role.end;
    const next = toks[re];
    if (next && sameSentence(ctx, i, re)) {
      // a name follows ("foreign minister Dubem Oniya", "minister, Sergei Lavrov,"), or the role word
      // is a modifier ("general election", "head office", "chief-of-staff")
      if (isWordCap(next) || (norms[re] === ',' && isWordCap(toks[re + 1]) && toks[re + 1].pos === 'PROPN') || norms[re] === '-') continue;
      if (next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text)) continue;
    }
    let s = i;
    while (s - 1 >= 0 && sameSentence(ctx, s - 1, i) && !ctx.owner[s - 1] && ROLE_PREMODS.has(norms[s - 1]) && /^\p{Ll}/u.test(toks[s - 1].text)) s--;
    const k = s - 1;
    if (k < 0 || !sameSentence(ctx, k, i)) continue;
    let of: Draft | null = null;
    if ((norms[k] === "'s" || norms[k] === "'") && k - 1 >= 0) {
      const o = ctx.owner[k - 1] ?? ctx.drafts.find((d) => d.kind === 'descriptor' && d.end === k && !d.dropped) ?? null;
      if (o && o.end === k) of = o;
    } else if (ctx.owner[k] && ctx.owner[k]!.end === s) {
      of = ctx.owner[k]!;
    }
    if (!of || of.type === 'person' || of.type === 'location' || of.type === 'facility' || of.kind === 'pronoun') continue;
    const r = role.values[0];
    let start = of.start;
    if (start - 1 >= 0 && norms[start - 1] === 'the' && of.kind !== 'descriptor') start--;
    const d = claim(ctx, {
      start, end: re, kind: 'descriptor', rule: 'descriptor.office', confidence: 0.7,
      key: null, type: null, sector: r.sector, role: r.role, of, target: 'sector', nested: true,
      locative: isLocative(ctx, start),
    });
    for (let t = s; t < re; t++) ctx.owner[t] ??= d;
    i = re - 1;
  }
}

/** Apposition after the name: "Sergei Lavrov, Russia's foreign minister, said", "Jane Roe, a spokeswoman for the ministry". */
function appositionRolePass(ctx: Ctx): void {
  const { toks, norms, lex } = ctx;
  // apposition after the name: "Sergei Lavrov, Russia's foreign minister, said", "Jane Roe, a spokeswoman for the ministry"
  for (const d of ctx.drafts) {
    if (d.type !== 'person' || d.kind !== 'name' || d.role || d.dropped || norms[d.end] !== ',') continue;
    let j = d.end + 1;
    if (norms[j] === 'a' || norms[j] === 'an' || norms[j] === 'the') j++;
    let of: Draft | null = null;
    const own = ctx.owner[j];
    if (own && own.start === j && own.type !== 'person' && own.type !== 'location') {
      of = own; j = own.end;
      if (norms[j] === "'s" || norms[j] === "'") j++;
    }
    while (j < toks.length && (ROLE_PREMODS.has(norms[j]) || FORMER.has(norms[j])) && !ctx.owner[j]) j++;
    // "Kenzo Oshima, the United Nations Emergency Relief Coordinator,": a capitalised office the
    // form passes took for an unknown organisation is the person's role
    const office = of ? ctx.owner[j] : null;
    if (office && office !== d && office.start === j && !office.dropped && office.key && !lex.entities.has(office.key) && (office.type === 'organization' || office.type === 'person')
      && (office.rule.startsWith('org.') || office.rule.startsWith('proper.')) && (norms[office.end] === ',' || norms[office.end] === '.' || lex.reportingVerbs.has(norms[office.end]))) {
      const last = lex.roles.longestAt(norms, office.end - 1, ACCEPT_ALL);
      if (last && last.end === office.end) {
        office.dropped = true;
        for (let t = office.start; t < office.end; t++) if (ctx.owner[t] === office) ctx.owner[t] = null;
        d.role = last.values[0].role;
        d.sector ??= last.values[0].sector;
        d.of ??= of;
        continue;
      }
    }
    const role = j < toks.length && !ctx.owner[j] ? lex.roles.longestAt(norms, j, ACCEPT_ALL) : null;
    if (!role || !sameSentence(ctx, d.start, role.end - 1)) continue;
    let k = role.end;
    if (!of && (norms[k] === 'of' || norms[k] === 'for' || norms[k] === 'at') ) {
      const n = norms[k + 1] === 'the' ? k + 2 : k + 1;
      // "the Nigerian army" (a descriptor) before "Nigerian" (its country)
      const o = ctx.drafts.find((x) => x.kind === 'descriptor' && (x.start === k + 1 || x.start === n) && !x.dropped) ?? ctx.owner[n];
      if (o && o.start <= n && o.type !== 'person' && o.type !== 'location') { of = o; k = o.end; }
    }
    const r = role.values[0];
    d.role = r.role;
    d.sector ??= r.sector;
    d.of ??= of;
  }
}

// ---------------------------------------------------------------- driver

/**
 * Proposes every mention of the document, in token spans.
 * @example recognizeMentions(doc).map((d) => d.rule) → ["country.name", "body.name", "person.role-name", …]
 */
export function recognizeMentions(doc: Doc): Draft[] {
  const lex = actorLexicon();
  const toks = doc.tokens;
  const n = toks.length;
  const ctx: Ctx = {
    doc, toks, norms: toks.map((t) => t.norm), lex,
    blocked: new Uint8Array(n), owner: new Array(n).fill(null), drafts: [],
    titleCase: new Uint8Array(doc.sentences.length),
  };
  blockSpans(ctx, [...doc.times, ...doc.quantities]);
  // Title Case capitalises every word but short function words
  for (const s of doc.sentences) {
    if (s.zone === 'body') continue;
    let words = 0; let caps = 0;
    for (let t = s.tokStart; t < s.tokEnd; t++) {
      if (!startsWithLetter(toks[t].text) || TITLE_SMALL.has(toks[t].norm)) continue;
      words++;
      if (isCap(toks[t])) caps++;
    }
    if (words >= 3 && caps / words >= 0.85) ctx.titleCase[s.i] = 1;
  }
  lexiconPass(ctx);
  ethnicGroupPass(ctx);
  acronymPass(ctx);
  personPass(ctx);
  knownVariantPass(ctx);
  facilityPass(ctx);
  orgPass(ctx);
  ideologyGroupPass(ctx);
  shortPass(ctx, false);
  fallbackPass(ctx);
  shortPass(ctx, true);
  descriptorPass(ctx);
  appositionRolePass(ctx);
  officeHolderPass(ctx);
  return ctx.drafts.filter((d) => !d.dropped);
}

function blockSpans(ctx: Ctx, spans: { start: number; end: number }[]): void {
  // Tokens are in text order: per span, a binary search for the first token ending after its
  // start, then a walk while tokens start before its end (was tokens × spans). The tokens stage's
  // fallback search can, on hostile input, place a token a few characters back; then the plain scan.
  const toks = ctx.toks;
  if (!spans.length) return;
  for (let t = 1; t < toks.length; t++) {
    if (toks[t].start < toks[t - 1].start || toks[t].end < toks[t - 1].end) {
      for (let k = 0; k < toks.length; k++) {
        const tok = toks[k];
        for (const s of spans) if (tok.start < s.end && tok.end > s.start) { ctx.blocked[k] = 1; break; }
      }
      return;
    }
  }
  for (const s of spans) {
    let lo = 0, hi = toks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid].end > s.start) hi = mid; else lo = mid + 1; }
    for (let t = lo; t < toks.length && toks[t].start < s.end; t++) if (toks[t].end > s.start) ctx.blocked[t] = 1;
  }
}
