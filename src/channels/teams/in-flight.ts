/** Requests in flight, so a stopping channel can wait for them to finish (up to a deadline). */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  settled(timeoutMs: number): Promise<void>;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      pending.add(work);
      void work.finally(() => pending.delete(work)).catch(() => undefined);
      return work;
    },
    async settled(timeoutMs) {
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...pending]).then(() => undefined), deadline]);
    },
  };
}
