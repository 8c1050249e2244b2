import { employees } from '../../test/support/faults/cast';
import { settled } from '../../test/support/faults/checks';
import { createUsers } from '../../test/support/faults/slack-user';
import { sleep } from '../../test/support/faults/wait';
import { inWorld, troubleSummary } from '../../test/support/faults/world';
import { botEnv, botSubject, warmUp, warmUpCrowd } from './context';
import type { BenchContext } from './bench-context';
import { dmPlan } from './dm-load';
import { runStep, type StepResult } from './load-step';
import { PostWatch } from './post-watch';
import { seedTickets } from './seed-tickets';

/**
 * Phase 5: does an L0 answer cost more on a database with history? One bot; an L0 step at the
 * reference rate on an empty database, then `seedTickets` resolved tickets inserted directly, then
 * the same step again (new employees both times).
 */
const FIRST_JOBS_MS = 17_000;

export interface SizeOutcome {
  readonly before: StepResult;
  readonly after: StepResult;
  readonly seeded: number;
  readonly seedMs: number;
  readonly trouble: string;
}

export async function sizePhase(ctx: BenchContext): Promise<SizeOutcome> {
  const s = ctx.settings;
  const count = Math.round(s.refRate * s.seconds);
  const [first, second] = [employees('sb', count), employees('sa', count)];
  const people = [...warmUpCrowd('sw'), ...first, ...second];
  return inWorld({ mongoUri: ctx.mongoUri, people, env: botEnv(ctx) }, async (w) => {
    const bot = await w.startBot();
    const startedAt = Date.now();
    const users = createUsers();
    const watch = new PostWatch(w.stub);
    await warmUp(users, [bot.url], watch, 'sw');
    const step = async (crowd: typeof first) => {
      const subject = await botSubject(ctx, [bot]);
      const plan = dmPlan({
        users,
        urls: [bot.url],
        employees: crowd,
        rate: s.refRate,
        drainMs: s.drainMs,
        watch,
      });
      return runStep(subject, plan);
    };
    const before = await step(first);
    await settled(w.db, 60_000);
    // The bot's periodic jobs first run about 15 s after its start (the hourly ticket-refs reconcile
    // reads every ticket): let that happen on the empty database, not in the middle of the next step.
    await sleep(startedAt + FIRST_JOBS_MS - Date.now());
    ctx.log(`  seeding ${s.seedTickets} resolved tickets...`);
    const seedMs = await seedTickets(w.db, s.seedTickets);
    ctx.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s`);
    const after = await step(second);
    return { before, after, seeded: s.seedTickets, seedMs, trouble: troubleSummary(w) };
  });
}
