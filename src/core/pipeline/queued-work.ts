import type { Inbound } from '../inbound';
import type { Platform } from '../people';
import { readPayload } from '../workflow/payload';

/** What the inbox holds: an event from a channel, or a ticket's SLA timer that came due. */
export type QueuedWork =
  | { readonly kind: 'inbound'; readonly event: Inbound }
  | { readonly kind: 'sla'; readonly ticketId: string }
  /** A ticket's reminder or auto-close came due (ticket-timers.ts). */
  | { readonly kind: 'timer'; readonly ticketId: string }
  /** A ticket whose card at its level was never posted: post it again. */
  | { readonly kind: 'repost_card'; readonly ticketId: string }
  /** A delivery id recorded as seen, with nothing to do (stored as done). */
  | { readonly kind: 'seen' };

/**
 * The inbox id of a delivery: its platform's delivery id, so a redelivery is recognised. Channels
 * that record a delivery with nothing to do (Helpdesk.firstSeen) name it the same way.
 */
export function workIdFor(platform: Platform, deliveryId: string): string {
  return `${platform}:${deliveryId}`;
}

export function workIdOf(event: Inbound): string {
  return workIdFor(event.user.platform, event.deliveryId);
}

/**
 * One lane per conversation or ticket, so its events are handled one at a time and in order: a
 * person's DMs (their L0 session and their active ticket), a ticket thread's messages, a ticket's
 * buttons and timers.
 */
export function laneOfWork(work: QueuedWork): string {
  if (work.kind === 'sla' || work.kind === 'timer' || work.kind === 'repost_card')
    return `ticket:${work.ticketId}`;
  if (work.kind === 'seen') return 'seen';
  const { event } = work;
  const person = `user:${event.user.platform}:${event.user.id}`;
  switch (event.kind) {
    case 'direct_message':
      return person;
    case 'thread_message':
      return `thread:${event.thread.platform}:${event.thread.threadId}`;
    case 'action': {
      // Read at intake, to pick the lane before the press is handled; action-flow decodes it (once)
      // when it is, and refuses an unreadable one then: the lane of that one does not matter.
      const ticket = readPayload(event.payload)?.ticket;
      return ticket ? `ticket:${ticket}` : person;
    }
    case 'ticket_request':
      // The author's lane: their DMs, and every request on their messages, one at a time (two
      // reactions at once, or a DM opening a ticket meanwhile, see each other's ticket).
      return `user:${event.author.platform}:${event.author.id}`;
  }
}
