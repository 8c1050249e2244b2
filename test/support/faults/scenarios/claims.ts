import { agents, employees } from '../cast';
import { settled, storedTickets } from '../checks';
import { deliverCopies } from '../journey';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, freshId, freshTs, LIKE_SLACK } from '../slack-user';
import { cardButton, openTickets } from '../tickets';
import { inWorld, troubleSummary } from '../world';

/**
 * Contested claims: A agents press Claim on each of T tickets at the same moment. Exactly one of them
 * owns each ticket; every other press is refused and the refusal is in the ticket's audit trail.
 */
export interface ClaimsSize {
  readonly tickets: number;
  readonly agents: number;
}

export interface ClaimsOutcome {
  readonly presses: number;
  readonly acked: number;
  readonly ticketsWithOneOwner: number;
  readonly refusals: number;
}

export async function contestedClaims(
  ctx: ScenarioContext,
  size: ClaimsSize,
): Promise<ClaimsOutcome> {
  const openers = employees('cl', size.tickets);
  const team = agents('cl', size.agents);
  const world = { mongoUri: ctx.mongoUri, people: [...openers, ...team] };
  return inWorld({ ...world, l1Agents: team.map((a) => a.id) }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    const journey = {
      stub: w.stub,
      users,
      url: () => bot.url,
      policy: LIKE_SLACK,
      stepTimeoutMs: 15_000,
    };
    const tickets = await openTickets(w.db, openers, journey);
    const presses = tickets.flatMap((t) => {
      const claim = cardButton(w.stub, t, 'claim');
      return team.map((agent) => users.press(bot.url, agent, claim, freshTs(), freshId('trig.')));
    });
    const sent = await Promise.all(presses.map((p) => deliverCopies(p, 1, LIKE_SLACK)));
    if (!(await settled(w.db, 300_000)))
      ctx.log(`claims: work still pending after 300 s\n${troubleSummary(w)}`);
    const after = await storedTickets(w.db);
    const owned = after.filter(
      (t) => t.assignee && t.audit.filter((a) => a.action === 'claimed').length === 1,
    ).length;
    const refused = after.flatMap((t) => t.audit.filter((a) => a.action === 'refused')).length;
    return {
      presses: sent.length,
      acked: sent.filter((s) => s.acked).length,
      ticketsWithOneOwner: owned,
      refusals: refused,
    };
  });
}
