import type { TicketStore } from '../core/ports/ticket-store';
import type { Level, Ticket, TicketStatus } from '../core/ticket';
import { isActive } from '../core/ticket';
import { observeTickets } from './observe-tickets';

/** Where ticket events are logged: the service's logger (pino), or a test's recorder. */
export interface TicketLog {
  info(data: object, msg: string): void;
  debug?(data: object, msg: string): void;
}

interface Before {
  readonly status: TicketStatus;
  readonly level: Level;
  readonly escalations: number;
}

const at = (level: Level) => `L${level}`;
const who = (ticket: Ticket) => ticket.assignee?.name ?? ticket.assignee?.id;

/**
 * A TicketStore that logs what happens to tickets, for a person reading the service's output: opened,
 * escalated, sent back, resolved, reopened, closed and cancelled at info, each with the ticket's key
 * (`ticket`) and level (`ticketLevel`; pino's own `level` is the line's severity); claims at debug.
 */
export function logTicketChanges(inner: TicketStore, log: TicketLog): TicketStore {
  return observeTickets<Before>(inner, {
    snapshot: (t) => ({ status: t.status, level: t.level, escalations: t.escalations.length }),
    opened: (t) =>
      log.info(
        {
          ticket: t.key,
          ticketLevel: at(t.level),
          priority: t.priority,
          category: t.category,
          channel: t.requester.platform,
        },
        'ticket opened',
      ),
    changed(was, t) {
      const ticket = t.key;
      for (const e of t.escalations.slice(was.escalations))
        log.info(
          { ticket, from: at(e.from), to: at(e.to), automatic: e.automatic },
          'ticket escalated',
        );
      if (t.level < was.level)
        log.info({ ticket, from: at(was.level), to: at(t.level) }, 'ticket sent back');
      if (t.status === was.status) return;
      const ticketLevel = at(t.level);
      if (was.status === 'resolved' && isActive(t))
        log.info({ ticket, ticketLevel }, 'ticket reopened');
      else if (t.status === 'claimed')
        log.debug?.({ ticket, ticketLevel, by: who(t) }, 'ticket claimed');
      else if (t.status === 'resolved')
        log.info({ ticket, ticketLevel, by: t.resolution?.by?.name }, 'ticket resolved');
      else if (t.status === 'closed') log.info({ ticket, ticketLevel }, 'ticket closed');
      else if (t.status === 'cancelled') log.info({ ticket, ticketLevel }, 'ticket cancelled');
    },
  });
}
