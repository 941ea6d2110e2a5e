/**
 * events: proposes PLOVER events from cue patterns (data/events/patterns.json) and fills their
 * actor and recipient from the clause's own arguments (src/events/clause-roles.ts).
 * Recognizers propose, later stages decide: attribution, modality, dates and fusion refine these.
 */
import type { Doc, EventAnn, Sentence, Stage, Token } from '../doc.js';
import { eventPatterns, matchAt, participleStems, type CompiledPattern, type EventPatternSet, type PatternMatch } from '../../events/pattern-compiler.js';
import {
  RoleContext, clauseEnd, verbGroupStart, governingVerb, listAround, modifierOf, npAt, objectAfter, possessorOf, prepObject, pronounReferent, relativeObject, subjectOf, type RoleHit, roleContext, RELATIVES, SUBORDINATORS } from '../../events/clause-roles.js';
import { cameoInfo, quadOf } from '../../events/cameo.js';
import { z } from 'zod';
import { loadData } from '../../data/load.js';
import { reportingVerbs } from '../../events/reporting-verbs.js';

const NonAgentsFile = z.object({ about: z.string().optional(), nouns: z.array(z.object({ word: z.string(), example: z.string() })) });
let nonAgents: Set<string> | null = null;
/** Disasters, accidents and diseases (data/events/non-agents.json): causes, not actors. */
function nonAgentNouns(): Set<string> {
  nonAgents ??= new Set(loadData('events/non-agents.json', NonAgentsFile).nouns.map((n) => n.word));
  return nonAgents;
}

/** Longest sentence (in tokens) read for events. */
export const MAX_EVENT_SENTENCE_TOKENS = 250;

/** PLOVER types that need a recipient to be meaningful (PLOVER manual's "recipient: yes"). */
const NEEDS_RECIPIENT = new Set(['COOPERATE', 'AID', 'SANCTION']);

export const eventsStage: Stage = {
  name: 'events',
  requires: ['tokens', 'entities'],
  sets: ['events'],
  run(doc: Doc) {
    const ctx = roleContext(doc);
    const patternSet = eventPatterns();
    const events: EventAnn[] = [];
    for (const s of doc.sentences) {
      // No news sentence runs to hundreds of tokens; such a span is a table, a list or junk, and
      // reading it clause by clause would cost time quadratic in its length.
      if (s.tokEnd - s.tokStart > MAX_EVENT_SENTENCE_TOKENS) {
        doc.trace.push({ stage: 'events', rule: 'sentence.too-long', span: { start: s.start, end: s.end }, detail: `${s.tokEnd - s.tokStart} tokens: not read for events` });
        continue;
      }
      const matches: PatternMatch[] = [];
      for (let t = s.tokStart; t < s.tokEnd; t++) {
        const tok = doc.tokens[t];
        const cands = candidatePatterns(patternSet, tok.lemma, tok.norm);
        for (const p of cands) {
          const m = matchAt(p, doc.tokens, t, s.tokEnd);
          if (m) matches.push(m);
        }
      }
      for (const m of resolveOverlaps(matches)) {
        const ev = buildEvent(doc, ctx, s, m, events.length);
        if (ev) events.push(ev);
      }
    }
    linkAppositiveEvents(doc, ctx, events);
    linkAnaphoricObjects(doc, events);
    doc.events = events;
  },
};

const NO_PATTERNS: readonly CompiledPattern[] = [];

/**
 * The patterns a token may start, in the order they were always tried: by lemma, by norm, then by
 * participle stem, each pattern once. Most tokens start none: the filter answers for them without
 * building anything (perf).
 */
