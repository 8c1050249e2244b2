import { z } from 'zod';
import { emptyToUndefined } from './fields';

/** The lead's report settings (src/config/config.ts spreads them in). */

/** "0.7-0.8": L1's target band of its resolution rate, two fractions in [0, 1], low first. */
export function parseRateBand(
  text: string,
): { ok: true; value: { low: number; high: number } } | { ok: false; message: string } {
  const m = /^\s*(\d*\.?\d+)\s*-\s*(\d*\.?\d+)\s*$/.exec(text);
  const low = Number(m?.[1]);
  const high = Number(m?.[2]);
  if (!m || !(low >= 0 && high <= 1 && low <= high))
    return { ok: false, message: 'expected a band of two fractions, low first, like "0.7-0.8"' };
  return { ok: true, value: { low, high } };
}

export const reportEnvShape = {
  REPORT_L1_TARGET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('0.7-0.8')
      .transform((text, ctx) => {
        const band = parseRateBand(text);
        if (band.ok) return band.value;
        ctx.addIssue({ code: 'custom', message: band.message });
        return z.NEVER;
      }),
  ),
};
