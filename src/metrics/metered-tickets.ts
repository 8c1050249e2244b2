import type { TicketStore } from '../core/ports/ticket-store';
import type { Ticket } from '../core/ticket';
import { boundedMap, type HelpdeskMeter } from './helpdesk-meter';

/** What a change is judged against: the ticket as it was at the version being replaced. */
interface Before {
  readonly escalations: number;
  readonly breached: readonly string[];
}

/**
 * A TicketStore that reports tickets opened, escalations and SLA breaches from the changes it stores.
 * Every change is a conditional replace of a version the workflow has just read (see runtime.mutate),
 * so the ticket at that version is remembered from `get`; a replace that succeeds proves the stored
 * ticket was exactly that version, and the difference is what the change did. On a miss (a version
 * read elsewhere) it is read once more. A change redone after a crash is not replaced again (its step
 * key is recognised), so nothing is counted twice.
 */
export function meterTickets(inner: TicketStore, meter: HelpdeskMeter): TicketStore {
  const versions = boundedMap<string, Before>(5_000);
  const snapshot = (ticket: Ticket): Before => ({
    escalations: ticket.escalations.length,
    breached: ticket.sla.breached,
  });
  const remember = <T extends Ticket | undefined>(ticket: T): T => {
    if (ticket) versions.set(`${ticket.id}@${ticket.version}`, snapshot(ticket));
    return ticket;
  };

  async function before(id: string, version: number): Promise<Before | undefined> {
    const key = `${id}@${version}`;
    const known = versions.get(key);
    if (known) return known;
    const stored = await inner.get(id);
    return stored?.version === version ? snapshot(stored) : undefined;
  }

  function report(was: Before, now: Ticket): void {
    for (const escalation of now.escalations.slice(was.escalations)) meter.escalated(escalation.to);
    for (const clock of now.sla.breached)
      if (!was.breached.includes(clock)) meter.slaBreached(now.level, clock);
  }

  return {
    async create(input, id) {
      const created = await inner.create(input, id);
      // A redone creation returns the ticket stored the first time, made at another moment.
      if (created.createdAt.getTime() === input.createdAt.getTime())
        meter.ticketOpened({ platform: created.requester.platform, priority: created.priority });
      return remember(created);
    },
    get: async (id) => remember(await inner.get(id)),
    getByThread: async (platform, threadId) =>
      remember(await inner.getByThread(platform, threadId)),
    async update(next, expectedVersion) {
      const was = await before(next.id, expectedVersion);
      const stored = await inner.update(next, expectedVersion);
      if (stored && was) report(was, stored);
      return remember(stored);
    },
    listByRequester: (requester, statuses) => inner.listByRequester(requester, statuses),
    listByLevel: (level, statuses) => inner.listByLevel(level, statuses),
    listDueForSla: (now, limit) => inner.listDueForSla(now, limit),
    listMissingCards: (createdBefore, limit) => inner.listMissingCards(createdBefore, limit),
  };
}
