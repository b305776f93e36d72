import { describe, expect, it } from 'vitest';
import { lruCache } from './lru-cache.ts';

describe('lruCache', () => {
  it('keeps the most recently used entries, a read counting as a use', () => {
    const cache = lruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces a value without growing, and makes it the newest', () => {
    const cache = lruCache<string>(2);
    cache.set('a', 'old');
    cache.set('b', 'b');
    cache.set('a', 'new');
    cache.set('c', 'c');
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe('new');
    expect(cache.get('b')).toBeUndefined();
  });

  it('keeps falsy values as hits, and refuses a capacity below one', () => {
    const cache = lruCache<number>(1);
    cache.set('zero', 0);
    expect(cache.get('zero')).toBe(0);
    expect(cache.get('one')).toBeUndefined();
    expect(() => lruCache(0)).toThrow(RangeError);
  });
});
