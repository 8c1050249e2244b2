import type { SlackCall } from '../../slack-api-stub';
import { slackBlockProblems } from '../../slack-block-rules';
import { shownText } from '../../slack-calls';
import { CHANNELS } from '../../slack-cast';
import { employees } from '../cast';
import { settled, storedTickets } from '../checks';
import { openTicketJourney } from '../journey';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, deliver, freshId, freshTs, LIKE_SLACK } from '../slack-user';
import { pool } from '../wait';
import { inWorld, troubleSummary } from '../world';

/**
 * Slack refuses each new ticket card a few times (chat.postMessage to the L1 channel answers
 * `internal_error`), while the employee keeps writing. The card is posted once in the end, and what
 * the employee wrote meanwhile appears in its thread after it, in the order written.
 */
export interface CardRetrySize {
  readonly tickets: number;
  readonly failuresPerCard: number;
  readonly messagesMeanwhile: number;
}

export interface CardRetryOutcome {
  /** The employee wrote before a card was up (else the scenario tested nothing). */
  readonly writtenBeforeCard: boolean;
  /** Card posts that the stub refused (internal_error). */
  readonly refusedCards: number;
  readonly cards: number;
  readonly ticketsWithCard: number;
  /** Tickets whose messages written meanwhile follow the card in its thread, each once, in order. */
  readonly repliesInOrder: number;
}

export async function cardRetry(
  ctx: ScenarioContext,
  size: CardRetrySize,
): Promise<CardRetryOutcome> {
  const openers = employees('cf', size.tickets);
  const answers = { 'chat.postMessage': failingCards(size.failuresPerCard) };
  return inWorld({ mongoUri: ctx.mongoUri, people: openers, answers }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    const journey = {
      stub: w.stub,
      users,
      url: () => bot.url,
      policy: LIKE_SLACK,
      stepTimeoutMs: 15_000,
    };
    let firstWritten = Infinity;
    const texts = await pool(openers, 10, async (e) => {
      const opened = await openTicketJourney(e, journey);
      if (!opened.acked) throw new Error(`journey of ${e.id}: ${opened.failure}`);
      const written = Array.from(
        { length: size.messagesMeanwhile },
        (_, i) => `meanwhile ${i} from ${e.id}`,
      );
      for (const text of written) {
        const sent = await deliver(
          users.dm(bot.url, e, text, freshId('Ev'), freshTs()),
          LIKE_SLACK,
        );
        firstWritten = Math.min(firstWritten, sent.startedAt);
      }
      return written;
    });
    if (!(await settled(w.db, 300_000)))
      ctx.log(`card retry: work still pending\n${troubleSummary(w)}`);
    const tickets = await storedTickets(w.db);
    const l1 = w.stub.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNELS.l1,
    );
    const refusedCards = l1.filter((c) => !c.args.thread_ts && c.response.ok !== true).length;
    const cards = l1.filter((c) => !c.args.thread_ts && c.response.ok === true);
    const inOrder = tickets.filter((t) => {
      const written = texts[openers.findIndex((e) => e.id === t.requester.id)] ?? [];
      return repliesFollowCard(l1, t.cards.L1?.messageId, written);
    }).length;
    return {
      writtenBeforeCard: cards.some((c) => c.at > firstWritten),
      refusedCards,
      cards: cards.length,
      ticketsWithCard: tickets.filter((t) => t.cards.L1).length,
      repliesInOrder: inOrder,
    };
  });
}

/** The thread replies carrying `written`, each once, after the card, in the order written. */
function repliesFollowCard(
  l1: readonly SlackCall[],
  cardTs: string | undefined,
  written: readonly string[],
) {
  const cardAt = l1.findIndex((c) => c.response.ok === true && c.response.ts === cardTs);
  const replies = l1.filter((c) => c.response.ok === true && c.args.thread_ts === cardTs);
  const order = written.map((text) => replies.filter((c) => shownText(c).includes(text)));
  if (cardAt < 0 || order.some((found) => found.length !== 1)) return false;
  const positions = order.map((found) => l1.indexOf(found[0]!));
  return positions.every((p, i) => p > cardAt && (i === 0 || p > positions[i - 1]!));
}

/**
 * chat.postMessage as the stub answers it, except that each new card in the L1 channel (a top-level
 * post naming a ticket key) is refused `failures` times first.
 */
function failingCards(failures: number) {
  const refused = new Map<string, number>();
  let sequence = 0;
  return (args: Record<string, unknown>): Record<string, unknown> => {
    const channel = String(args.channel);
    const text = typeof args.text === 'string' ? args.text : JSON.stringify(args.blocks ?? null);
    const key = /IT-\d+/.exec(text)?.[0];
    if (channel === CHANNELS.l1 && !args.thread_ts && key && (refused.get(key) ?? 0) < failures) {
      refused.set(key, (refused.get(key) ?? 0) + 1);
      return { ok: false, error: 'internal_error' };
    }
    if (!/^[CGD][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    const problems = slackBlockProblems(args);
    if (problems.length) return { ok: false, error: 'invalid_blocks', errors: problems };
    sequence += 1;
    const ts = `${1_750_000_000 + sequence}.${String(sequence).padStart(6, '0')}`;
    return { ok: true, channel, ts, message: { text: args.text, ts } };
  };
}
