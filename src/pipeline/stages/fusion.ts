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

function codes(doc: Doc, ids: string[]): Set<string> {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  return new Set(ids.map((id) => byId.get(id)?.code ?? id));
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

function shouldFuse(doc: Doc, a: EventAnn, b: EventAnn): string | null {
  if (a.type !== b.type) return null;
  if (!compatibleSets(codes(doc, a.actor), codes(doc, b.actor)) || !compatibleSets(codes(doc, a.recipient), codes(doc, b.recipient))) return null;
  if (!compatibleDates(a.date, b.date)) return null;
  const za = doc.sentences[a.sentence].zone, zb = doc.sentences[b.sentence].zone;
  if ((za !== 'body') !== (zb !== 'body')) return 'fusion:headline-restates-body';
  if (isAnaphoricNominal(doc, b) || isAnaphoricNominal(doc, a)) return 'fusion:anaphoric-nominal';
  // "the coup, which ousted …": b's subject is a's cue
  if (a.sentence === b.sentence && !b.actor.length && b.cue.start > a.cue.end && /^\s*,\s*(which|that)\s+$/.test(doc.text.slice(a.cue.end, b.cue.start))) return 'fusion:relative-clause-on-event';
  if (headLemma(doc, a) === headLemma(doc, b) && a.actor.length && b.actor.length && a.recipient.join() === b.recipient.join()) return 'fusion:same-cue-same-participants';
  return null;
}

function merge(into: EventAnn, from: EventAnn, rule: string): void {
  into.evidence = [...into.evidence, ...from.evidence].sort((x, y) => x.start - y.start)
    .filter((s, i, arr) => i === 0 || s.start !== arr[i - 1].start || s.end !== arr[i - 1].end);
  if (!into.actor.length) into.actor = [...from.actor];
  if (!into.recipient.length) into.recipient = from.recipient.filter((r) => !into.actor.includes(r));
  if (!into.date || (from.date && from.date.length > into.date.length && from.date.startsWith(into.date))) into.date = from.date ?? into.date;
  if (!into.attribution && from.attribution) into.attribution = from.attribution;
  for (const c of from.contexts) if (!into.contexts.includes(c)) into.contexts.push(c);
  into.rules.push(`${rule}:${from.id}`, ...from.rules.map((r) => `  (${from.id}) ${r}`));
  into.confidence = Math.min(1, Math.max(into.confidence, from.confidence) + 0.05);
}

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
    for (const e of order) {
      let fused = false;
      for (const p of out) {
        const rule = shouldFuse(doc, p, e);
        if (rule) { merge(p, e, rule); fused = true; break; }
      }
      if (!fused) out.push(e);
    }
    const kept = out.filter((e) => (e.actor.length || e.recipient.length) && !(e.pending?.needsRecipient && !e.recipient.length));
    kept.sort((a, b) => a.evidence[0].start - b.evidence[0].start || a.cue.start - b.cue.start);
    doc.events = kept;
  },
};
