/**
 * modality: did the event happen? negated ("has not been involved"), hypothetical ("potentially",
 * "could", the content of an accusation, the object of "support for …"), future ("will", "is
 * looking to", "plans to") or asserted. Read from the event's verb group and governing words.
 * Precedence: negated > hypothetical > future > asserted.
 */
import { z } from 'zod';
import type { Doc, EventAnn, Stage } from '../doc.js';
import type { Modality } from '../../contract/analysis-schema.js';
import { loadData } from '../../data/load.js';
import { verbGroupStart, RoleContext, roleContext, tokenIndexAt } from '../../events/clause-roles.js';
import { cameoInfo, quadOf } from '../../events/cameo.js';

const Cue = z.object({ word: z.string(), example: z.string() });
const CuesFile = z.object({
  about: z.string().optional(),
  negation: z.array(Cue), future: z.array(Cue), hypothetical: z.array(Cue),
  hypotheticalGovernors: z.array(Cue), negatingGovernors: z.array(Cue), requestGovernors: z.array(Cue),
});
interface Cues { negation: Set<string>; future: Set<string>; hypothetical: Set<string>; hypoGov: Set<string>; negGov: Set<string>; reqGov: Set<string> }
let cues: Cues | null = null;
function modalityCues(): Cues {
  if (cues) return cues;
  const f = loadData('events/modality-cues.json', CuesFile);
  const set = (xs: { word: string }[]) => new Set(xs.map((x) => x.word));
  cues = { negation: set(f.negation), future: set(f.future), hypothetical: set(f.hypothetical), hypoGov: set(f.hypotheticalGovernors), negGov: set(f.negatingGovernors), reqGov: set(f.requestGovernors) };
  return cues;
}

const CLAUSE_STARTERS = new Set([',', ';', ':', 'that', 'which', 'who', 'and', 'but', 'said', 'says']);

export function eventModality(doc: Doc, ctx: RoleContext, e: EventAnn): { modality: Modality; rule: string } | null {
  const c = modalityCues();
  const T = doc.tokens;
  const s = doc.sentences[e.sentence];
  const head = e.head ?? tokenIndexAt(doc, e.cue.start);
  const nominal = !!e.pending?.nominal;
  const from = nominal ? Math.max(s.tokStart, head - 3) : verbGroupStart(ctx, s, head);
  const group = T.slice(from, head);
  const has = (set: Set<string>) => group.find((t) => set.has(t.norm) || set.has(t.lemma));

  if (!e.pending?.negationInCue) {
    const neg = has(c.negation);
    // "sanctions … if it does not agree to a ceasefire": a negated condition states nothing either way
    if (neg && !nominal) {
      for (let k = head - 1; k >= Math.max(s.tokStart, head - 8); k--) {
        if (T[k].norm === 'if' || T[k].norm === 'unless') return { modality: 'hypothetical', rule: 'modality:hypothetical-clause:if-not' };
        if (CLAUSE_STARTERS.has(T[k].norm)) break;
      }
    }
    if (neg) return { modality: 'negated', rule: `modality:negated:${neg.norm}` };
  }
  const asked = requestGovernor(T, s.tokStart, from, group, c.reqGov);
  if (asked) return { modality: 'hypothetical', rule: `modality:hypothetical-requested:${asked}` };
  // governing words a few tokens before the head: "refused to extend", "denied attacking", "support for an intervention", "accused X of pursuing"
  for (let k = head - 1; k >= Math.max(s.tokStart, head - 8); k--) {
    const t = T[k];
    if (CLAUSE_STARTERS.has(t.norm) && k < head - 1) break;
    if (c.negGov.has(t.lemma) && (T[k + 1]?.norm === 'to' || T[head].norm.endsWith('ing'))) return { modality: 'negated', rule: `modality:negated-governor:${t.lemma}` };
    if (c.hypoGov.has(t.lemma) && T.slice(k + 1, head).some((x) => x.norm === 'for' || x.norm === 'of' || x.norm === 'to')) {
      return { modality: 'hypothetical', rule: `modality:hypothetical-governor:${t.lemma}` };
    }
  }
  let conditional: string | null = null;
  for (let k = head - 1; k >= s.tokStart; k--) {
    const t = T[k];
    if (t.norm === ';' || t.norm === 'that' || t.norm === 'said') break;
    if (t.norm === 'if' || t.norm === 'unless' || t.norm === 'whether') { conditional = t.norm; break; }
  }
  const hyp = has(c.hypothetical);
  // In reported speech "would" is the future seen from the past ("said it would withdraw"),
  // unless a negated condition follows the event ("said France would support further listings
  // if there was no progress"): "would … if not" is a conditional warning, not a plan. A positive
  // condition stays an offer ("said they would meet the mediator if he gave them a veto": AGREE).
  if (hyp && hyp.norm === 'would' && e.attribution && !conditional && !conditionFollows(T, s, head)) return { modality: 'future', rule: 'modality:future:reported-would' };
  if (hyp) return { modality: 'hypothetical', rule: `modality:hypothetical:${hyp.norm}` };
  if (conditional) return { modality: 'hypothetical', rule: `modality:hypothetical-clause:${conditional}` };
  const fut = has(c.future);
  if (fut) return { modality: 'future', rule: `modality:future:${fut.norm}` };
  return null;
}

