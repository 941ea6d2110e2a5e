/**
 * event-dates: when did each event happen?
 * 1. A time stated in the event's own clause ("took power in a July 2023 coup", "a withdrawal
 *    that was completed in December").
 * 2. Otherwise, for a reported event told in the present or progressive ("the US was seeking
 *    clarification", "Niger regrets …", "it was severing ties"), or an accusation that exists only
 *    as the saying, the time of the saying ("told reporters on Monday that …").
 * 3. "since the coup": an interval from the date of the event named after "since" to the saying.
 * A simple-past report with no stated time ("Singh said the US warned Niger") stays undated:
 * it happened before the saying, but we do not invent when.
 */
import type { Doc, EventAnn, Sentence, Stage, TimeAnn } from '../doc.js';
import { RoleContext, verbGroupStart, roleContext, tokenIndexAt } from '../../events/clause-roles.js';

const LEFT_BOUNDARY = new Set([';', ':', 'that', 'which', 'who', '“', '”', '"']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", 'remains', 'remain']);
const PAST_AUX = new Set(['did', 'had', 'has', 'have', "'ve", "'d", 'was', 'were']);

function segment(doc: Doc, s: Sentence, head: number, frameTok: number | null): [number, number] {
  const T = doc.tokens;
  let lo = head;
  while (lo > s.tokStart) {
    const t = T[lo - 1];
    if (LEFT_BOUNDARY.has(t.norm) && !(t.norm === 'that' && t.pos === 'DET') || lo - 1 === frameTok) break;
    if (t.norm === ',' && (T[lo]?.norm === 'and' || T[lo]?.norm === 'but')) break;
    lo--;
  }
  let hi = head + 1;
  while (hi < s.tokEnd) {
    const t = T[hi];
    if (t.norm === ';' || t.norm === ':' || t.norm === '“' || t.norm === '”' || hi === frameTok) break;
    if (t.norm === ',' && /^(and|but|which|who|a|an|the|while|after|before|since|as)$/.test(T[hi + 1]?.norm ?? '')) break;
    hi++;
  }
  return [lo, hi];
}

/** Present or progressive verb groups carry the time of their saying. */
function presentOrProgressive(doc: Doc, ctx: RoleContext, s: Sentence, head: number): boolean {
  const T = doc.tokens;
  const group = T.slice(verbGroupStart(ctx, s, head), head + 1);
  const h = T[head];
  if (group.some((t) => PRESENT_BE.has(t.norm))) return true;
  if (h.norm.endsWith('ing') && group.some((t) => t.norm === 'was' || t.norm === 'were')) return true;
  if (group.some((t) => PAST_AUX.has(t.norm) || t.norm === 'will')) return false;
  if (h.pos === 'VERB' && (h.norm === h.lemma || h.norm === h.lemma + 's' || h.norm === h.lemma + 'es')) return true;
  return false;
}

export const eventDatesStage: Stage = {
  name: 'event-dates',
  requires: ['events', 'times'],
  sets: ['events'],
  run(doc: Doc) {
    const ctx = roleContext(doc);
    const T = doc.tokens;
    const headOf = (e: EventAnn) => e.head ?? tokenIndexAt(doc, e.cue.start);
    for (const e of doc.events) {
      const s = doc.sentences[e.sentence];
      const head = headOf(e);
      const frameTok = e.attribution?.span ? tokenIndexAt(doc, e.attribution.span.start) : null;
      const [lo, hi] = segment(doc, s, head, frameTok);
      const a = T[lo].start, b = T[hi - 1].end;
      const own = doc.times.filter((t) => t.start >= a && t.end <= b && !(e.attribution?.span && t.start >= e.attribution.span.start && t.end <= e.attribution.span.end));
      if (own.length) {
        // the time nearest the head
        const best = own.reduce((x, y) => Math.abs(x.start - T[head].start) <= Math.abs(y.start - T[head].start) ? x : y);
        e.date = best.value;
        e.rules.push(`date:own-clause:${best.rule}`);
        continue;
      }
      const since = sinceLink(doc, e, lo, hi);
      if (since) { e.date = since.value; e.rules.push(since.rule); continue; }
      const saying = e.pending?.sayingDate ?? null;
      if (saying && (e.pending?.speakerActor || !e.pending?.nominal && presentOrProgressive(doc, ctx, s, head))) {
        e.date = saying;
        e.rules.push(`date:time-of-saying:${e.pending?.sayingTimeRule ?? ''}`);
      }
    }
  },
};

/** "since the coup" → from the coup's date to the saying (or publication). */
function sinceLink(doc: Doc, e: EventAnn, lo: number, hi: number): { value: string; rule: string } | null {
  const T = doc.tokens;
  const head = e.head ?? -1;
  for (let k = lo; k < hi - 1; k++) {
    if (T[k].norm !== 'since' || (head > k && head <= k + 3)) continue; // "since the coup" is not itself dated by the coup
    for (let j = k + 1; j <= Math.min(hi - 1, k + 3); j++) {
      const ref = doc.events.find((x) => x !== e && x.date && T[x.head ?? -1]?.lemma === T[j].lemma);
      if (ref?.date) {
        const from = ref.date.split('/')[0];
        const to = e.pending?.sayingDate?.split('/').pop() ?? doc.published?.slice(0, 10) ?? '..';
        return { value: `${from}/${to}`, rule: `date:since:${ref.id}` };
      }
    }
  }
  return null;
}

export type { TimeAnn };
