import { deepCopy } from './deep-copy';
import type { UserRef } from '../../../src/core/people';
import type { NewTicket, TicketStore } from '../../../src/core/ports/ticket-store';
import {
  ACTIVE_STATUSES,
  type Level,
  type Ticket,
  type TicketStatus,
} from '../../../src/core/ticket';

/**
 * In-memory TicketStore for unit tests of the core; it passes the same contract suite as the MongoDB
 * store. Everything is deep-copied (deepCopy) on the way in and out, so a caller can never change stored state
 * by mutating an object it passed in or got back.
 */
export function createMemoryTicketStore(): TicketStore {
  const tickets = new Map<string, Ticket>();
  let nextNumber = 1001;

  const copy = (ticket: Ticket): Ticket => deepCopy(ticket);
  const find = (predicate: (ticket: Ticket) => boolean): Ticket | undefined => {
    for (const ticket of tickets.values()) if (predicate(ticket)) return copy(ticket);
    return undefined;
  };
  const select = (
    predicate: (ticket: Ticket) => boolean,
    compare: (a: Ticket, b: Ticket) => number,
  ): Ticket[] => [...tickets.values()].filter(predicate).sort(compare).map(copy);

  return {
    create(input: NewTicket, id?: string): Promise<Ticket> {
      const existing = id ? tickets.get(id) : undefined;
      if (existing) return Promise.resolve(copy(existing));
      const ticket: Ticket = {
        ...deepCopy(input),
        id: id ?? crypto.randomUUID(),
        key: `IT-${nextNumber++}`,
        version: 0,
      };
      tickets.set(ticket.id, ticket);
      return Promise.resolve(copy(ticket));
    },

    get(id: string): Promise<Ticket | undefined> {
      const ticket = tickets.get(id);
      return Promise.resolve(ticket && copy(ticket));
    },

    getByThread(platform: string, threadId: string): Promise<Ticket | undefined> {
      return Promise.resolve(
        find((t) =>
          Object.values(t.threads).some((r) => r?.platform === platform && r.threadId === threadId),
        ),
      );
    },

    update(next: Ticket, expectedVersion: number): Promise<Ticket | undefined> {
      const stored = tickets.get(next.id);
      if (!stored || stored.version !== expectedVersion) return Promise.resolve(undefined);
      const updated: Ticket = { ...deepCopy(next), version: expectedVersion + 1 };
      tickets.set(updated.id, updated);
      return Promise.resolve(copy(updated));
    },

    listByRequester(requester: UserRef, statuses?: readonly TicketStatus[]): Promise<Ticket[]> {
      return Promise.resolve(
        select(
          (t) =>
            t.requester.platform === requester.platform &&
            t.requester.id === requester.id &&
            (statuses === undefined || statuses.includes(t.status)),
          (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
        ),
      );
    },

    listByLevel(level: Level, statuses: readonly TicketStatus[]): Promise<Ticket[]> {
      return Promise.resolve(
        select(
          (t) => t.level === level && statuses.includes(t.status),
          (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
        ),
      );
    },

    listDueForSla(now: Date, limit: number): Promise<Ticket[]> {
      if (!(limit >= 1)) return Promise.resolve([]);
      const due = select(
        (t) =>
          t.sla.nextCheckAt !== undefined &&
          t.sla.nextCheckAt.getTime() <= now.getTime() &&
          ACTIVE_STATUSES.includes(t.status),
        (a, b) => (a.sla.nextCheckAt?.getTime() ?? 0) - (b.sla.nextCheckAt?.getTime() ?? 0),
      );
      return Promise.resolve(due.slice(0, limit));
    },

    listDueForTimers(now: Date, limit: number): Promise<Ticket[]> {
      if (!(limit >= 1)) return Promise.resolve([]);
      const due = select(
        (t) => t.nextTimerAt !== undefined && t.nextTimerAt.getTime() <= now.getTime(),
        (a, b) => (a.nextTimerAt?.getTime() ?? 0) - (b.nextTimerAt?.getTime() ?? 0),
      );
      return Promise.resolve(due.slice(0, limit));
    },

    listMissingCards(createdBefore: Date, limit: number): Promise<Ticket[]> {
      const missing = select(
        (t) =>
          ACTIVE_STATUSES.includes(t.status) &&
          !t.cards[`L${t.level}`] &&
          t.createdAt.getTime() < createdBefore.getTime(),
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
      );
      return Promise.resolve(missing.slice(0, limit));
    },
  };
}
