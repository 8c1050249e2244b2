import { disposeAllBots } from '../support/bot-process';
import { OVERLOAD_RSS_ADDED_MB } from '../support/faults/bounds';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  overload,
  type OverloadOutcome,
  type OverloadSize,
} from '../support/faults/scenarios/overload';

const SIZE: OverloadSize = {
  perSecond: 40,
  seconds: 1,
  maxBacklog: 5,
  retryDelayMs: 1000,
  deadlineMs: 60_000,
};

describe('a burst of DMs above MAX_BACKLOG', () => {
  const ctx = jestContext();
  let o: OverloadOutcome;

  beforeAll(async () => {
    o = await overload(ctx, SIZE);
  }, 90_000);
  afterAll(disposeAllBots);

  it('refuses some with 503, and answers each exactly once when it is delivered again', () =>
    explained(ctx, () => {
      const n = SIZE.perSecond * SIZE.seconds;
      expect(o.refused503).toBeGreaterThan(0);
      expect(o).toMatchObject({ sent: n, acked: n, answered: n, answeredTwice: 0 });
      expect(o.seconds).toBeLessThanOrEqual(SIZE.deadlineMs / 1000);
    }));

  it('keeps its memory bounded', () =>
    explained(ctx, () =>
      expect(o.maxRssMb - o.idleRssMb).toBeLessThanOrEqual(OVERLOAD_RSS_ADDED_MB),
    ));
});
