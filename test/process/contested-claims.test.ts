import { contestedClaims } from '../../bench/faults/claims';
import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { disposeAllBots } from '../support/bot-process';

describe('agents pressing Claim on the same tickets at once', () => {
  afterAll(disposeAllBots);

  it('gives each ticket one owner and records every other press as refused', async () => {
    const ctx = jestContext();
    const { tickets, agents } = SIZES.claims.small;
    const rows = await contestedClaims(ctx, SIZES.claims.small);
    expect(rows.find((r) => r.scenario.includes('refusals'))?.observed).toBe(
      tickets * (agents - 1),
    );
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 60_000);
});
