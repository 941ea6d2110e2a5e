/**
 * A one-hash Bloom filter over strings in 8 KB (hand-written, perf): "is this token norm possibly a
 * key of that big Map?" answered from a bit array that stays in the CPU cache. The big lexicon maps
 * (thousands of keys) cost a cache miss or two per probe, and most tokens are keys of none of them,
 * so a probe is only made when the filter says maybe. No false negatives: `mayHave(s)` is true for
 * every added `s`, so a filtered lookup always gives the same answer as the plain one.
 */
export class StringFilter {
  private readonly bits = new Int32Array(1 << 11); // 2^16 bits

  add(s: string): void {
    const h = hashOf(s);
    this.bits[h >>> 5] |= 1 << (h & 31);
  }

  /** False only when `s` was never added. @example f.add('niger'); f.mayHave('niger') === true */
  mayHave(s: string): boolean {
    const h = hashOf(s);
    return (this.bits[h >>> 5] & (1 << (h & 31))) !== 0;
  }
}

/** 16-bit hash of the length, the first four and the last code unit (cheap; enough to spread words). */
function hashOf(s: string): number {
  const n = s.length;
  let h = Math.imul(n + 1, 0x9e3779b1);
  const k = n < 4 ? n : 4;
  for (let i = 0; i < k; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (n > 4) h = Math.imul(h ^ s.charCodeAt(n - 1), 0x01000193);
  h ^= h >>> 16;
  return h & 0xffff;
}
