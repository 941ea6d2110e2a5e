/**
 * fusion (within one article): the same event stated twice becomes one event with several
 * evidence spans. Two statements fuse when they have the same PLOVER type, compatible
 * participants (same codes, or one side unnamed) and compatible dates, and one of:
 * - a headline or sub-headline restating a body event (headlines restate the lead);
 * - an anaphoric nominal ("the coup", "in the wake of the coup") naming an earlier event;
 * - a relative clause hanging on an event noun ("the coup, which ousted former President …");
 * - the same cue word with the same participants in the body.
 * Afterwards, events that still name no participant at all, and types that need a recipient
 * (PLOVER: COOPERATE, AID, SANCTION) without one, are dropped: an event we cannot place is
 * worse than a missed one.
 */
import type { Doc, EventAnn, Stage } from '../doc.js';
import { docSlot } from '../doc-slot.js';

const codeIndex = docSlot<Map<string, string | null>>('fusionCodeIndex');
function codes(doc: Doc, ids: string[]): Set<string> {
  let byId = codeIndex.get(doc);
  if (!byId) { byId = new Map(doc.entities.map((e) => [e.id, e.code])); codeIndex.set(doc, byId); }
  return new Set(ids.map((id) => byId.get(id) ?? id));
}

/** The sentence holding an offset (sentences are sorted and disjoint); -1 when none. */
function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0, hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, s = doc.sentences[mid];
    if (offset < s.start) hi = mid - 1; else if (offset >= s.end) lo = mid + 1; else return mid;
  }
  return -1;
}

