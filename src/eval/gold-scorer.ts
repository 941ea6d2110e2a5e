/**
 * Scores one analysis record against one gold file, exactly as shared/contract/analysis-v1.md
 * ("How gold files are scored") describes, and says why each miss and false positive happened so
 * an engineer can act on the list rather than on a number.
 *
 * Decisions the contract leaves open, made here once:
 * - A gold event's cue is located in article.text after folding (NFKC, white space); when the
 *   exact folded cue is absent, quotes, dashes and case are loosened; a cue still absent is
 *   reported in `cuesNotFound` (a gold error, or a layout stage that dropped text).
 * - Actors "meet" when at least one predicted actor entity has a gold code (by `code`, or by
 *   name/alias for an IGO); recipients likewise. Compound gold lists are therefore alternatives
 *   or members: naming one of "Benin, the Ivory Coast, and Ghana" meets the list.
 * - Gold ↔ prediction is a maximum-weight one-to-one assignment: first as many matches as
 *   possible, then required gold events before optional ones, then the most correct attributes.
 * - A gold event with `same_as` counts as found when the event matched to its twin also overlaps
 *   its cue (the fused reading the contract calls ideal).
 * - Precision = matched predictions / predictions; recall = required gold found / required gold.
 * - Entities match one-to-one by type, code (when the gold gives one) and a shared name: the gold
 *   name or one of its mention strings equal (after nameKey) to the entity's name or an alias.
 * - Times and quantities are found by span (the predicted span overlaps an occurrence of the gold
 *   text) and right when the value (and unit/qualifier) agree; P/R count right ones.
 */
import type { AnalysisRecord, EntityRecord, EventRecord } from '../contract/analysis-schema.js';
import type { GoldEntity, GoldEvent, GoldFile } from './gold-schema.js';
import { maxWeightMatching } from './assignment.js';
import { addPrf, addRatio, prf, ratio, type Prf, type Ratio } from './metrics.js';
import { findAll, fold, foldText, nameKey, overlaps, type Folded, type Occurrence } from './text-fold.js';

export interface EventMatch { gold: string; event: string; errors: string[] }
export interface MissedEvent {
  id: string; cue: string; type: string[]; actor: string[]; recipient: string[]; required: boolean;
  /** predicted events whose evidence overlaps the cue, and why each did not match */
  near: string[];
}
export interface FalsePositive { id: string; type: string; actor: string[]; recipient: string[]; evidence: string; cue: string | null }

export interface EventScore {
  predicted: number;
  required: number;
  requiredFound: number;
  optional: number;
  optionalFound: number;
  prf: Prf;
  /** found / all gold events, optional ones included */
  recallAll: Ratio;
  date: Ratio;
  modality: Ratio;
  speaker: Ratio;
  /** speaker right, or the gold speaker given as the attribution's reporter */
  speakerOrReporter: Ratio;
  quote: Ratio;
  /** same_as pairs read as one event carrying both evidence spans */
  fused: Ratio;
  sameAs: { id: string; sameAs: string; fused: boolean }[];
  matches: EventMatch[];
  missed: MissedEvent[];
  falsePositives: FalsePositive[];
  cuesNotFound: string[];
}

export interface EntityScore {
  prf: Prf;
  mentionRecall: Ratio;
  missed: { name: string; type: string; code: string | null; reason: string }[];
  missedMentions: { entity: string; text: string; start: number; coveredBy: string | null }[];
  unmatched: { id: string; name: string; type: string; code: string | null }[];
}

export interface SpanItemScore {
  prf: Prf;
  /** gold items whose text a predicted item overlaps, whatever its value */
  found: Ratio;
  missed: { text: string; expected: string; got: string | null }[];
  extra: { text: string; value: string }[];
}

export interface FactScore {
  prf: Prf;
  fields: Ratio;
  errors: string[];
  missed: string[];
  extra: string[];
}

export interface ArticleScore { checks: Ratio; failures: string[] }

export interface DocScore {
  doc: string;
  file: string;
  published: string | null;
  article: ArticleScore;
  events: EventScore;
  entities: EntityScore;
  times: SpanItemScore;
  quantities: SpanItemScore;
  facts: FactScore;
}

