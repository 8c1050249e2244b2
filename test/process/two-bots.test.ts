import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { twoBots } from '../../bench/faults/two-bots';
import { twoBotsTakeover } from '../../bench/faults/two-bots-takeover';
import { disposeAllBots } from '../support/bot-process';

describe('two bot processes on one database', () => {
  afterAll(disposeAllBots);

  it('dedupe across processes, and one owner per contested claim', async () => {
    const ctx = jestContext();
    const rows = await twoBots(ctx, SIZES.twoBots.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);

  it("a killed process's leases taken over by the other, and the SLA sweep acting once", async () => {
    const ctx = jestContext();
    const rows = await twoBotsTakeover(ctx, SIZES.twoBotsTakeover.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 240_000);
});
