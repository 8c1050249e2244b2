import type { UserRef } from '../people';
import type { TicketStore } from '../ports/ticket-store';
import { ACTIVE_STATUSES, type Level, type Ticket } from '../ticket';

/** The read-only views of tickets every channel renders, defined once. */
export function ticketViews(tickets: TicketStore) {
  return {
    /** The person's own tickets, newest first. */
    myTickets: (user: UserRef): Promise<Ticket[]> => tickets.listByRequester(user),
    /** A level's active tickets, oldest first: the order agents should take them in. */
    async levelQueue(level: Level): Promise<Ticket[]> {
      const active = await tickets.listByLevel(level, ACTIVE_STATUSES);
      return [...active].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },
  };
}