/** Everything the scorer needs to know about the record, computed once. */
interface Ctx {
  rec: AnalysisRecord;
  text: string;
  folded: Folded;
  entities: Map<string, EntityRecord>;
}

function makeCtx(rec: AnalysisRecord): Ctx {
  return { rec, text: rec.article.text, folded: foldText(rec.article.text), entities: new Map(rec.entities.map((e) => [e.id, e])) };
}

/** Occurrences of a gold string: exact after folding, else loosened (quotes, dashes, case). */
function locate(ctx: Ctx, s: string, wordBounded = false): Occurrence[] {
  const exact = findAll(ctx.folded, s, { wordBounded });
  return exact.length ? exact : findAll(ctx.folded, s, { wordBounded, loose: true });
}

function entityKeys(e: EntityRecord): Set<string> {
  return new Set([e.name, ...e.aliases].map(nameKey));
}

/** Does entity `id` stand for gold actor code `code`? By its code, or by name/alias (IGOs: "ECOWAS"). */
function meetsCode(ctx: Ctx, id: string, code: string): boolean {
  const e = ctx.entities.get(id);
  if (!e) return false;
  if (e.code && e.code.toUpperCase() === code.toUpperCase()) return true;
  return entityKeys(e).has(nameKey(code));
}

function meets(ctx: Ctx, ids: string[], gold: string[]): boolean {
  if (gold.length === 0) return true;
  return ids.some((id) => gold.some((g) => meetsCode(ctx, id, g)));
}

/** How an entity is shown in a report: its code, else its name. */
function label(ctx: Ctx, id: string): string {
  const e = ctx.entities.get(id);
  if (!e) return `?${id}`;
  return e.code ?? e.name;
}

function speakerMatches(ctx: Ctx, id: string | null | undefined, gold: string): boolean {
  if (!id) return false;
  const e = ctx.entities.get(id);
  return !!e && entityKeys(e).has(nameKey(gold));
}

const EITHER_DIRECTION = new Set(['CONSULT', 'COOPERATE']);

/** Why `ev` cannot match `g`, or null when it can. */
function eventMismatch(ctx: Ctx, ev: EventRecord, g: GoldEvent, cue: Occurrence[]): string | null {
  if (!ev.evidence.some((s) => cue.some((c) => overlaps(s, c)))) return 'evidence does not overlap the cue';
  if (!g.type.includes(ev.type)) return `type ${ev.type} not in [${g.type.join(', ')}]`;
  const direct = meets(ctx, ev.actor, g.actor) && meets(ctx, ev.recipient, g.recipient);
  if (direct) return null;
  if (EITHER_DIRECTION.has(ev.type) && meets(ctx, ev.recipient, g.actor) && meets(ctx, ev.actor, g.recipient)) return null;
  const a = ev.actor.map((id) => label(ctx, id));
  const r = ev.recipient.map((id) => label(ctx, id));
  if (!meets(ctx, ev.actor, g.actor)) return `actor [${a.join(', ')}] does not meet [${g.actor.join(', ')}]`;
  return `recipient [${r.join(', ')}] does not meet [${g.recipient.join(', ')}]`;
}

interface AttrResult { date?: boolean; modality?: boolean; speaker?: boolean; speakerOrReporter?: boolean; quote?: boolean }

function attributes(ctx: Ctx, ev: EventRecord, g: GoldEvent): AttrResult {
  const out: AttrResult = {};
  if (g.date != null) out.date = (ev.date ?? '').trim() === g.date.trim();
  if (g.modality !== undefined) out.modality = ev.modality === g.modality;
  if (g.speaker != null) {
    out.speaker = speakerMatches(ctx, ev.attribution?.speaker, g.speaker);
    out.speakerOrReporter = out.speaker || speakerMatches(ctx, ev.attribution?.reporter, g.speaker);
  }
  if (g.quote !== undefined) out.quote = (ev.attribution?.quote ?? false) === g.quote;
  return out;
}

