import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  COPIES,
  duplicates,
  type DuplicatesOutcome,
  type DuplicatesSize,
} from '../support/faults/scenarios/duplicates';

const SIZE: DuplicatesSize = { dms: 4, journeys: 2 };

/** Slack's retries and duplicates, each request delivered 4 times at once, against the real process. */
describe(`a bot process given every request ${COPIES} times`, () => {
  const ctx = jestContext();
  let o: DuplicatesOutcome;

  beforeAll(async () => {
    o = await duplicates(ctx, SIZE);
  }, 60_000);
  afterAll(disposeAllBots);

  it('answers each DM once', () =>
    explained(ctx, () => {
      expect(o.dmsAnsweredOnce).toBe(SIZE.dms);
    }));

  it('makes one ticket, one card and one modal per journey', () =>
    explained(ctx, () =>
      expect(o).toMatchObject({
        tickets: SIZE.journeys,
        cards: SIZE.journeys,
        modals: SIZE.journeys,
      }),
    ));
});
