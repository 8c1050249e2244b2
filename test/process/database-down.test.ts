import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  databaseDown,
  type DatabaseDownOutcome,
  type DatabaseDownSize,
} from '../support/faults/scenarios/database-down';

const SIZE = { dmsPerSecond: 3, seconds: 6, journeys: 1, downAfterMs: 1500, downForMs: 3000 };

/**
 * The database stops answering under a steady stream of DMs and a journey. These tests start their
 * own FerretDB (in a temporary folder), since they freeze or restart it.
 */
describe.each<DatabaseDownSize['mode']>(['freeze', 'restart'])(
  'a bot process whose database goes away for a few seconds (%s)',
  (mode) => {
    const ctx = jestContext();
    let o: DatabaseDownOutcome;

    beforeAll(async () => {
      o = await databaseDown(ctx, { ...SIZE, mode });
    }, 90_000);
    afterAll(disposeAllBots);

    it('refuses DMs while it is down (5xx: Slack delivers them again)', () =>
      explained(ctx, () => expect(o.dms.refusedOnce).toBeGreaterThan(0)));

    it('takes every DM in the end, and answers each once', () =>
      explained(ctx, () => {
        const n = SIZE.dmsPerSecond * SIZE.seconds;
        expect(o.dms).toMatchObject({ sent: n, acked: n, ackedAnswered: n });
        expect(o.dms.answeredTwice).toBe(0);
      }));

    it('answers every acknowledged question and makes every acknowledged ticket, with its card', () =>
      explained(ctx, () => {
        expect(o.journeys.unanswered).toBe(0);
        expect(o.journeys.withTicket).toBe(o.journeys.acked);
        expect(o.ticketsWithoutCard).toBe(0);
      }));
  },
);