function candidatePatterns(set: EventPatternSet, lemma: string, norm: string): readonly CompiledPattern[] {
  const { byFirstWord, firstWords } = set;
  const ed = norm.endsWith('ed');
  if (!ed && !firstWords.mayHave(lemma) && (norm === lemma || !firstWords.mayHave(norm))) return NO_PATTERNS;
  const byLemma = byFirstWord.get(lemma);
  const byNorm = norm !== lemma ? byFirstWord.get(norm) : undefined;
  // participles whose lemma wink gets wrong ("staged" → "stag") or tags as adjectives
  const byStem = ed ? participleStems(norm).flatMap((k) => byFirstWord.get(k) ?? []) : undefined;
  if (!byLemma && !byNorm && !byStem?.length) return NO_PATTERNS;
  if (byLemma && !byNorm && !byStem?.length) return byLemma.length === 1 ? byLemma : [...new Set(byLemma)];
  return [...new Set([...(byLemma ?? []), ...(byNorm ?? []), ...(byStem ?? [])])];
}

/**
 * Two patterns on the same head: keep the longer (more specific) match, then the earlier-listed
 * pattern. A nominal cue that is a word of another match ("launched an attack", "lodged a
 * protest") is that match's object, not an event of its own.
 */
function resolveOverlaps(ms: PatternMatch[]): PatternMatch[] {
  const byHead = new Map<number, PatternMatch>();
  for (const m of ms) {
    const cur = byHead.get(m.head);
    if (!cur || m.end - m.start > cur.end - cur.start) byHead.set(m.head, m);
  }
  const kept = [...byHead.values()];
  return kept
    .filter((m) => !kept.some((o) => o !== m && o.head !== m.head && o.words.includes(m.head) && (m.pattern.nominal || !o.pattern.nominal)))
    .sort((a, b) => a.head - b.head);
}

/** A sentence written in title case (a headline that layout left in the body). */
function isTitleCase(T: Doc['tokens'], s: Sentence): boolean {
  let words = 0, caps = 0;
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    if (!/^[a-z]/i.test(T[k].text)) continue;
    words++;
    if (/^[A-Z]/.test(T[k].text)) caps++;
  }
  return words >= 3 && caps / words > 0.7;
}

/**
 * "the Israeli-occupied West Bank", "the banned movement", "US-backed forces": a participle used
 * as an adjective before its noun names a state, not an event this sentence states.
 */
function isAttributiveParticiple(T: Doc['tokens'], s: Sentence, head: number): boolean {
  const h = T[head];
  if (!/(ed|en|wn)$/.test(h.norm)) return false;
  const next = T[head + 1];
  if (!next || head + 1 >= s.tokEnd || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) return false;
  const prev = head > s.tokStart ? T[head - 1] : null;
  if (prev?.norm === '-') return true;
  return !prev || prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'ADP' && prev.norm !== 'by';
}

/**
 * "called the vote a 'Russian special operation'", "which the UN calls the world's largest crisis",
 * "what they called dangerous manoeuvres": "call" naming something, not a phone call.
 */
function isNamingCall(T: Doc['tokens'], s: Sentence, head: number): boolean {
  for (let k = Math.max(s.tokStart, head - 4); k < head; k++) if (T[k].norm === 'which' || T[k].norm === 'what') return true;
  let j = head + 1;
  if (T[j]?.pos === 'PRON') j++;
  else {
    while (j < s.tokEnd && (T[j].pos === 'DET' || T[j].pos === 'ADJ' || T[j].pos === 'NUM')) j++;
    const nounStart = j;
    while (j < s.tokEnd && (T[j].pos === 'NOUN' || T[j].pos === 'PROPN' || T[j].norm === "'s")) j++;
    if (j === nounStart) return false;
  }
  const n = T[j];
  if (!n || j >= s.tokEnd) return false;
  return n.norm === 'a' || n.norm === 'an' || n.norm === 'the' || n.norm === '"' || n.text === '“' || n.pos === 'ADJ';
}

/** Verbs whose object names a kind of event (scope, rule), not an event: see buildEvent. */
const GENERIC_FRAME_VERBS = new Set(['cover', 'govern', 'regulate', 'define', 'prohibit', 'forbid', 'outlaw', 'criminalize', 'criminalise', 'penalize', 'penalise']);

