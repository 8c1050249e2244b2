import { startSlackApiStub } from '../../test/support/slack-api-stub';
import { stubCast } from '../../test/support/faults/cast';
import { createUsers } from '../../test/support/faults/slack-user';
import { sleep } from '../../test/support/faults/wait';
import { NO_IDLE } from './commands';
import { warmUp, warmUpCrowd } from './context';
import type { BenchContext } from './bench-context';
import { crowdFor } from './crowd';
import { dmLadder } from './dm-load';
import type { Ladder } from './ladder';
import { maxSustained } from './load-step';
import { startMinimalApp } from './minimal-app';
import { PostWatch } from './post-watch';

/**
 * Phase 2: the same DM load on a minimal Bolt app (minimal-bolt.ts) answering every DM with a fixed
 * text through the same Web API stub: the ceiling of Bolt, HTTP and the driver on this machine.
 */
export interface BoltOutcome extends Ladder {
  readonly sustained: number;
}

export async function boltPhase(ctx: BenchContext): Promise<BoltOutcome> {
  const s = ctx.settings;
  const crowd = crowdFor('b0', s.rates, s.seconds, s.refine);
  const stub = await startSlackApiStub(stubCast([...warmUpCrowd('bw'), ...crowd.people]));
  try {
    const app = await startMinimalApp(stub.url);
    try {
      const users = createUsers();
      const watch = new PostWatch(stub);
      await warmUp(users, [app.url], watch, 'bw');
      const ladder = await dmLadder(ctx, {
        rates: s.rates,
        crowd,
        users,
        urls: [app.url],
        watch,
        subject: { apps: [app], metricsUrls: [], idle: NO_IDLE },
        pause: () => sleep(1000),
      });
      return { ...ladder, sustained: maxSustained(ladder.results) };
    } finally {
      await app.stop();
    }
  } finally {
    await stub.close();
  }
}
