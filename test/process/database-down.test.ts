import { databaseDown } from '../../bench/faults/database-down';
import { jestContext, verdict } from '../../bench/faults/jest-context';
import { SIZES } from '../../bench/faults/scenarios';
import { disposeAllBots } from '../support/bot-process';

/**
 * The database stops answering under a steady stream of DMs and a journey. These tests start their
 * own FerretDB (in a temporary folder), since they freeze or restart it.
 */
describe('a bot process whose database goes away for a few seconds', () => {
  afterAll(disposeAllBots);

  it('frozen (SIGSTOP): every acknowledged DM is answered, no ticket is lost or left without card', async () => {
    const ctx = jestContext();
    const rows = await databaseDown(ctx, SIZES.databaseFrozen.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);

  it('restarted on the same port: the same holds', async () => {
    const ctx = jestContext();
    const rows = await databaseDown(ctx, SIZES.databaseRestart.small);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);
});
