/** A map that keeps only its most recently used entries. */
export interface LruCache<V> {
  /** The value under `key`, which becomes the most recently used; undefined when not kept. */
  get(key: string): V | undefined;
  /** Keeps `value` as the most recently used, dropping the least recently used beyond capacity. */
  set(key: string, value: V): void;
  readonly size: number;
}

/**
 * An LRU cache of at most `capacity` entries. A Map iterates in insertion order, so re-inserting
 * on every use keeps the least recently used first, where eviction takes it from.
 */
export function lruCache<V>(capacity: number): LruCache<V> {
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw new RangeError(`lruCache: capacity ${capacity}, expected a whole number >= 1`);
  }
  const entries = new Map<string, V>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key) as V;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
