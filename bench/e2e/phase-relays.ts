import { CHANNELS } from '../../test/support/slack-cast';
import { employees, type Employee } from '../../test/support/faults/cast';
import { settled, type StoredTicket } from '../../test/support/faults/checks';
import { relayAt, sendRelay, type Relay } from '../../test/support/faults/relays';
import { createUsers, LIKE_SLACK, type Users } from '../../test/support/faults/slack-user';
import { openTickets } from '../../test/support/faults/tickets';
import { inWorld, l1Cards, troubleSummary } from '../../test/support/faults/world';
import type { CommandCounts } from './bot-metrics';
import { commandMeter, idleSummary, topCommands } from './commands';
import { botEnv, botSubject, settleBetween, warmUp, warmUpCrowd } from './context';
import type { BenchContext } from './bench-context';
import { climb, type Ladder } from './ladder';
import { spread, type Spread } from './latency';
import { maxSustained, runStep, type StepPlan } from './load-step';
import { PostWatch } from './post-watch';
import { nearest } from './report';

/**
 * Phase 3: full ticket journeys (DM, "still need help", the form, submitted), timed from the DM to
 * the ticket's card in the L1 channel; then relays through those tickets at rising rates, agent
 * thread replies and requester DMs by turns, timed from the request to the relayed text's post.
 */
export interface RelayOutcome extends Ladder {
  readonly sustained: number;
  readonly journeys: {
    readonly count: number;
    readonly ms: number;
    readonly latency: Spread;
    readonly commands: CommandCounts;
    readonly top: [string, number][];
  };
  /** The most frequent command/collection pairs per relay at the rate nearest 10/s. */
  readonly top: { rate: number; rows: [string, number][] } | undefined;
  readonly idle: string;
  readonly trouble: string;
}

export async function relayPhase(ctx: BenchContext): Promise<RelayOutcome> {
  const s = ctx.settings;
  const requesters = employees('rq', s.tickets);
  return inWorld(
    { mongoUri: ctx.mongoUri, people: [...warmUpCrowd('rw'), ...requesters], env: botEnv(ctx) },
    async (w) => {
      const bot = await w.startBot();
      const users = createUsers();
      const watch = new PostWatch(w.stub);
      await warmUp(users, [bot.url], watch, 'rw');
      const subject = await botSubject(ctx, [bot]);

      const firstDm = new Map<string, number>();
      const meter = await commandMeter(subject.metricsUrls, subject.idle);
      const started = Date.now();
      const tickets = await openTickets(w.db, requesters, {
        stub: w.stub,
        users: timedDms(users, firstDm),
        url: () => bot.url,
        policy: LIKE_SLACK,
        stepTimeoutMs: 30_000,
      });
      const ms = Date.now() - started;
      await settled(w.db, 60_000);
      const commands = await meter.stop(tickets.length);
      const cardAt = new Map(l1Cards(w.stub).map((c) => [String(c.response.ts), c.at]));
      const journeyMs = tickets.flatMap((t) => {
        const [from, to] = [firstDm.get(t.requester.id), cardAt.get(t.cards.L1?.messageId ?? '')];
        return from !== undefined && to !== undefined ? [to - from] : [];
      });
      ctx.log(`  ${tickets.length} journeys in ${(ms / 1000).toFixed(1)} s`);

      let step = 0;
      const ladder = await climb(
        s.relayRates,
        (rate) =>
          runStep(subject, relayPlan(users, bot.url, watch, tickets, requesters, rate, step++, s)),
        () => settleBetween(ctx, w),
        ctx,
      );
      const ref = nearest(ladder.results, 10);
      return {
        ...ladder,
        sustained: maxSustained(ladder.results),
        top: ref?.commands && { rate: ref.rate, rows: topCommands(ref.commands, 5) },
        journeys: {
          count: tickets.length,
          ms,
          latency: spread(journeyMs),
          commands,
          top: topCommands(commands, 5),
        },
        idle: idleSummary(subject.idle),
        trouble: troubleSummary(w),
      };
    },
  );
}

/** Users whose DMs note when each employee's first DM was sent (the start of their journey). */
function timedDms(users: Users, firstDm: Map<string, number>): Users {
  return {
    ...users,
    dm: (...args: Parameters<Users['dm']>) => {
      const send = users.dm(...args);
      const who = args[1].id;
      return (retryNum?: number) => {
        if (!firstDm.has(who)) firstDm.set(who, Date.now());
        return send(retryNum);
      };
    },
  };
}

function relayPlan(
  users: Users,
  url: string,
  watch: PostWatch,
  tickets: readonly StoredTicket[],
  requesters: readonly Employee[],
  rate: number,
  step: number,
  s: { seconds: number; drainMs: number },
): StepPlan {
  const count = Math.round(rate * s.seconds);
  const relays: Relay[] = Array.from({ length: count }, (_, i) => {
    const relay = relayAt(i, tickets, requesters);
    return { ...relay, text: `${relay.text} [step ${step}]` };
  });
  for (const relay of relays) {
    const where =
      relay.from === 'agent'
        ? relay.requester.dm
        : `${CHANNELS.l1}/${relay.ticket.cards.L1?.messageId ?? ''}`;
    watch.await(where, relay.text);
  }
  return {
    rate,
    count,
    drainMs: s.drainMs,
    send: (i) => sendRelay(users, url, relays[i]!, LIKE_SLACK),
    answeredAt: (i) => watch.textPostedAt(relays[i]!.text),
    refresh: () => watch.scan(),
  };
}
