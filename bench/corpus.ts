/**
 * A deterministic corpus of varied news articles for benchmarks, generated from the articles in
 * examples/ (countries, people, numbers and dates swapped; paragraphs and sentences reordered,
 * dropped or repeated) and from sentence templates (short wire items to long reports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/util/paths.js';

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same corpus on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Country { name: string; demonym: string; capital: string }

const COUNTRIES: Country[] = (createRequire(import.meta.url)('world-countries') as {
  name: { common: string }; demonyms?: { eng?: { m: string } }; capital: string[]; unMember: boolean;
}[])
  .filter((c) => c.unMember && c.demonyms?.eng?.m && c.capital.length)
  .map((c) => ({ name: c.name.common, demonym: c.demonyms!.eng!.m, capital: c.capital[0] }))
  .sort((a, b) => a.name.localeCompare(b.name));

const FIRST = ['Sabrina', 'Amadou', 'Olena', 'Li', 'José', 'Fatima', 'Ahmed', 'Maria', 'John', 'Aisha', 'Dmitri', 'Nguyen', 'Kwame', 'Sofia', 'Hassan', 'Ingrid'];
const LAST = ['Singh', 'Abdramane', 'Kovalenko', 'Wei', 'Álvarez', 'Diallo', 'Haddad', 'Petrova', 'Smith', 'Mensah', 'Okafor', 'Rossi', 'Tanaka', 'Said', 'Larsen', 'Bazoum'];
const TITLES = ['President', 'Foreign Minister', 'Defence Minister', 'Col. Maj.', 'Lt. Gen.', 'spokeswoman', 'spokesman', 'Prime Minister', 'Gen.'];
const ORGS = ['the Pentagon', 'the Kremlin', 'ECOWAS', 'NATO', 'the United Nations', 'the European Union', 'the African Union', 'the IAEA', 'the defence ministry', 'the military junta'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VERBS = [
  '{A} ordered troops from {B} to leave the country {D}.',
  '{A} accused {B} of violating the ceasefire {D}.',
  '{A} held talks with officials from {B} {D}, {P} said.',
  '{A} imposed sanctions on {B} {D} over its nuclear programme.',
  '{A} threatened to strike targets in {B} if the attacks continued.',
  '{A} has not signed the agreement with {B}, {P} insisted.',
  '“We will not accept this,” {P} told reporters in {C} {D}.',
  '{A} expressed support for a peace plan proposed by {B}.',
  '{A} withdrew its ambassador from {B} {D}.',
  '{A} said it has {N} soldiers stationed in {B}.',
  'The {G} government lifted the sanctions it imposed on {B} after the coup.',
  'Protesters gathered outside the {G} embassy in {C} {D}, demanding the release of detainees.',
  '{A} sent {N} tonnes of humanitarian aid to {B} {D}.',
  'Forces loyal to {A} attacked positions held by rebels near {C} {D}, killing {N} people.',
  '{A} and {B} agreed to restore diplomatic ties, {P} announced {D}.',
];

/** One article from examples/, with its names, numbers, dates and order varied. */
function variant(base: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const [c1, c2, c3, c4] = [pick(COUNTRIES), pick(COUNTRIES), pick(COUNTRIES), pick(COUNTRIES)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const swaps: [RegExp, () => string][] = [
    [/\bNigerien\b/g, () => c1.demonym],
    [/\bNiger\b/g, () => c1.name],
    [/\bTehran\b/g, () => c3.capital],
    [/\bIran\b/g, () => c3.name],
    [/\bRussia\b/g, () => c4.name],
    [/\bFrance\b/g, () => c2.name],
    [/\bSabrina Singh\b/g, () => person()],
    [/\b1,000\b/g, () => (100 + Math.floor(r() * 9000)).toLocaleString('en-US')],
    [/\$100 million/g, () => `$${1 + Math.floor(r() * 900)} million`],
    [/\bJuly 2023\b/g, () => `${pick(MONTHS)} ${2015 + Math.floor(r() * 10)}`],
    [/\bon Monday\b/g, () => `on ${pick(WEEKDAYS)}`],
    [/\bon Saturday\b/g, () => `on ${pick(WEEKDAYS)}`],
    [/\bin December\b/g, () => `in ${pick(MONTHS)}`],
  ];
  let text = base;
  for (const [re, make] of swaps) {
    const v = make(); // one value per article, so the story stays coherent
    text = text.replace(re, v);
  }
  const paras = text.split(/\n\s*\n/);
  const head = paras.slice(0, 2);
  let body = paras.slice(2);
  // Reorder, drop or repeat body paragraphs; shuffle sentences inside some of them.
  body = body.filter(() => r() > 0.15);
  for (let i = body.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    if (r() < 0.3) [body[i], body[j]] = [body[j], body[i]];
  }
  if (r() < 0.3) body = body.concat(body.slice(0, 1 + Math.floor(r() * 3)));
  body = body.map((p) => (r() < 0.25 ? p.split(/(?<=[.!?”])\s+(?=[A-Z“])/).sort(() => (r() < 0.5 ? -1 : 1)).join(' ') : p));
  return [...head, ...body].join('\n\n');
}

/** One article from the templates: 2 to 60 sentences, most of them short. */
function templated(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const country = () => pick(COUNTRIES);
  const fill = (t: string) => {
    const a = r() < 0.6 ? country().name : pick(ORGS);
    return t.replace('{A}', a).replace('{B}', country().name).replace('{C}', country().capital).replace('{G}', country().demonym)
      .replace('{P}', `${pick(TITLES)} ${pick(FIRST)} ${pick(LAST)}`)
      .replace('{N}', String(2 + Math.floor(r() * 3000)))
      .replace('{D}', pick(['on ' + pick(WEEKDAYS), 'last week', 'in ' + pick(MONTHS), 'over the weekend', 'earlier this year', '']))
      .replace(/ +([.,])/g, '$1').replace(/^./, (c) => c.toUpperCase());
  };
  const n = 2 + Math.floor(r() * r() * 60);
  const title = fill(pick(VERBS)).replace(/[.]$/, '');
  const paras: string[] = [];
  for (let i = 0; i < n;) {
    const k = 1 + Math.floor(r() * 3);
    paras.push(Array.from({ length: k }, () => fill(pick(VERBS))).join(' '));
    i += k;
  }
  return [title, ...paras].join('\n\n');
}

/**
 * `count` articles (half variants of examples/, half templated), the same for the same seed.
 * @example generateCorpus(500, 1).length === 500
 */
export function generateCorpus(count: number, seed: number): string[] {
  const dir = join(PROJECT_ROOT, 'examples');
  const bases = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (!bases.length || i % 2 === 1) { out.push(templated(r)); continue; }
    let a = variant(bases[(i / 2) % bases.length | 0], r);
    // One in five is a long report: a second variant's body appended.
    if (r() < 0.2) a += '\n\n' + variant(bases[Math.floor(r() * bases.length)], r).split(/\n\s*\n/).slice(2).join('\n\n');
    out.push(a);
  }
  return out;
}

/**
 * `count` news-length articles (400–900 words, like real agency and newspaper reports; the
 * corpus above is mostly shorter): a variant of an article in examples/ extended with the body
 * paragraphs of other variants until it reaches the length drawn for it. Same seed, same articles.
 * @example newsLengthCorpus(100, 1).every((t) => t.split(/\s+/).length >= 400)
 */
export function newsLengthCorpus(count: number, seed: number): string[] {
  const dir = join(PROJECT_ROOT, 'examples');
  const bases = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  if (!bases.length) return generateCorpus(count, seed);
  const r = rng(seed);
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = 400 + Math.floor(r() * 500);
    let a = variant(bases[i % bases.length], r);
    let n = words(a);
    for (let tries = 0; n < target && tries < 20; tries++) {
      const body = variant(bases[Math.floor(r() * bases.length)], r).split(/\n\s*\n/).slice(2);
      for (const p of body) {
        const w = words(p);
        if (n >= target || n + w > 900) break;
        a += '\n\n' + p;
        n += w;
      }
      if (n + 40 > 900) break;
    }
    out.push(a);
  }
  return out;
}
