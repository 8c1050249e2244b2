import { duplicates } from '../../bench/faults/duplicates';
import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { disposeAllBots } from '../support/bot-process';

/** Slack's retries and duplicates, each request delivered 4 times at once, against the real process. */
describe('a bot process given every request four times', () => {
  afterAll(disposeAllBots);

  it('answers each DM once and makes one ticket, one card and one modal per journey', async () => {
    const ctx = jestContext();
    const rows = await duplicates(ctx, SIZES.duplicates.small);
    expect(rows.map((r) => r.scenario)).toHaveLength(4);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 60_000);
});
