// Invariants of every analysis record, over generated news-like articles (fast-check):
// spans lie inside the text and equal their `text`; events, attributions and facts reference
// existing entities; output is identical across runs; the record validates against the schema;
// without a publication date no time is resolved against one.
// Run counts are moderate so `npm test` stays fast; FC_RUNS raises them for a longer soak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/pipeline/index.js';
import { AnalysisRecordSchema, type AnalysisRecord } from '../../src/contract/analysis-schema.js';

const RUNS = Number(process.env.FC_RUNS ?? 40);

// Vocabulary for the templates (generators only: nothing here is a lexicon of the engine).
const countries = ['Niger', 'the United States', 'US', 'France', 'Russia', 'Iran', 'Ukraine', 'Sudan', 'Israel', 'the Ivory Coast', "Côte d'Ivoire", 'Burkina Faso', 'North Korea', 'Yemen', 'Mali', 'China'];
const demonyms = ['Nigerien', 'American', 'French', 'Russian', 'Iranian', 'Ukrainian', 'Sudanese', 'Israeli', 'Malian', 'Chinese'];
const capitals = ['Niamey', 'Washington', 'Paris', 'Moscow', 'Tehran', 'Kyiv', 'Khartoum', 'Beijing', 'Bamako'];
const orgs = ['the Pentagon', 'the Kremlin', 'ECOWAS', 'NATO', 'the United Nations', 'the European Union', 'the African Union', 'Hamas', 'the Houthis', 'the IAEA', 'the military junta', 'the defence ministry'];
const acronymOrgs = [['National Council for the Safeguard of the Homeland', 'CNSP'], ['Economic Community of West African States', 'ECOWAS'], ['Rapid Support Forces', 'RSF'], ['International Criminal Court', 'ICC']];
const titles = ['', 'President ', 'Col. Maj. ', 'Lt. Gen. ', 'Foreign Minister ', 'spokeswoman ', 'Dr. ', 'Gen. '];
const people = ['Sabrina Singh', 'Amadou Abdramane', 'Mohamed Bazoum', 'Jean Dupont', 'Olena Kovalenko', 'Li Wei', 'José Álvarez', "Seán O'Brien", 'Abdel Fattah al-Burhan'];
const dates = ['on Monday', 'on Saturday', 'over the weekend', 'in July 2023', 'in December', 'last week', 'on March 3, 2024', 'on 2023-07-26', 'since the coup', 'yesterday', 'next month', 'in 2019', 'earlier this year', ''];
const numbers = ['1,000', '250', 'about 300', 'over $100 million', 'more than 2.5 billion euros', 'nearly 40', 'dozens of', '12', '€3m', 'three'];
const verbs = ['ordered troops from {B} to leave', 'accused {B} of violating the ceasefire', 'held talks with {B}', 'imposed sanctions on {B}', 'threatened to attack {B}', 'did not sign an agreement with {B}', 'expressed support for {B}', 'withdrew its ambassador from {B}', 'lifted sanctions it imposed on {B}', 'was attacked by {B}', 'may send aid to {B}', 'will meet officials from {B}', 'rejected a proposal by {B}', 'protested against {B}', 'kicked {B} out of the region'];
const reporting = ['said', 'told reporters', 'insisted', 'reported', 'claimed', 'announced', 'denied'];
const quotes = [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»'], ['', '']];
const oddSpaces = ['\u00a0', '\u2009', '\u202f', '\u3000', '\u200b', '\u2003', ' ', '  ', '\t'];
const enders = ['.', '.', '.', '!', '?', '…', '', ';', ' —'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const party = fc.oneof(pick(countries), pick(orgs), pick(capitals), pick(demonyms).map((d) => `${d} officials`), fc.tuple(pick(titles), pick(people)).map(([t, p]) => t + p));
const actorPhrase = fc.oneof(party, pick(acronymOrgs).map(([long, short]) => `the ${long} (${short})`));

const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(actorPhrase, pick(verbs), party, pick(dates), pick(enders))
    .map(([a, v, b, d, e]) => `${cap(a)} ${v.replace('{B}', b)}${d ? ' ' + d : ''}${e}`),
  fc.tuple(pick(quotes), actorPhrase, pick(verbs), party, pick(titles), pick(people), pick(reporting), pick(dates))
    .map(([[o, c], a, v, b, t, p, r, d]) => `${o}${cap(a)} ${v.replace('{B}', b)},${c} ${t}${p} ${r}${d ? ' ' + d : ''}.`),
  fc.tuple(pick(people), pick(reporting), actorPhrase, pick(numbers), pick(countries), pick(dates))
    .map(([p, r, a, n, c, d]) => `${p} ${r} that ${a} has ${n} military personnel stationed in ${c}${d ? ' ' + d : ''}.`),
  fc.tuple(pick(orgs), pick(numbers), pick(countries))
    .map(([o, n, c]) => `${cap(o)} built a base in ${c} that cost ${n} to build, known as Air Base ${n.length}.`),
  fc.tuple(party, party, pick(dates)).map(([a, b, d]) => `${cap(a)} and ${b} ${d || 'recently'} agreed to cooperate.`),
);

/** Junk a scraper lets through: any graphemes, raw code units, URLs, handles, stray markup. */
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('https://example.org/a?b=1', '@decampdave', '<p>', '&nbsp;', '###', '(', ')', '“', '”', '—', '...', '\u0000', '\ufeff'),
);

