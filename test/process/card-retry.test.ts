import { cardRetry } from '../../bench/faults/card-retry';
import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { disposeAllBots } from '../support/bot-process';

describe('Slack refusing the ticket card a few times', () => {
  afterAll(disposeAllBots);

  it('posts the card once in the end, with what the employee wrote meanwhile after it', async () => {
    const ctx = jestContext();
    const rows = await cardRetry(ctx, SIZES.cardRetry.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 60_000);
});
