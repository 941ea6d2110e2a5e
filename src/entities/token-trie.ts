/**
 * A trie keyed by token norms (Token.norm), built once per process: recognising every lexicon
 * entry in a text is one walk per token, never one regex per entry (chrono's `matchAnyPattern`
 * idea, longest first, but over tokens so that "Niger" can never match inside "Nigeria").
 */

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

export interface TrieMatch<T> {
  /** token index one past the last matched token */
  end: number;
  values: T[];
}

export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  private count = 0;

  get size(): number { return this.count; }

  /** Adds a value under a token-norm sequence. @example trie.add(['air', 'base', '201'], entry) */
  add(norms: readonly string[], value: T): void {
    if (norms.length === 0) return;
    let node = this.root;
    for (const n of norms) {
      let child = node.next.get(n);
      if (!child) { child = { next: new Map(), values: [] }; node.next.set(n, child); }
      node = child;
    }
    node.values.push(value);
    this.count++;
  }

  /**
   * Every match starting at token `start`, longest first; `accept` filters the values of one
   * candidate (case, context) so a longer entry that is rejected lets a shorter one through.
   * @example trie.matchesAt(norms, 3, (v, s, e) => true)[0]?.end
   */
  matchesAt(norms: readonly string[], start: number, accept: (value: T, start: number, end: number) => boolean): TrieMatch<T>[] {
    const found: TrieMatch<T>[] = [];
    let node: TrieNode<T> | undefined = this.root;
    for (let i = start; i < norms.length; i++) {
      node = node.next.get(norms[i]);
      if (!node) break;
      if (node.values.length) {
        const ok = node.values.filter((v) => accept(v, start, i + 1));
        if (ok.length) found.push({ end: i + 1, values: ok });
      }
    }
    return found.reverse();
  }

  /** The longest accepted match at `start`, or null. */
  longestAt(norms: readonly string[], start: number, accept: (value: T, start: number, end: number) => boolean): TrieMatch<T> | null {
    return this.matchesAt(norms, start, accept)[0] ?? null;
  }
}
