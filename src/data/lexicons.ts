/**
 * Compiled lexicons, loaded once per process from data/ (see ./load.ts).
 * Adding an entry is a data edit with an example phrase beside it, never a code change.
 */
import { z } from 'zod';
import { loadData } from './load.js';

const Example = z.string().min(1);

const BoilerplateFile = z.object({
  patterns: z.array(z.object({ re: z.string(), flags: z.string().default('i'), example: Example })),
});
const AbbreviationsFile = z.object({
  /** tokens ending in "." that do not end a sentence when followed by a capitalised word */
  abbreviations: z.array(z.object({ abbr: z.string(), example: Example })),
});

export interface Lexicon {
  boilerplate: RegExp[];
  abbreviations: Set<string>; // lower-cased, with the final dot
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const bp = loadData('layout/boilerplate.json', BoilerplateFile);
  const ab = loadData('layout/abbreviations.json', AbbreviationsFile);
  cached = {
    boilerplate: bp.patterns.map((p) => new RegExp(p.re, p.flags)),
    abbreviations: new Set(ab.abbreviations.map((a) => a.abbr.toLowerCase())),
  };
  return cached;
}
