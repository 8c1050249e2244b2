import { employees } from './cast';
import { pendingWork, settled, storedTickets } from './checks';
import { openTicketJourney, unansweredQuestions, type JourneyResult } from './journey';
import { inTranscript, postsOf, relayAt, sendRelay, type SentRelay } from './relays';
import { createUsers, LIKE_SLACK } from './slack-user';
import { openTickets } from './tickets';
import { exact, judged, type Row, type ScenarioContext } from './types';
import { atRate, pool, waitFor } from './wait';
import { inWorld, troubleSummary, type World } from './world';

/**
 * The bot is SIGKILLed in the middle of ticket journeys and relays, and started again on the same
 * port and database. Slack retries whatever got no answer meanwhile. Everything acknowledged must
 * take effect: journeys become tickets with cards, relays reach the transcript and the other side.
 * A text posted twice is counted, not failed (a crash between a post and its record may repeat it).
 */
export interface CrashSize {
  readonly tickets: number;
  readonly journeys: number;
  readonly relays: number;
  readonly relaysPerSecond: number;
  /** The kill comes once this share of the relays is sent. */
  readonly killAt: number;
  readonly leaseSeconds: number;
}

/** Retried long enough to outlast a restart (Slack retries for minutes). */
const OUTLAST = { retries: 20, delayMs: 1000, timeoutMs: 3000 };

export async function crash(ctx: ScenarioContext, size: CrashSize): Promise<Row[]> {
  const requesters = employees('cr', size.tickets);
  const openers = employees('cj', size.journeys);
  const env = { LEASE_SECONDS: String(size.leaseSeconds) };
  return inWorld(
    { mongoUri: ctx.mongoUri, people: [...requesters, ...openers], env },
    async (w) => {
      const users = createUsers();
      let url = (await w.startBot()).url;
      const journey = {
        stub: w.stub,
        users,
        url: () => url,
        policy: OUTLAST,
        stepTimeoutMs: 60_000,
      };
      const tickets = await openTickets(w.db, requesters, { ...journey, policy: LIKE_SLACK });
      let sentRelays = 0;
      const relays = atRate(size.relays, size.relaysPerSecond, async (i) => {
        sentRelays++;
        const relay = relayAt(i, tickets, requesters);
        return { ...relay, delivery: await sendRelay(users, url, relay, OUTLAST) };
      });
      const journeys = pool(openers, 10, (e) => openTicketJourney(e, journey));
      const killed = killAndRestart(
        w,
        () => sentRelays >= size.relays * size.killAt,
        (u) => (url = u),
      );
      const t0 = Date.now();
      const took =
        (what: string) =>
        <T>(p: Promise<T>) =>
          p.then((v) => (ctx.log(`crash: ${what} after ${Date.now() - t0} ms`), v));
      const [relayed, opened, left] = await Promise.all([
        took('relays done')(relays),
        took('journeys done')(journeys),
        took('restarted')(killed),
      ]);
      if (!(await settled(w.db, 300_000)))
        ctx.log(`crash: work still pending\n${troubleSummary(w)}`);
      ctx.log(`crash: settled after ${Date.now() - t0} ms`);
      const refused = relayed.filter((r) => r.delivery.statuses.some((s) => s <= 0)).length;
      return [
        judged('crash: work items pending at the kill', '-', '> 0', left, left > 0),
        judged(
          'crash: relays refused while down, then retried',
          size.relays,
          '> 0',
          refused,
          refused > 0,
        ),
        ...(await judge(w, relayed, opened, ctx)),
      ];
    },
  );
}

/** Kills the bot when `when` holds and starts another on its port; resolves with the work it left. */
async function killAndRestart(w: World, when: () => boolean, setUrl: (url: string) => void) {
  const first = w.bots[0]!;
  await waitFor('the moment to kill', when, 120_000);
  // Kill while work is in flight: on a quick run the bot may have caught up at that moment, and a
  // kill with nothing pending would test nothing.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && (await pendingWork(w.db).catch(() => 1)) === 0)
    await new Promise((resolve) => setTimeout(resolve, 2));
  first.kill('SIGKILL');
  await first.waitExit(5000);
  const left = await pendingWork(w.db);
  setUrl((await w.startBot({}, first.port)).url);
  return left;
}

async function judge(
  w: World,
  relayed: readonly SentRelay[],
  opened: readonly JourneyResult[],
  ctx: ScenarioContext,
): Promise<Row[]> {
  const tickets = await storedTickets(w.db);
  const acked = relayed.filter((r) => r.delivery.acked);
  const posts = acked.map((r) => postsOf(w.stub, r).length);
  const ackedJourneys = opened.filter((j) => j.acked);
  const cardless = ackedJourneys.filter(
    (j) => !tickets.some((t) => t.requester.id === j.employee.id && t.cards.L1),
  );
  for (const j of cardless) ctx.log(`crash: acknowledged journey of ${j.employee.id} has no card`);
  const withCard = ackedJourneys.length - cardless.length;
  for (const j of opened)
    if (j.failure) ctx.log(`crash: journey of ${j.employee.id}: ${j.failure}`);
  const duplicates = posts.filter((n) => n > 1).length;
  const represses = opened.reduce((sum, j) => sum + j.represses, 0);
  return [
    exact('crash: journeys acknowledged', opened.length, opened.length, ackedJourneys.length),
    exact(
      'crash: acknowledged questions never answered',
      opened.length,
      0,
      unansweredQuestions(w.stub, opened).length,
    ),
    exact(
      'crash: acknowledged journeys -> ticket with card',
      ackedJourneys.length,
      ackedJourneys.length,
      withCard,
    ),
    exact('crash: relays acknowledged', relayed.length, relayed.length, acked.length),
    exact(
      'crash: acknowledged relays in the transcript',
      acked.length,
      acked.length,
      acked.filter((r) => inTranscript(tickets, r)).length,
    ),
    exact(
      'crash: acknowledged relays posted',
      acked.length,
      acked.length,
      posts.filter((n) => n > 0).length,
    ),
    judged('crash: presses made again (no modal; reported)', '-', 'reported', represses, true),
    judged(
      'crash: relays posted twice (reported, not failed)',
      acked.length,
      'reported',
      duplicates,
      true,
    ),
  ];
}
