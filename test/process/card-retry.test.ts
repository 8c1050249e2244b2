import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  cardRetry,
  type CardRetryOutcome,
  type CardRetrySize,
} from '../support/faults/scenarios/card-retry';

const SIZE: CardRetrySize = { tickets: 1, failuresPerCard: 2, messagesMeanwhile: 2 };

describe('Slack refusing the ticket card a few times', () => {
  const ctx = jestContext();
  let o: CardRetryOutcome;

  beforeAll(async () => {
    o = await cardRetry(ctx, SIZE);
  }, 60_000);
  afterAll(disposeAllBots);

  it('posts the card once in the end, and records it on the ticket', () =>
    explained(ctx, () =>
      expect(o).toMatchObject({
        refusedCards: SIZE.tickets * SIZE.failuresPerCard,
        cards: SIZE.tickets,
        ticketsWithCard: SIZE.tickets,
      }),
    ));

  it('puts what the employee wrote before the card was up in its thread, after it, in order', () =>
    explained(ctx, () => {
      expect(o.writtenBeforeCard).toBe(true);
      expect(o.repliesInOrder).toBe(SIZE.tickets);
    }));
});