function buildEvent(doc: Doc, ctx: RoleContext, s: Sentence, m: PatternMatch, n: number): EventAnn | null {
  const p = m.pattern;
  const T = doc.tokens;
  if (!p.nominal && isAttributiveParticiple(T, s, m.head)) return null;
  // wink tags title-case headline verbs as PROPN; in body text a PROPN is a name ("in March 2001").
  if (!p.nominal && T[m.head].pos === 'PROPN' && s.zone === 'body' && !isTitleCase(T, s)) return null;
  if (p.mode === 'phone' && T[m.head].lemma === 'call' && isNamingCall(T, s, m.head)) return null;
  // "DUBAI, March 12 (Reuters)": a cue word inside a time expression is the date, not an event
  if (doc.times.some((t) => t.start <= T[m.head].start && T[m.head].end <= t.end)) return null;
  // "the treaty covers armed attacks on public vessels", "a law that prohibits protests": a
  // nominal cue as the object of a verb of scope or rule names a kind of event, not one that happened.
  if (p.nominal) {
    const v = governingVerb(ctx, s, m.start);
    if (v !== null && GENERIC_FRAME_VERBS.has(T[v].lemma)) return null;
  }
  const limit = clauseEnd(ctx, s, Math.max(m.head, m.end - 1));
  const rules = [`pattern:${p.id}`];
  // Only transitive cues swap roles in the passive ("was attacked by X"); "has been involved in" is not one.
  const transitive = !p.nominal && p.recipient.includes('object');
  const reduced = transitive && m.end === m.head + 1 && !isPassive(ctx, s, m.head) ? reducedRelative(ctx, s, m.head) : null;
  // "officials accused of a role in the genocide would soon be indicted": a participle describing
  // a noun of another verb is background, not an event this sentence states, unless a by-phrase
  // names who did it; after "there were" it is the predication ("There were ten soldiers killed").
  // A victim report is the exception ("Israeli troops killed in Gaza on Tuesday were named"): the
  // killing stays, with the victims as recipients and no actor, as "were killed" would give.
  if (reduced === 'bare' && p.type !== 'ASSAULT') return null;
  const passive = transitive && (reduced !== null || isPassive(ctx, s, m.head));
  if (reduced) rules.push('voice:reduced-relative');
  // "Floods hit the province", "killed by a landslide", "killed by the plane crash": a cause, not an actor
  if (!p.nominal && causedByNonAgent(T, s, passive ? null : verbGroupStart(ctx, s, m.start <= m.head ? m.start : m.head), passive ? m.head : null)) return null;
  const actorRoles = passive ? ['by', ...p.actor.filter((r) => r !== 'subject')] : p.actor;
  const recipientRoles = passive ? ['subject', ...p.recipient.filter((r) => r !== 'object')] : p.recipient;
  if (passive) rules.push('voice:passive');

  // Possessor and modifier roles describe a noun: the head itself for nominal cues, else the
  // match's last noun ("expelled the French ambassador" → "ambassador").
  let nounAnchor = m.head;
  if (!p.nominal) for (let k = m.end - 1; k > m.head; k--) if (T[k].pos === 'NOUN' || T[k].pos === 'PROPN') { nounAnchor = k; break; }
  const find = (role: string): RoleHit | null => {
    switch (role) {
      case 'subject': {
        if (p.nominal) {
          const v = governingVerb(ctx, s, m.start);
          return v === null ? null : subjectOf(ctx, s, v);
        }
        return subjectOf(ctx, s, m.start <= m.head ? m.start : m.head);
      }
      case 'object': return objectAfter(ctx, s, m.end, limit);
      // "gave Jordan 50 million dollars": the first object of a two-object verb, inside the match
      case 'iobj': { const hit = objectAfter(ctx, s, m.head + 1, m.end); return hit && hit.at < m.end ? hit : null; }
      case 'poss': return possessorOf(ctx, s, nounAnchor);
      case 'adj': return T[nounAnchor].pos === 'NOUN' || T[nounAnchor].pos === 'PROPN' ? modifierOf(ctx, s, nounAnchor) : null;
      case 'rel-antecedent': return relativeAntecedent(ctx, s, m.head);
      case 'rel-object': return relativeObject(ctx, s, m.head);
      case 'speaker': case 'prev-object': case 'country': return null; // filled by later passes
      default: return prepObject(ctx, s, m.head + 1, role, limit);
    }
  };
  const captured = (role: 'R' | 'A'): string[] => {
    const out: string[] = [];
    for (const c of m.captures.filter((c) => c.role === role)) {
      let hit = npAt(ctx, s, c.start, c.end - c.start, 'capture');
      for (let k = c.start; !hit && k < c.end; k++) hit = pronounReferent(ctx, s, k);
      if (hit) for (const id of hit.entities) if (!out.includes(id)) out.push(id);
    }
    return out;
  };

  let actor = captured('A');
  if (actor.length) rules.push('actor:capture');
  for (const r of actor.length ? [] : actorRoles) {
    const hit = find(r);
    if (hit && hit.entities.length) { actor = hit.entities; rules.push(`actor:${r}:${hit.rule}`); break; }
  }
  if (!actor.length && !passive && p.actor.includes('subject')) {
    const pair = pairSubject(ctx, s, p.nominal ? null : verbGroupStart(ctx, s, m.start <= m.head ? m.start : m.head));
    if (pair) { actor = pair; rules.push('actor:subject:the-two-sides'); }
  }
  let recipient = captured('R');
  // "called the minister" is a call only when the callee is someone ("called for sanctions" is not).
  if (p.flags.has('capture-required') && !recipient.length && !actor.length) return null;
  if (recipient.length) rules.push('recipient:capture');
  for (const r of recipient.length ? [] : recipientRoles) {
    const hit = find(r);
    if (hit && hit.entities.length) {
      const rest = hit.entities.filter((id) => !actor.includes(id));
      if (rest.length) { recipient = rest; rules.push(`recipient:${r}:${hit.rule}`); break; }
    }
  }
  // Domestic events (a coup, a crackdown): the recipient is the actor's own country.
  if (!recipient.length && p.recipient.includes('country') && actor.length) {
    const code = ctx.entity(actor[0])?.code;
    const country = doc.entities.find((e) => e.type === 'country' && e.code === code);
    if (country) { recipient = [country.id]; rules.push('recipient:country-of-actor'); }
  }
  // Persons and places are not their own recipients; neither is the actor.
  recipient = recipient.filter((id) => !actor.includes(id));

  const cueStart = T[m.start].start;
  const cueEnd = T[m.end - 1].end;
  const spanTokens = [m.start, m.end - 1, ...[...actor, ...recipient].flatMap((id) => tokensOf(ctx, s, id))];
  const lo = Math.max(s.tokStart, Math.min(...spanTokens.filter((k) => k >= s.tokStart && k < s.tokEnd)));
  const hi = Math.min(s.tokEnd - 1, Math.max(...spanTokens.filter((k) => k >= s.tokStart && k < s.tokEnd), limit - 1));
  const info = cameoInfo(p.cameo);
  let confidence = 0.6 + (actor.length ? 0.2 : 0) + (recipient.length || !NEEDS_RECIPIENT.has(p.type) ? 0.1 : 0);
  if (p.flags.has('weak')) confidence -= 0.2;

  return {
    id: `ev${n + 1}`,
    type: p.type,
    mode: p.mode,
    contexts: [...p.contexts],
    actor, recipient,
    date: null,
    modality: 'asserted',
    attribution: null,
    evidence: [{ start: T[lo].start, end: T[hi].end }],
    cue: { start: cueStart, end: cueEnd },
    sentence: s.i,
    cameo: p.cameo,
    quad: quadOf(p.type),
    goldstein: info.goldstein,
    rules,
    rule: `pattern:${p.id}`,
    confidence: Math.max(0.05, Math.min(1, confidence)),
    location: null,
    head: m.head,
    pending: { speakerActor: p.actor.includes('speaker'), speakerRecipient: p.recipient.includes('speaker'), prevObject: p.actor.includes('prev-object'), needsRecipient: NEEDS_RECIPIENT.has(p.type), negationInCue: p.flags.has('negation-in-cue'), nominal: p.nominal, weak: p.flags.has('weak') },
  };
}

