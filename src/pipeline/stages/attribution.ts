/**
 * attribution: who says each event happened. Finds reporting frames — "X said (that) …",
 * "X told reporters on Monday that …", "“…,” X said on Saturday.", "…, said X", "according to X",
 * quotations spanning several sentences — and gives every event inside a frame's complement its
 * speaker, the reporter of a nested report ("The Wall Street Journal reported that the US accused
 * …": the accusation is the US's, reported by the WSJ), the verb, whether it is quoted, and the
 * time of the saying (used by event-dates).
 */
import type { Doc, EventAnn, ReportFrame, Sentence, Span, Stage, TimeAnn } from '../doc.js';
import { MAX_EVENT_SENTENCE_TOKENS } from './events.js';
import { reportingVerbs } from '../../events/reporting-verbs.js';
import { RoleContext, subjectOf, roleContext } from '../../events/clause-roles.js';
import { cameoInfo, quadOf } from '../../events/cameo.js';

type Frame = ReportFrame;

const MODALS = new Set(['will', 'would', "'ll", 'shall', 'could', 'can', 'might', 'may', 'must', 'should']);
const OPEN_Q = new Set(['“', '"', '«']);
const CLOSE_Q = new Set(['”', '"', '»']);

/** Quoted spans (“…”), paired per paragraph; straight quotes alternate open/close. */
export function quoteSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const p of doc.layout.paragraphs) {
    let open = -1;
    for (let i = p.start; i < p.end; i++) {
      const c = doc.text[i];
      if (open < 0 && OPEN_Q.has(c) && (c !== '"' || i === p.start || /[\s(\[—–-]/.test(doc.text[i - 1]))) open = i;
      else if (open >= 0 && CLOSE_Q.has(c) && i > open) { out.push({ start: open, end: i + 1 }); open = -1; }
    }
  }
  return out;
}

function timeIn(doc: Doc, a: number, b: number): TimeAnn | null {
  return doc.times.find((t) => t.start >= a && t.end <= b) ?? null;
}

/** Verbs that, coordinated after a denial, are the denier's own act ("denied … and accused …"). */
const SPEAKER_ACTS = new Set(['accuse', 'blame', 'urge', 'call', 'warn', 'vow', 'insist', 'condemn', 'demand', 'threaten', 'say', 'add']);

function findFrames(doc: Doc, ctx: RoleContext, s: Sentence, quotes: Span[]): Frame[] {
  const T = doc.tokens;
  const lex = reportingVerbs();
  const frames: Frame[] = [];
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    const t = T[k];
    // "according to X": everything else in the sentence is X's
    if (t.norm === 'according' && T[k + 1]?.norm === 'to') {
      const hitTok = k + 2;
      const id = ctx.mentionsIn(hitTok, Math.min(s.tokEnd, hitTok + 6))[0];
      frames.push({ verb: 'according to', verbTok: k, speaker: id?.id ?? null, span: { start: t.start, end: T[Math.min(s.tokEnd - 1, hitTok + 2)].end }, complement: { start: s.start, end: s.end }, time: null, media: false, negates: false, rule: 'frame.according-to' });
      continue;
    }
    const info = lex.get(t.lemma);
    // a "says" tagged as a noun is still a saying; "rejected claims of fraud" is not
    const nounSaying = t.pos === 'NOUN' && t.norm.endsWith('s') && T[k + 1]?.norm !== 'of' && !/^(DET|ADJ|VERB|ADP)$/.test(T[k - 1]?.pos ?? '');
    if (!info || !(t.pos === 'VERB' || t.pos === 'AUX' || nounSaying)) continue;
    // "announced it would free the prisoners": a pronoun and a modal open the clause without "that"
    const zeroThat = T[k + 1]?.pos === 'PRON' && MODALS.has(T[k + 2]?.norm ?? '');
    if (info.needsThat && !zeroThat && !T.slice(k + 1, Math.min(s.tokEnd, k + 5)).some((x) => x.norm === 'that')) continue;
    const rest = T.slice(k + 1, s.tokEnd);
    const tail = rest.filter((x) => x.pos !== 'PUNCT');
    const backward = tail.length <= 7 && !rest.some((x) => x.pos === 'VERB' || x.norm === 'that') && k > s.tokStart + 1;
    if (backward) {
      // "“…,” CNSP spokesman Col. Maj. Amadou Abdramane said on Saturday." / "…, said Singh."
      const subj = subjectOf(ctx, s, k);
      let speaker = subj?.entities[0] ?? null;
      let rule = 'frame.backward';
      // the complement ends at the comma or closing quote before the speaker
      let c = k - 1;
      while (c > s.tokStart && !(T[c].norm === ',' || CLOSE_Q.has(T[c].text))) c--;
      // "… in the Donetsk region, Russia's Defense Ministry claimed": the subject finder may read the
      // comma as list glue and reach back into the complement; the speaker stands after the comma.
      if (subj && c > s.tokStart) {
        const own = ctx.mentionsIn(c + 1, k).filter((x) => ctx.entity(x.id));
        if (own.some((x) => x.id === speaker)) own.length = 0; // the subject finder's pick stands after the comma: keep it
        const persons = own.filter((x) => ctx.entity(x.id)?.type === 'person');
        const pick = persons.length ? persons[persons.length - 1] : own[own.length - 1];
        if (pick) { speaker = pick.id; rule = 'frame.backward-after-comma'; }
      }
      if (!speaker) { speaker = ctx.mentionsIn(k + 1, s.tokEnd)[0]?.id ?? null; rule = 'frame.backward-inverted'; }
      let compStart = s.start;
      const q = quotes.find((x) => x.end >= T[c].start - 1 && x.end <= T[c].end + 1 && x.start < T[c].start);
      if (q) compStart = Math.min(compStart, q.start);
      frames.push({
        verb: t.norm, verbTok: k, speaker,
        span: { start: T[c + 1]?.start ?? t.start, end: s.end },
        complement: { start: compStart, end: T[c].start },
        time: timeIn(doc, t.end, s.end), media: !!info.media, negates: !!info.negates, rule,
      });
      continue;
    }
    // forward: "X said (that) …", "X told reporters on Monday that …"
    const subj = subjectOf(ctx, s, k);
    let compTok = k + 1;
    for (let j = k + 1; j < Math.min(s.tokEnd, k + 9); j++) if (T[j].norm === 'that') { compTok = j + 1; break; }
    if (compTok === k + 1 && (t.lemma === 'tell' || t.lemma === 'brief')) {
      // "told reporters the US …": skip the addressee
      while (compTok < s.tokEnd && (T[compTok].pos === 'NOUN' || T[compTok].pos === 'DET')) compTok++;
    }
    if (compTok >= s.tokEnd) continue;
    const subjStart = subj ? T[subj.at].start : t.start;
    // the time of the saying: a sentence-initial adverbial ("Over the weekend, …") or one between verb and complement
    const time = timeIn(doc, t.end, T[compTok].start) ?? timeIn(doc, s.start, Math.min(subjStart, t.start));
    // "X denied that Iran had sent missiles and accused European countries of hypocrisy": a
    // coordinated accusing/appealing verb is the speaker's own second act, outside what is denied.
    let compEnd = s.end;
    if (info.negates) {
      for (let j = compTok + 1; j + 1 < s.tokEnd; j++) {
        const v = T[j + 1];
        if ((T[j].norm === 'and' || T[j].norm === 'but') && v.pos === 'VERB' && SPEAKER_ACTS.has(v.lemma) && v.norm !== v.lemma) {
          compEnd = T[T[j - 1]?.norm === ',' ? j - 1 : j].start;
          break;
        }
      }
    }
    frames.push({
      verb: t.norm, verbTok: k, speaker: subj?.entities[0] ?? null,
      span: { start: Math.min(subjStart, t.start), end: T[compTok - 1].end },
      complement: { start: T[compTok].start, end: compEnd },
      time, media: !!info.media, negates: !!info.negates, rule: subj ? `frame.forward:${subj.rule}` : 'frame.forward-no-speaker',
    });
  }
  // Sibling frames ("X said …, and Y reported that …") cut each other's complement.
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      const a = frames[i], b = frames[j];
      if (b.span.start > a.complement.start && b.span.start < a.complement.end) {
        const between = doc.text.slice(Math.max(a.complement.start, b.span.start - 8), b.span.start);
        if (/,\s*(?:and|but)\s*$/.test(between)) a.complement = { start: a.complement.start, end: b.span.start };
      }
    }
  }
  return frames;
}

