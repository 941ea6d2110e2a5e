/**
 * Spelling variants of known persons. News spells the same official several ways ("Mohamed",
 * "Mohammed", "Mahamadou"; "Bouteflika", "Bouteflicka"), and no lexicon lists them all. A person
 * the text names with a role or title ("President Mahamad Kuyate", "ousted president X") whose
 * name is a close variant of a known person's is that person when:
 * - the family name is the same and the given name is within edit distance 2 or has the same
 *   consonant skeleton (transliterations differ in their vowels: Mahamoud / Mohamed), or
 * - the given name is the same and the family name (6 letters or more) is within edit distance 1;
 * - and the role is compatible (both heads of state or government, or the same office word), and
 *   the country the text gives the person, if any, is the known person's;
 * - and exactly one known person fits.
 * Hand-written: a 30-line edit distance is cheaper than a dependency, and the rule is ours.
 */
import { stripAccents, type ActorLexicon, type KnownEntity } from '../data/actor-lexicon.js';

/** Offices a head of state or government is called by: "President X" may be the known "leader" X. */
const HEAD_ROLES = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'head of state', 'leader', 'crown prince', 'sheikh', 'supreme leader', 'army chief', 'commander']);

/** Lower case, accents and punctuation stripped: "Goïta" → "goita". */
export function foldName(s: string): string {
  return stripAccents(s).toLowerCase().replace(/[^a-z]/g, '');
}

/** Consonants only, doubled letters once: "Mahamoud" → "mhmd", "Mohammed" → "mhmd". */
export function consonantSkeleton(s: string): string {
  return foldName(s).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function rolesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return true;
  if (a === b) return true;
  if (HEAD_ROLES.has(a) && HEAD_ROLES.has(b)) return true;
  const last = (r: string) => r.split(/\s+/).pop()!;
  return last(a) === last(b);
}

interface NameParts { given: string; family: string }

function parts(name: string): NameParts | null {
  // "al-Sudani" counts (a capital inside), "bin" does not
  const words = name.split(/\s+/).filter((w) => /\p{Lu}/u.test(w));
  if (words.length < 2) return null;
  return { given: foldName(words[0]), family: foldName(words[words.length - 1].replace(/^(al|el)-/i, '')) };
}

const indexes = new WeakMap<ActorLexicon, Map<string, { known: KnownEntity; names: NameParts[] }[]>>();

/** Known persons by folded family name (of the name and every multi-word alias). */
function byFamily(lex: ActorLexicon): Map<string, { known: KnownEntity; names: NameParts[] }[]> {
  let idx = indexes.get(lex);
  if (idx) return idx;
  idx = new Map();
  for (const known of lex.entities.values()) {
    if (known.type !== 'person') continue;
    const names = [known.name, ...known.aliases].map(parts).filter((p): p is NameParts => !!p);
    const families = new Set(names.map((n) => n.family));
    for (const f of families) {
      const list = idx.get(f) ?? [];
      list.push({ known, names });
      idx.set(f, list);
    }
  }
  indexes.set(lex, idx);
  return idx;
}

/**
 * The one country of the known persons who share this family name (two or more, with a compatible
 * role), or null: "Bush" → USA (George H. W. and George W. Bush). A family name only one known
 * person bears is not enough ("King Hassan" is not Tanzania's President Samia Suluhu Hassan); such
 * a person's lexicon entry lists the name alone as an alias when it is safe.
 * @example familyCountry(lex, 'Bush', 'president') → 'USA'
 */
export function familyCountry(lex: ActorLexicon, family: string, role: string | null): string | null {
  const cands = (byFamily(lex).get(foldName(family)) ?? []).filter((c) => rolesCompatible(role, c.known.role));
  const codes = new Set(cands.map((c) => c.known.code));
  return cands.length >= 2 && codes.size === 1 ? [...codes][0] : null;
}

