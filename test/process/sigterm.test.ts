import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  sigterm,
  type SigtermOutcome,
  type SigtermSize,
} from '../support/faults/scenarios/sigterm';

/** Two workers per queue: the bound of DMs answered twice (see repostBound) is then below the DMs. */
const SIZE: SigtermSize = {
  perSecond: 20,
  beforeMs: 1500,
  afterMs: 1000,
  shutdownSeconds: 3,
  concurrency: 2,
};

describe('SIGTERM while DMs arrive', () => {
  const ctx = jestContext();
  let o: SigtermOutcome;

  beforeAll(async () => {
    o = await sigterm(ctx, SIZE);
  }, 90_000);
  afterAll(disposeAllBots);

  it('exits 0 within SHUTDOWN_SECONDS', () =>
    explained(ctx, () => {
      expect(o.exitCode).toBe(0);
      expect(o.exitMs).toBeLessThanOrEqual(o.exitLimitMs);
    }));

  it('refuses (503, or no connection) everything sent once it is stopping', () =>
    explained(ctx, () => {
      expect(o.sentAfterStopping).toBeGreaterThan(0);
      expect(o.refusedAfterStopping).toBe(o.sentAfterStopping);
    }));

  it('leaves every acknowledged DM to be answered by the next bot', () =>
    explained(ctx, () => {
      expect(o.acked).toBeGreaterThan(0);
      expect(o.ackedAnswered).toBe(o.acked);
    }));

  it('answers a DM twice at most for the posts in flight when it stopped', () =>
    explained(ctx, () => {
      expect(o.repostBound).toBe(SIZE.concurrency);
      expect(o.answeredTwice).toBeLessThanOrEqual(o.repostBound);
    }));
});