/** Quotes that run over several sentences end with one frame ("…,” X said.); carry it back to the quote's start. */
function extendQuoteFrames(doc: Doc, frames: Frame[], quotes: Span[]): void {
  for (const f of frames) {
    if (f.rule.startsWith('frame.backward')) {
      const q = quotes.find((x) => x.end <= f.span.start + 1 && x.end >= f.complement.end - 1);
      if (q && q.start < f.complement.start) f.complement = { start: q.start, end: f.complement.end };
    }
  }
  void doc;
}

export const attributionStage: Stage = {
  name: 'attribution',
  requires: ['events', 'entities', 'times'],
  sets: ['events', 'frames'],
  run(doc: Doc) {
    const ctx = roleContext(doc);
    const quotes = quoteSpans(doc);
    const frames: Frame[] = [];
    // Overlong "sentences" (tables, lists, junk) are not read for frames, as the events stage skips them.
    for (const s of doc.sentences) if (s.tokEnd - s.tokStart <= MAX_EVENT_SENTENCE_TOKENS) frames.push(...findFrames(doc, ctx, s, quotes));
    extendQuoteFrames(doc, frames, quotes);
    doc.frames = frames;
    // A quotation with no frame of its own in its sentence takes the frame that closes the quote.
    const kept: EventAnn[] = [];
    for (const e of doc.events) {
      const inside = frames.filter((f) => e.cue.start >= f.complement.start && e.cue.end <= f.complement.end && !(f.verbTok >= 0 && within(doc.tokens[f.verbTok], e.cue)))
        .sort((a, b) => (a.complement.end - a.complement.start) - (b.complement.end - b.complement.start));
      const quoted = quotes.some((q) => e.cue.start >= q.start && e.cue.end <= q.end);
      const inner = inside[0];
      if (inner) {
        const outer = inside.find((f) => f !== inner && f.speaker && f.speaker !== inner.speaker);
        const reporter = outer?.speaker ?? (inner.media ? inner.speaker : null);
        e.attribution = { speaker: inner.speaker, reporter, verb: inner.verb, quote: quoted, span: inner.span };
        e.rules.push(`attribution:${inner.rule}${outer ? `+reporter:${outer.rule}` : ''}`);
        const authorship = claimsAuthorship(doc, inner);
        // "Hamas denied responsibility for the bombing": the bombing happened; its author is denied
        if (inner.negates && !authorship) { e.modality = 'negated'; e.rules.push('modality:denied-by-speaker'); }
        // "al-Shabab claimed responsibility for the attack": the claimant is the attack's actor, by its own word
        if (authorship && !inner.negates && !e.actor.length && inner.speaker) {
          e.actor = [inner.speaker];
          e.recipient = e.recipient.filter((r) => r !== inner.speaker);
          e.rules.push('actor:claimed-responsibility');
        }
        // "Russia attacked western Ukraine, the Polish military said": an object list the role finder
        // carried over the comma into the closing frame; a participant named only there is the speaker.
        if (inner.rule.startsWith('frame.backward')) {
          const onlyInFrame = (id: string) => {
            const ms = doc.mentions.filter((x) => x.entity === id && x.start >= e.cue.end && x.end <= inner.span.end);
            return ms.length > 0 && ms.every((x) => x.start >= inner.span.start);
          };
          const before = e.recipient.length;
          if (e.cue.end <= inner.span.start) e.recipient = e.recipient.filter((r) => !onlyInFrame(r));
          if (e.recipient.length < before) e.rules.push('recipient:not-the-closing-frame');
        }
        e.pending = { ...e.pending, sayingDate: inner.time?.value ?? null, sayingTimeRule: inner.time?.rule };
        if (e.pending?.speakerActor && !e.actor.length && inner.speaker) {
          e.actor = [inner.speaker];
          e.recipient = e.recipient.filter((r) => r !== inner.speaker);
          e.rules.push('actor:speaker');
          e.confidence = Math.min(1, e.confidence + 0.2);
        }
      } else if (quoted) {
        e.attribution = { speaker: null, reporter: null, verb: 'quoted', quote: true, span: null };
      }
      // An accusation read off a grievance ("X said the US didn't respect …") exists only as X's saying.
      if (e.pending?.speakerActor && !e.actor.length) { continue; }
      kept.push(e);
    }
    doc.events = [...kept, ...claimedAccusations(doc, frames, kept)];
  },
};

