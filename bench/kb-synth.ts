/**
 * Synthetic analysis records for the knowledge-base benchmark and the crash test: articles
 * built from varied sentence templates (60 countries, generated officials, 16 event types with
 * several wordings each, filler sentences from a vocabulary), seeded so every run makes the same
 * store. About one article in eight re-reports an earlier article's events in other words (so
 * fusion runs as it would on real news) and one in forty is a wire copy of an earlier one.
 * These are records, as the analyzer would emit them: the analyzer itself is not run.
 */
import type { AnalysisRecord, EntityRecord, EventRecord, PloverType } from '../src/contract/analysis-schema.js';

export { rng } from './corpus.js';
import { rng } from './corpus.js';

const COUNTRIES: [string, string][] = [
  ['USA', 'the United States'], ['NER', 'Niger'], ['FRA', 'France'], ['RUS', 'Russia'], ['CHN', 'China'], ['IRN', 'Iran'], ['MLI', 'Mali'],
  ['BFA', 'Burkina Faso'], ['TCD', 'Chad'], ['NGA', 'Nigeria'], ['GHA', 'Ghana'], ['BEN', 'Benin'], ['CIV', 'Ivory Coast'], ['SEN', 'Senegal'],
  ['DZA', 'Algeria'], ['MAR', 'Morocco'], ['EGY', 'Egypt'], ['LBY', 'Libya'], ['SDN', 'Sudan'], ['ETH', 'Ethiopia'], ['SOM', 'Somalia'],
  ['KEN', 'Kenya'], ['UGA', 'Uganda'], ['COD', 'Congo'], ['RWA', 'Rwanda'], ['ZAF', 'South Africa'], ['GBR', 'Britain'], ['DEU', 'Germany'],
  ['ITA', 'Italy'], ['ESP', 'Spain'], ['POL', 'Poland'], ['UKR', 'Ukraine'], ['TUR', 'Turkey'], ['ISR', 'Israel'], ['SYR', 'Syria'],
  ['IRQ', 'Iraq'], ['SAU', 'Saudi Arabia'], ['ARE', 'the United Arab Emirates'], ['QAT', 'Qatar'], ['YEM', 'Yemen'], ['PAK', 'Pakistan'],
  ['IND', 'India'], ['AFG', 'Afghanistan'], ['JPN', 'Japan'], ['KOR', 'South Korea'], ['PRK', 'North Korea'], ['TWN', 'Taiwan'],
  ['PHL', 'the Philippines'], ['VNM', 'Vietnam'], ['IDN', 'Indonesia'], ['AUS', 'Australia'], ['BRA', 'Brazil'], ['VEN', 'Venezuela'],
  ['COL', 'Colombia'], ['MEX', 'Mexico'], ['CUB', 'Cuba'], ['ARM', 'Armenia'], ['AZE', 'Azerbaijan'], ['GEO', 'Georgia'], ['SRB', 'Serbia'],
];
const FIRST = ['Amadou', 'Sabrina', 'John', 'Marie', 'Ahmed', 'Olena', 'Li', 'Carlos', 'Fatima', 'Ivan', 'Grace', 'Hassan', 'Yuki', 'Pierre', 'Nadia', 'Kwame', 'Elena', 'Omar', 'Anna', 'Tariq'];
const LAST = ['Abdramane', 'Singh', 'Miller', 'Dubois', 'Hassan', 'Kovalenko', 'Wei', 'Mendoza', 'Diallo', 'Petrov', 'Mensah', 'Rahimi', 'Tanaka', 'Laurent', 'Haddad', 'Owusu', 'Popescu', 'Farouk', 'Nowak', 'Qureshi'];
const ROLES = ['foreign minister', 'defence minister', 'spokesman', 'spokeswoman', 'president', 'prime minister', 'army chief', 'ambassador'];
const ISSUES = ['uranium exports', 'border security', 'grain shipments', 'oil revenues', 'drone flights', 'refugee flows', 'fishing rights', 'gas pipelines',
  'arms sales', 'election monitoring', 'mining licences', 'port access', 'debt relief', 'cyber attacks', 'water rights', 'airspace violations',
  'counterterrorism cooperation', 'gold smuggling', 'vaccine supplies', 'rare earth minerals'];