/**
 * The known person an unknown titled name is a spelling variant of, or null.
 * @example knownVariant(lex, 'Mahamoud Bazoum', 'president', 'NER')?.name → 'Mohamed Bazoum'
 */
export function knownVariant(lex: ActorLexicon, name: string, role: string | null, country: string | null): KnownEntity | null {
  const found = variantCandidates(lex, name, role, country);
  return found.size === 1 ? [...found][0] : null;
}

/**
 * The one country of several known persons a titled name fits ("President George Bush": George
 * H. W. or George W. Bush → USA), or null.
 */
export function variantsCountry(lex: ActorLexicon, name: string, role: string | null): string | null {
  const found = variantCandidates(lex, name, role, null);
  const codes = new Set([...found].map((k) => k.code));
  return found.size >= 2 && codes.size === 1 ? [...codes][0] : null;
}

function variantCandidates(lex: ActorLexicon, name: string, role: string | null, country: string | null): Set<KnownEntity> {
  const p = parts(name);
  const found = new Set<KnownEntity>();
  if (!p || p.family.length < 3) return found;
  const idx = byFamily(lex);
  const consider = (cands: { known: KnownEntity; names: NameParts[] }[] | undefined, test: (n: NameParts) => boolean) => {
    for (const c of cands ?? []) {
      if (!rolesCompatible(role, c.known.role)) continue;
      if (country && c.known.code && country !== c.known.code) continue;
      if (c.names.some(test)) found.add(c.known);
    }
  };
  // same family name, given name a close spelling or a transliteration of it
  consider(idx.get(p.family), (n) => n.family === p.family && n.given.length >= 3 && p.given.length >= 3
    && (editDistance(n.given, p.given, 2) <= 2 || consonantSkeleton(n.given) === consonantSkeleton(p.given)));
  // same given name, family name one letter off (long names only: "Bouteflicka"; same first letter)
  if (!found.size && p.family.length >= 6) {
    for (const [fam, cands] of idx) {
      if (fam[0] !== p.family[0] || Math.abs(fam.length - p.family.length) > 1 || editDistance(fam, p.family, 1) > 1) continue;
      consider(cands, (n) => n.family === fam && n.given === p.given);
    }
  }
  return found;
}

const countryForms = new WeakMap<ActorLexicon, { all: Set<string>; byFirst: Map<string, [string, string][]> }>();

/**
 * A one-letter misspelling of a country's one-word name ("Ethopia", "Quatar"), or null: the
 * country's key. Only words of six letters or more, same first and last letter (a letter added at
 * the end makes another word: "Hollande", "Chiles"), one country within one edit.
 * @example misspelledCountry(lex, 'Ethopia') → 'country:ETH'
 */
export function misspelledCountry(lex: ActorLexicon, word: string): string | null {
  let forms = countryForms.get(lex);
  if (!forms) {
    forms = { all: new Set(), byFirst: new Map() };
    for (const e of lex.entities.values()) {
      if (e.type !== 'country') continue;
      for (const n of [e.name, ...e.aliases]) {
        if (/[\s.'-]/.test(n) || n.length < 5) continue;
        const f = foldName(n);
        forms.all.add(f);
        const list = forms.byFirst.get(f[0]) ?? [];
        list.push([f, e.key]);
        forms.byFirst.set(f[0], list);
      }
    }
    countryForms.set(lex, forms);
  }
  if (word.length < 6) return null;
  const w = foldName(word);
  if (w.length < 6 || forms.all.has(w)) return null;
  const keys = new Set<string>();
  for (const [f, key] of forms.byFirst.get(w[0]) ?? []) {
    // the slip is inside the word: "Hollande" and "Chiles" (a letter added at the end) are names
    if (Math.abs(f.length - w.length) > 1 || f[f.length - 1] !== w[w.length - 1]) continue;
    if (editDistance(f, w, 1) <= 1) keys.add(key);
  }
  return keys.size === 1 ? [...keys][0] : null;
}
