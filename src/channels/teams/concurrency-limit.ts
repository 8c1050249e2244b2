import pLimit from 'p-limit';

/** Runs at most `max` tasks at once; the others wait their turn, first come first served. */
export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>;

export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  const limit = pLimit(max);
  return (task) => limit(task);
}
