import type { Percentiles } from './report-types';

/** Small numeric helpers of the report: rates, nearest-rank percentiles, rounding. */

/** part / whole, or null when there is nothing to divide by; 4 decimals. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** p50 and p90 by the nearest-rank method (the ceil(p·n)-th smallest), in 0.1 units. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9) };
}

export function average(values: readonly number[]): number | null {
  return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;
}

export const inPeriod = (at: Date, from: Date, to: Date): boolean =>
  at.getTime() >= from.getTime() && at.getTime() < to.getTime();