/** Token indices in sentence s where entity id is mentioned (for evidence spans). */
function tokensOf(ctx: RoleContext, s: Sentence, id: string): number[] {
  const out: number[] = [];
  for (let k = s.tokStart; k < s.tokEnd; k++) if (ctx.tokMention[k]?.entity === id) { out.push(k); break; }
  return out;
}

/** "was attacked by", "were killed": a be/get auxiliary before a participle head. */
function isPassive(ctx: RoleContext, s: Sentence, head: number): boolean {
  const T = ctx.tokens;
  const h = T[head];
  if (!/(ed|en|wn|ck|ht|ne)$/.test(h.norm) || h.norm.endsWith('ing')) return false;
  for (let k = head - 1; k >= Math.max(s.tokStart, head - 3); k--) {
    if (T[k].lemma === 'be' || T[k].lemma === 'get') return !(T[k + 1]?.norm === 'being' && false);
    if (!(T[k].pos === 'ADV' || T[k].norm === 'not' || T[k].norm === "n't" || T[k].lemma === 'have' || T[k].norm === 'been')) return false;
  }
  return false;
}

/** The verb at `k` stands in a clause opened by a subordinator ("When the talks failed Russia attacked …"). */
function inSubordinateClause(T: Doc['tokens'], s: Sentence, k: number): boolean {
  for (let j = k - 1; j >= s.tokStart; j--) {
    if (SUBORDINATORS.has(T[j].norm)) return true;
    if (T[j].pos === 'VERB' || T[j].pos === 'AUX' || T[j].norm === ';') return false;
  }
  return false;
}