const paragraph = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.option(junk, { freq: 4 }), pick(oddSpaces), fc.nat(4))
  .map(([ss, j, sp, every]) => {
    const words = (j === null ? ss.join(' ') : ss.join(' ') + ' ' + j).split(' ');
    // Every (every+2)-th gap gets the odd space (no-break, thin, ideographic, zero-width, tab).
    return words.reduce((acc, w, i) => (i === 0 ? w : acc + (i % (every + 2) === 0 ? sp : ' ') + w), '');
  });

const article = fc.record({
  title: fc.option(fc.tuple(actorPhrase, pick(verbs), party).map(([a, v, b]) => `${cap(a)} ${v.replace('{B}', b)}`), { freq: 2 }),
  paras: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
  sep: fc.constantFrom('\n', '\n\n', '\r\n', '\n \n'),
  byline: fc.option(pick(people).map((p) => `Author: ${p}`), { freq: 3 }),
}).map(({ title, paras, sep, byline }) => [title, ...paras, byline].filter((x): x is string => x !== null).join(sep));

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Every invariant of one record; returns the first broken one as a message. */
function check(rec: AnalysisRecord, published: string | null): string | null {
  const text = rec.article.text;
  const inside = (s: { start: number; end: number }, what: string): string | null =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length
      ? null : `${what} [${s.start}, ${s.end}) is outside the text (length ${text.length})`;
  const exact = (s: { start: number; end: number; text: string }, what: string): string | null =>
    inside(s, what) ?? (text.slice(s.start, s.end) === s.text ? null : `${what} text "${s.text}" ≠ "${text.slice(s.start, s.end)}"`);

  const ids = new Set<string>();
  for (const e of rec.entities) {
    if (ids.has(e.id)) return `duplicate entity id ${e.id}`;
    ids.add(e.id);
    for (const m of e.mentions) { const x = exact(m, `mention of ${e.id}`); if (x) return x; }
  }
  for (const t of rec.times) {
    const x = exact(t, 'time'); if (x) return x;
    if (published === null && t.anchor === 'published') return `time "${t.text}" resolved against a publication date that was not given`;
  }
  for (const q of rec.quantities) { const x = exact(q, 'quantity'); if (x) return x; }
  const ref = (id: string | null | undefined, what: string) => (id == null || ids.has(id) ? null : `${what} references unknown entity ${id}`);
  const evIds = new Set<string>();
  for (const ev of rec.events) {
    if (evIds.has(ev.id)) return `duplicate event id ${ev.id}`;
    evIds.add(ev.id);
    for (const s of ev.evidence) { const x = inside(s, `evidence of ${ev.id}`); if (x) return x; }
    const cue = (ev as { cue?: { start: number; end: number; text?: string } }).cue;
    if (cue) { const x = typeof cue.text === 'string' ? exact({ ...cue, text: cue.text }, `cue of ${ev.id}`) : inside(cue, `cue of ${ev.id}`); if (x) return x; }
    for (const id of [...ev.actor, ...ev.recipient]) { const x = ref(id, `event ${ev.id}`); if (x) return x; }
    const x = ref(ev.attribution?.speaker, `speaker of ${ev.id}`) ?? ref(ev.attribution?.reporter, `reporter of ${ev.id}`);
    if (x) return x;
  }
  for (const f of rec.facts) {
    for (const s of f.evidence) { const x = inside(s, `evidence of a ${f.kind} fact`); if (x) return x; }
    const x = f.kind === 'deployment'
      ? ref(f.force, 'deployment force') ?? ref(f.host, 'deployment host') ?? ref((f as { speaker?: string | null }).speaker, 'deployment speaker')
      : ref(f.host, 'facility host') ?? ref(f.operator, 'facility operator');
    if (x) return x;
  }
  const parsed = AnalysisRecordSchema.safeParse(JSON.parse(JSON.stringify(rec)));
  if (!parsed.success) return `schema: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`;
  return null;
}

