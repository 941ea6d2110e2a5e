/**
 * Near-duplicate articles (wire copies: the same AP/Reuters/AFP story run by many outlets with
 * a new headline, a trimmed ending or a local paragraph) found by MinHash over word shingles,
 * with locality-sensitive banding so a new article is compared only with a few candidates.
 *
 * Why shingles of normalised words: copies differ in quotes, dashes, case and line breaks, which
 * we fold; they share long runs of identical words, which 4-word shingles capture while two
 * different articles on one story share few (the names repeat, the sentences do not).
 * Why containment as well as Jaccard: an outlet that trims a wire story to half its length keeps
 * a Jaccard of about 0.5 with the original, but nearly all of its shingles are in the original.
 */

export const SHINGLE = 4;
export const HASHES = 96;
/** 32 bands of 3 rows: an article sharing half its shingles with a stored one is a candidate
 *  with probability 0.99, sharing 40% 0.88, sharing 10% 0.03. Candidates are then checked
 *  exactly on the texts. 32 small integer keys an article keep the index small at 1M articles. */
export const BAND_ROWS = 3;
export const BANDS = HASHES / BAND_ROWS;

/** Exact check thresholds (on the stored texts): a copy, trimmed or lightly edited. */
export const DUP_JACCARD = 0.5;
export const DUP_CONTAINMENT = 0.8;
/** Texts shorter than this many shingles are too short to call copies (a one-line item). */
export const MIN_SHINGLES = 12;

/** The words of a text folded for comparison (NFKC, lower case, letters and digits only). */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** fnv1a of `w[from..to)` joined by spaces, without building the string (the writer hashes
 *  every shingle of every article it stores; the values are those of fnv1a on the joined text). */
function fnv1aWords(w: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    if (k > from) h = Math.imul(h ^ 32, 0x01000193);
    const s = w[k]!;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** The set of shingle hashes of a text. */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(fnv1aWords(w, i, i + SHINGLE));
  if (w.length > 0 && w.length < SHINGLE) out.add(fnv1a(w.join(' ')));
  return out;
}

// Fixed random odd multipliers and offsets (a deterministic xorshift stream): the same text
// always gets the same signature, in every process and on every machine.
const MUL = new Uint32Array(HASHES);
const ADD = new Uint32Array(HASHES);
{
  let x = 0x9e3779b9;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  for (let i = 0; i < HASHES; i++) { MUL[i] = next() | 1; ADD[i] = next(); }
}

/** The MinHash signature of a set of shingle hashes (HASHES 32-bit values). */
export function minhash(sh: Set<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of sh) {
    for (let i = 0; i < HASHES; i++) {
      // a universal-ish hash family: (a*h + b) mod 2^32, then a final mix so low bits are good
      let v = (Math.imul(MUL[i], h) + ADD[i]) >>> 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** LSH band keys of a signature (band index * 2^32 + a hash of the band's rows, exact in a
 *  double and a BIGINT); articles sharing any key are candidates. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < BAND_ROWS; r++) {
      h = Math.imul(h ^ sig[b * BAND_ROWS + r], 0x01000193) >>> 0;
      h ^= h >>> 13;
    }
    keys.push(b * 4294967296 + (h >>> 0));
  }
  return keys;
}

/** Estimated Jaccard similarity of two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** Exact similarity of two shingle sets: Jaccard and containment of the smaller in the larger. */
export function similarity(a: Set<number>, b: Set<number>): { jaccard: number; containment: number } {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const h of small) if (large.has(h)) inter++;
  return { jaccard: inter / (a.size + b.size - inter), containment: inter / small.size };
}

/**
 * Whether two texts are copies of one story.
 * @example isNearDuplicate(similarity(shingles(a), shingles(b)), shingles(a).size, shingles(b).size)
 */
export function isNearDuplicate(sim: { jaccard: number; containment: number }, sizeA: number, sizeB: number): boolean {
  if (Math.min(sizeA, sizeB) < MIN_SHINGLES) return sim.jaccard >= 0.9;
  return sim.jaccard >= DUP_JACCARD || sim.containment >= DUP_CONTAINMENT;
}
