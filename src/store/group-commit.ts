/**
 * Group commit: calls that arrive while a flush is running wait and go together in the next one, so
 * under load many writes share a database round trip, and alone a call waits for nothing (it is
 * flushed at once, with whatever else was asked in the same turn of the event loop). `flush` answers each item in order; when it throws, every call of that batch
 * gets the error.
 */
export function createGroupCommit<T, R>(
  flush: (items: readonly T[]) => Promise<readonly R[]>,
  maxBatch = 200,
): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let flushing = false;

  async function drain(): Promise<void> {
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch);
        waiting = waiting.slice(batch.length);
        try {
          const results = await flush(batch.map((w) => w.item));
          batch.forEach((w, i) => w.resolve(results[i] as R));
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      flushing = false;
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (flushing) return;
      flushing = true;
      // Calls made in the same turn of the event loop join the first batch too.
      queueMicrotask(() => void drain());
    });
}