test('property: records over generated articles keep every invariant, with and without a publication date', () => {
  fc.assert(
    fc.property(article, fc.option(pick(['2024-03-18', '2023-12-31', '2000-01-01']), { freq: 2 }), (text, published) => {
      const a = analyze({ text, published }, { published });
      const problem = check(a, published);
      assert.equal(problem, null, problem ?? '');
      const b = analyze({ text, published }, { published });
      assert.equal(JSON.stringify(b), JSON.stringify(a), 'output differs between two runs');
    }),
    { numRuns: RUNS },
  );
});

test('property: pure junk never breaks a record', () => {
  fc.assert(
    fc.property(fc.array(junk, { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' ')).filter((s) => s.trim().length > 0), (text) => {
      const rec = analyze({ text }, {});
      const problem = check(rec, null);
      assert.equal(problem, null, problem ?? '');
    }),
    { numRuns: RUNS },
  );
});

test('property checker: catches a span that disagrees with the text and a dangling reference', () => {
  // The checker itself must be able to fail, or the properties above prove nothing.
  const rec = analyze({ text: 'Niger ordered US forces to leave.' }, {});
  const bad: AnalysisRecord = JSON.parse(JSON.stringify(rec));
  bad.entities.push({ id: 'zz', name: 'X', type: 'country', code: null, sector: null, wikidata: null, aliases: [], mentions: [{ start: 0, end: 5, text: 'Nigel' }] });
  assert.match(check(bad, null) ?? '', /text "Nigel" ≠ "Niger"/);
  const dangling: AnalysisRecord = JSON.parse(JSON.stringify(rec));
  dangling.events.push({ id: 'v', type: 'REQUEST', mode: null, contexts: [], actor: ['nobody'], recipient: [], date: null, modality: 'asserted', attribution: null, evidence: [{ start: 0, end: 5 }], confidence: 1, cameo: null, quad: 1, goldstein: null });
  assert.match(check(dangling, null) ?? '', /unknown entity nobody/);
  const early: AnalysisRecord = JSON.parse(JSON.stringify(rec));
  early.times.push({ start: 0, end: 5, text: 'Niger', value: '2024-03-18', anchor: 'published' });
  assert.match(check(early, null) ?? '', /publication date that was not given/);
});
