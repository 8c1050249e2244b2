import { randomUUID } from 'node:crypto';
import type { NewTicket } from '../ports/ticket-store';
import { isActive, type Ticket } from '../ticket';
import { ticketIdFor } from './new-ticket';
import type { Uses } from './runtime';
import { currentWorkKey } from './work-scope';

/** Tickets one form may lead to in turn (each done before the next opened): a bound, not a quota. */
const MAX_IN_CHAIN = 20;

export interface OpenedOrJoined {
  readonly ticket: Ticket;
  /** True when this work item opened it (also when it is redone); false when it joined another's. */
  readonly opened: boolean;
}

/** What a ticket opened by the current work item carries in `applied`; undefined outside one. */
function openedStamp(): string | undefined {
  const key = currentWorkKey();
  return key && `${key}:opened`;
}

/** Whether the current work item opened this ticket (so, redone, it says so again rather than join it). */
export function openedHere(ticket: Ticket): boolean {
  const stamp = openedStamp();
  return stamp !== undefined && (ticket.applied ?? []).includes(stamp);
}

/** What openOrJoin uses of the runtime. */
export type OpenOrJoinDeps = Uses<'tickets'>;

/**
 * The ticket that a form (`chain`: which form, whose) leads to, without a lock: the tickets of one
 * chain have ids derived from it, in turn (`chain`, `chain#1`...). The first free id is created,
 * stamped with the work item that created it. So two submits of one form at once open one ticket (the
 * second finds the first's and joins it while it is active); the same work item redone finds its own
 * and reports it as opened; a submit after the chain's ticket is done opens the next one. Undefined
 * when the chain is used up.
 */
export async function openOrJoin(
  rt: OpenOrJoinDeps,
  chain: string,
  build: () => NewTicket,
): Promise<OpenedOrJoined | undefined> {
  const stamp = openedStamp() ?? `${randomUUID()}:opened`;
  for (let n = 0; n < MAX_IN_CHAIN; n++) {
    const id = ticketIdFor(n === 0 ? chain : `${chain}#${n}`);
    const found =
      (await rt.tickets.get(id)) ?? (await rt.tickets.create({ ...build(), applied: [stamp] }, id));
    if ((found.applied ?? []).includes(stamp)) return { ticket: found, opened: true };
    if (isActive(found)) return { ticket: found, opened: false };
  }
  return undefined;
}