function attrErrors(ctx: Ctx, ev: EventRecord, g: GoldEvent, a: AttrResult): string[] {
  const out: string[] = [];
  if (a.date === false) out.push(`date ${ev.date ?? 'null'} ≠ ${g.date}`);
  if (a.modality === false) out.push(`modality ${ev.modality} ≠ ${g.modality}`);
  if (a.speaker === false) {
    const sp = ev.attribution?.speaker ? ctx.entities.get(ev.attribution.speaker)?.name ?? ev.attribution.speaker : 'none';
    out.push(`speaker ${sp} ≠ ${g.speaker}${a.speakerOrReporter ? ' (given as reporter)' : ''}`);
  }
  if (a.quote === false) out.push(`quote ${ev.attribution?.quote ?? false} ≠ ${g.quote}`);
  return out;
}

function excerpt(text: string, start: number, end: number, max = 160): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function scoreEvents(ctx: Ctx, gold: GoldEvent[]): EventScore {
  const events = ctx.rec.events;
  const cues = gold.map((g) => locate(ctx, g.cue));
  const cuesNotFound = gold.filter((_, j) => cues[j].length === 0).map((g) => g.id);

  const attrs = new Map<string, AttrResult>();
  const weight = (i: number, j: number): number => {
    if (eventMismatch(ctx, events[i], gold[j], cues[j]) !== null) return 0;
    const a = attributes(ctx, events[i], gold[j]);
    attrs.set(`${i}:${j}`, a);
    const right = [a.date, a.modality, a.speaker, a.quote].filter((x) => x === true).length;
    // One more match always outweighs any mix of required bonuses and attribute points.
    return 1_000_000 + (gold[j].required ? 1_000 : 0) + right;
  };
  const pairs = maxWeightMatching(events.length, gold.length, weight);
  const goldToEvent = new Map<number, number>(pairs.map(([i, j]) => [j, i]));
  const eventToGold = new Map<number, number>(pairs.map(([i, j]) => [i, j]));

  // The fused reading: the event matched to a twin also states this one.
  const byId = new Map(gold.map((g, j) => [g.id, j]));
  const fusedCredit = new Set<number>();
  const sameAs: EventScore['sameAs'] = [];
  gold.forEach((g, j) => {
    if (g.same_as === undefined) return;
    const k = byId.get(g.same_as)!;
    const both = events.some((ev) => ev.evidence.some((s) => cues[j].some((c) => overlaps(s, c))) && ev.evidence.some((s) => cues[k].some((c) => overlaps(s, c))));
    sameAs.push({ id: g.id, sameAs: g.same_as, fused: both });
    for (const [a, b] of [[j, k], [k, j]]) {
      const i = goldToEvent.get(b);
      if (goldToEvent.has(a) || i === undefined) continue;
      if (eventMismatch(ctx, events[i], gold[a], cues[a]) === null) fusedCredit.add(a);
    }
  });

  const found = (j: number) => goldToEvent.has(j) || fusedCredit.has(j);
  const required = gold.filter((g) => g.required).length;
  const requiredFound = gold.filter((g, j) => g.required && found(j)).length;
  const optional = gold.length - required;
  const optionalFound = gold.filter((g, j) => !g.required && found(j)).length;

  const tally = { date: [0, 0], modality: [0, 0], speaker: [0, 0], speakerOrReporter: [0, 0], quote: [0, 0] };
  const matches: EventMatch[] = [];
  for (const [i, j] of pairs) {
    const a = attrs.get(`${i}:${j}`) ?? attributes(ctx, events[i], gold[j]);
    for (const k of Object.keys(tally) as (keyof typeof tally)[]) {
      if (a[k] === undefined) continue;
      tally[k][1]++;
      if (a[k]) tally[k][0]++;
    }
    matches.push({ gold: gold[j].id, event: events[i].id, errors: attrErrors(ctx, events[i], gold[j], a) });
  }

  const missed: MissedEvent[] = [];
  gold.forEach((g, j) => {
    if (found(j) || !g.required) return;
    const near: string[] = [];
    events.forEach((ev, i) => {
      if (!ev.evidence.some((s) => cues[j].some((c) => overlaps(s, c)))) return;
      const why = eventMismatch(ctx, ev, g, cues[j]);
      const taken = eventToGold.get(i);
      near.push(`${ev.id} ${ev.type}: ${why ?? `matched gold "${gold[taken!].id}" instead`}`);
    });
    missed.push({ id: g.id, cue: g.cue, type: g.type, actor: g.actor, recipient: g.recipient, required: g.required, near });
  });

  const falsePositives: FalsePositive[] = [];
  events.forEach((ev, i) => {
    if (eventToGold.has(i)) return;
    const first = ev.evidence[0];
    const cue = (ev as { cue?: { start: number; end: number } }).cue;
    falsePositives.push({
      id: ev.id, type: ev.type,
      actor: ev.actor.map((id) => label(ctx, id)), recipient: ev.recipient.map((id) => label(ctx, id)),
      evidence: first ? excerpt(ctx.text, first.start, first.end) : '',
      cue: cue && typeof cue.start === 'number' ? excerpt(ctx.text, cue.start, cue.end, 60) : null,
    });
  });

  const r = (k: keyof typeof tally) => ratio(tally[k][0], tally[k][1]);
  return {
    predicted: events.length, required, requiredFound, optional, optionalFound,
    prf: prf(pairs.length, events.length, requiredFound, required),
    recallAll: ratio(requiredFound + optionalFound, gold.length),
    date: r('date'), modality: r('modality'), speaker: r('speaker'), speakerOrReporter: r('speakerOrReporter'), quote: r('quote'),
    fused: ratio(sameAs.filter((s) => s.fused).length, sameAs.length),
    sameAs, matches, missed, falsePositives, cuesNotFound,
  };
}

