import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { twoBots } from '../../bench/faults/two-bots';
import { disposeAllBots } from '../support/bot-process';

describe('two bot processes on one database', () => {
  afterAll(disposeAllBots);

  it('dedupe across processes, and one owner per contested claim', async () => {
    const ctx = jestContext();
    const rows = await twoBots(ctx, SIZES.twoBots.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);
});
