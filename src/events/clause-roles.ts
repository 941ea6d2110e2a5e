/**
 * Who does what to whom inside one sentence: subjects, objects, prepositional arguments,
 * possessors and coordinated lists, read off wink-nlp POS tags and the entity mentions.
 *
 * Hand-written because no dependency parser runs offline in Node at our speed budget; these are
 * shallow, bounded heuristics (every scan is limited to the sentence and a few tokens), each
 * named so an event can say which rule found its actor.
 */
import type { Doc, EntityAnn, Mention, Sentence, Token } from '../pipeline/doc.js';
import { docSlot } from '../pipeline/doc-slot.js';

/** Verbs that take a to-infinitive and pass their subject on: "is looking to stay", "does not want to give up". */
const CHAIN_VERBS = new Set(['want', 'seek', 'plan', 'look', 'try', 'attempt', 'intend', 'aim', 'hope', 'continue', 'begin', 'start', 'decide', 'agree', 'refuse', 'threaten', 'vow', 'pledge', 'promise', 'expect', 'appear', 'seem', 'need', 'prepare', 'move', 'wish', 'fail', 'offer', 'help', 'have', 'be', 'get', 'go', 'able', 'set', 'due', 'likely', 'unlikely', 'poise', 'ready', 'prepared', 'willing', 'eager', 'determined']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor']);
/** Words that open a subordinate clause ("after the talks failed"). */
export const SUBORDINATORS = new Set(['after', 'before', 'because', 'since', 'while', 'when', 'although', 'though', 'if', 'unless', 'whether', 'until', 'as', 'once', 'despite', 'whereas']);
export const RELATIVES = new Set(['which', 'who', 'whom', 'whose']);
const COORD = new Set(['and', 'but', 'or', 'yet']);
/** Verbs whose object is the doer of the "of V-ing" that follows ("accused X of shelling"). */
const ACCUSING = new Set(['accuse', 'suspect', 'charge', 'convict', 'blame', 'condemn', 'criticise', 'criticize']);
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our']);
/** Plural nouns that name a group whose members an "including …" list spells out. */
const GROUP_NOUNS = new Set(['state', 'country', 'nation', 'ally', 'partner', 'neighbour', 'neighbor', 'member', 'government', 'power', 'capital', 'party', 'group']);
/** Nouns whose to-infinitive states their owner's intent ("a threat to boycott", "its decision to leave"). */
const INTENT_NOUNS = new Set(['threat', 'plan', 'decision', 'effort', 'attempt', 'bid', 'move', 'offer', 'proposal', 'pledge', 'promise', 'call', 'demand', 'order', 'ultimatum', 'refusal', 'intention', 'willingness', 'readiness', 'failure', 'agreement', 'deal', 'vow', 'campaign', 'push', 'drive', 'request', 'appeal', 'commitment', 'determination', 'resolve', 'plot', 'scheme']);
const LIST_INTRO = new Set(['including', 'namely', 'like']);
/**
 * Verbs whose object does what their to-infinitive says ("urged Niger to release", "allowed
 * inspectors to return"): after any other verb the infinitive is a purpose clause of the subject
 * ("sent personnel to Bosnia to investigate", "used tear gas to disperse").
 */
const OBJECT_CONTROL = new Set(['urge', 'ask', 'allow', 'permit', 'force', 'order', 'tell', 'invite', 'persuade', 'encourage', 'call', 'press', 'pressure', 'push', 'require', 'compel', 'authorize', 'authorise', 'enable', 'help', 'want', 'expect', 'advise', 'instruct', 'warn', 'request', 'appeal', 'lead', 'cause', 'get', 'prompt', 'oblige', 'implore', 'beg', 'convince', 'remind', 'challenge', 'dare', 'inspire', 'empower', 'mandate', 'direct', 'commission', 'need', 'like', 'prefer', 'train', 'recruit', 'pay', 'hire', 'assign', 'appoint', 'elect', 'choose', 'select', 'nominate', 'leave', 'let', 'make', 'have', 'see', 'watch', 'hear', 'believe', 'consider', 'declare', 'report', 'say', 'find', 'know', 'show']);
/** Prepositions that stay inside an argument noun phrase ("officials of Niger", "the government in Caracas"). */
const NP_INNER_PREPS = new Set(['of', 'in', 'at', 'near']);

export type ActorCapable = EntityAnn['type'];
const ACTOR_TYPES = new Set<ActorCapable>(['country', 'organization', 'person', 'group']);

export interface RoleHit {
  entities: string[];
  rule: string;
  /** token index of the (first) mention */
  at: number;
}

/** Per-doc index: which mention (with a resolved entity) covers each token. */
export class RoleContext {
  readonly tokMention: (Mention | null)[];
  readonly entityById: Map<string, EntityAnn>;
  readonly mentionsRef: Mention[];
  readonly entitiesRef: EntityAnn[];
  constructor(readonly doc: Doc) {
    this.mentionsRef = doc.mentions;
    this.entitiesRef = doc.entities;
    this.tokMention = new Array(doc.tokens.length).fill(null);
    this.entityById = new Map(doc.entities.map((e) => [e.id, e]));
    let t = 0;
    const mentions = [...doc.mentions].filter((m) => m.entity).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const m of mentions) {
      while (t < doc.tokens.length && doc.tokens[t].end <= m.start) t++;
      for (let k = t; k < doc.tokens.length && doc.tokens[k].start < m.end; k++) if (!this.tokMention[k]) this.tokMention[k] = m;
    }
  }

  get tokens(): Token[] { return this.doc.tokens; }

  entity(id: string | null): EntityAnn | undefined { return id ? this.entityById.get(id) : undefined; }

  /** The actor-capable entity of the mention at token k (countries, organisations, persons, groups; places with a country code). */
  actorAt(k: number, allowPlaces = false): string | null {
    const m = this.tokMention[k];
    const e = this.entity(m?.entity ?? null);
    if (!e) return null;
    if (ACTOR_TYPES.has(e.type)) return e.id;
    if (allowPlaces && e.code) return e.id;
    return null;
  }

  /** Distinct mentions (as entity ids) in tokens [a, b), in order, with the token where each starts. */
  mentionsIn(a: number, b: number, allowPlaces = false): { id: string; at: number }[] {
    const out: { id: string; at: number }[] = [];
    let last: Mention | null = null;
    for (let k = Math.max(0, a); k < Math.min(b, this.tokens.length); k++) {
      const m = this.tokMention[k];
      if (!m || m === last) continue;
      last = m;
      const id = this.actorAt(k, allowPlaces);
      if (id && !out.some((o) => o.id === id)) out.push({ id, at: k });
    }
    return out;
  }
}

