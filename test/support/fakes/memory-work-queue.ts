import type {
  ClaimedWork,
  LaneHead,
  NewWorkItem,
  WorkItem,
  WorkQueue,
} from '../../../src/core/ports/work-queue';

interface Entry<T> {
  item: WorkItem<T>;
  seq: number;
  status: 'pending' | 'done' | 'failed';
  notBefore: number;
  held: boolean;
}

/** In-memory WorkQueue for unit tests of the core: same contract, one process, no leases to expire. */
export function createMemoryWorkQueue<T>(
  name: string,
  now: () => number = () => Date.now(),
): WorkQueue<T> & { entries(): readonly Entry<T>[] } {
  const entries = new Map<string, Entry<T>>();
  let seq = 0;
  const head = (lane: string) =>
    [...entries.values()]
      .filter((e) => e.item.lane === lane && e.status === 'pending')
      .sort((a, b) => a.seq - b.seq)[0];

  return {
    name,
    entries: () => [...entries.values()],
    enqueue(items: readonly NewWorkItem<T>[]) {
      const fresh: string[] = [];
      for (const i of items) {
        if (entries.has(i.id)) continue;
        entries.set(i.id, {
          item: { ...i, attempts: 0, receivedAt: new Date(now()) },
          seq: seq++,
          status: i.done ? 'done' : 'pending',
          notBefore: now(),
          held: false,
        });
        fresh.push(i.id);
      }
      return Promise.resolve(fresh);
    },
    claim(id) {
      const entry = entries.get(id);
      if (!entry || entry.status !== 'pending' || entry.held || entry.notBefore > now())
        return Promise.resolve(undefined);
      if (head(entry.item.lane) !== entry) return Promise.resolve(undefined);
      entry.held = true;
      const settle = (status: Entry<T>['status']) => {
        entry.status = status;
        entry.held = false;
        return Promise.resolve();
      };
      const claim: ClaimedWork<T> = {
        item: entry.item,
        renew: () => Promise.resolve(),
        done: () => settle('done'),
        fail: () => settle('failed'),
        retryLater(delayMs, _reason, options) {
          entry.notBefore = now() + delayMs;
          if (options?.countAttempt !== false)
            entry.item = { ...entry.item, attempts: entry.item.attempts + 1 };
          return settle('pending');
        },
        release: () => settle('pending'),
      };
      return Promise.resolve(claim);
    },
    dueHeads(limit) {
      const pending = [...entries.values()]
        .filter((e) => e.status === 'pending')
        .sort((a, b) => a.seq - b.seq);
      const seen = new Set<string>();
      const heads: LaneHead[] = [];
      for (const e of pending) {
        if (seen.has(e.item.lane)) continue;
        seen.add(e.item.lane);
        if (e.notBefore <= now() && heads.length < limit)
          heads.push({ id: e.item.id, lane: e.item.lane });
      }
      return Promise.resolve({ heads, pending: pending.length });
    },
    status: (id) => Promise.resolve(entries.get(id)?.status),
  };
}
