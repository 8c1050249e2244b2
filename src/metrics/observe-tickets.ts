import { LRUCache } from 'lru-cache';
import type { TicketStore } from '../core/ports/ticket-store';
import type { Ticket } from '../core/ticket';

/** What an observer is told: a ticket opened, and each stored change against what it replaced. */
export interface TicketObserver<S extends object> {
  /** What a change is judged against, kept small: the ticket at a version is remembered as this. */
  snapshot(ticket: Ticket): S;
  /** A ticket stored for the first time (a redone creation, which returns it again, is not). */
  opened(ticket: Ticket): void;
  changed(before: S, after: Ticket): void;
}

/**
 * A TicketStore that tells `observer` what its writes did. Every change is a conditional replace of
 * a version the workflow has just read (see runtime.mutate), so the ticket at that version is
 * remembered from reads; a replace that succeeds proves the stored ticket was exactly that version,
 * and the difference is what the change did. On a miss (a version read elsewhere) it is read once
 * more. A change redone after a crash is not replaced again (its step key is recognised), so nothing
 * is told twice.
 */
export function observeTickets<S extends object>(
  inner: TicketStore,
  observer: TicketObserver<S>,
): TicketStore {
  const versions = new LRUCache<string, S>({ max: 5_000 });
  const remember = <T extends Ticket | undefined>(ticket: T): T => {
    if (ticket) versions.set(`${ticket.id}@${ticket.version}`, observer.snapshot(ticket));
    return ticket;
  };

  async function before(id: string, version: number): Promise<S | undefined> {
    const known = versions.get(`${id}@${version}`);
    if (known) return known;
    const stored = await inner.get(id);
    return stored?.version === version ? observer.snapshot(stored) : undefined;
  }

  return {
    async create(input, id) {
      const created = await inner.create(input, id);
      // A redone creation returns the ticket stored the first time, made at another moment.
      if (created.createdAt.getTime() === input.createdAt.getTime()) observer.opened(created);
      return remember(created);
    },
    get: async (id) => remember(await inner.get(id)),
    getByThread: async (platform, threadId) =>
      remember(await inner.getByThread(platform, threadId)),
    async update(next, expectedVersion) {
      const was = await before(next.id, expectedVersion);
      const stored = await inner.update(next, expectedVersion);
      if (stored && was) observer.changed(was, stored);
      return remember(stored);
    },
    listByRequester: (requester, statuses) => inner.listByRequester(requester, statuses),
    listByLevel: (level, statuses) => inner.listByLevel(level, statuses),
    listDueForSla: (now, limit) => inner.listDueForSla(now, limit),
    listDueForTimers: (now, limit) => inner.listDueForTimers(now, limit),
    listMissingCards: (createdBefore, limit) => inner.listMissingCards(createdBefore, limit),
  };
}