function compatibleSets(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return true;
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function compatibleDates(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const [a0, a1 = a0] = a.split('/');
  const [b0, b1 = b0] = b.split('/');
  // prefixes of each other ("2023-07" vs "2023-07-26") or overlapping intervals
  return a0.startsWith(b0) || b0.startsWith(a0) || !(a1 < b0.slice(0, a1.length) || b1 < a0.slice(0, b1.length));
}

function headLemma(doc: Doc, e: EventAnn): string {
  return doc.tokens[e.head ?? 0]?.lemma ?? '';
}

function isAnaphoricNominal(doc: Doc, e: EventAnn): boolean {
  const h = e.head ?? 0;
  return !!e.pending?.nominal && doc.tokens[h - 1]?.norm === 'the';
}

/** cue spans of every statement fused into an event so far */
type Cues = Map<EventAnn, { start: number; end: number; sentence: number }[]>;

function shouldFuse(doc: Doc, a: EventAnn, b: EventAnn, cues: Cues): string | null {
  if (a.type !== b.type) return null;
  if (!compatibleSets(codes(doc, a.actor), codes(doc, b.actor)) || !compatibleSets(codes(doc, a.recipient), codes(doc, b.recipient))) return null;
  if (!compatibleDates(a.date, b.date)) return null;
  const za = doc.sentences[a.sentence].zone, zb = doc.sentences[b.sentence].zone;
  if ((za !== 'body') !== (zb !== 'body')) return 'fusion:headline-restates-body';
  // "said it would lodge a protest and summoned the envoy": a plan and a deed are two events
  // (likewise an agreement reached and a hypothetical one: "agreed to exchange prisoners" vs
  // "if it does not agree to a ceasefire")
  if (a.modality !== b.modality && (a.modality === 'future' || b.modality === 'future' || a.modality === 'hypothetical' || b.modality === 'hypothetical') && !isAnaphoricNominal(doc, a) && !isAnaphoricNominal(doc, b)) return null;
  if (isAnaphoricNominal(doc, b) || isAnaphoricNominal(doc, a)) return 'fusion:anaphoric-nominal';
  // Both clause rules are local to b, and statements arrive in text order: the last few cues suffice.
  for (const c of (cues.get(a) ?? [a.cue]).slice(-8)) {
    // "the coup, which ousted …": b's subject is a's cue
    // (Lengths are checked before slicing: an event fused from many statements is compared with
    // every later one, and slicing the text between far-apart cues made long articles cubic.)
    if (!b.actor.length && b.cue.start > c.end && b.cue.start - c.end <= 200 && /^\s*,\s*(which|that)\s+$/.test(doc.text.slice(c.end, b.cue.start))) return 'fusion:relative-clause-on-event';
    // "took power in a July 2023 coup": two cues of one statement in the same clause
    const gapStart = Math.min(c.end, b.cue.end), gapEnd = Math.max(c.start, b.cue.start);
    if (gapEnd - gapStart > 30) continue;
    const gap = doc.text.slice(gapStart, gapEnd);
    if (!/[,;.]/.test(gap) && b.sentence === sentenceAt(doc, c.start)) return 'fusion:same-clause';
  }
  if (headLemma(doc, a) === headLemma(doc, b) && a.actor.length && b.actor.length && a.recipient.join() === b.recipient.join()) return 'fusion:same-cue-same-participants';
  return null;
}

function merge(into: EventAnn, from: EventAnn, rule: string): void {
  into.evidence = [...into.evidence, ...from.evidence].sort((x, y) => x.start - y.start)
    .filter((s, i, arr) => i === 0 || s.start !== arr[i - 1].start || s.end !== arr[i - 1].end);
  if (!into.actor.length) into.actor = [...from.actor];
  if (!into.recipient.length) into.recipient = from.recipient.filter((r) => !into.actor.includes(r));
  // a more precise day within the same period wins ("2023-07" → "2023-07-26"); intervals never override
  if (!into.date || (from.date && !from.date.includes('/') && from.date.length > into.date.length && from.date.startsWith(into.date))) into.date = from.date ?? into.date;
  // Only a restatement carries its own source; an anaphoric mention ("since the coup") does not
  // make the coup that speaker's claim.
  if (!into.attribution && from.attribution && rule === 'fusion:headline-restates-body') into.attribution = from.attribution;
  for (const c of from.contexts) if (!into.contexts.includes(c)) into.contexts.push(c);
  into.rules.push(`${rule}:${from.id}`, ...from.rules.map((r) => `  (${from.id}) ${r}`));
  into.confidence = Math.min(1, Math.max(into.confidence, from.confidence) + 0.05);
}

/** Victim-only reports ("20 villagers were killed") are events without a named actor; nothing else is. */
const ACTORLESS_OK = new Set(['ASSAULT', 'COERCE', 'PROTEST']);

function placeable(e: EventAnn): boolean {
  if (!e.actor.length && !(ACTORLESS_OK.has(e.type) && e.recipient.length)) return false;
  // "China and Russia held joint exercises": a compound actor is its own counterpart
  if (e.pending?.needsRecipient && !e.recipient.length && e.actor.length < 2) return false;
  if (e.pending?.weak && !e.recipient.length) return false;
  return true;
}

/** How many earlier statements of the same type a statement is compared with (plus the first 8: headline and lead). */
const FUSION_WINDOW = 64;

export const fusionStage: Stage = {
  name: 'fusion',
  requires: ['events'],
  sets: ['events'],
  run(doc: Doc) {
    // Body statements are primary; headline/sub-headline ones fold into them.
    const order = [...doc.events].sort((x, y) => {
      const zx = doc.sentences[x.sentence].zone === 'body' ? 0 : 1, zy = doc.sentences[y.sentence].zone === 'body' ? 0 : 1;
      return zx - zy || x.cue.start - y.cue.start;
    });
    const out: EventAnn[] = [];
    const cues: Cues = new Map();
    const byType = new Map<EventAnn['type'], EventAnn[]>();
    for (const e of order) {
      let fused = false;
      // Compare with statements of the same type only, and with the most recent ones first: a
      // restatement is near (or in the headline), and this bounds the work on pathological input.
      const same = byType.get(e.type) ?? [];
      for (const p of same.length > FUSION_WINDOW ? [...same.slice(0, 8), ...same.slice(-FUSION_WINDOW)] : same) {
        const rule = shouldFuse(doc, p, e, cues);
        if (rule) { merge(p, e, rule); cues.get(p)!.push({ ...e.cue, sentence: e.sentence }); fused = true; break; }
      }
      if (!fused) {
        out.push(e);
        cues.set(e, [{ ...e.cue, sentence: e.sentence }]);
        if (!byType.has(e.type)) byType.set(e.type, []);
        byType.get(e.type)!.push(e);
      }
    }
    const kept = out.filter(placeable);
    kept.sort((a, b) => a.evidence[0].start - b.evidence[0].start || a.cue.start - b.cue.start);
    doc.events = kept;
  },
};