const PLACES = ['the capital', 'a border town', 'the northern region', 'the coastal province', 'a mining district', 'an air base', 'the port city', 'the desert frontier'];
const ADJ = ['tense', 'brief', 'long-awaited', 'closed-door', 'emergency', 'routine', 'unexpected', 'high-level'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Tpl { type: PloverType; mode?: string; cameo: string; goldstein: number; texts: string[]; cue: string[] }
/** Several wordings per type: {A} actor, {B} recipient, {I} issue, {P} place, {N} number, {D} weekday. */
const TEMPLATES: Tpl[] = [
  { type: 'SANCTION', mode: 'discontinue', cameo: '161', goldstein: -4, texts: ['{A} severed diplomatic ties with {B} over {I}', '{A} cut off military cooperation with {B}, citing {I}', '{A} suspended its defence accord with {B} after a row over {I}'], cue: ['severed', 'cut off', 'suspended'] },
  { type: 'SANCTION', mode: 'expel', cameo: '166', goldstein: -5, texts: ['{A} expelled {N} diplomats from {B} amid a dispute over {I}', '{A} ordered the ambassador of {B} to leave within {N} days'], cue: ['expelled', 'ordered'] },
  { type: 'SANCTION', cameo: '163', goldstein: -8, texts: ['{A} imposed sanctions on {B} over {I}', '{A} announced an embargo on {B} linked to {I}'], cue: ['imposed sanctions', 'embargo'] },
  { type: 'CONSULT', mode: 'visit', cameo: '042', goldstein: 1.9, texts: ['a delegation from {A} visited {B} for {Adj} talks on {I}', '{A} sent its foreign minister to {B} to discuss {I}'], cue: ['visited', 'sent'] },
  { type: 'CONSULT', cameo: '040', goldstein: 1, texts: ['{A} held {Adj} talks with {B} on {I}', 'officials of {A} met their counterparts from {B} in {P} to discuss {I}'], cue: ['held talks', 'met'] },
  { type: 'AGREE', cameo: '030', goldstein: 4, texts: ['{A} agreed to expand cooperation with {B} on {I}', '{A} pledged to work with {B} on {I}'], cue: ['agreed', 'pledged'] },
  { type: 'SUPPORT', cameo: '051', goldstein: 3.4, texts: ['{A} praised {B} for its handling of {I}', '{A} endorsed the position of {B} on {I}'], cue: ['praised', 'endorsed'] },
  { type: 'COOPERATE', cameo: '061', goldstein: 6.4, texts: ['{A} and {B} signed an agreement on {I}', '{A} began joint patrols with {B} in {P}'], cue: ['signed', 'began joint patrols'] },
  { type: 'AID', cameo: '070', goldstein: 7, texts: ['{A} sent {N} tonnes of aid to {B} after the floods in {P}', '{A} pledged {N} million dollars in assistance to {B}'], cue: ['sent', 'pledged'] },
  { type: 'RETREAT', mode: 'withdraw', cameo: '0871', goldstein: 9, texts: ['{A} withdrew its last {N} soldiers from {B}', '{A} pulled out its troops from {P} in {B}'], cue: ['withdrew', 'pulled out'] },
  { type: 'CONCEDE', cameo: '081', goldstein: 5, texts: ['{A} eased restrictions on {B} related to {I}', '{A} announced it would release prisoners from {B}'], cue: ['eased', 'release'] },
  { type: 'REQUEST', cameo: '106', goldstein: -5, texts: ['{A} demanded that {B} withdraw its forces from {P}', '{A} urged {B} to explain its role in {I}'], cue: ['demanded', 'urged'] },
  { type: 'ACCUSE', cameo: '112', goldstein: -2, texts: ['{A} accused {B} of secretly pursuing a deal on {I}', '{A} condemned {B} over {I}', '{A} criticised {B} for its record on {I}'], cue: ['accused', 'condemned', 'criticised'] },
  { type: 'REJECT', cameo: '120', goldstein: -4, texts: ['{A} rejected a proposal from {B} on {I}', '{A} refused to allow inspectors from {B} into {P}'], cue: ['rejected', 'refused'] },
  { type: 'THREATEN', cameo: '130', goldstein: -4.4, texts: ['{A} warned {B} of consequences over {I}', '{A} threatened to close its border with {B}'], cue: ['warned', 'threatened'] },
  { type: 'PROTEST', cameo: '141', goldstein: -6.5, texts: ['thousands demonstrated in {P} against {B} over {I}'], cue: ['demonstrated'] },
  { type: 'MOBILIZE', mode: 'troops', cameo: '152', goldstein: -7.2, texts: ['{A} deployed {N} troops near its border with {B}', '{A} moved armoured units toward {P} on the frontier with {B}'], cue: ['deployed', 'moved'] },
  { type: 'COERCE', mode: 'arrest', cameo: '173', goldstein: -5, texts: ['{A} arrested {N} nationals of {B} accused of {I}', '{A} seized a cargo ship from {B} carrying goods for {I}'], cue: ['arrested', 'seized'] },
  { type: 'ASSAULT', cameo: '190', goldstein: -10, texts: ['forces of {A} shelled positions held by {B} near {P}', 'a drone strike by {A} hit a convoy from {B} in {P}'], cue: ['shelled', 'drone strike'] },
];
const QUAD: Record<PloverType, 1 | 2 | 3 | 4> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 3, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

const FILLER = [
  'Analysts said the move reflected {Adj} relations over {I}.', 'The statement did not give further details about {I}.',
  'Officials in {P} declined to comment on {I}.', 'The dispute over {I} has simmered for {N} years.',
  'Local media reported heavy traffic near {P} on {D}.', 'Markets in {P} were calm after the announcement about {I}.',
  'Diplomats described the atmosphere as {Adj}.', 'A previous round of talks on {I} ended without agreement.',
];

interface Planned { tpl: Tpl; a: number; b: number; issue: string; place: string; n: number; day: string }

function pick<T>(r: () => number, xs: readonly T[]): T { return xs[Math.floor(r() * xs.length)]; }

function dayFrom(r: () => number): string {
  const t = Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

function fill(s: string, p: Planned, r: () => number): string {
  return s.replace(/\{A\}/g, COUNTRIES[p.a][1]).replace(/\{B\}/g, COUNTRIES[p.b][1]).replace(/\{I\}/g, p.issue).replace(/\{P\}/g, p.place)
    .replace(/\{N\}/g, String(p.n)).replace(/\{Adj\}/g, pick(r, ADJ)).replace(/\{D\}/g, pick(r, WEEKDAYS));
}

/**
 * The i-th synthetic record (same i, same record). ~10 events an article.
 * @example for (let i = 0; i < 1000; i++) await store.ingestRecord(syntheticRecord(i))
 */
export function syntheticRecord(i: number, seed = 42): AnalysisRecord {
  const r = rng(seed * 1_000_003 + i);
  // Re-reports and wire copies point back to an earlier article, rebuilt from its own seed.
  if (i > 40 && r() < 1 / 40) {
    const orig = syntheticRecord(Math.floor(r() * i), seed);
    const text = orig.article.text.replace(/^[^\n]*/, (h) => 'WIRE: ' + h);
    const shift = text.length - orig.article.text.length;
    const mv = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: s.start + shift, end: s.end + shift });
    return {
      ...orig,
      article: { ...orig.article, id: `synth-${seed}-${i}`, url: `https://wire${i % 7}.example/${i}`, outlet: `Wire ${i % 7}`, text },
      entities: orig.entities.map((e) => ({ ...e, mentions: e.mentions.map(mv) })),
      events: orig.events.map((e) => ({ ...e, evidence: e.evidence.map(mv), cue: (e as { cue?: { start: number; end: number; text: string } }).cue ? mv((e as unknown as { cue: { start: number; end: number; text: string } }).cue) : undefined })),
      quantities: orig.quantities.map(mv),
      facts: orig.facts.map((f) => ({ ...f, evidence: f.evidence.map(mv) })),
    } as AnalysisRecord;
  }
  const reReport = i > 10 && r() < 1 / 8 ? Math.floor(r() * i) : -1;
  const published = dayFrom(r);
  const planned: Planned[] = [];
  if (reReport >= 0) {
    // The same real events as an earlier article, in other words and on other days of publication.
    const src = rng(seed * 7_919 + reReport);
    const k = 3 + Math.floor(src() * 4);
    for (let j = 0; j < k; j++) planned.push(plan(src));
  }
  const n = 8 + Math.floor(r() * 5) - planned.length;
  for (let j = 0; j < n; j++) planned.push(plan(r, published));

  const countries = new Map<number, string>();
  const entities: EntityRecord[] = [];
  const entityOf = (c: number) => {
    let id = countries.get(c);
    if (!id) {
      id = 'e' + (entities.length + 1);
      countries.set(c, id);
      entities.push({ id, name: COUNTRIES[c][1].replace(/^the /, ''), type: 'country', code: COUNTRIES[c][0], sector: null, wikidata: null, aliases: [], mentions: [] });
    }
    return id;
  };
  const official = { first: pick(r, FIRST), last: pick(r, LAST), role: pick(r, ROLES), of: Math.floor(r() * COUNTRIES.length) };
  let text = `${fill(pick(r, planned.map((p) => p.tpl.texts[0])), planned[0], r).replace(/^./, (c) => c.toUpperCase())}\n\n`;
  const events: EventRecord[] = [];
  planned.forEach((p, j) => {
    const wording = reReport >= 0 && j < planned.length - n ? p.tpl.texts[(p.tpl.texts.length > 1 ? 1 : 0)] : pick(r, p.tpl.texts);
    const wi = p.tpl.texts.indexOf(wording);
    const sent = fill(wording, p, r);
    const pre = r() < 0.3 ? `${official.first} ${official.last}, the ${official.role} of ${COUNTRIES[official.of][1]}, said on ${pick(r, WEEKDAYS)} that ` : '';
    const sentence = (pre + sent).replace(/^./, (c) => c.toUpperCase()) + '.';
    const start = text.length + pre.length;
    text += sentence + ' ';
    const cueText = p.tpl.cue[wi] ?? p.tpl.cue[0];
    const ci = sent.indexOf(cueText);
    const a = entityOf(p.a), b = entityOf(p.b);
    events.push({
      id: 'ev' + (j + 1), type: p.tpl.type, mode: p.tpl.mode ?? null, contexts: [], actor: [a], recipient: p.tpl.type === 'PROTEST' ? [] : [b],
      date: p.day, modality: r() < 0.9 ? 'asserted' : 'hypothetical', attribution: null,
      evidence: [{ start, end: start + sent.length }], confidence: 0.8, cameo: p.tpl.cameo, quad: QUAD[p.tpl.type], goldstein: p.tpl.goldstein,
      ...(ci >= 0 ? { cue: { start: start + ci, end: start + ci + cueText.length, text: cueText } } : {}),
    } as EventRecord);
    if (r() < 0.5) text += fill(pick(r, FILLER), p, r) + ' ';
    if (r() < 0.25) text += '\n\n';
  });
  text = text.trimEnd() + '\n';
  // mentions: every occurrence of each country's name
  for (const e of entities) {
    let from = 0;
    for (;;) {
      const k = text.indexOf(e.name, from);
      if (k < 0) break;
      e.mentions.push({ start: k, end: k + e.name.length, text: e.name });
      from = k + e.name.length;
    }
  }
  return {
    schema: 'sitrep.analysis/1',
    article: { id: `synth-${seed}-${i}`, title: text.split('\n')[0], subtitle: null, authors: [], published, url: `https://news${i % 13}.example/${i}`, outlet: `Outlet ${i % 13}`, language: 'en', text },
    entities, times: [], quantities: [], events, facts: [],
  };
}

function plan(r: () => number, published?: string): Planned {
  const tpl = pick(r, TEMPLATES);
  // Most events involve a few busy dyads (as news does); the rest spread over every pair.
  const busy = r() < 0.3;
  const a = busy ? Math.floor(r() * 6) : Math.floor(r() * COUNTRIES.length);
  let b = busy ? Math.floor(r() * 6) : Math.floor(r() * COUNTRIES.length);
  if (b === a) b = (a + 1 + Math.floor(r() * (COUNTRIES.length - 1))) % COUNTRIES.length;
  const base = published ?? dayFrom(r);
  const back = Math.floor(r() * 5);
  const day = new Date(Date.parse(base + 'T00:00:00Z') - back * 86400000).toISOString().slice(0, 10);
  return { tpl, a, b, issue: pick(r, ISSUES), place: pick(r, PLACES), n: 2 + Math.floor(r() * 400), day };
}
