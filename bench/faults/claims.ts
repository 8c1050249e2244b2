import { agents, employees } from './cast';
import { settled, storedTickets } from './checks';
import { deliverCopies } from './journey';
import { createUsers, freshId, freshTs, LIKE_SLACK } from './slack-user';
import { cardButton, openTickets } from './tickets';
import { exact, type Row, type ScenarioContext } from './types';
import { inWorld, troubleSummary } from './world';

/**
 * Contested claims: A agents press Claim on each of T tickets at the same moment. Exactly one of them
 * owns each ticket; every other press is refused and the refusal is in the ticket's audit trail.
 */
export interface ClaimsSize {
  readonly tickets: number;
  readonly agents: number;
}

export async function contestedClaims(ctx: ScenarioContext, size: ClaimsSize): Promise<Row[]> {
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
    const total = size.tickets * size.agents;
    return [
      exact('claims: presses acknowledged', total, total, sent.filter((s) => s.acked).length),
      exact('claims: tickets with exactly one owner', total, size.tickets, owned),
      exact('claims: refusals in the audit trail', total, total - size.tickets, refused),
    ];
  });
}
