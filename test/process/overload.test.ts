import { jestContext, verdict } from '../../bench/faults/jest-context';
import { overload } from '../../bench/faults/overload';
import { SIZES } from '../../bench/faults/scenarios';
import { disposeAllBots } from '../support/bot-process';

describe('a burst of DMs above MAX_BACKLOG', () => {
  afterAll(disposeAllBots);

  it('refuses some with 503, answers every one once it is delivered again, memory bounded', async () => {
    const ctx = jestContext();
    const rows = await overload(ctx, SIZES.overload.small);
    expect(rows.find((r) => r.scenario.includes('503'))?.observed).toBeGreaterThan(0);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);
});
