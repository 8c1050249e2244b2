import { sleep } from '../../test/support/faults/wait';
import { commandCountsOf, countsSince, total, type CommandCounts } from './bot-metrics';

/**
 * Database commands a step caused: the bots' counters (GET /metrics) before and after, less what the
 * bots send when idle (queue polls, sweeps), measured before the phase and scaled to the step's time.
 */
export interface IdleRate {
  readonly counts: CommandCounts;
  readonly ms: number;
}

export const NO_IDLE: IdleRate = { counts: new Map(), ms: 1 };

export async function measureIdle(botUrls: readonly string[], ms: number): Promise<IdleRate> {
  const before = await commandCountsOf(botUrls);
  const started = Date.now();
  await sleep(ms);
  const after = await commandCountsOf(botUrls);
  return { counts: countsSince(before, after), ms: Date.now() - started };
}

/** Starts counting; `stop` gives the step's commands per unit (a DM, a relay), key by key. */
export async function commandMeter(botUrls: readonly string[], idle: IdleRate) {
  const before = await commandCountsOf(botUrls);
  const started = Date.now();
  return {
    async stop(units: number): Promise<CommandCounts> {
      const after = await commandCountsOf(botUrls);
      const scale = (Date.now() - started) / idle.ms;
      const per: CommandCounts = new Map();
      for (const [key, n] of countsSince(before, after)) {
        const own = n - (idle.counts.get(key) ?? 0) * scale;
        if (own > 0) per.set(key, own / Math.max(1, units));
      }
      return per;
    },
  };
}

/** The `n` most frequent command/collection pairs. */
export function topCommands(counts: CommandCounts, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
}

export const idleSummary = (idle: IdleRate) =>
  `${((total(idle.counts) * 1000) / idle.ms).toFixed(1)} commands/s when idle`;
