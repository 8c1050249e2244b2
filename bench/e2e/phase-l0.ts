import { createUsers } from '../../test/support/faults/slack-user';
import { inWorld, troubleSummary } from '../../test/support/faults/world';
import { idleSummary, topCommands } from './commands';
import { botEnv, botSubject, settleBetween, warmUp, warmUpCrowd } from './context';
import type { BenchContext } from './bench-context';
import { crowdFor } from './crowd';
import { dmLadder } from './dm-load';
import type { Ladder } from './ladder';
import { maxSustained } from './load-step';
import { PostWatch } from './post-watch';
import { nearest } from './report';

/**
 * Phase 1: L0 answers. One bot process; at each rate, DMs from new employees for the step's
 * seconds; answered when the employee's DM channel gets its first post.
 */
export interface L0Outcome extends Ladder {
  readonly sustained: number;
  /** The most frequent command/collection pairs per DM at the reference rate. */
  readonly top: { rate: number; rows: [string, number][] } | undefined;
  readonly idle: string;
  readonly trouble: string;
}

/** `env` adds bot settings for this phase (L0_SEMANTIC=off measures words alone). */
export async function l0Phase(
  ctx: BenchContext,
  env: Readonly<Record<string, string>> = {},
): Promise<L0Outcome> {
  const s = ctx.settings;
  const crowd = crowdFor('l0', s.rates, s.seconds, s.refine);
  const people = [...warmUpCrowd('lw'), ...crowd.people];
  return inWorld({ mongoUri: ctx.mongoUri, people, env: { ...botEnv(ctx), ...env } }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    const watch = new PostWatch(w.stub);
    await warmUp(users, [bot.url], watch, 'lw');
    const subject = await botSubject(ctx, [bot]);
    const ladder = await dmLadder(ctx, {
      rates: s.rates,
      crowd,
      users,
      urls: [bot.url],
      watch,
      subject,
      pause: () => settleBetween(ctx, w),
    });
    const ref = nearest(ladder.results, s.refRate);
    return {
      ...ladder,
      sustained: maxSustained(ladder.results),
      top: ref?.commands && { rate: ref.rate, rows: topCommands(ref.commands, 5) },
      idle: idleSummary(subject.idle),
      trouble: troubleSummary(w),
    };
  });
}
