/**
 * The quantity lexicon, compiled once from data/units/*.json: count nouns and their unit, money
 * symbols/words/codes and their ISO 4217 code, scale words, number words and qualifiers.
 */
import { z } from 'zod';
import { loadData } from '../data/load.js';
import { alternation, numberWords } from '../time/time-lexicon.js';

const Example = z.string().min(1);
const CountFile = z.object({
  policy: z.string(),
  nouns: z.array(z.object({ unit: z.string().min(1), forms: z.array(z.string().min(1)).min(1), example: Example })),
});
const CurrencyFile = z.object({
  currencies: z.array(z.object({ code: z.string().regex(/^[A-Z]{3}$/), symbols: z.array(z.string()), words: z.array(z.string()), example: Example })),
  codes: z.array(z.string().regex(/^[A-Z]{3}$/)),
  codesExample: Example,
});
const QualifierFile = z.object({
  qualifiers: z.array(z.object({ words: z.string().min(1), qualifier: z.enum(['over', 'under', 'about']), example: Example })),
});

export type Qualifier = 'over' | 'under' | 'about';

export interface UnitLexicon {
  /** lower-cased noun form (one or more words) → unit */
  countNoun: Map<string, string>;
  /** longest count-noun form, in words */
  maxNounWords: number;
  /** currency symbol (case-sensitive) → ISO 4217 */
  symbol: Map<string, string>;
  /** lower-cased currency word or code → ISO 4217 */
  currencyWord: Map<string, string>;
  symbolRe: string;
  currencyWordRe: string;
  /** lower-cased scale word → multiplier */
  scale: Map<string, number>;
  scaleRe: string;
  numberWord: Map<string, number>;
  numberWordRe: string;
  vague: Set<string>;
  /** lower-cased qualifier phrase → qualifier */
  qualifier: Map<string, Qualifier>;
  qualifierRe: string;
}

let cached: UnitLexicon | null = null;

export function unitLexicon(): UnitLexicon {
  if (cached) return cached;
  const counts = loadData('units/count-nouns.json', CountFile);
  const cur = loadData('units/currencies.json', CurrencyFile);
  const quals = loadData('units/qualifiers.json', QualifierFile);
  const nums = numberWords();
  const countNoun = new Map<string, string>();
  for (const n of counts.nouns) for (const f of n.forms) countNoun.set(f.toLowerCase(), n.unit);
  const symbol = new Map<string, string>();
  const currencyWord = new Map<string, string>();
  for (const c of cur.currencies) {
    for (const s of c.symbols) symbol.set(s, c.code);
    for (const w of c.words) currencyWord.set(w.toLowerCase(), c.code);
  }
  for (const code of cur.codes) { symbol.set(code, code); currencyWord.set(code.toLowerCase(), code); }
  cached = {
    countNoun,
    maxNounWords: Math.max(...[...countNoun.keys()].map((k) => k.split(' ').length)),
    symbol, currencyWord,
    symbolRe: alternation(symbol.keys()),
    currencyWordRe: alternation([...currencyWord.keys()]),
    scale: new Map(nums.scales.map((s) => [s.word.toLowerCase(), s.value])),
    scaleRe: alternation(nums.scales.map((s) => s.word)),
    numberWord: new Map(nums.numbers.filter((n) => n.word !== 'a' && n.word !== 'an').map((n) => [n.word.toLowerCase(), n.value])),
    numberWordRe: alternation(nums.numbers.filter((n) => n.word !== 'a' && n.word !== 'an').map((n) => n.word)),
    vague: new Set(nums.vague.map((v) => v.word.toLowerCase())),
    qualifier: new Map(quals.qualifiers.map((q) => [q.words.toLowerCase(), q.qualifier])),
    qualifierRe: alternation(quals.qualifiers.map((q) => q.words)).replace(/ /g, '\\s+'),
  };
  return cached;
}

/** Is this word (lower-cased) a count noun we know? @example isCountNoun('troops') → true */
export function isCountNoun(word: string): boolean {
  return unitLexicon().countNoun.has(word.toLowerCase());
}
