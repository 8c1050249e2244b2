import { createUsers } from '../../test/support/faults/slack-user';
import { inWorld, troubleSummary } from '../../test/support/faults/world';
import { botEnv, botSubject, settleBetween, warmUp, warmUpCrowd } from './context';
import type { BenchContext } from './bench-context';
import { crowdFor } from './crowd';
import { dmLadder } from './dm-load';
import type { Ladder } from './ladder';
import { maxSustained } from './load-step';
import { PostWatch } from './post-watch';

/**
 * Phase 4: two bot processes on one database (as behind a load balancer), the DMs alternating
 * between them, at the single process's sustained rate and 1.5x and 2x it.
 */
export interface TwoOutcome extends Ladder {
  readonly sustained: number;
  readonly trouble: string;
}

/** The rates to try around a single process's sustained rate (the lowest L0 rate when none). */
export function twoRates(single: number, fallback: number): number[] {
  const base = single > 0 ? single : fallback;
  return [...new Set([1, 1.5, 2].map((k) => Math.round(base * k)))];
}

export async function twoPhase(ctx: BenchContext, rates: readonly number[]): Promise<TwoOutcome> {
  const s = ctx.settings;
  const crowd = crowdFor('t0', rates, s.seconds, s.refine);
  const people = [...warmUpCrowd('tw'), ...crowd.people];
  return inWorld({ mongoUri: ctx.mongoUri, people, env: botEnv(ctx) }, async (w) => {
    // One after the other: two first starts at once race on creating the indexes.
    const a = await w.startBot();
    const b = await w.startBot();
    const urls = [a.url, b.url];
    const users = createUsers();
    const watch = new PostWatch(w.stub);
    await warmUp(users, urls, watch, 'tw');
    const ladder = await dmLadder(ctx, {
      rates,
      crowd,
      users,
      urls,
      watch,
      subject: await botSubject(ctx, [a, b]),
      pause: () => settleBetween(ctx, w),
    });
    return { ...ladder, sustained: maxSustained(ladder.results), trouble: troubleSummary(w) };
  });
}
