/** Backoff for a retried item: 0.5 s doubling to 60 s, with up to 25 % jitter so retries spread out. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 500 * 2 ** Math.min(attempts, 10));
  return Math.round(base * (1 + random() * 0.25));
}
