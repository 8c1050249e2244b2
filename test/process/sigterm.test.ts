import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { sigterm } from '../../bench/faults/sigterm';
import { disposeAllBots } from '../support/bot-process';

describe('SIGTERM while DMs keep arriving', () => {
  afterAll(disposeAllBots);

  it('exits 0 in time, refuses what comes after, and loses nothing it acknowledged', async () => {
    const ctx = jestContext();
    const size = SIZES.sigterm.small;
    const rows = await sigterm(ctx, size);
    const exitMs = rows.find((r) => r.scenario.includes('exit after'))?.observed;
    expect(exitMs).toBeLessThanOrEqual((size.shutdownSeconds + 1) * 1000);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);
});
