import { crash } from '../../bench/faults/crash';
import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { disposeAllBots } from '../support/bot-process';

describe('a bot process killed (SIGKILL) in the middle of journeys and relays', () => {
  afterAll(disposeAllBots);

  it('after a restart on the same database, every acknowledged event has its effect', async () => {
    const ctx = jestContext();
    const rows = await crash(ctx, SIZES.crash.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);
});
