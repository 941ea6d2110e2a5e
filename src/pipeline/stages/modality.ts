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
import { verbGroupStart, RoleContext, roleContext } from '../../events/clause-roles.js';
import { cameoInfo, quadOf } from '../../events/cameo.js';

const Cue = z.object({ word: z.string(), example: z.string() });
const CuesFile = z.object({
  about: z.string().optional(),
  negation: z.array(Cue), future: z.array(Cue), hypothetical: z.array(Cue),
  hypotheticalGovernors: z.array(Cue), negatingGovernors: z.array(Cue),
});
interface Cues { negation: Set<string>; future: Set<string>; hypothetical: Set<string>; hypoGov: Set<string>; negGov: Set<string> }
let cues: Cues | null = null;
function modalityCues(): Cues {
  if (cues) return cues;
  const f = loadData('events/modality-cues.json', CuesFile);
  const set = (xs: { word: string }[]) => new Set(xs.map((x) => x.word));
  cues = { negation: set(f.negation), future: set(f.future), hypothetical: set(f.hypothetical), hypoGov: set(f.hypotheticalGovernors), negGov: set(f.negatingGovernors) };
  return cues;
}

const CLAUSE_STARTERS = new Set([',', ';', ':', 'that', 'which', 'who', 'and', 'but', 'said', 'says']);

export function eventModality(doc: Doc, ctx: RoleContext, e: EventAnn): { modality: Modality; rule: string } | null {
  const c = modalityCues();
  const T = doc.tokens;
  const s = doc.sentences[e.sentence];
  const head = e.head ?? T.findIndex((t) => t.start >= e.cue.start);
  const nominal = !!e.pending?.nominal;
  const from = nominal ? Math.max(s.tokStart, head - 3) : verbGroupStart(ctx, s, head);
  const group = T.slice(from, head);
  const has = (set: Set<string>) => group.find((t) => set.has(t.norm) || set.has(t.lemma));

  if (!e.pending?.negationInCue) {
    const neg = has(c.negation);
    if (neg) return { modality: 'negated', rule: `modality:negated:${neg.norm}` };
  }
  // governing words a few tokens before the head: "refused to extend", "denied attacking", "support for an intervention", "accused X of pursuing"
  for (let k = head - 1; k >= Math.max(s.tokStart, head - 8); k--) {
    const t = T[k];
    if (CLAUSE_STARTERS.has(t.norm) && k < head - 1) break;
    if (c.negGov.has(t.lemma) && (T[k + 1]?.norm === 'to' || T[head].norm.endsWith('ing'))) return { modality: 'negated', rule: `modality:negated-governor:${t.lemma}` };
    if (c.hypoGov.has(t.lemma) && T.slice(k + 1, head).some((x) => x.norm === 'for' || x.norm === 'of' || x.norm === 'to')) {
      return { modality: 'hypothetical', rule: `modality:hypothetical-governor:${t.lemma}` };
    }
  }
  const hyp = has(c.hypothetical);
  if (hyp) return { modality: 'hypothetical', rule: `modality:hypothetical:${hyp.norm}` };
  for (let k = head - 1; k >= s.tokStart; k--) {
    const t = T[k];
    if (t.norm === ';' || t.norm === 'that' || t.norm === 'said') break;
    if (t.norm === 'if' || t.norm === 'unless' || t.norm === 'whether') return { modality: 'hypothetical', rule: `modality:hypothetical-clause:${t.norm}` };
  }
  const fut = has(c.future);
  if (fut) return { modality: 'future', rule: `modality:future:${fut.norm}` };
  return null;
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
