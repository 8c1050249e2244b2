import { shownText } from '../../test/support/slack-calls';
import { CHANNELS } from '../../test/support/slack-cast';
import { employees } from './cast';
import { settled, storedTickets } from './checks';
import { allAckedAnswered, dmOutcome, steadyDms } from './dms';
import { createUsers, LIKE_SLACK } from './slack-user';
import { openTickets } from './tickets';
import { exact, judged, type Row, type ScenarioContext } from './types';
import { pollUntil, sleep } from './wait';
import { inWorld, postedTo, troubleSummary } from './world';

/**
 * Two bot processes on one database, the other half of what must hold across processes:
 * - leases: one process is SIGKILLed while it holds work; the other (still running, not restarted)
 *   takes the work over once the leases run out, and every acknowledged DM is answered (twice only
 *   where the kill fell between a post and its record, which is reported);
 * - the SLA sweep: both sweep every few seconds, yet each unclaimed ticket gets exactly one
 *   first-response warning and one breach in its thread.
 */
export interface TwoBotsTakeoverSize {
  readonly dms: number;
  readonly perSecond: number;
  /** Unclaimed tickets whose 1-minute first-response SLA runs out while both bots sweep. */
  readonly slaTickets: number;
}

const EVERY_PRIORITY = 'P1,P2,P3,P4';
const ENV = {
  LEASE_SECONDS: '3',
  // One minute to first response (warning at 80%), around the clock, swept every 5 s by each.
  SLA_TARGETS: 'P1=1m/1d,P2=1m/1d,P3=1m/1d,P4=1m/1d',
  SLA_AROUND_THE_CLOCK: EVERY_PRIORITY,
  SLA_SWEEP_SECONDS: '5',
};

export async function twoBotsTakeover(
  ctx: ScenarioContext,
  size: TwoBotsTakeoverSize,
): Promise<Row[]> {
  const askers = employees('tk', size.dms);
  const openers = employees('ts', size.slaTickets);
  return inWorld(
    { mongoUri: ctx.mongoUri, people: [...askers, ...openers], env: ENV },
    async (w) => {
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
      return [
        exact(
          'two bots, one killed: DMs acknowledged (before the kill)',
          size.dms,
          size.dms,
          o.acked,
        ),
        judged(
          'two bots, one killed: answers sent by the survivor after the kill',
          size.dms,
          '> 0 (work held at the kill)',
          takenOver,
          takenOver > 0,
        ),
        exact('two bots, one killed: acknowledged DMs answered', o.acked, o.acked, o.ackedAnswered),
        // A process killed between posting an answer and recording it leaves it to be posted again.
        judged(
          'two bots, one killed: DMs answered twice (reported, not failed)',
          o.acked,
          'reported',
          o.answeredTwice,
          true,
        ),
        exact(
          'two bots sweeping: SLA messages in the threads (warning + breach each)',
          size.slaTickets,
          size.slaTickets * 2,
          counts.reduce((a, b) => a + b, 0),
        ),
        exact(
          'two bots sweeping: tickets with exactly one warning and one breach message',
          size.slaTickets,
          size.slaTickets,
          counts.filter((n) => n === 2).length,
        ),
        exact(
          'two bots sweeping: SLA events in the audit trails',
          size.slaTickets,
          size.slaTickets * 2,
          recorded.length,
        ),
      ];
    },
  );
}
