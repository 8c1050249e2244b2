import { LRUCache } from 'lru-cache';

/**
 * A small cache of async lookups (users.info, conversations.members, conversations.open): one
 * request per key at a time, answers kept for `ttlMs`, failures not kept, and on a failed refresh
 * the last good answer is served rather than none (Slack being slow should not turn agents away).
 */
export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  clear(): void;
}

/** lru-cache keeps no null or undefined: each answer is boxed (a user without a name is null). */
interface Box<V> {
  readonly value: V;
}

export function createTtlCache<V>(
  ttlMs: number,
  options: { maxEntries?: number; now?: () => number } = {},
): TtlCache<V> {
  const cache = new LRUCache<string, Box<V>, () => Promise<V>>({
    max: options.maxEntries ?? 5000,
    ttl: ttlMs,
    // With a clock of its own (tests), every look reads it afresh.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    // A clear() or an eviction does not fail the lookups waiting for a request in flight.
    ignoreFetchAbort: true,
    // lru-cache runs one fetch per key at a time; a rejected one with nothing to fall back on is dropped.
    fetchMethod: async (_key, stale, { context: load }) => {
      try {
        return { value: await load() };
      } catch (error) {
        // The last good answer, kept again until the next expiry: a failing Slack is not asked at every event.
        if (stale) return stale;
        throw error;
      }
    },
  });

  return {
    async get(key, load) {
      return (await cache.forceFetch(key, { context: load })).value;
    },
    clear: () => cache.clear(),
  };
}
