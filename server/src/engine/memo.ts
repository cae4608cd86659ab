/**
 * Memoises a pure function of a short string. The cache is bounded (cleared when full) so that
 * hostile input cannot grow it without limit; long keys are not cached at all.
 */
export function memoByString<V>(fn: (key: string) => V, maxEntries: number, maxKeyLength = 80): (key: string) => V {
  const cache = new Map<string, V>();
  return (key: string): V => {
    if (key.length > maxKeyLength) return fn(key);
    // One lookup on a hit (a cached value is never undefined: fn's undefined is not cached).
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (value === undefined) return value;
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, value);
    return value;
  };
}
