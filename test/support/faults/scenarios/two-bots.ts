import { agents, employees } from '../cast';
import { settled, storedTickets } from '../checks';
import { deliverCopies } from '../journey';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, deliver, freshId, freshTs, LIKE_SLACK } from '../slack-user';
import { cardButton, openTickets } from '../tickets';
import { pool } from '../wait';
import { inWorld, l1Cards, postsByChannel, troubleSummary } from '../world';

/**
 * Two bot processes on one database, as behind a load balancer: the same DM delivered to both is
 * answered once; journeys whose steps alternate between them make one ticket and one card each;
 * agents pressing Claim through either get one owner per ticket and audited refusals.
 */
export interface TwoBotsSize {
  readonly dms: number;
  readonly tickets: number;
  readonly agents: number;
}

export interface TwoBotsOutcome {
  /** Each DM delivered to both processes (same event id): DMs answered exactly once. */
  readonly dmsAnsweredOnce: number;
  /** Journeys whose steps went to the two processes by turns: tickets and L1 cards. */
  readonly tickets: number;
  readonly cards: number;
  /** Every agent pressed Claim on every ticket, through either process. */
  readonly presses: number;
  readonly ticketsWithOneOwner: number;
  readonly refusals: number;
}

export async function twoBots(ctx: ScenarioContext, size: TwoBotsSize): Promise<TwoBotsOutcome> {
  const askers = employees('tb', size.dms);
  const openers = employees('to', size.tickets);
  const team = agents('tb', size.agents);
  const people = [...askers, ...openers, ...team];
  return inWorld({ mongoUri: ctx.mongoUri, people, l1Agents: team.map((a) => a.id) }, async (w) => {
    const [a, b] = await Promise.all([w.startBot(), w.startBot()]);
    const urls = [a.url, b.url];
    const users = createUsers();
    // One event (same id, same ts) reaching both instances: the original here, a retry there.
    await pool(askers, 25, (e) => {
      const [id, ts, text] = [freshId('Ev'), freshTs(), `laptop ${e.id} will not boot`];
      const toA = users.dm(a.url, e, text, id, ts);
      const toB = users.dm(b.url, e, text, id, ts);
      return Promise.all([deliver(toA, LIKE_SLACK), deliver((n) => toB((n ?? 0) + 1), LIKE_SLACK)]);
    });
    const journey = {
      stub: w.stub,
      users,
      url: (n: number) => urls[n % 2]!,
      policy: LIKE_SLACK,
      stepTimeoutMs: 20_000,
    };
    const tickets = await openTickets(w.db, openers, journey);
    const presses = tickets.flatMap((t) => {
      const claim = cardButton(w.stub, t, 'claim');
      return team.map((agent, k) =>
        users.press(urls[k % 2]!, agent, claim, freshTs(), freshId('trig.')),
      );
    });
    await Promise.all(presses.map((p) => deliverCopies(p, 1, LIKE_SLACK)));
    if (!(await settled(w.db, 300_000)))
      ctx.log(`two bots: work still pending\n${troubleSummary(w)}`);
    const posts = postsByChannel(w.stub);
    const after = await storedTickets(w.db);
    const owned = after.filter(
      (t) => t.assignee && t.audit.filter((x) => x.action === 'claimed').length === 1,
    );
    const refused = after.flatMap((t) => t.audit.filter((x) => x.action === 'refused')).length;
    return {
      dmsAnsweredOnce: askers.filter((e) => posts.get(e.dm) === 1).length,
      tickets: after.length,
      cards: l1Cards(w.stub).length,
      presses: presses.length,
      ticketsWithOneOwner: owned.length,
      refusals: refused,
    };
  });
}
