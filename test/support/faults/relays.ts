import type { SlackApiStub } from '../slack-api-stub';
import { shownText } from '../slack-calls';
import { CHANNELS, PEOPLE } from '../slack-cast';
import type { Employee } from './cast';
import type { StoredTicket } from './checks';
import {
  deliver,
  freshId,
  freshTs,
  type Delivery,
  type RetryPolicy,
  type Users,
} from './slack-user';

/**
 * Relays through open tickets: an agent's reply in the ticket's thread goes to the employee's DM, the
 * employee's DM goes to the thread. Each text is unique, so it can be found in the ticket's
 * transcript and among the posts.
 */
export interface Relay {
  readonly ticket: StoredTicket;
  readonly requester: Employee;
  readonly from: 'agent' | 'requester';
  readonly text: string;
}

export interface SentRelay extends Relay {
  readonly delivery: Delivery;
}

/** The i-th relay: agent and requester by turns, tickets round-robin. */
export function relayAt(
  i: number,
  tickets: readonly StoredTicket[],
  requesters: readonly Employee[],
): Relay {
  const ticket = tickets[i % tickets.length]!;
  const requester = requesters.find((e) => e.id === ticket.requester.id)!;
  const from = Math.floor(i / tickets.length) % 2 === 0 ? 'agent' : 'requester';
  return { ticket, requester, from, text: `relay ${from} number ${i} about ${ticket.key}` };
}

export function sendRelay(users: Users, url: string, relay: Relay, policy: RetryPolicy) {
  const threadTs = relay.ticket.cards.L1?.messageId ?? '';
  const send =
    relay.from === 'agent'
      ? users.reply(url, PEOPLE.ayu, CHANNELS.l1, threadTs, relay.text, freshId('Ev'))
      : users.dm(url, relay.requester, relay.text, freshId('Ev'), freshTs());
  return deliver(send, policy);
}

/** Where a relay must show up: the employee's DM (agent text) or the ticket's L1 thread. */
export function postsOf(stub: SlackApiStub, relay: Relay) {
  const threadTs = relay.ticket.cards.L1?.messageId;
  return stub
    .ok('chat.postMessage')
    .filter((c) =>
      relay.from === 'agent'
        ? c.args.channel === relay.requester.dm
        : c.args.channel === CHANNELS.l1 && c.args.thread_ts === threadTs,
    )
    .filter((c) => shownText(c).includes(relay.text));
}

export function inTranscript(tickets: readonly StoredTicket[], relay: Relay): boolean {
  const ticket = tickets.find((t) => t._id === relay.ticket._id);
  return Boolean(ticket?.transcript.some((e) => e.from === relay.from && e.text === relay.text));
}