/**
 * "would support further listings if there was no progress", "unless Tehran complies": a negated
 * if-clause (or an unless-clause) after the event, in the same clause (up to a semicolon, a quote
 * or the next "said").
 */
function conditionFollows(T: Doc['tokens'], s: Doc['sentences'][number], head: number): boolean {
  const NEG = new Set(['no', 'not', "n't", 'never', 'fail', 'fails', 'failed', 'refuse', 'refuses', 'refused']);
  for (let k = head + 1; k < s.tokEnd; k++) {
    const t = T[k];
    if (t.norm === ';' || t.norm === '"' || t.norm === 'said' || t.norm === 'says' || t.norm === 'but') return false;
    if (t.norm === 'unless') return true;
    if (t.norm === 'if') {
      for (let j = k + 1; j < Math.min(s.tokEnd, k + 8); j++) {
        if (T[j].norm === ',' || T[j].norm === ';') break;
        if (NEG.has(T[j].norm)) return true;
      }
      return false;
    }
  }
  return false;
}

/**
 * "urged Zimbabwe to release the activists", "called on both sides to stop", "wants Putin to attack":
 * a verb of asking or wanting, its object, then the event's to-infinitive. Returns the verb's lemma.
 * `from` is where the event's verb group starts (after the object); the group must hold the "to".
 */
function requestGovernor(T: Doc['tokens'], sentStart: number, from: number, group: Doc['tokens'], gov: Set<string>): string | null {
  if (!group.some((t) => t.norm === 'to')) return null;
  let k = from - 1;
  let np = 0;
  // the object noun phrase: "both sides", "the European Community", "its citizens", "him"
  while (k >= sentStart && np < 7 && /^(NOUN|PROPN|PRON|DET|ADJ|NUM)$/.test(T[k].pos) || k >= sentStart && np < 7 && (T[k].norm === "'s" || T[k].norm === '-')) { k--; np++; }
  if (!np) return null;
  if (k >= sentStart && (T[k].norm === 'on' || T[k].norm === 'upon' || T[k].norm === 'with' || T[k].norm === 'to')) k--; // "called on", "pleaded with", "appealed to"
  while (k >= sentStart && T[k].pos === 'ADV') k--;
  const v = T[k];
  return v && (v.pos === 'VERB' || v.pos === 'NOUN' && /s$/.test(v.norm)) && gov.has(v.lemma) ? v.lemma : null;
}

/**
 * PLOVER: "where one type expresses it, prefer the type" — an intention to cooperate is AGREE
 * (future SUPPORT/CONSULT/COOPERATE/AID → AGREE), an announced withdrawal or release is CONCEDE.
 * The statement of intent itself is asserted.
 */
const FUTURE_TYPE: Partial<Record<EventAnn['type'], { type: EventAnn['type']; cameo: string }>> = {
  SUPPORT: { type: 'AGREE', cameo: '030' }, CONSULT: { type: 'AGREE', cameo: '036' }, COOPERATE: { type: 'AGREE', cameo: '030' },
  AID: { type: 'AGREE', cameo: '033' }, RETREAT: { type: 'CONCEDE', cameo: '083' },
};

