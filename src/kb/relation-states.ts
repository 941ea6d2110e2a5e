/**
 * The state log of a relation: explicit changes ("military cooperation USA–NER: severed
 * 2024-03-16 according to the CNSP; the US says it is seeking clarification") read off fused
 * events whose type and wording change a relation (data/kb/state-changes.json), each with who
 * says so and how the other side answered within days.
 *
 * Only events a source asserts change a state: "Niger may cut ties" (hypothetical) and "Niger
 * has not cut ties" (negated) are on the timeline, not in the log.
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';
import type { PloverType } from '../contract/analysis-schema.js';
import type { ActorRef, EventView, StateChange } from '../store/store.js';
import { addDays } from './normalize.js';

const StateFile = z.object({
  rules: z.array(z.object({
    types: z.array(z.string()), cue: z.string(), state: z.string(), domain: z.string().optional(), example: z.string().min(1),
  })),
  domains: z.array(z.object({ cue: z.string(), domain: z.string(), example: z.string().min(1) })),
  domainNames: z.record(z.string(), z.record(z.string(), z.string())),
  responseTypes: z.array(z.string()),
  responseWindowDays: z.number().int().nonnegative(),
});

interface Compiled {
  rules: { types: Set<string>; re: RegExp; state: string; kind: string }[];
  domains: { re: RegExp; domain: string }[];
  names: Record<string, Record<string, string>>;
  responseTypes: Set<string>;
  window: number;
}
let cached: Compiled | null = null;
function rules(): Compiled {
  if (cached) return cached;
  const f = loadData('kb/state-changes.json', StateFile);
  cached = {
    rules: f.rules.map((r) => ({ types: new Set(r.types), re: new RegExp(r.cue, 'i'), state: r.state, kind: r.domain ?? 'relations' })),
    domains: f.domains.map((d) => ({ re: new RegExp(d.cue, 'i'), domain: d.domain })),
    names: f.domainNames,
    responseTypes: new Set(f.responseTypes),
    window: f.responseWindowDays,
  };
  return cached;
}

/** The texts a state rule reads: each report's trigger and evidence. */
function texts(e: EventView): string[] {
  const out: string[] = [];
  for (const r of e.reports) {
    if (r.cue) out.push(r.cue.text);
    for (const s of r.evidence) out.push(s.text);
  }
  return out;
}

/**
 * The state change an event states, or null.
 * @example classifyState(severEvent) // { domain: 'military cooperation', state: 'severed' }
 */
export function classifyState(e: EventView): { domain: string; state: string } | null {
  if (e.modality !== 'asserted') return null;
  const c = rules();
  const ts = texts(e);
  const types = new Set<PloverType>([e.type, ...e.reports.map((r) => r.type)]);
  for (const rule of c.rules) {
    if (![...types].some((t) => rule.types.has(t))) continue;
    // Bounded input: regexes run on clauses, each cut to 600 characters.
    if (!ts.some((t) => rule.re.test(t.slice(0, 600)))) continue;
    let dom = '';
    for (const d of c.domains) if (ts.some((t) => d.re.test(t.slice(0, 600)))) { dom = d.domain; break; }
    if (!dom) {
      if (e.contexts.includes('military')) dom = 'military';
      else if (e.contexts.includes('diplomatic')) dom = 'diplomatic';
      else if (e.contexts.includes('economic')) dom = 'economic';
    }
    const domain = c.names[dom]?.[rule.kind] ?? c.names['']?.[rule.kind] ?? rule.kind;
    return { domain, state: rule.state };
  }
  return null;
}

/** How an actor is named in a sentence: the code for countries and IGOs, else the name. */
export function shortName(a: ActorRef): string {
  if ((a.type === 'country' || a.sector === 'IGO') && a.code) return a.code;
  const words = a.name.split(/\s+/);
  // "National Council for the Safeguard of the Homeland" reads better as its acronym when the
  // analyzer gave one as the code-free name is long; keep names of up to four words.
  return words.length > 4 ? words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('') : a.name;
}

function sideLabel(actors: ActorRef[]): string {
  const codes = [...new Set(actors.map((a) => a.code ?? shortName(a)))];
  return codes.join('+') || '?';
}

function cueOf(e: EventView): string {
  for (const r of e.reports) if (r.cue) return r.cue.text;
  const ev = e.reports[0]?.evidence[0]?.text ?? '';
  return ev.length > 90 ? ev.slice(0, 87) + '…' : ev;
}

/**
 * The state log of a relation from its events (chronological). `events` are the dyad's events
 * in both directions, as EventViews with their reports.
 */
export function deriveStates(events: readonly EventView[], short: ReadonlyMap<string, string> = new Map()): StateChange[] {
  const nameOf = (a: ActorRef) => short.get(a.id) ?? shortName(a);
  const c = rules();
  const sorted = [...events].sort((a, b) => (a.dateLo ?? '').localeCompare(b.dateLo ?? '') || a.id.localeCompare(b.id));
  const out: StateChange[] = [];
  for (const e of sorted) {
    const st = classifyState(e);
    if (!st) continue;
    const byCodes = new Set(e.actor.map((a) => a.code ?? a.id));
    const toCodes = new Set(e.recipient.map((a) => a.code ?? a.id));
    const according = e.reports.map((r) => ({
      // A body announcing its own move is its own source ("the CNSP said it was severing ties").
      speaker: r.speaker,
      article: r.article,
    }));
    const start = e.dateLo ?? e.dateHi;
    // Responses must be dated by their reports: an undated event only known to precede
    // publication cannot be placed after the change it would answer.
    const responses = start ? sorted.filter((x) => x !== e && x.dateLo !== null && !x.dateFromPublication && x.dateLo >= addDays(start, -1) && x.dateLo <= addDays(e.dateHi ?? start, c.window)
      && c.responseTypes.has(x.type)
      && x.actor.some((a) => toCodes.has(a.code ?? a.id)) && (x.recipient.length === 0 || x.recipient.some((a) => byCodes.has(a.code ?? a.id))))
      .slice(0, 3)
      .map((x) => ({ event: x.id, summary: x.summary, date: x.date ?? x.dateLo, speaker: x.reports.find((r) => r.speaker)?.speaker ?? null })) : [];
    const speakers = [...new Map(according.filter((a) => a.speaker).map((a) => [a.speaker!.id, nameOf(a.speaker!)])).values()];
    const outlets = [...new Set(according.map((a) => a.article.outlet ?? a.article.url ?? a.article.id))];
    const who = speakers.length ? speakers.join(', ') : outlets.join(', ');
    let sentence = `${st.domain} ${sideLabel(e.actor)}–${sideLabel(e.recipient)}: ${st.state} ${e.date ?? (e.dateLo ? `by ${e.dateLo}` : 'undated')} according to ${who || 'an unnamed source'}`;
    for (const r of responses) {
      const x = sorted.find((y) => y.id === r.event)!;
      sentence += `; ${sideLabel(x.actor)}${r.speaker ? ` (${nameOf(r.speaker)})` : ''} ${r.date ?? ''}: ${x.type.toLowerCase()} “${cueOf(x)}”`;
    }
    out.push({ domain: st.domain, state: st.state, date: e.date ?? e.dateLo, by: e.actor, toward: e.recipient, event: e.id, according, responses, sentence });
  }
  return out;
}
