import type { BenchContext } from './bench-context';
import { maxSustained, saturated, type StepResult } from './load-step';

/**
 * Rising rates, one step each, with a pause between steps for the previous one's work to finish.
 * Once a step is far past capacity (see `saturated`) the higher rates are not run: they would only
 * pile up a longer backlog and make the phase drag on (BENCH_ALL_RATES=1 runs them all the same).
 * At the first rate not sustained, up to `settings.refine` steps halve the gap between the highest
 * sustained rate and the lowest rate that was not, to narrow the sustained rate down; they run
 * before any higher rate, whose backlog the bot might take minutes to work off.
 */
export interface Ladder {
  /** By rate. */
  readonly results: StepResult[];
  readonly skipped: number[];
  /** Rates added by the refinement. */
  readonly refined: number[];
}

export async function climb(
  rates: readonly number[],
  step: (rate: number) => Promise<StepResult>,
  pause: () => Promise<void>,
  ctx: Pick<BenchContext, 'log' | 'settings'>,
): Promise<Ladder> {
  const results: StepResult[] = [];
  const run = async (rate: number) => {
    if (results.length > 0) await pause();
    const result = await step(rate);
    results.push(result);
    ctx.log(
      `  ${rate}/s: ${result.answered}/${result.sent} answered, p50 ${result.latency.p50 ?? '-'} ms, p99 ${result.latency.p99 ?? '-'} ms${result.sustained ? '' : ' (not sustained)'}`,
    );
    return result;
  };
  let skipped: number[] = [];
  const refined: number[] = [];
  for (const [index, rate] of rates.entries()) {
    const result = await run(rate);
    // At the first rate not sustained, narrow down before going higher (while the bot can recover).
    if (!result.sustained && refined.length === 0)
      for (let n = 0; n < ctx.settings.refine; n++) {
        const mid = between(results);
        if (mid === undefined) break;
        refined.push(mid);
        await run(mid);
      }
    if (!ctx.settings.allRates && saturated(result)) {
      skipped = rates.slice(index + 1);
      break;
    }
  }
  return { results: [...results].sort((a, b) => a.rate - b.rate), skipped, refined };
}

/** Halfway between the highest sustained rate and the next rate up that failed, if worth a step. */
function between(results: readonly StepResult[]): number | undefined {
  const lo = maxSustained(results);
  const hi = Math.min(...results.filter((r) => !r.sustained && r.rate > lo).map((r) => r.rate));
  if (lo === 0 || !Number.isFinite(hi) || hi / lo <= 1.2) return undefined;
  const mid = Math.round((lo + hi) / 2);
  return mid > lo && mid < hi ? mid : undefined;
}