function goldEntityKeys(g: GoldEntity): Set<string> {
  return new Set([g.name, ...g.mentions].map(nameKey));
}

function entityMismatch(e: EntityRecord, g: GoldEntity): string | null {
  const keys = entityKeys(e);
  if (![...goldEntityKeys(g)].some((k) => keys.has(k))) return 'no shared name';
  if (e.type !== g.type) return `type ${e.type} ≠ ${g.type}`;
  if (g.code != null && (e.code ?? '').toUpperCase() !== g.code.toUpperCase()) return `code ${e.code ?? 'null'} ≠ ${g.code}`;
  return null;
}

function scoreEntities(ctx: Ctx, gold: GoldEntity[]): EntityScore {
  const ents = ctx.rec.entities;
  const occurrences = gold.map((g) => {
    const seen = new Map<string, { text: string; occ: Occurrence }>();
    for (const m of g.mentions) {
      // Case matters: "US" the country is not "us" the pronoun.
      for (const occ of findAll(ctx.folded, m, { wordBounded: true })) seen.set(`${occ.start}:${occ.end}`, { text: m, occ });
    }
    return [...seen.values()].sort((a, b) => a.occ.start - b.occ.start || a.occ.end - b.occ.end);
  });
  const covers = (e: EntityRecord, o: Occurrence) => e.mentions.some((m) => m.start <= o.start && m.end >= o.end);
  const pairs = maxWeightMatching(ents.length, gold.length, (i, j) =>
    entityMismatch(ents[i], gold[j]) === null ? 1_000_000 + occurrences[j].filter((o) => covers(ents[i], o.occ)).length : 0);
  const goldToEnt = new Map(pairs.map(([i, j]) => [j, i]));
  const entMatched = new Set(pairs.map(([i]) => i));

  const missed: EntityScore['missed'] = [];
  const missedMentions: EntityScore['missedMentions'] = [];
  let covered = 0, total = 0;
  gold.forEach((g, j) => {
    const i = goldToEnt.get(j);
    if (i === undefined) {
      const reasons = ents.map((e) => entityMismatch(e, g)).filter((x): x is string => x !== null && x !== 'no shared name');
      missed.push({ name: g.name, type: g.type, code: g.code ?? null, reason: reasons.length ? `${reasons[0]} (entity "${ents.find((e) => entityMismatch(e, g) === reasons[0])!.name}")` : 'no entity with this name' });
    }
    for (const o of occurrences[j]) {
      total++;
      if (i !== undefined && covers(ents[i], o.occ)) { covered++; continue; }
      const other = ents.find((e) => covers(e, o.occ));
      missedMentions.push({ entity: g.name, text: o.text, start: o.occ.start, coveredBy: other ? `${other.name} (${other.type}, ${other.code ?? 'no code'})` : null });
    }
  });
  const unmatched = ents.filter((_, i) => !entMatched.has(i)).map((e) => ({ id: e.id, name: e.name, type: e.type, code: e.code }));
  return {
    prf: prf(pairs.length, ents.length, pairs.length, gold.length),
    mentionRecall: ratio(covered, total),
    missed, missedMentions, unmatched,
  };
}