/** Index of the first token that starts at or after `offset` (binary search; tokens are in text order). */
export function tokenIndexAt(doc: Doc, offset: number): number {
  const T = doc.tokens;
  let lo = 0, hi = T.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (T[mid].start < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

const contexts = docSlot<RoleContext>('roleContext');

/** The Doc's RoleContext, built once after the entities stage and shared by every later stage. */
export function roleContext(doc: Doc): RoleContext {
  let ctx = contexts.get(doc);
  // rebuilt only if a stage replaced the mentions or entities it indexes
  if (!ctx || ctx.mentionsRef !== doc.mentions || ctx.entitiesRef !== doc.entities) {
    ctx = new RoleContext(doc);
    contexts.set(doc, ctx);
  }
  return ctx;
}

function isVerbish(t: Token): boolean { return t.pos === 'VERB' || t.pos === 'AUX'; }

/** Skips left over the verb group of a head: auxiliaries, negation, adverbs, "to", chain verbs. */
export function verbGroupStart(ctx: RoleContext, s: Sentence, head: number): number {
  const T = ctx.tokens;
  let k = head - 1;
  while (k >= s.tokStart) {
    const t = T[k];
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || NEGATORS.has(t.norm) || t.norm === 'to') { k--; continue; }
    if (t.pos === 'VERB' && (T[k + 1]?.norm === 'to' || T[k + 1]?.pos === 'PART' || CHAIN_VERBS.has(t.lemma) && k + 1 < head)) { k--; continue; }
    // "denied attacking", "stopped supplying", "continued shelling": the -ing verb shares the subject
    if (t.pos === 'VERB' && k + 1 === head && T[head].norm.endsWith('ing') && !T[k].norm.endsWith('ing')) { k--; continue; }
    if ((t.pos === 'ADJ') && CHAIN_VERBS.has(t.lemma) && T[k + 1]?.norm === 'to') { k--; continue; }
    break;
  }
  return k + 1;
}

/** If tokens[k] closes a comma-enclosed aside (", which took power in 2023," / ", the spokeswoman,"), returns the index before it. */
function skipAside(ctx: RoleContext, s: Sentence, k: number): number {
  const T = ctx.tokens;
  if (T[k]?.norm !== ',') return k;
  for (let j = k - 1; j > s.tokStart; j--) {
    if (T[j].norm === ',') {
      const first = T[j + 1];
      // a participle used as an adjective is no verb: ", Algeria's leading human rights activist,"
      const clauseVerb = (t: Token, i: number) => isVerbish(t) && !(t.pos === 'VERB' && /(ing|ed)$/.test(t.norm)
        && (T[j + i]?.norm === "'s" || T[j + i]?.pos === 'DET' || T[j + i]?.pos === 'ADJ') && (T[j + i + 2]?.pos === 'NOUN' || T[j + i + 2]?.pos === 'ADJ'));
      const inner = T.slice(j + 1, k);
      if (RELATIVES.has(first.norm) || !inner.some(clauseVerb)) return j - 1;
      return k;
    }
    if (T[j].norm === ';' || T[j].norm === '.') return k;
  }
  return k;
}

/**
 * The subject of the verb whose head token is `head`: the nearest actor mention in the noun
 * phrase before the verb group, through asides and relative pronouns; for a coordinated verb
 * with no subject of its own ("…, and lifted sanctions") the subject of the previous verb.
 */
export function subjectOf(ctx: RoleContext, s: Sentence, head: number, depth = 0): RoleHit | null {
  const T = ctx.tokens;
  const g = verbGroupStart(ctx, s, head);
  let k = g - 1;
  // "an initial threat to boycott", "Niger's decision to expel": an infinitive hanging on a noun
  // belongs to that noun's owner, not to whatever stands further left.
  if (T[g]?.norm === 'to' && T[k]?.pos === 'NOUN' && INTENT_NOUNS.has(T[k].lemma) && !ctx.actorAt(k)) {
    const owner = possessorOf(ctx, s, k);
    return owner ? { ...owner, rule: 'subject.noun-infinitive-owner' } : null;
  }
  // "accusing the army of attacking civilians": the accused does the gerund, not the accuser
  if (T[g]?.norm.endsWith('ing') && T[k]?.norm === 'of') {
    let j = k - 1;
    while (j > s.tokStart && k - j <= 7 && /^(NOUN|PROPN|PRON|DET|ADJ|NUM)$/.test(T[j].pos) || j > s.tokStart && T[j].norm === "'s") j--;
    if (j < k - 1 && ACCUSING.has(T[j].lemma)) {
      const accused = ctx.mentionsIn(j + 1, k);
      return accused.length ? { entities: listAround(ctx, s, accused[0].at, j + 1, k), rule: 'subject.accused-of', at: accused[0].at } : null;
    }
  }
  k = skipAside(ctx, s, k);
  // The subject region runs left to the previous clause boundary.
  let b = k;
  while (b >= s.tokStart) {
    const t = T[b];
    // "British aircraft using guided missiles killed …": a participle right after a noun modifies it
    // "a US delegation led by X visited …": a passive participle + "by" after a noun modifies it too
    const afterNoun = b > s.tokStart && (T[b - 1].pos === 'NOUN' || T[b - 1].pos === 'PROPN') && T[b - 1].norm !== 'that' && b < k;
    const modifier = t.pos === 'VERB' && afterNoun && (t.norm.endsWith('ing') || T[b + 1]?.norm === 'by' && /(ed|en|led|ld|wn)$/.test(t.norm));
    if (isVerbish(t) && !modifier) break;
    if (t.norm === ';' || t.norm === ':' || t.norm === '"' || SUBORDINATORS.has(t.norm) && t.pos !== 'ADV' || RELATIVES.has(t.norm) || t.norm === 'that' && t.pos !== 'DET') break;
    // "Israeli helicopters and tanks shelled …": "and" between nouns with no verb after it joins noun phrases
    if (t.norm === ',' && !isListGlue(ctx, b)) break;
    if (COORD.has(t.norm) && !isListGlue(ctx, b) && !(t.norm === 'and' && b < k && T[b - 1]?.norm !== ',' && (T[b - 1]?.pos === 'NOUN' || T[b - 1]?.pos === 'PROPN' || T[b - 1]?.pos === 'ADJ'))) break;
    b--;
  }
  // "The UN has sent 21 personnel to Bosnia on Wednesday to investigate …", "police used tear gas
  // to disperse …": a purpose infinitive after a verb's object phrase is the subject's, not the object's
  // (a verb right after a verb is a mis-tagged modifier: "used tear gas" → "used")
  let v = b;
  while (v - 1 >= s.tokStart && T[v].pos === 'VERB' && T[v - 1].pos === 'VERB') v--;
  if (T[g]?.norm === 'to' && g > s.tokStart && T[g - 1].pos !== 'VERB' && T[g - 1].pos !== 'AUX' && T[g - 1].pos !== 'ADJ' && !INTENT_NOUNS.has(T[g - 1].lemma)
    && v >= s.tokStart && T[v].pos === 'VERB' && !OBJECT_CONTROL.has(T[v].lemma) && depth < 3 && b < g - 1) {
    const main = subjectOf(ctx, s, v, depth + 1);
    if (main && main.entities.length) return { ...main, rule: 'subject.purpose-infinitive' };
  }
  // "four entities it accused of supplying drones": an object relative clause without "that";
  // the pronoun right before the verb group is the subject, not the noun it follows
  if (k > b + 1 && SUBJECT_PRONOUNS.has(T[k].norm) && (T[k - 1].pos === 'NOUN' || T[k - 1].pos === 'PROPN')) {
    const id = ctx.tokMention[k]?.entity;
    if (id) return { entities: [id], rule: 'subject.relative-pronoun', at: k };
    if (depth < 3) {
      const prev = previousSubject(ctx, s, k, depth);
      if (prev) return { ...prev, rule: 'subject.relative-pronoun-previous-subject' };
    }
    return null;
  }
  const region = ctx.mentionsIn(b + 1, k + 1);
  if (region.length) {
    // A person named as the subject's head ("Pentagon spokeswoman Sabrina Singh") is the actor;
    // not one inside a prepositional phrase ("militants loyal to X") or a possessor ("X's network").
    const persons = region.filter((r) => ctx.entity(r.id)?.type === 'person' && !inPrepPhrase(ctx, b + 1, r.at) && !isPossessor(ctx, r.at));
    const pick = persons.length ? persons[persons.length - 1] : headOfRegion(ctx, region, b + 1);
    return { entities: listAround(ctx, s, pick.at, b + 1, k + 1), rule: 'subject.np', at: pick.at };
  }
  // A bare pronoun subject the entity stage left unresolved: the previous clause's subject.
  for (let j = k; j > b; j--) {
    if (SUBJECT_PRONOUNS.has(T[j].norm) && depth < 3) {
      const prev = previousSubject(ctx, s, j, depth);
      if (prev) return { ...prev, rule: 'subject.pronoun-previous-subject' };
    }
  }
  if (b >= s.tokStart && depth < 3) {
    const bt = T[b];
    if (RELATIVES.has(bt.norm) || bt.norm === 'that' && bt.pos !== 'SCONJ') {
      // "the CNSP, which took power" → the antecedent
      let a = b - 1;
      if (T[a]?.norm === ',') a--;
      const id = ctx.actorAt(a);
      if (id) return { entities: [id], rule: 'subject.relative-antecedent', at: a };
      const ev = a; // an event noun antecedent ("the coup, which ousted …") is handled by the caller
      return ev >= s.tokStart ? { entities: [], rule: 'subject.relative-antecedent-nonentity', at: ev } : null;
    }
    if (COORD.has(bt.norm)) {
      // "X said Washington had no right to interfere and warned Manila …": a speech act joined
      // after a reported clause is the reporter's, not that clause's subject's
      if (SPEECH_ACTS.has(T[head]?.lemma ?? '')) {
        for (let v = b - 1; v >= s.tokStart; v--) {
          if (T[v].pos !== 'VERB' || !REPORTING_LEMMAS.has(T[v].lemma)) continue;
          const rep = subjectOf(ctx, s, v, depth + 1);
          if (rep && rep.entities.length) return { ...rep, rule: 'subject.coordinated-reporter' };
          break;
        }
      }
      // "… and is in talks" / ", and lifted harsh sanctions": the subject of the previous verb
      for (let v = b - 1; v >= s.tokStart; v--) {
        if (T[v].pos === 'VERB' || T[v].pos === 'AUX') {
          const prev = subjectOf(ctx, s, v, depth + 1);
          if (prev && prev.entities.length) return { ...prev, rule: 'subject.coordinated' };
          break;
        }
      }
    }
  }
  return null;
}

/** Speech acts that, joined by "and" after "X said …", have X as their subject (see subjectOf). */
const SPEECH_ACTS = new Set(['warn', 'urge', 'call', 'accuse', 'condemn', 'deny', 'ask', 'demand', 'threaten', 'reject', 'vow', 'pledge', 'promise', 'criticize', 'criticise', 'denounce', 'appeal', 'insist', 'dismiss', 'welcome', 'praise', 'blame']);
const REPORTING_LEMMAS = new Set(['say', 'tell', 'announce', 'state', 'declare', 'claim', 'insist']);

/** A comma or "and" inside a list of mentions ("Benin, the Ivory Coast, and Ghana"). */
function isListGlue(ctx: RoleContext, k: number): boolean {
  const T = ctx.tokens;
  // ", and The Wall Street Journal reported …" starts a new clause far more often than it closes a list
  if (COORD.has(T[k].norm) && T[k - 1]?.norm === ',' || T[k].norm === ',' && COORD.has(T[k + 1]?.norm ?? '')) return false;
  let l = k - 1;
  while (l >= 0 && (T[l].norm === ',' || T[l].pos === 'DET')) l--;
  let r = k + 1;
  while (r < T.length && (T[r].norm === ',' || T[r].pos === 'DET' || COORD.has(T[r].norm))) r++;
  return !!(ctx.actorAt(l, true) && ctx.actorAt(r, true));
}

/** A preposition other than "of" between the start of a noun phrase and token `at` ("forces in Guinea"). */
function inPrepPhrase(ctx: RoleContext, from: number, at: number): boolean {
  for (let k = from; k < at; k++) if (ctx.tokens[k].pos === 'ADP' && ctx.tokens[k].norm !== 'of') return true;
  return false;
}

/** The mention at `at` is followed by "'s": it owns the head noun, it is not the head. */
function isPossessor(ctx: RoleContext, at: number): boolean {
  const m = ctx.tokMention[at];
  let k = at;
  while (k < ctx.tokens.length && ctx.tokMention[k] === m) k++;
  return ctx.tokens[k]?.norm === "'s" || ctx.tokens[k]?.norm === "'";
}

function headOfRegion(ctx: RoleContext, region: { id: string; at: number }[], from = -1): { id: string; at: number } {
  const T = ctx.tokens;
  const notInPP = region.filter((r) => {
    const before = T[r.at - 1];
    return !(before && before.pos === 'ADP' && before.norm !== 'of') && !(from >= 0 && inPrepPhrase(ctx, from, r.at));
  });
  // "Thousands of Kenyans", "Security forces in Guinea": a capitalised word the entity stage could
  // not place is a worse head than a coded actor, even one in a prepositional phrase; a known body
  // without a country counts as placed ("Human rights organization Amnesty International")
  const placed = (xs: typeof region) => xs.filter((r) => { const e = ctx.entity(r.id); return !!e && (!!e.code || e.type === 'person' || e.rule.startsWith('lexicon.')); });
  const pool = [placed(notInPP), placed(region), notInPP, region].find((xs) => xs.length)!;
  // the head of a subject noun phrase comes first: "a delegation of US officials", "the president of France"
  return pool[0];
}

/** The subject of the nearest earlier verb (same sentence, else the previous one) that has an actor subject. */
function previousSubject(ctx: RoleContext, s: Sentence, before: number, depth: number): RoleHit | null {
  const T = ctx.tokens;
  // "he"/"she" stand for a person, "it" for anything but one: '"… Russia shows …," Zelenskyy
  // said. He urged …' is Zelenskyy, not Russia.
  const pron = T[before]?.norm;
  const fits = (hit: RoleHit) => {
    const persons = hit.entities.filter((id) => ctx.entity(id)?.type === 'person').length;
    if (pron === 'he' || pron === 'she' || pron === 'his' || pron === 'her') return persons > 0;
    if (pron === 'it' || pron === 'its') return persons === 0;
    return true;
  };
  for (let v = before - 1; v >= s.tokStart; v--) {
    if (T[v].pos === 'VERB' || T[v].pos === 'AUX' && T[v + 1] && !isVerbish(T[v + 1])) {
      const hit = subjectOf(ctx, s, v, depth + 1);
      if (hit && hit.entities.length && hit.at < before && fits(hit)) return hit;
    }
  }
  const prevS = ctx.doc.sentences[s.i - 1];
  if (prevS && prevS.paragraph === s.paragraph) {
    // the main clause's subject comes first: "The US has accused the RSF and allied militias …"
    // must not give "allied"'s subject (the RSF) though that verb is met first when wink tags
    // "accused" otherwise
    let best: RoleHit | null = null;
    for (let v = prevS.tokStart; v < prevS.tokEnd; v++) {
      if (T[v].pos === 'VERB') {
        const hit = subjectOf(ctx, prevS, v, depth + 1);
        if (hit && hit.entities.length && fits(hit) && (!best || (hit.at ?? Infinity) < (best.at ?? Infinity))) best = hit;
      }
    }
    if (best) return best;
  }
  return null;
}

/** An unresolved pronoun ("it", "its", "they") at token k: the subject of the nearest earlier clause. */
export function pronounReferent(ctx: RoleContext, s: Sentence, k: number): RoleHit | null {
  const n = ctx.tokens[k]?.norm;
  if (!n || !(SUBJECT_PRONOUNS.has(n) || POSSESSIVE_PRONOUNS.has(n) || n === 'them')) return null;
  const prev = previousSubject(ctx, s, k, 0);
  return prev ? { ...prev, rule: 'pronoun.previous-subject' } : null;
}

/** Expands a mention into the coordinated list it stands in: "Benin, the Ivory Coast, and Ghana". */
export function listAround(ctx: RoleContext, s: Sentence, at: number, lo = s.tokStart, hi = s.tokEnd): string[] {
  const T = ctx.tokens;
  const out: string[] = [];
  const first = ctx.actorAt(at, true);
  if (!first) return out;
  out.push(first);
  // backwards: "Germany and France held …" picked France; take Germany too
  let b = at;
  while (b > lo && ctx.tokMention[b - 1] === ctx.tokMention[at]) b--;
  for (;;) {
    let j = b - 1;
    let sawSep = false;
    while (j >= lo && (T[j].norm === ',' || COORD.has(T[j].norm) && T[j].norm !== 'but' || T[j].pos === 'DET')) { if (T[j].norm !== 'the') sawSep = true; j--; }
    if (!sawSep || j < lo) break;
    const id = ctx.actorAt(j, true);
    if (!id) break;
    if (!out.includes(id)) out.unshift(id);
    const m = ctx.tokMention[j];
    while (j > lo && ctx.tokMention[j - 1] === m) j--;
    b = j;
  }
  // forwards
  let k = at;
  const m0 = ctx.tokMention[at];
  while (k < hi && ctx.tokMention[k] === m0) k++;
  for (;;) {
    let j = k;
    let sawSep = false;
    while (j < hi && (T[j].norm === ',' || COORD.has(T[j].norm) && T[j].norm !== 'but' || T[j].pos === 'DET')) { if (T[j].norm !== 'the') sawSep = true; j++; }
    if (!sawSep || j >= hi) break;
    const id = ctx.actorAt(j, true);
    if (!id) break;
    if (!out.includes(id)) out.push(id);
    const m = ctx.tokMention[j];
    while (j < hi && ctx.tokMention[j] === m) j++;
    k = j;
  }
  return out.filter((id) => ctx.entity(id));
}

/** The mentions of the noun phrase starting at `from` (skipping determiners/adjectives), with list expansion. */
export function npAt(ctx: RoleContext, s: Sentence, from: number, maxLen = 8, rule = 'np'): RoleHit | null {
  const T = ctx.tokens;
  const end = Math.min(s.tokEnd, from + maxLen);
  for (let k = from; k < end; k++) {
    const t = T[k];
    if (k > from && (t.norm === ';' || t.norm === '.' || RELATIVES.has(t.norm) || t.norm === 'that' && t.pos === 'SCONJ' || isVerbish(t) && t.pos === 'AUX')) break;
    // "targeted the ship because its owner's vessels …": a subordinate clause ends the noun phrase
    if (k > from && t.pos === 'SCONJ' && SUBORDINATORS.has(t.norm)) break;
    if (t.pos === 'VERB' && !/(ed|ing)$/.test(t.norm) && k > from) break;
    // "condemned the strikes as a violation of Yemen's sovereignty": "as" opens a complement, not the phrase
    if (k > from && t.norm === 'as' && T[k - 1]?.norm !== 'such' && T[k + 1]?.norm !== 'well') break;
    // "accused by critics of steering the country …": "of" + a gerund opens a clause, not the phrase
    if (k > from && t.norm === 'of' && T[k + 1]?.pos === 'VERB' && T[k + 1].norm.endsWith('ing')) break;
    // "the withdrawal of forces from Panama": a new prepositional phrase is not this noun phrase
    if (k > from && t.pos === 'ADP' && !NP_INNER_PREPS.has(t.norm) && NP_INNER_PREPS.size < 0) break;
    if (t.norm === ',' && !(ctx.tokMention[k - 1] && ctx.tokMention[k + 1])) break;
    const id = ctx.actorAt(k, true);
    if (id) {
      const group = groupList(ctx, s, from, k);
      if (group) return { entities: group, rule: rule + '.including-list', at: k };
      return { entities: listAround(ctx, s, k), rule, at: k };
    }
    // a generic group noun with no entity of its own: "other West African states …, including A, B and C"
    if (t.pos === 'NOUN' && GROUP_NOUNS.has(t.lemma) && /s$/.test(t.norm)) {
      const group = groupList(ctx, s, k, k);
      if (group) return { entities: group, rule: rule + '.including-list', at: k };
    }
  }
  return null;
}

/** "…states …, including Benin, the Ivory Coast, and Ghana" → the listed members. */
function groupList(ctx: RoleContext, s: Sentence, from: number, at: number): string[] | null {
  const T = ctx.tokens;
  let g = -1;
  for (let k = from; k <= Math.min(at + 2, s.tokEnd - 1); k++) if (T[k].pos === 'NOUN' && GROUP_NOUNS.has(T[k].lemma) && /s$/.test(T[k].norm)) { g = k; break; }
  if (g < 0) return null;
  for (let k = g + 1; k < s.tokEnd; k++) {
    if (LIST_INTRO.has(T[k].norm) || T[k].norm === 'such' && T[k + 1]?.norm === 'as') {
      const start = T[k].norm === 'such' ? k + 2 : k + 1;
      for (let j = start; j < Math.min(s.tokEnd, start + 3); j++) {
        const id = ctx.actorAt(j, true);
        if (id) { const list = listAround(ctx, s, j); return list.length > 1 ? list : null; }
      }
      return null;
    }
  }
  return null;
}

/** End of the clause that contains `head` (exclusive token index). */
export function clauseEnd(ctx: RoleContext, s: Sentence, head: number): number {
  const T = ctx.tokens;
  for (let k = head + 1; k < s.tokEnd; k++) {
    const t = T[k];
    if (t.norm === ';' || t.norm === ':' || t.norm === '.' || t.norm === '"' && k > head + 1) return k;
    if (t.norm === ',' && (COORD.has(T[k + 1]?.norm ?? '') || RELATIVES.has(T[k + 1]?.norm ?? '') || SUBORDINATORS.has(T[k + 1]?.norm ?? ''))) return k;
    if (RELATIVES.has(t.norm) && T[k - 1]?.norm === ',') return k;
  }
  return s.tokEnd;
}

/** The first argument introduced by preposition `prep` after the head, inside the clause. */
export function prepObject(ctx: RoleContext, s: Sentence, from: number, prep: string, limit: number): RoleHit | null {
  const T = ctx.tokens;
  for (let k = from; k < Math.min(limit, from + 14); k++) {
    if (T[k].norm === prep) return npAt(ctx, s, k + 1, 8, `prep.${prep}`);
  }
  return null;
}

/**
 * "four entities it accused of …": the noun phrase an object relative clause (pronoun subject,
 * no "that") hangs on is the verb's object. `head` is the verb.
 */
export function relativeObject(ctx: RoleContext, s: Sentence, head: number): RoleHit | null {
  const T = ctx.tokens;
  const g = verbGroupStart(ctx, s, head);
  const k = g - 1;
  if (k <= s.tokStart || !SUBJECT_PRONOUNS.has(T[k].norm) || !(T[k - 1].pos === 'NOUN' || T[k - 1].pos === 'PROPN')) return null;
  for (let j = k - 1; j >= Math.max(s.tokStart, k - 10); j--) {
    const t = T[j];
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP' && t.norm !== 'of' || t.norm === ';') break;
    const id = ctx.actorAt(j, true);
    if (id) return { entities: listAround(ctx, s, j), rule: 'object.relative-antecedent', at: j };
  }
  return null;
}

/** The direct object: the first actor noun phrase after the verb (group), inside the clause. */
export function objectAfter(ctx: RoleContext, s: Sentence, from: number, limit: number): RoleHit | null {
  const T = ctx.tokens;
  // "accused the CNSP of …", "warned Niger over …", "visited the country"
  let k = from;
  while (k < limit && (T[k].pos === 'ADV' || T[k].pos === 'PART' && T[k].norm !== 'to')) k++;
  if (k < limit && T[k].pos === 'ADP' && T[k].norm !== 'of') return null; // a prepositional phrase, not an object
  // "entities it accused of supplying drones to Russia": "of" + a gerund is the charge, not an object
  if (k < limit && T[k].norm === 'of' && T[k + 1]?.pos === 'VERB' && T[k + 1].norm.endsWith('ing')) return null;
  const hit = npAt(ctx, s, k, 8, 'object');
  return hit;
}

/** "X's withdrawal", "its threat": the possessor of a nominal head. */
export function possessorOf(ctx: RoleContext, s: Sentence, head: number): RoleHit | null {
  const T = ctx.tokens;
  for (let k = head - 1; k >= Math.max(s.tokStart, head - 5); k--) {
    const t = T[k];
    if (t.norm === "'s" || t.norm === "'") {
      const id = ctx.actorAt(k - 1);
      if (id) return { entities: [id], rule: 'poss.genitive', at: k - 1 };
      return null;
    }
    if (POSSESSIVE_PRONOUNS.has(t.norm)) {
      const id = ctx.actorAt(k);
      if (id) return { entities: [id], rule: 'poss.pronoun', at: k };
      const prev = previousSubject(ctx, s, k, 0);
      return prev ? { ...prev, rule: 'poss.pronoun-previous-subject' } : null;
    }
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.norm === '-')) return null;
  }
  return null;
}

/** "Israeli airstrike", "US forces", "the American delegation": an actor right before a nominal head. */
export function modifierOf(ctx: RoleContext, s: Sentence, head: number): RoleHit | null {
  const T = ctx.tokens;
  for (let k = head - 1; k >= Math.max(s.tokStart, head - 3); k--) {
    const id = ctx.actorAt(k, true);
    if (id) return { entities: [id], rule: 'adj.modifier', at: k };
    if (!(T[k].pos === 'ADJ' || T[k].pos === 'NOUN' || T[k].norm === '-')) return null;
  }
  return null;
}

/** For a nominal head that is the object of a verb ("launched an attack", "imposed sanctions"): that verb's index. */
export function governingVerb(ctx: RoleContext, s: Sentence, head: number): number | null {
  const T = ctx.tokens;
  // seven tokens: "staged a 24-hour hunger strike" (a, 24, -, hour, hunger) still reaches "staged"
  for (let k = head - 1; k >= Math.max(s.tokStart, head - 7); k--) {
    const t = T[k];
    if (t.pos === 'VERB' && t.lemma !== 'be') return k;
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'ADV' || t.norm === '-' || t.norm === "'s" || POSSESSIVE_PRONOUNS.has(t.norm))) return null;
  }
  return null;
}