/**
 * Is the event's cause a disaster, accident or disease? Active: the subject's head noun right before
 * the verb group starting at `groupStart`. Passive: the head noun of the by-phrase after `head`.
 */
function causedByNonAgent(T: Doc['tokens'], s: Sentence, groupStart: number | null, head: number | null): boolean {
  const nouns = nonAgentNouns();
  // wink tags a capitalised sentence-initial noun as PROPN ("Floods hit …")
  const is = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN') && (nouns.has(t.lemma) || nouns.has(t.norm) || nouns.has(t.norm.replace(/s$/, '')));
  if (groupStart !== null) return groupStart > s.tokStart && is(T[groupStart - 1]);
  if (head === null) return false;
  for (let k = head + 1; k < Math.min(s.tokEnd, head + 4); k++) {
    if (T[k].norm !== 'by') continue;
    let last: Token | undefined;
    for (let j = k + 1; j < Math.min(s.tokEnd, k + 8); j++) {
      const t = T[j];
      if (t.pos === 'ADP' || t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'CCONJ') break;
      if (t.pos === 'NOUN' || t.pos === 'PROPN') last = t;
    }
    return is(last);
  }
  return false;
}

/** Verbs that take a clause besides the reporting verbs ("hoped the officials …", "feared troops …"):
 *  the noun after them may start a new clause. */
const COGNITION_VERBS = new Set(['hope', 'believe', 'think', 'fear', 'expect', 'know', 'show', 'feel', 'find', 'see', 'hear']);
const takesClause = (lemma: string) => COGNITION_VERBS.has(lemma) || reportingVerbs().has(lemma);
const CLAUSE_OPENERS = new Set([';', ':', '"', 'that', ...RELATIVES, ...SUBORDINATORS]);

/**
 * "officials accused of playing a role … would soon be indicted", "released the mayor, a member of
 * the movement jailed a year ago", "There were ten soldiers killed": a participle right after a noun,
 * with no auxiliary and no object of its own, is a reduced passive relative clause on that noun when
 * the noun belongs to another verb — the verb before it whose object it is, the verb after the
 * participle phrase whose subject it is, or an existential "there were". 'agent' when a by-phrase
 * follows, 'existential' for "there were", else 'bare'; null when the participle is the main verb
 * ("A French minister threatened today to impose …").
 */
