import { LRUCache } from 'lru-cache';

/** Wrong tokens allowed per address within the window before it must wait for the window to pass. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Every wrong token is answered this late, so guessing is slow even within the allowance. */
export const FAILURE_DELAY_MS = 400;

/**
 * A simple per-address counter of wrong tokens (in memory, per instance). Behind a proxy every
 * caller shares the proxy's address, which only makes the limit stricter.
 */
export function createLoginLimiter(now: () => number = Date.now) {
  /** Past its bound, the addresses that failed longest ago are forgotten first. */
  const failures = new LRUCache<string, number[]>({ max: 10_000 });
  const recent = (address: string) =>
    (failures.get(address) ?? []).filter((at) => at > now() - FAILURE_WINDOW_MS);
  return {
    /** Seconds to wait before trying again, or 0 when a try is allowed now. */
    retryAfter(address: string): number {
      const times = recent(address);
      if (times.length < MAX_FAILURES) return 0;
      return Math.ceil(((times[0] ?? now()) + FAILURE_WINDOW_MS - now()) / 1000);
    },
    failed(address: string): void {
      failures.set(address, [...recent(address), now()]);
    },
    succeeded(address: string): void {
      failures.delete(address);
    },
  };
}
