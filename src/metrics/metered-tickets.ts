import type { TicketStore } from '../core/ports/ticket-store';
import type { HelpdeskMeter } from './helpdesk-meter';
import { observeTickets } from './observe-tickets';

/** A TicketStore that reports tickets opened, escalations and SLA breaches from the changes it stores. */
export function meterTickets(inner: TicketStore, meter: HelpdeskMeter): TicketStore {
  return observeTickets(inner, {
    snapshot: (ticket) => ({
      escalations: ticket.escalations.length,
      breached: ticket.sla.breached,
    }),
    opened: (ticket) =>
      meter.ticketOpened({ platform: ticket.requester.platform, priority: ticket.priority }),
    changed(was, now) {
      for (const escalation of now.escalations.slice(was.escalations))
        meter.escalated(escalation.to);
      for (const clock of now.sla.breached)
        if (!was.breached.includes(clock)) meter.slaBreached(now.level, clock);
    },
  });
}
