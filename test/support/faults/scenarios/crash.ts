import { repostBound } from '../bounds';
import { employees } from '../cast';
import { pendingWork, settled, storedTickets } from '../checks';
import { openTicketJourney, unansweredQuestions } from '../journey';
import { inTranscript, postsOf, relayAt, sendRelay, type SentRelay } from '../relays';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, LIKE_SLACK } from '../slack-user';
import { openTickets } from '../tickets';
import { atRate, pool, waitFor } from '../wait';
import { inWorld, troubleSummary, type World } from '../world';

/**
 * The bot is SIGKILLed in the middle of ticket journeys and relays, and started again on the same
 * port and database. Slack retries whatever got no answer meanwhile. Everything acknowledged must
 * take effect: journeys become tickets with cards, relays reach the transcript and the other side.
 * The relays pause at the kill and go on once the process is gone, so some are sent while it is down.
 */
export interface CrashSize {
  readonly tickets: number;
  readonly journeys: number;
  readonly relays: number;
  readonly relaysPerSecond: number;
  /** The kill comes once this share of the relays is sent. */
  readonly killAt: number;
  readonly leaseSeconds: number;
  /** WORKER_CONCURRENCY: the bound of texts posted twice (see repostBound). */
  readonly concurrency: number;
}

export interface CrashOutcome {
  /** Inbox and outbox items left by the killed process. */
  readonly pendingAtKill: number;
  readonly journeys: {
    readonly sent: number;
    readonly acked: number;
    /** Acknowledged questions that never got any answer in the DM. */
    readonly unanswered: number;
    /** Acknowledged journeys whose ticket has its L1 card. */
    readonly withCard: number;
    /** Presses made again because the first opened no modal (see pressAgainBound). */
    readonly pressedAgain: number;
  };
  readonly relays: {
    readonly sent: number;
    /** First sent after the kill and before the restarted bot was serving. */
    readonly sentWhileDown: number;
    /** Of those, refused (no connection, or no answer) on their first attempt. */
    readonly refusedWhileDown: number;
    readonly acked: number;
    /** Acknowledged relays in their ticket's transcript. */
    readonly inTranscript: number;
    /** Acknowledged relays posted to the other side. */
    readonly posted: number;
    readonly postedTwice: number;
  };
  /** At most this many texts may be posted twice (see repostBound). */
  readonly repostBound: number;
  /**
   * A press is made again when it opened no modal: only a press whose delivery reached the killed
   * process, which recorded it and died before opening the modal (Slack's retry is then a
   * duplicate). A journey has one press in flight at a time: at most one per journey under way.
   */
  readonly pressAgainBound: number;
}

/** Retried long enough to outlast a restart (Slack retries for minutes). */
const OUTLAST = { retries: 20, delayMs: 1000, timeoutMs: 3000 };
/** Journeys under way at once. */
const JOURNEYS_AT_ONCE = 10;