/**
 * A refusal stated as a negated intention ("said it would not attend the talks", "will not
 * provide support") is REJECT in PLOVER and CAMEO (12x), by what is refused.
 */
const REFUSED: Partial<Record<EventAnn['type'], { cameo: string; mode: string | null }>> = {
  AGREE: { cameo: '120', mode: null }, SUPPORT: { cameo: '120', mode: null }, CONSULT: { cameo: '125', mode: 'meet' },
  COOPERATE: { cameo: '121', mode: 'assist' }, AID: { cameo: '121', mode: 'assist' },
  CONCEDE: { cameo: '124', mode: 'yield' }, RETREAT: { cameo: '124', mode: 'yield' },
};
const INTENT_AUX = new Set(['will', 'would', "'ll", 'shall']);

/**
 * A hostile act the actor itself announces it will do ("said it would impose sanctions",
 * "plans to expel the envoys", "vowed to shell the town") is a THREATEN (CAMEO 13x), its mode
 * what is threatened. A forecast by someone else ("analysts expect an attack") is not.
 */
const THREATENED: Partial<Record<EventAnn['type'], { cameo: string; mode: string | null }>> = {
  SANCTION: { cameo: '131', mode: 'relations' }, COERCE: { cameo: '137', mode: 'restrict' },
  ASSAULT: { cameo: '138', mode: 'violence' }, PROTEST: { cameo: '133', mode: null },
};
const INTENT_WORDS = new Set(['vow', 'pledge', 'threaten', 'plan', 'intend', 'prepare', 'prepared', 'ready', 'determined', 'decide', 'swear', 'promise']);

function verbGroup(doc: Doc, ctx: RoleContext, e: EventAnn): Doc['tokens'] {
  const s = doc.sentences[e.sentence];
  const head = e.head ?? doc.tokens.findIndex((t) => t.start >= e.cue.start);
  return doc.tokens.slice(verbGroupStart(ctx, s, head), head);
}

function retype(e: EventAnn, type: EventAnn['type'], cameo: string, mode: string | null | undefined, rule: string): void {
  e.rules.push(rule);
  e.type = type;
  e.cameo = cameo;
  if (mode !== undefined) e.mode = mode;
  e.quad = quadOf(type);
  e.goldstein = cameoInfo(cameo).goldstein;
}

export const modalityStage: Stage = {
  name: 'modality',
  requires: ['events'],
  sets: ['events'],
  run(doc: Doc) {
    const ctx = roleContext(doc);
    for (const e of doc.events) {
      if (e.modality !== 'asserted') continue; // already decided (a denial frame)
      const m = eventModality(doc, ctx, e);
      if (!m) continue;
      e.modality = m.modality;
      e.rules.push(m.rule);
      const group = verbGroup(doc, ctx, e);
      const intendedBySpeaker = !!e.attribution?.speaker && e.actor.includes(e.attribution.speaker);
      const refused = m.modality === 'negated' ? REFUSED[e.type] : undefined;
      if (refused && group.some((t) => INTENT_AUX.has(t.norm)) && (intendedBySpeaker || !e.attribution)) {
        retype(e, 'REJECT', refused.cameo, refused.mode, `type:${e.type}→REJECT:negated-intent`);
        e.modality = 'asserted';
        continue;
      }
      const threat = m.modality === 'future' ? THREATENED[e.type] : undefined;
      if (threat && (e.type !== 'PROTEST' || e.mode === 'boycott' || e.mode === 'strike')
        && (intendedBySpeaker || group.some((t) => INTENT_WORDS.has(t.lemma) || INTENT_WORDS.has(t.norm)))) {
        retype(e, 'THREATEN', threat.cameo, e.type === 'COERCE' && e.mode === 'arrest' ? 'arrest' : threat.mode, `type:${e.type}→THREATEN:announced-hostile-intent`);
        e.modality = 'asserted';
        continue;
      }
      const to = m.modality === 'future' ? FUTURE_TYPE[e.type] : undefined;
      if (to) {
        e.rules.push(`type:${e.type}→${to.type}:plover-intent`);
        e.type = to.type;
        e.cameo = to.cameo;
        e.quad = quadOf(to.type);
        e.goldstein = cameoInfo(to.cameo).goldstein;
        e.modality = 'asserted';
      }
    }
  },
};