interface SpanPred { start: number; end: number; text: string; show: string }
interface SpanGold { text: string; show: string }

/** Shared by times and quantities: found by overlapping span, right when `same` agrees. */
function scoreSpanItems<P extends SpanPred, G extends SpanGold>(ctx: Ctx, preds: P[], gold: G[], same: (p: P, g: G) => boolean): SpanItemScore {
  const occ = gold.map((g) => locate(ctx, g.text, true));
  const hit = (p: P, j: number) => occ[j].some((o) => overlaps(p, o));
  const pairs = maxWeightMatching(preds.length, gold.length, (i, j) => (hit(preds[i], j) ? 1_000 + (same(preds[i], gold[j]) ? 1 : 0) : 0));
  const right = pairs.filter(([i, j]) => same(preds[i], gold[j]));
  const rightGold = new Set(right.map(([, j]) => j));
  const rightPred = new Set(right.map(([i]) => i));
  const goldToPred = new Map(pairs.map(([i, j]) => [j, i]));
  return {
    prf: prf(right.length, preds.length, right.length, gold.length),
    found: ratio(pairs.length, gold.length),
    missed: gold.flatMap((g, j) => rightGold.has(j) ? [] : [{ text: g.text, expected: g.show, got: goldToPred.has(j) ? preds[goldToPred.get(j)!].show : null }]),
    extra: preds.flatMap((p, i) => rightPred.has(i) ? [] : [{ text: p.text, value: p.show }]),
  };
}

