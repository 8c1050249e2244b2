import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import { crash, type CrashOutcome, type CrashSize } from '../support/faults/scenarios/crash';

/**
 * Two workers per queue, so that the bound of texts posted twice (the posts in flight at the kill,
 * see repostBound) is below the number of relays and the expectation on it can fail.
 */
const SIZE: CrashSize = {
  tickets: 2,
  journeys: 2,
  relays: 12,
  relaysPerSecond: 8,
  killAt: 0.4,
  leaseSeconds: 2,
  concurrency: 2,
};

describe('a bot process killed (SIGKILL) in the middle of journeys and relays', () => {
  const ctx = jestContext();
  let o: CrashOutcome;

  beforeAll(async () => {
    o = await crash(ctx, SIZE);
  }, 120_000);
  afterAll(disposeAllBots);

  it('is killed with work pending, and refuses the relays sent while it is down', () =>
    explained(ctx, () => {
      expect(o.pendingAtKill).toBeGreaterThan(0);
      expect(o.relays.sentWhileDown).toBeGreaterThan(0);
      expect(o.relays.refusedWhileDown).toBeGreaterThan(0);
    }));

  it('after the restart, every acknowledged journey has its answer and its ticket with a card', () =>
    explained(ctx, () => {
      const n = SIZE.journeys;
      expect(o.journeys).toMatchObject({ sent: n, acked: n, unanswered: 0, withCard: n });
      expect(o.journeys.pressedAgain).toBeLessThanOrEqual(o.pressAgainBound);
    }));

  it('every relay is acknowledged in the end (Slack retries), stored and posted', () =>
    explained(ctx, () => {
      const n = SIZE.relays;
      expect(o.relays).toMatchObject({ sent: n, acked: n, inTranscript: n, posted: n });
    }));

  it('posts a relay twice at most for the posts in flight at the kill (at-least-once delivery)', () =>
    explained(ctx, () => {
      expect(o.repostBound).toBe(SIZE.concurrency);
      expect(o.relays.postedTwice).toBeLessThanOrEqual(o.repostBound);
    }));
});
