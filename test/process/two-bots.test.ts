import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  twoBots,
  type TwoBotsOutcome,
  type TwoBotsSize,
} from '../support/faults/scenarios/two-bots';
import {
  twoBotsTakeover,
  type TwoBotsTakeoverOutcome,
  type TwoBotsTakeoverSize,
} from '../support/faults/scenarios/two-bots-takeover';

describe('two bot processes on one database', () => {
  afterAll(disposeAllBots);

  describe('as behind a load balancer', () => {
    const SIZE: TwoBotsSize = { dms: 4, tickets: 2, agents: 3 };
    const ctx = jestContext();
    let o: TwoBotsOutcome;
    beforeAll(async () => {
      o = await twoBots(ctx, SIZE);
    }, 90_000);

    it('answers a DM delivered to both once', () =>
      explained(ctx, () => expect(o.dmsAnsweredOnce).toBe(SIZE.dms)));

    it('makes one ticket and one card of a journey whose steps alternate between them', () =>
      explained(ctx, () =>
        expect(o).toMatchObject({ tickets: SIZE.tickets, cards: SIZE.tickets }),
      ));

    it('gives each contested ticket one owner, and audits every other press as refused', () =>
      explained(ctx, () => {
        const presses = SIZE.tickets * SIZE.agents;
        expect(o).toMatchObject({
          presses,
          ticketsWithOneOwner: SIZE.tickets,
          refusals: presses - SIZE.tickets,
        });
      }));
  });

  describe('one of them killed while it holds work, both sweeping SLAs', () => {
    /** Two workers per queue: the bound of DMs answered twice (see repostBound) is below the DMs. */
    const SIZE: TwoBotsTakeoverSize = { dms: 30, perSecond: 100, slaTickets: 2, concurrency: 2 };
    const ctx = jestContext();
    let o: TwoBotsTakeoverOutcome;
    beforeAll(async () => {
      o = await twoBotsTakeover(ctx, SIZE);
    }, 240_000);

    it('the survivor takes over what the killed one held, and every acknowledged DM is answered', () =>
      explained(ctx, () => {
        expect(o.dms.acked).toBe(SIZE.dms);
        expect(o.dms.answeredAfterKill).toBeGreaterThan(0);
        expect(o.dms.ackedAnswered).toBe(SIZE.dms);
      }));

    it('answers a DM twice at most for the posts in flight at the kill', () =>
      explained(ctx, () => {
        expect(o.repostBound).toBe(SIZE.concurrency);
        expect(o.dms.answeredTwice).toBeLessThanOrEqual(o.repostBound);
      }));

    it('posts and audits one warning and one breach per unclaimed ticket, though both sweep', () =>
      explained(ctx, () => {
        const n = SIZE.slaTickets;
        expect(o.sla).toEqual({
          tickets: n,
          threadMessages: 2 * n,
          ticketsWithOneWarningAndOneBreach: n,
          auditedEvents: 2 * n,
        });
      }));
  });
});
