import { employees, type Employee } from '../cast';
import { settled, storedTickets } from '../checks';
import { deliverCopies, openTicketJourney } from '../journey';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, freshId, freshTs, LIKE_SLACK, type Users } from '../slack-user';
import { pool } from '../wait';
import { inWorld, l1Cards, postsByChannel } from '../world';

/**
 * Slack's duplicates: every request delivered 4 times at once (the original and retries 1..3, same
 * event id or same press). Each DM must be answered once, each journey make one ticket and one card.
 */
export interface DuplicatesSize {
  readonly dms: number;
  readonly journeys: number;
}

export const COPIES = 4;

export interface DuplicatesOutcome {
  readonly dmsAnsweredOnce: number;
  readonly tickets: number;
  readonly cards: number;
  /** Modals opened for the form presses (each delivered COPIES times). */
  readonly modals: number;
}

export async function duplicates(
  ctx: ScenarioContext,
  size: DuplicatesSize,
): Promise<DuplicatesOutcome> {
  const askers = employees('da', size.dms);
  const openers = employees('db', size.journeys);
  return inWorld({ mongoUri: ctx.mongoUri, people: [...askers, ...openers] }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    await pool(askers, 25, (e) => askOnce(users, bot.url, e));
    const journeys = await pool(openers, 10, (e) =>
      openTicketJourney(e, {
        stub: w.stub,
        users,
        url: () => bot.url,
        copies: COPIES,
        policy: LIKE_SLACK,
        stepTimeoutMs: 15_000,
      }),
    );
    for (const j of journeys) if (j.failure) ctx.log(`journey of ${j.employee.id}: ${j.failure}`);
    if (!(await settled(w.db, 300_000))) ctx.log('duplicates: work still pending after 300 s');
    const posts = postsByChannel(w.stub);
    return {
      dmsAnsweredOnce: askers.filter((e) => posts.get(e.dm) === 1).length,
      tickets: (await storedTickets(w.db)).length,
      cards: l1Cards(w.stub).length,
      modals: w.stub.ok('views.open').length,
    };
  });
}

async function askOnce(users: Users, url: string, e: Employee) {
  const send = users.dm(url, e, `printer ${e.id} shows error 79`, freshId('Ev'), freshTs());
  return deliverCopies(send, COPIES, LIKE_SLACK);
}
