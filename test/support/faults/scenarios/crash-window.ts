import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../../../src/store/collections';
import { STALE_CLAIM_MS } from '../../../../src/store/version-guard';
import { PEOPLE } from '../../slack-cast';
import { employees } from '../cast';
import { storedTickets } from '../checks';
import { openTicketJourney } from '../journey';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, deliver, freshId, freshTs, LIKE_SLACK } from '../slack-user';
import { cardButton, openTickets } from '../tickets';
import { pollUntil } from '../wait';
import { inWorld } from '../world';

/**
 * The crash scenario's narrowest window, set up exactly instead of hoped for: a process died between
 * its version-guard insert and its write (version-guard.ts), leaving a claim that blocks the session
 * or ticket for STALE_CLAIM_MS. An event acknowledged meanwhile must still take effect once the claim
 * goes stale: a form submission must make its ticket, an agent's Claim must make them the owner (and
 * not be refused as if someone else had changed the ticket).
 */
export interface CrashWindowOutcome {
  /** The submission made while a dead writer's claim blocked the session was acknowledged. */
  readonly submissionAcked: boolean;
  /** Tickets it made once the claim went stale (1 expected). */
  readonly ticketsMade: number;
  readonly claimAcked: boolean;
  /** The Claim made while a dead writer's claim blocked the ticket made Ayu its owner (1 expected). */
  readonly owned: number;
  /** Refusals the agent was shown meanwhile (0 expected: the Claim waited, it was not refused). */
  readonly refusalsShown: number;
}

export async function crashWindow(ctx: ScenarioContext): Promise<CrashWindowOutcome> {
  const [submitter, requester] = employees('cw', 2);
  if (!submitter || !requester) throw new Error('no cast');
  return inWorld({ mongoUri: ctx.mongoUri, people: [submitter, requester] }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    const journey = {
      stub: w.stub,
      users,
      url: () => bot.url,
      policy: LIKE_SLACK,
      stepTimeoutMs: 15_000,
    };
    const [ticket] = await openTickets(w.db, [requester], journey);
    await leaveGuard(w.db, COLLECTIONS.ticketVersions, COLLECTIONS.tickets, ticket!._id);
    const press = users.press(
      bot.url,
      PEOPLE.ayu,
      cardButton(w.stub, ticket!, 'claim'),
      freshTs(),
      freshId('trig.'),
    );
    const [claimed, submitted] = await Promise.all([
      deliver(press, LIKE_SLACK),
      openTicketJourney(submitter, journey, () =>
        leaveGuard(
          w.db,
          COLLECTIONS.sessionVersions,
          COLLECTIONS.sessions,
          `slack:${submitter.id}`,
        ),
      ),
    ]);
    if (submitted.failure) ctx.log(`crash window: journey: ${submitted.failure}`);
    const outcome = async () => {
      const tickets = await storedTickets(w.db);
      return {
        made: tickets.filter((t) => t.requester.id === submitter.id).length,
        owned: tickets.filter((t) => t._id === ticket!._id && t.assignee?.id === PEOPLE.ayu.id)
          .length,
      };
    };
    await pollUntil(
      async () => {
        const o = await outcome();
        return o.made + o.owned === 2;
      },
      STALE_CLAIM_MS + 20_000,
      500,
    );
    const o = await outcome();
    const refusals = w.stub
      .ok('chat.postEphemeral')
      .filter((c) => c.args.user === PEOPLE.ayu.id).length;
    return {
      submissionAcked: submitted.acked,
      ticketsMade: o.made,
      claimAcked: claimed.acked,
      owned: o.owned,
      refusalsShown: refusals,
    };
  });
}

/** What a writer killed between its guard insert and its write leaves: a fresh claim of the version. */
async function leaveGuard(db: Db, guards: string, documents: string, id: string): Promise<void> {
  const doc = await db.collection<{ _id: string; version: number }>(documents).findOne({ _id: id });
  if (!doc) throw new Error(`${documents}: no ${id}`);
  await db
    .collection<{ _id: string; at: Date }>(guards)
    .insertOne({ _id: `${id}@${doc.version}`, at: new Date() });
}