function scoreFacts(ctx: Ctx, gold: GoldFile['facts']): FactScore {
  const facts = ctx.rec.facts;
  const cues = gold.map((g) => locate(ctx, g.cue));
  const code = (id: string | null | undefined) => (id ? ctx.entities.get(id)?.code ?? null : null);
  const sameCode = (id: string | null | undefined, g: string | null | undefined) => !!id && !!g && meetsCode(ctx, id, g);
  const fields = (i: number, j: number): { name: string; ok: boolean; got: unknown; want: unknown }[] => {
    const f = facts[i], g = gold[j];
    if (f.kind === 'deployment' && g.kind === 'deployment') {
      const out = [];
      if (g.personnel !== undefined) out.push({ name: 'personnel', ok: f.personnel === g.personnel, got: f.personnel, want: g.personnel });
      if (g.asOf != null) out.push({ name: 'asOf', ok: f.asOf === g.asOf, got: f.asOf, want: g.asOf });
      if (g.speaker != null) {
        const sp = (f as { speaker?: string | null }).speaker;
        out.push({ name: 'speaker', ok: speakerMatches(ctx, sp, g.speaker), got: sp ? ctx.entities.get(sp)?.name ?? sp : null, want: g.speaker });
      }
      return out;
    }
    if (f.kind === 'facility' && g.kind === 'facility') {
      const out = [];
      if (g.host != null) out.push({ name: 'host', ok: sameCode(f.host, g.host), got: code(f.host), want: g.host });
      if (g.operator != null) out.push({ name: 'operator', ok: sameCode(f.operator, g.operator), got: code(f.operator), want: g.operator });
      if (g.function != null) {
        const a = nameKey(f.function ?? ''), b = nameKey(g.function);
        out.push({ name: 'function', ok: !!a && (a.includes(b) || b.includes(a)), got: f.function, want: g.function });
      }
      if (g.cost != null) {
        const c = f.cost;
        out.push({ name: 'cost', ok: !!c && c.value === g.cost.value && c.currency.toUpperCase() === g.cost.currency.toUpperCase() && (c.qualifier ?? null) === (g.cost.qualifier ?? null), got: c, want: g.cost });
      }
      return out;
    }
    return [];
  };
  const keyMatch = (i: number, j: number): boolean => {
    const f = facts[i], g = gold[j];
    if (f.kind === 'deployment' && g.kind === 'deployment') return sameCode(f.force, g.force) && sameCode(f.host, g.host);
    if (f.kind === 'facility' && g.kind === 'facility') {
      return nameKey(f.name) === nameKey(g.name) || f.evidence.some((s) => cues[j].some((c) => overlaps(s, c)));
    }
    return false;
  };
  const pairs = maxWeightMatching(facts.length, gold.length, (i, j) => (keyMatch(i, j) ? 1_000 + fields(i, j).filter((x) => x.ok).length : 0));
  let ok = 0, n = 0;
  const errors: string[] = [];
  for (const [i, j] of pairs) {
    for (const x of fields(i, j)) {
      n++;
      if (x.ok) ok++;
      else errors.push(`${gold[j].kind} "${gold[j].cue}": ${x.name} ${JSON.stringify(x.got)} ≠ ${JSON.stringify(x.want)}`);
    }
  }
  const mg = new Set(pairs.map(([, j]) => j)), mp = new Set(pairs.map(([i]) => i));
  const showFact = (f: (typeof facts)[number]) => f.kind === 'deployment'
    ? `deployment ${code(f.force) ?? f.force} in ${code(f.host) ?? f.host}, ${f.personnel}`
    : `facility ${f.name} in ${code(f.host) ?? f.host}`;
  return {
    prf: prf(pairs.length, facts.length, pairs.length, gold.length),
    fields: ratio(ok, n),
    errors,
    missed: gold.flatMap((g, j) => (mg.has(j) ? [] : [`${g.kind} "${g.cue}"`])),
    extra: facts.flatMap((f, i) => (mp.has(i) ? [] : [showFact(f)])),
  };
}

