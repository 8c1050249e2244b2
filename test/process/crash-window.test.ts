import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import { crashWindow, type CrashWindowOutcome } from '../support/faults/scenarios/crash-window';

/**
 * The crash scenario's narrowest window, set up on purpose: a process died between claiming a
 * version (version-guard.ts) and writing it. Events acknowledged while that claim blocks the session
 * or ticket (30 s) must take effect once it goes stale, not be dropped or refused.
 */
describe('events acknowledged while a dead writer still blocks a session or ticket', () => {
  const ctx = jestContext();
  let o: CrashWindowOutcome;

  beforeAll(async () => {
    o = await crashWindow(ctx);
  }, 90_000);
  afterAll(disposeAllBots);

  it('a submitted form still makes its ticket', () =>
    explained(ctx, () => expect(o).toMatchObject({ submissionAcked: true, ticketsMade: 1 })));

  it('a Claim still makes its owner, and is not refused meanwhile', () =>
    explained(ctx, () =>
      expect(o).toMatchObject({ claimAcked: true, owned: 1, refusalsShown: 0 }),
    ));
});