/** "claimed responsibility for", "admitted responsibility for", "denied responsibility for", "claimed credit for". */
function claimsAuthorship(doc: Doc, f: Frame): boolean {
  if (f.verbTok < 0) return false;
  const after = doc.text.slice(doc.tokens[f.verbTok].end, doc.tokens[f.verbTok].end + 40);
  return /^\s+(?:full\s+|sole\s+|any\s+)?(?:responsibility|credit)\s+(?:for|over)\b/i.test(after);
}

/** Hostile acts whose report by another party is an accusation (CAMEO 112). */
const HOSTILE = new Set<EventAnn['type']>(['ASSAULT', 'COERCE', 'THREATEN', 'SANCTION']);

/**
 * "The US claimed that ISIL had attacked Iraq": a claim that someone else did a hostile act is an
 * accusation of that party by the claimant (ACCUSE, CAMEO 112), besides the reported act itself.
 * Only "claim": "allege"/"charge that" are accusation cues of their own (data/events/patterns.json),
 * and a plain "said" is not an accusation. A claim about one's own act ("claimed they had captured
 * the town") or of responsibility is not one either.
 */
function claimedAccusations(doc: Doc, frames: Frame[], events: EventAnn[]): EventAnn[] {
  const T = doc.tokens;
  const out: EventAnn[] = [];
  let next = 1 + Math.max(0, ...events.map((e) => Number(/^ev(\d+)$/.exec(e.id)?.[1] ?? 0)));
  for (const f of frames) {
    if (f.verbTok < 0 || !f.speaker || T[f.verbTok].lemma !== 'claim' || claimsAuthorship(doc, f)) continue;
    const speaker = f.speaker;
    const acts = events.filter((e) => e.attribution?.span === f.span && HOSTILE.has(e.type) && e.modality !== 'negated'
      && e.actor.length > 0 && !e.actor.includes(speaker) && !sameSide(doc, speaker, e.actor));
    if (!acts.length) continue;
    const recipient = [...new Set(acts.flatMap((e) => e.actor))];
    const cue = { start: T[f.verbTok].start, end: T[f.verbTok].end };
    const end = Math.max(...acts.flatMap((e) => e.evidence.map((x) => x.end)));
    out.push({
      id: `ev${next++}`, type: 'ACCUSE', mode: 'allege', contexts: [], actor: [speaker], recipient,
      date: null, modality: 'asserted', attribution: null,
      evidence: [{ start: Math.min(f.span.start, cue.start), end: Math.max(end, cue.end) }], cue, sentence: acts[0].sentence,
      cameo: '112', quad: quadOf('ACCUSE'), goldstein: cameoInfo('112').goldstein,
      rules: [`derived:claimed-hostile-act:${acts.map((e) => e.id).join('+')}`, `actor:speaker:${f.rule}`],
      rule: 'derived:claimed-hostile-act', confidence: Math.min(0.8, ...acts.map((e) => e.confidence)), location: null,
      head: f.verbTok, pending: { nominal: false, sayingDate: f.time?.value ?? null, sayingTimeRule: f.time?.rule },
    });
  }
  return out;
}

/** "Russia's Defense Ministry claimed Russian troops captured …": a claim about one's own country's act. */
function sameSide(doc: Doc, speaker: string, actors: string[]): boolean {
  const code = doc.entities.find((x) => x.id === speaker)?.code;
  return !!code && actors.every((a) => doc.entities.find((x) => x.id === a)?.code === code);
}

function within(tok: { start: number; end: number }, span: Span): boolean {
  return tok.start >= span.start && tok.end <= span.end;
}