function scoreArticle(ctx: Ctx, g: GoldFile['article']): ArticleScore {
  const failures: string[] = [];
  let n = 0;
  const check = (name: string, ok: boolean, got: unknown, want: unknown) => {
    n++;
    if (!ok) failures.push(`${name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };
  if (g) {
    const a = ctx.rec.article;
    if (g.title != null) check('title', fold(a.title ?? '') === fold(g.title), a.title, g.title);
    if (g.subtitle != null) check('subtitle', fold(a.subtitle ?? '') === fold(g.subtitle), a.subtitle, g.subtitle);
    if (g.authors) check('authors', JSON.stringify(a.authors.map(fold)) === JSON.stringify(g.authors.map(fold)), a.authors, g.authors);
    for (const x of g.body_excludes) check(`text excludes "${x}"`, locate(ctx, x).length === 0, 'present', 'absent');
  }
  return { checks: ratio(n - failures.length, n), failures };
}

/**
 * Scores one record against its gold reading.
 * @example scoreRecord(analyze({ text }, { published: gold.published }), gold).events.prf.recall.value
 */
export function scoreRecord(rec: AnalysisRecord, gold: GoldFile): DocScore {
  const ctx = makeCtx(rec);
  const times = scoreSpanItems(ctx,
    rec.times.map((t) => ({ ...t, show: t.value ?? 'null' })),
    gold.times.map((t) => ({ ...t, show: t.value ?? 'null' })),
    (p, g) => (p.value ?? null) === (g.value ?? null));
  const quantities = scoreSpanItems(ctx,
    rec.quantities.map((q) => ({ ...q, show: `${q.qualifier ? q.qualifier + ' ' : ''}${q.value} ${q.unit}` })),
    gold.quantities.map((q) => ({ ...q, show: `${q.qualifier ? q.qualifier + ' ' : ''}${q.value} ${q.unit}` })),
    (p, g) => p.value === g.value && p.unit.toLowerCase() === g.unit.toLowerCase() && (p.qualifier ?? null) === (g.qualifier ?? null));
  return {
    doc: gold.doc, file: gold.file, published: gold.published ?? null,
    article: scoreArticle(ctx, gold.article),
    events: scoreEvents(ctx, gold.events),
    entities: scoreEntities(ctx, gold.entities),
    times, quantities,
    facts: scoreFacts(ctx, gold.facts),
  };
}

/** Totals over documents (micro-averaged: counts are summed, then divided). */
export interface Totals {
  docs: number;
  article: { checks: Ratio };
  events: Omit<EventScore, 'sameAs' | 'matches' | 'missed' | 'falsePositives' | 'cuesNotFound'> & { cuesNotFound: number };
  entities: { prf: Prf; mentionRecall: Ratio };
  times: { prf: Prf; found: Ratio };
  quantities: { prf: Prf; found: Ratio };
  facts: { prf: Prf; fields: Ratio };
}

/**
 * Sums per-document counts into corpus figures.
 * @example totals(docs.map((d) => scoreRecord(d.rec, d.gold))).events.prf.f1
 */
export function totals(docs: DocScore[]): Totals {
  const zeroPrf = prf(0, 0, 0, 0), zero = ratio(0, 0);
  const t: Totals = {
    docs: docs.length,
    article: { checks: zero },
    events: {
      predicted: 0, required: 0, requiredFound: 0, optional: 0, optionalFound: 0, prf: zeroPrf, recallAll: zero,
      date: zero, modality: zero, speaker: zero, speakerOrReporter: zero, quote: zero, fused: zero, cuesNotFound: 0,
    },
    entities: { prf: zeroPrf, mentionRecall: zero },
    times: { prf: zeroPrf, found: zero },
    quantities: { prf: zeroPrf, found: zero },
    facts: { prf: zeroPrf, fields: zero },
  };
  for (const d of docs) {
    t.article.checks = addRatio(t.article.checks, d.article.checks);
    const e = t.events, x = d.events;
    e.predicted += x.predicted; e.required += x.required; e.requiredFound += x.requiredFound;
    e.optional += x.optional; e.optionalFound += x.optionalFound; e.cuesNotFound += x.cuesNotFound.length;
    e.prf = addPrf(e.prf, x.prf);
    for (const k of ['recallAll', 'date', 'modality', 'speaker', 'speakerOrReporter', 'quote', 'fused'] as const) e[k] = addRatio(e[k], x[k]);
    t.entities = { prf: addPrf(t.entities.prf, d.entities.prf), mentionRecall: addRatio(t.entities.mentionRecall, d.entities.mentionRecall) };
    t.times = { prf: addPrf(t.times.prf, d.times.prf), found: addRatio(t.times.found, d.times.found) };
    t.quantities = { prf: addPrf(t.quantities.prf, d.quantities.prf), found: addRatio(t.quantities.found, d.quantities.found) };
    t.facts = { prf: addPrf(t.facts.prf, d.facts.prf), fields: addRatio(t.facts.fields, d.facts.fields) };
  }
  return t;
}

/**
 * The flat metric names floors refer to (eval/baseline.json "gold").
 * @example goldMetrics(totals(docs))['events.recall']
 */
export function goldMetrics(t: Totals): Record<string, number> {
  const m: Record<string, number> = {};
  const put = (layer: string, p: Prf) => {
    m[`${layer}.precision`] = p.precision.value;
    m[`${layer}.recall`] = p.recall.value;
    m[`${layer}.f1`] = p.f1;
  };
  m['article.checks'] = t.article.checks.value;
  put('events', t.events.prf);
  for (const k of ['recallAll', 'date', 'modality', 'speaker', 'speakerOrReporter', 'quote', 'fused'] as const) m[`events.${k}`] = t.events[k].value;
  put('entities', t.entities.prf);
  m['entities.mentionRecall'] = t.entities.mentionRecall.value;
  put('times', t.times.prf);
  put('quantities', t.quantities.prf);
  put('facts', t.facts.prf);
  m['facts.fields'] = t.facts.fields.value;
  return m;
}
