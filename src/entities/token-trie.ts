/**
 * A trie keyed by token norms (Token.norm), built once per process: recognising every lexicon
 * entry in a text is one walk per token, never one regex per entry (chrono's `matchAnyPattern`
 * idea, longest first, but over tokens so that "Niger" can never match inside "Nigeria").
 */

import { StringFilter } from '../util/string-filter.js';

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
  /** first tokens of all entries: most text tokens start none, and this answers without a Map probe */
  private readonly firsts = new StringFilter();

  get size(): number { return this.count; }

  /** Adds a value under a token-norm sequence. @example trie.add(['air', 'base', '201'], entry) */
  add(norms: readonly string[], value: T): void {
    if (norms.length === 0) return;
    let node = this.root;
    this.firsts.add(norms[0]);
    for (const n of norms) {
      let child = node.next.get(n);
      if (!child) { child = { next: new Map(), values: [] }; node.next.set(n, child); }
      node = child;
    }
    node.values.push(value);
    this.count++;
  }

  /**
   * The longest accepted match at `start`, or null: the walk allocates nothing unless something
   * matches; `accept` filters the values of one candidate (case, context) so a longer entry that is
   * rejected lets a shorter one through.
   * @example trie.longestAt(norms, 3, (v, s, e) => true)?.end
   */
  longestAt(norms: readonly string[], start: number, accept: (value: T, start: number, end: number) => boolean): TrieMatch<T> | null {
    const first = norms[start];
    if (first === undefined || !this.firsts.mayHave(first)) return null;
    let node = this.root.next.get(first);
    if (!node) return null;
    const path = this.path;
    let depth = 0;
    for (let i = start; node; ) {
      path[depth++] = node;
      i++;
      if (i >= norms.length) break;
      node = node.next.get(norms[i]);
    }
    for (let d = depth - 1; d >= 0; d--) {
      const values = path[d].values;
      if (!values.length) continue;
      let ok: T[] | null = null;
      for (const v of values) if (accept(v, start, start + d + 1)) (ok ??= []).push(v);
      if (ok) return { end: start + d + 1, values: ok };
    }
    return null;
  }

  /** Whether any entry starts with this token norm (a cheap pre-check). */
  startsWith(norm: string): boolean {
    return this.firsts.mayHave(norm) && this.root.next.has(norm);
  }

  private readonly path: TrieNode<T>[] = [];
}
