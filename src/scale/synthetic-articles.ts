/**
 * Varied, short, deterministic news articles for load tests and benchmarks (never for accuracy:
 * these are templates). A seeded generator combines actors, verbs, dates, places and quantities,
 * and mixes in sentences of the bundled example article, so the analyzer meets real variety and
 * every run produces the same articles.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../util/paths.js';
import type { ArticleInput } from '../pipeline/doc.js';

const COUNTRIES = ['Niger', 'Mali', 'Burkina Faso', 'Chad', 'Nigeria', 'France', 'the United States', 'Russia', 'China',
  'Iran', 'Turkey', 'Ukraine', 'Poland', 'Germany', 'Japan', 'India', 'Pakistan', 'Egypt', 'Israel', 'Sudan',
  'Ethiopia', 'Kenya', 'Somalia', 'Algeria', 'Morocco', 'Brazil', 'Venezuela', 'Colombia', 'Mexico', 'Canada'];
const ORGS = ['ECOWAS', 'the African Union', 'NATO', 'the United Nations', 'the European Union', 'the Pentagon'];
const PEOPLE = ['Foreign Minister Ana Ruiz', 'Defence Minister Omar Haddad', 'President Lena Fischer',
  'Prime Minister Kenji Sato', 'General Amadou Diallo', 'spokeswoman Maria Costa', 'Ambassador John Reed'];
const SAYS = ['said', 'told reporters', 'announced', 'said in a statement', 'confirmed'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'over the weekend', 'last week', 'on March 3'];
const ACTIONS: ((a: string, b: string) => string)[] = [
  (a, b) => `${a} imposed sanctions on ${b}`,
  (a, b) => `${a} accused ${b} of violating the ceasefire`,
  (a, b) => `${a} signed a defence agreement with ${b}`,
  (a, b) => `${a} withdrew its ambassador from ${b}`,
  (a, b) => `${a} held talks with ${b} in the capital`,
  (a, b) => `${a} threatened ${b} with military action`,
  (a, b) => `${a} condemned the attack by ${b}`,
  (a, b) => `${a} agreed to provide humanitarian aid to ${b}`,
  (a, b) => `${a} ordered troops from ${b} to leave the country`,
  (a, b) => `${a} expelled diplomats from ${b}`,
  (a, b) => `${a} called on ${b} to release the prisoners`,
  (a, b) => `${a} rejected a proposal from ${b}`,
  (a, b) => `${a} deployed ${300 + (a.length * 37 + b.length * 11) % 2000} soldiers to the border with ${b}`,
  (a, b) => `${a} launched air strikes against targets in ${b}`,
];

/** A small seeded PRNG (mulberry32): same seed, same articles. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function exampleSentences(): string[] {
  const p = join(PROJECT_ROOT, 'examples', 'niger-us-forces-2024-03-18.txt');
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8').split(/\n\s*\n/).slice(2, -2).flatMap((para) => para.split(/(?<=[.!?”])\s+(?=[A-Z“])/))
    .filter((s) => s.length > 30 && s.length < 400);
}

export interface SyntheticArticle extends ArticleInput { id: string; title: string; published: string }

/**
 * `count` articles, each with a stable id, a title, 2–5 sentences and a publication date.
 * @example syntheticArticles(2000, 42)[0] // { id: 'synthetic-42-0', title: '…', text: '…', published: '2024-…' }
 */
export function syntheticArticles(count: number, seed = 1): SyntheticArticle[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const extra = exampleSentences();
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(r() < 0.8 ? COUNTRIES : ORGS);
    let b = pick(COUNTRIES);
    if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(b) + 1) % COUNTRIES.length]!;
    const sentences: string[] = [];
    const n = 2 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      const x = k === 0 ? a : pick(COUNTRIES);
      let y = k === 0 ? b : pick(COUNTRIES);
      if (y === x) y = pick(ORGS);
      const act = pick(ACTIONS)(cap(x), y);
      sentences.push(r() < 0.5 ? `${act} ${pick(DAYS)}, ${pick(PEOPLE)} ${pick(SAYS)}.` : `${cap(pick(PEOPLE))} ${pick(SAYS)} ${pick(DAYS)} that ${act.replace(/^The /, 'the ')}.`);
    }
    if (extra.length && r() < 0.3) sentences.push(pick(extra));
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    out.push({
      id: `synthetic-${seed}-${i}`,
      title: `${cap(a)} and ${b}: ${['tensions rise', 'talks resume', 'new measures', 'troops move', 'a statement'][i % 5]}`,
      text: sentences.join(' '),
      published: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      url: `https://news.example.org/${seed}/${i}`,
      outlet: ['Example Wire', 'Daily Example', 'Example Times'][i % 3]!,
    });
  }
  return out;
}

function cap(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