function reducedRelative(ctx: RoleContext, s: Sentence, head: number): 'agent' | 'bare' | 'existential' | null {
  const T = ctx.tokens;
  if (head <= s.tokStart || !/(ed|en|wn)$/.test(T[head].norm)) return null;
  let p = head - 1;
  while (p > s.tokStart && T[p].pos === 'ADV') p--;
  if (!(T[p].pos === 'NOUN' || T[p].pos === 'PROPN')) return null;
  // "France on Wednesday condemned as unacceptable …": a time before the verb ends an adverbial
  if (ctx.doc.times.some((t) => t.start <= T[p].start && T[p].end <= t.end)) return null;
  const next = T[head + 1];
  const inTime = (t: Token) => ctx.doc.times.some((x) => x.start <= t.start && t.end <= x.end);
  // no object of its own: a preposition, adverb, punctuation or a time follows ("jailed last year")
  if (next && head + 1 < s.tokEnd && !(next.pos === 'ADP' || next.pos === 'ADV' || next.pos === 'PUNCT' || next.pos === 'SCONJ' || inTime(next))) return null;
  const finite = (k: number) => (T[k].pos === 'AUX' || T[k].pos === 'VERB' && !T[k].norm.endsWith('ing')) && T[k - 1]?.norm !== 'to';
  let owner: 'before' | 'after' | 'existential' | null = null;
  // left: the verb whose object (or apposition) the noun phrase is
  for (let k = p - 1; k >= s.tokStart && !owner; k--) {
    const t = T[k];
    if (CLAUSE_OPENERS.has(t.norm)) break;
    // "After the talks failed, Russia attacked at dawn": a comma after a verb closes a clause
    if (t.norm === ',' && (T[k - 1]?.pos === 'VERB' || T[k - 1]?.pos === 'AUX')) break;
    if (!finite(k)) continue;
    if (t.lemma === 'be' && T[k - 1]?.norm === 'there') owner = 'existential';
    else if (takesClause(t.lemma) || t.lemma === 'be' || t.lemma === 'have' || inSubordinateClause(T, s, k)) break;
    else owner = 'before';
  }
  // right: a verb whose subject the noun phrase with its participle is
  for (let k = head + 1; k < s.tokEnd && !owner; k++) {
    const t = T[k];
    if (CLAUSE_OPENERS.has(t.norm) || t.norm === ',' || t.pos === 'CCONJ') break;
    if (finite(k)) owner = 'after';
  }
  if (!owner) return null;
  for (let k = head + 1; k < Math.min(s.tokEnd, head + 4); k++) if (T[k].norm === 'by') return 'agent';
  return owner === 'existential' ? 'existential' : 'bare';
}

/** "the CNSP, which took power in a July 2023 coup": the entity a relative clause hangs on. */
function relativeAntecedent(ctx: RoleContext, s: Sentence, head: number): RoleHit | null {
  const T = ctx.tokens;
  for (let k = head - 1; k > s.tokStart; k--) {
    if (T[k].norm === 'which' || T[k].norm === 'who' || T[k].norm === 'that' && T[k].pos !== 'SCONJ') {
      let a = k - 1;
      if (T[a]?.norm === ',') a--;
      const id = ctx.actorAt(a);
      return id ? { entities: listAround(ctx, s, a), rule: 'relative-antecedent', at: a } : null;
    }
    if (T[k].norm === ';' || T[k].norm === '.' || (T[k].norm === ',' && T[k + 1]?.norm !== 'which')) return null;
  }
  return null;
}

/**
 * "The CNSP has already kicked France out of Niger, a withdrawal that was completed in December":
 * a nominal event set off by a comma after a clause restates that clause's consequence, so the
 * one who withdraws is the one the previous event expelled or ordered out.
 */
