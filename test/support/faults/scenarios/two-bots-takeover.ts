import { shownText } from '../../slack-calls';
import { CHANNELS } from '../../slack-cast';
import { repostBound } from '../bounds';
import { employees } from '../cast';
import { settled, storedTickets } from '../checks';
import { allAckedAnswered, dmOutcome, steadyDms } from '../dms';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, LIKE_SLACK } from '../slack-user';
import { openTickets } from '../tickets';
import { pollUntil, sleep } from '../wait';
import { inWorld, postedTo, troubleSummary } from '../world';

/**
 * Two bot processes on one database, the other half of what must hold across processes:
 * - leases: one process is SIGKILLed while it holds work; the other (still running, not restarted)
 *   takes the work over once the leases run out, and every acknowledged DM is answered (twice only
 *   where the kill fell between a post and its record: see repostBound);
 * - the SLA sweep: both sweep every few seconds, yet each unclaimed ticket gets exactly one
 *   first-response warning and one breach in its thread.
 */
export interface TwoBotsTakeoverSize {
  readonly dms: number;
  readonly perSecond: number;
  /** Unclaimed tickets whose 1-minute first-response SLA runs out while both bots sweep. */
  readonly slaTickets: number;
  /** WORKER_CONCURRENCY: the bound of texts posted twice (see repostBound). */
  readonly concurrency: number;
}

export interface TwoBotsTakeoverOutcome {
  readonly dms: {
    readonly sent: number;
    /** Acknowledged by the doomed process, before the kill. */
    readonly acked: number;
    /** Answers the survivor posted after the kill: the work it took over. */
    readonly answeredAfterKill: number;
    readonly ackedAnswered: number;
    readonly answeredTwice: number;
  };
  /** At most this many DMs may be answered twice (see repostBound). */
  readonly repostBound: number;
  readonly sla: {
    readonly tickets: number;
    /** Warnings and breaches posted in the tickets' threads (⚠). */
    readonly threadMessages: number;
    readonly ticketsWithOneWarningAndOneBreach: number;
    readonly auditedEvents: number;
  };
}

const EVERY_PRIORITY = 'P1,P2,P3,P4';
const SLA_ENV = {
  LEASE_SECONDS: '3',
  // One minute to first response (warning at 80%), around the clock, swept every 5 s by each.
  SLA_TARGETS: 'P1=1m/1d,P2=1m/1d,P3=1m/1d,P4=1m/1d',
  SLA_AROUND_THE_CLOCK: EVERY_PRIORITY,
  SLA_SWEEP_SECONDS: '5',
};

export async function twoBotsTakeover(
  ctx: ScenarioContext,
  size: TwoBotsTakeoverSize,
): Promise<TwoBotsTakeoverOutcome> {
  const askers = employees('tk', size.dms);
  const openers = employees('ts', size.slaTickets);
  const env = { ...SLA_ENV, WORKER_CONCURRENCY: String(size.concurrency) };
  return inWorld({ mongoUri: ctx.mongoUri, people: [...askers, ...openers], env }, async (w) => {
    const [doomed, survivor] = await Promise.all([w.startBot(), w.startBot()]);
    const users = createUsers();
    const opened = Date.now();
    const tickets = await openTickets(w.db, openers, {
      stub: w.stub,
      users,
      url: (n) => (n % 2 ? survivor.url : doomed.url),
      policy: LIKE_SLACK,
      stepTimeoutMs: 20_000,
    });

    // A burst of DMs to the doomed process only; it is killed as soon as the last is acknowledged,
    // while it still holds work.
    const dms = steadyDms({
      users,
      url: () => doomed.url,
      employees: askers,
      perSecond: size.perSecond,
      policy: LIKE_SLACK,
    });
    const sent = await dms;
    doomed.kill('SIGKILL');
    const killedAt = Date.now();
    await doomed.waitExit(10_000);
    await pollUntil(() => allAckedAnswered(w.stub, sent), 120_000, 250);
    const o = dmOutcome(w.stub, sent);
    const dmChannels = new Set(askers.map((e) => e.dm));
    const takenOver = w.stub
      .ok('chat.postMessage')
      .filter((c) => dmChannels.has(String(c.args.channel)) && c.at > killedAt).length;

    // Both swept (until one was killed, then the survivor alone): wait past the 1-minute breach.
    const breachAt = opened + 60_000 + 15_000;
    if (Date.now() < breachAt) await sleep(breachAt - Date.now());
    if (!(await settled(w.db, 120_000)))
      ctx.log(`two bots takeover: work still pending\n${troubleSummary(w)}`);
    const thread = (ts: string) =>
      postedTo(w.stub, CHANNELS.l1).filter(
        (c) => c.args.thread_ts === ts && shownText(c).includes('⚠'),
      );
    const counts = tickets.map((t) => thread(t.cards.L1!.messageId).length);
    const after = await storedTickets(w.db);
    const recorded = after.flatMap((t) =>
      t.audit.filter((a) => a.action === 'sla_warning' || a.action === 'sla_breach'),
    );
    return {
      dms: {
        sent: o.sent,
        acked: o.acked,
        answeredAfterKill: takenOver,
        ackedAnswered: o.ackedAnswered,
        answeredTwice: o.answeredTwice,
      },
      repostBound: repostBound({ concurrency: size.concurrency, killed: 1 }),
      sla: {
        tickets: tickets.length,
        threadMessages: counts.reduce((a, b) => a + b, 0),
        ticketsWithOneWarningAndOneBreach: counts.filter((n) => n === 2).length,
        auditedEvents: recorded.length,
      },
    };
  });
}
