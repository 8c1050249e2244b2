import { crashWindow } from '../../bench/faults/crash-window';
import { jestContext, verdict } from '../../bench/faults/jest-context';
import { disposeAllBots } from '../support/bot-process';

/**
 * The crash scenario's narrowest window, set up on purpose: a process died between claiming a
 * version (version-guard.ts) and writing it. Events acknowledged while that claim blocks the session
 * or ticket (30 s) must take effect once it goes stale, not be dropped or refused.
 */
describe('events acknowledged while a dead writer still blocks a session or ticket', () => {
  afterAll(disposeAllBots);

  it('a submitted form still makes its ticket and a Claim still makes its owner', async () => {
    const ctx = jestContext();
    const rows = await crashWindow(ctx);
    expect(verdict(rows, ctx.lines)).toMatchObject({ failing: [] });
  }, 90_000);
});