export async function crash(ctx: ScenarioContext, size: CrashSize): Promise<CrashOutcome> {
  const requesters = employees('cr', size.tickets);
  const openers = employees('cj', size.journeys);
  const env = {
    LEASE_SECONDS: String(size.leaseSeconds),
    WORKER_CONCURRENCY: String(size.concurrency),
  };
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
      const killIndex = Math.max(1, Math.ceil(size.relays * size.killAt));
      let sentRelays = 0;
      const kill = killAndRestart(
        w,
        () => sentRelays >= killIndex,
        (u) => (url = u),
      );
      const relays = atRate(
        size.relays,
        size.relaysPerSecond,
        async (i) => {
          sentRelays++;
          const relay = relayAt(i, tickets, requesters);
          return { ...relay, delivery: await sendRelay(users, url, relay, OUTLAST) };
        },
        { hold: (i) => (i === killIndex ? kill.down : undefined) },
      );
      const journeys = pool(openers, JOURNEYS_AT_ONCE, (e) => openTicketJourney(e, journey));
      const t0 = Date.now();
      const took =
        (what: string) =>
        <T>(p: Promise<T>) =>
          p.then((v) => (ctx.log(`crash: ${what} after ${Date.now() - t0} ms`), v));
      const [relayed, opened, restart] = await Promise.all([
        took('relays done')(relays),
        took('journeys done')(journeys),
        took('restarted')(kill.restarted),
      ]);
      if (!(await settled(w.db, 300_000)))
        ctx.log(`crash: work still pending\n${troubleSummary(w)}`);
      ctx.log(`crash: settled after ${Date.now() - t0} ms`);

      const stored = await storedTickets(w.db);
      const ackedJourneys = opened.filter((j) => j.acked);
      const cardless = ackedJourneys.filter(
        (j) => !stored.some((t) => t.requester.id === j.employee.id && t.cards.L1),
      );
      for (const j of cardless) ctx.log(`crash: acknowledged journey of ${j.employee.id}: no card`);
      for (const j of opened)
        if (j.failure) ctx.log(`crash: journey of ${j.employee.id}: ${j.failure}`);
      const acked = relayed.filter((r) => r.delivery.acked);
      const posts = acked.map((r) => postsOf(w.stub, r).length);
      const whileDown = relayed.filter(
        (r) => r.delivery.startedAt >= restart.downAt && r.delivery.startedAt < restart.upAt,
      );
      logTwice(ctx, acked, posts);
      return {
        pendingAtKill: restart.pendingAtKill,
        journeys: {
          sent: opened.length,
          acked: ackedJourneys.length,
          unanswered: unansweredQuestions(w.stub, opened).length,
          withCard: ackedJourneys.length - cardless.length,
          pressedAgain: opened.reduce((sum, j) => sum + j.represses, 0),
        },
        relays: {
          sent: relayed.length,
          sentWhileDown: whileDown.length,
          refusedWhileDown: whileDown.filter((r) => !isOk(r.delivery.statuses[0])).length,
          acked: acked.length,
          inTranscript: acked.filter((r) => inTranscript(stored, r)).length,
          posted: posts.filter((n) => n > 0).length,
          postedTwice: posts.filter((n) => n > 1).length,
        },
        repostBound: repostBound({ concurrency: size.concurrency, killed: 1 }),
        pressAgainBound: Math.min(size.journeys, JOURNEYS_AT_ONCE),
      };
    },
  );
}

const isOk = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

function logTwice(ctx: ScenarioContext, acked: readonly SentRelay[], posts: readonly number[]) {
  acked.forEach((r, i) => {
    if ((posts[i] ?? 0) > 1) ctx.log(`crash: posted ${posts[i]} times: ${r.text}`);
  });
}

/**
 * Kills the bot once `when` holds and work is pending, and starts another on its port. `down`
 * resolves once the killed process is gone (the relays go on then), `restarted` once the new one
 * serves, with the work the killed one left and when the bot was down.
 */
export function killAndRestart(
  w: World,
  when: () => boolean | Promise<boolean>,
  setUrl: (url: string) => void,
) {
  let markDown: () => void = () => undefined;
  const down = new Promise<void>((resolve) => (markDown = resolve));
  const restarted = (async () => {
    const first = w.bots[0]!;
    await waitFor('the moment to kill', when, 120_000);
    // Kill while work is in flight: on a quick run the bot may have caught up at that moment, and a
    // kill with nothing pending would test nothing.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await pendingWork(w.db).catch(() => 1)) === 0)
      await new Promise((resolve) => setTimeout(resolve, 2));
    first.kill('SIGKILL');
    await first.waitExit(5000);
    const downAt = Date.now();
    markDown();
    const pendingAtKill = await pendingWork(w.db);
    setUrl((await w.startBot({}, first.port)).url);
    return { pendingAtKill, downAt, upAt: Date.now() };
  })();
  // Whatever happens to the restart, the relays waiting on `down` must not wait forever.
  void restarted.catch(() => markDown());
  return { down, restarted };
}
