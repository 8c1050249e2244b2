import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  contestedClaims,
  type ClaimsOutcome,
  type ClaimsSize,
} from '../support/faults/scenarios/claims';

const SIZE: ClaimsSize = { tickets: 2, agents: 3 };

describe('agents pressing Claim on the same tickets at once', () => {
  const ctx = jestContext();
  let o: ClaimsOutcome;

  beforeAll(async () => {
    o = await contestedClaims(ctx, SIZE);
  }, 60_000);
  afterAll(disposeAllBots);

  it('gives each ticket one owner and records every other press as refused', () =>
    explained(ctx, () => {
      const presses = SIZE.tickets * SIZE.agents;
      expect(o).toEqual({
        presses,
        acked: presses,
        ticketsWithOneOwner: SIZE.tickets,
        refusals: presses - SIZE.tickets,
      });
    }));
});