function linkAppositiveEvents(doc: Doc, ctx: RoleContext, events: EventAnn[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.actor.length || !e.pending?.prevObject) continue;
    const prev = events.slice(0, i).reverse().find((p) => p.sentence === e.sentence && p.cue.end <= e.cue.start);
    if (!prev || !prev.recipient.length) continue;
    const between = doc.text.slice(prev.cue.end, e.cue.start);
    if (!/,\s*(?:a|an|the)?\s*[\w\s-]{0,30}$/.test(between)) continue;
    if (prev.type === 'SANCTION' || prev.type === 'REQUEST' || prev.type === 'COERCE') {
      e.actor = [...prev.recipient];
      e.recipient = e.recipient.filter((r) => !e.actor.includes(r));
      e.rules.push(`actor:prev-object:${prev.id}`);
      e.confidence = Math.min(1, e.confidence + 0.1);
    }
  }
  void ctx;
}

/** Reactions whose object can be an earlier event ("condemned the strikes"). */
const REACTION_TYPES = new Set(['ACCUSE', 'SUPPORT', 'REJECT']);

/**
 * "US and British forces carried out air strikes … Iran's Foreign Ministry condemned the strikes":
 * a reaction whose object is a definite noun naming an earlier event ("the strikes", "the
 * attack") is aimed at the actors of the event that introduced it. Only a noun that was a word of the earlier event's
 * own cue counts; anything else leaves the recipient unresolved.
 */
function linkAnaphoricObjects(doc: Doc, events: EventAnn[]): void {
  const T = doc.tokens;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!REACTION_TYPES.has(e.type) || e.recipient.length || e.pending?.nominal || e.head === undefined) continue;
    const s = doc.sentences[e.sentence];
    let k = e.head + 1;
    if (T[k]?.norm !== 'the' || k >= s.tokEnd) continue;
    k++;
    while (k < s.tokEnd && T[k].pos === 'ADJ') k++;
    const noun = T[k];
    if (!noun || k >= s.tokEnd || noun.pos !== 'NOUN' || !/s$/.test(noun.norm) && T[k + 1]?.pos === 'NOUN') continue;
    // the event that introduced the referent: the earliest one with that noun in its cue
    for (let j = 0; j < i; j++) {
      const p = events[j];
      if (p.sentence >= e.sentence || !p.actor.length) continue;
      let same = false;
      for (let t = tokenAt(T, p.cue.start); t < T.length && T[t].start < p.cue.end; t++) if (T[t].lemma === noun.lemma) same = true;
      if (!same) continue;
      const rest = p.actor.filter((id) => !e.actor.includes(id));
      if (rest.length) { e.recipient = rest; e.rules.push(`recipient:anaphoric-event:${p.id}`); }
      break;
    }
  }
}

function tokenAt(T: Doc['tokens'], offset: number): number {
  let lo = 0, hi = T.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (T[mid].end <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}

const PAIR_NOUNS = new Set(['side', 'sides', 'country', 'countries', 'nation', 'nations', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'government', 'governments', 'party', 'parties', 'state', 'states', 'rival', 'rivals', 'foe', 'foes']);

/**
 * "At the last round in June, the two sides agreed to …", "The two countries agreed …": a subject
 * "the two/both sides" names the two countries the previous sentences name (read back at most three
 * sentences, until two are found); a third country, or fewer than two, leaves it unresolved.
 */
function pairSubject(ctx: RoleContext, s: Sentence, groupStart: number | null): string[] | null {
  if (groupStart === null) return null;
  const T = ctx.tokens;
  const n = groupStart - 1;
  if (n - 1 < s.tokStart || !PAIR_NOUNS.has(T[n].norm) || !/s$/.test(T[n].norm)) return null;
  const q = T[n - 1].norm;
  if (!(q === 'both' || q === 'two' && T[n - 2]?.norm === 'the')) return null;
  const doc = ctx.doc;
  const byCode = new Map<string, string>();
  for (let i = s.i - 1; i >= Math.max(0, s.i - 3); i--) {
    const prev = doc.sentences[i];
    for (let k = prev.tokStart; k < prev.tokEnd; k++) {
      const id = ctx.tokMention[k]?.entity;
      const e = ctx.entity(id ?? null);
      if (!e || e.type !== 'country' || !e.code || byCode.has(e.code)) continue;
      byCode.set(e.code, e.id);
    }
    if (byCode.size === 2) return [...byCode.values()];
    if (byCode.size > 2) return null;
  }
  return null;
}
