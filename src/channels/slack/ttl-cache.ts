/**
 * A small cache of async lookups (users.info, conversations.members, conversations.open): one
 * request per key at a time, answers kept for `ttlMs`, failures not kept, and on a failed refresh
 * the last good answer is served rather than none (Slack being slow should not turn agents away).
 */
export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  clear(): void;
}

interface Entry<V> {
  value: Promise<V>;
  expires: number;
  lastGood?: V;
}

export function createTtlCache<V>(
  ttlMs: number,
  options: { maxEntries?: number; now?: () => number } = {},
): TtlCache<V> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 5000;
  const entries = new Map<string, Entry<V>>();

  function store(key: string, load: () => Promise<V>, lastGood: V | undefined): Promise<V> {
    const entry: Entry<V> = { value: load(), expires: now() + ttlMs };
    if (lastGood !== undefined) entry.lastGood = lastGood;
    entry.value = entry.value.then(
      (value) => {
        entry.lastGood = value;
        return value;
      },
      (error: unknown) => {
        if (entry.lastGood !== undefined) return entry.lastGood; // kept until the next expiry
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      },
    );
    if (!entries.has(key) && entries.size >= maxEntries)
      entries.delete(entries.keys().next().value ?? '');
    entries.set(key, entry);
    return entry.value;
  }

  return {
    get(key, load) {
      const entry = entries.get(key);
      if (entry && entry.expires > now()) return entry.value;
      return store(key, load, entry?.lastGood);
    },
    clear: () => entries.clear(),
  };
}
