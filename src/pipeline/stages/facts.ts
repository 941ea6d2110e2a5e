/**
 * facts: force-posture facts an analyst tracks per country.
 * - deployment: "the US has 1,000 military personnel still stationed in Niger" → force USA, host
 *   NER, 1000 personnel, as of the saying (or publication), with the speaker.
 * - facility: "a major drone base in the country that cost over $100 million to build, known as
 *   Air Base 201" → name, host, operator (who "has" it), function ("drone base"), cost.
 */
import type { Doc, DeploymentFactAnn, FacilityFactAnn, FactAnn, QuantityAnn, Sentence, Stage } from '../doc.js';
import { RoleContext, modifierOf, npAt, subjectOf, roleContext } from '../../events/clause-roles.js';

const FORCE_UNITS = new Set(['personnel', 'troops', 'troop', 'soldiers', 'soldier', 'forces', 'service members', 'servicemembers', 'marines', 'sailors', 'airmen', 'military personnel', 'peacekeepers', 'advisers', 'advisors', 'special forces', 'contractors', 'mercenaries', 'fighters']);
const DEPLOY_CUES = new Set(['station', 'deploy', 'base', 'post', 'keep', 'maintain', 'have', 'position', 'send', 'remain', 'stay', 'host']);
const BASE_NOUNS = new Set(['base', 'airbase', 'airfield', 'airstrip', 'outpost', 'camp', 'facility', 'port', 'hub', 'station']);

/** The country entity with a given code, if the article mentions one. */
function countryOf(doc: Doc, entityId: string | null): string | null {
  if (!entityId) return null;
  const e = doc.entities.find((x) => x.id === entityId);
  if (!e) return null;
  if (e.type === 'country') return e.id;
  return doc.entities.find((x) => x.type === 'country' && x.code === e.code)?.id ?? e.id;
}

function tokenAt(doc: Doc, offset: number): number {
  let lo = 0, hi = doc.tokens.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (doc.tokens[mid].end <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Who states what is at `offset`, and when: the innermost reporting frame around it. */
function sayingAt(doc: Doc, offset: number): { speaker: string | null; date: string | null } {
  const f = doc.frames.filter((x) => offset >= x.complement.start && offset < x.complement.end)
    .sort((a, b) => (a.complement.end - a.complement.start) - (b.complement.end - b.complement.start))[0];
  return { speaker: f?.speaker ?? null, date: f?.time?.value ?? null };
}

function hostAfter(doc: Doc, ctx: RoleContext, s: Sentence, from: number): string | null {
  for (let k = from; k < s.tokEnd; k++) {
    const n = doc.tokens[k].norm;
    if (n === 'in' || n === 'at' || n === 'inside') {
      const hit = npAt(ctx, s, k + 1, 6, 'host');
      if (hit) return countryOf(doc, hit.entities[0]);
    }
    if (n === ';' || n === '.') break;
  }
  return null;
}

function deployments(doc: Doc, ctx: RoleContext): DeploymentFactAnn[] {
  const out: DeploymentFactAnn[] = [];
  for (const q of doc.quantities) {
    if (!FORCE_UNITS.has(q.unit)) continue;
    const qt = tokenAt(doc, q.start);
    const s = doc.sentences[doc.tokens[qt].sent];
    const toks = doc.tokens.slice(s.tokStart, s.tokEnd);
    if (!toks.some((t) => DEPLOY_CUES.has(t.lemma))) continue;
    // force: "1,000 US troops" → modifier after the number; "the US has 1,000 …" → subject of the verb before it
    let force: string | null = null;
    let rule = '';
    for (let k = qt + 1; k < Math.min(s.tokEnd, qt + 4); k++) {
      const id = ctx.actorAt(k, true);
      if (id) { force = countryOf(doc, id); rule = 'fact.deployment.modifier'; break; }
    }
    if (!force) {
      for (let v = qt - 1; v >= s.tokStart; v--) {
        if (doc.tokens[v].pos === 'VERB' || doc.tokens[v].pos === 'AUX') {
          const subj = subjectOf(ctx, s, v);
          if (subj?.entities.length) { force = countryOf(doc, subj.entities[0]); rule = 'fact.deployment.subject'; }
          break;
        }
      }
    }
    const host = hostAfter(doc, ctx, s, qt + 1);
    if (!force || !host || force === host) continue;
    const say = sayingAt(doc, q.start);
    out.push({
      kind: 'deployment', force, host, personnel: q.value,
      asOf: say.date ?? doc.published?.slice(0, 10) ?? null, speaker: say.speaker,
      evidence: [{ start: q.start, end: s.end }], rule, confidence: 0.8,
    });
  }
  return out;
}

function facilities(doc: Doc, ctx: RoleContext): FacilityFactAnn[] {
  const out: FacilityFactAnn[] = [];
  const seen = new Set<string>();
  for (const s of doc.sentences) {
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      const t = doc.tokens[k];
      if (!(t.pos === 'NOUN' && BASE_NOUNS.has(t.lemma))) continue;
      const fn = doc.tokens[k - 1] && (doc.tokens[k - 1].pos === 'NOUN' || doc.tokens[k - 1].pos === 'ADJ') && !ctx.actorAt(k - 1, true)
        ? `${doc.tokens[k - 1].norm} ${t.norm}` : t.norm;
      // the facility's name: a facility entity in the sentence ("known as Air Base 201")
      const facilityMention = doc.mentions.find((m) => m.start >= s.start && m.end <= s.end && m.entity && doc.entities.find((e) => e.id === m.entity)?.type === 'facility');
      const facility = facilityMention ? doc.entities.find((e) => e.id === facilityMention.entity) : undefined;
      if (!facility) continue;
      if (seen.has(facility.id)) continue;
      seen.add(facility.id);
      // operator: "The US has a … base" (subject of have), "a US base" (modifier)
      let operator: string | null = modifierOf(ctx, s, k)?.entities[0] ?? null;
      if (!operator) {
        for (let v = k - 1; v >= s.tokStart; v--) {
          if (doc.tokens[v].pos === 'VERB' || doc.tokens[v].pos === 'AUX') {
            if (['have', 'operate', 'run', 'build', 'use', 'maintain'].includes(doc.tokens[v].lemma)) operator = subjectOf(ctx, s, v)?.entities[0] ?? null;
            break;
          }
        }
      }
      const host = hostAfter(doc, ctx, s, k + 1) ?? (facility.code ? doc.entities.find((e) => e.type === 'country' && e.code === facility.code)?.id ?? null : null);
      if (!host) continue;
      const money = doc.quantities.find((q: QuantityAnn) => q.start >= s.start && q.end <= s.end && /^[A-Z]{3}$/.test(q.unit));
      out.push({
        kind: 'facility', name: facility.name, host, operator: operator ? countryOf(doc, operator) : null, function: fn,
        cost: money ? { value: money.value, currency: money.unit, qualifier: money.qualifier } : null,
        evidence: [{ start: s.start, end: s.end }], rule: 'fact.facility.base-noun+named-facility', confidence: 0.75,
      });
    }
  }
  return out;
}

export const factsStage: Stage = {
  name: 'facts',
  requires: ['frames', 'quantities', 'entities'],
  sets: ['facts'],
  run(doc: Doc) {
    const ctx = roleContext(doc);
    const facts: FactAnn[] = [...deployments(doc, ctx), ...facilities(doc, ctx)];
    doc.facts = facts;
  },
};
