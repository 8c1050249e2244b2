import type { Db } from 'mongodb';
import type { SlackApiStub } from '../slack-api-stub';
import { findButton, type FoundButton } from '../slack-calls';
import type { Employee } from './cast';
import { storedTickets, type StoredTicket } from './checks';
import { openTicketJourney, type JourneyOptions } from './journey';
import { pool, waitFor } from './wait';

/** Tickets opened up front (the setting of the claim, crash and two-bot scenarios). */
export async function openTickets(
  db: Db,
  openers: readonly Employee[],
  options: JourneyOptions,
): Promise<StoredTicket[]> {
  const results = await pool(openers, 10, (e) => openTicketJourney(e, options));
  const failed = results.filter((r) => !r.acked);
  if (failed.length)
    throw new Error(`could not open tickets: ${failed.map((f) => f.failure).join('; ')}`);
  let tickets: StoredTicket[] = [];
  await waitFor(
    `${openers.length} tickets with their L1 card`,
    async () => {
      tickets = await storedTickets(db);
      return tickets.filter((t) => t.cards.L1).length >= openers.length;
    },
    60_000,
  );
  return tickets;
}

/** A button of the ticket's L1 card as last posted or updated. */
export function cardButton(stub: SlackApiStub, ticket: StoredTicket, action: string): FoundButton {
  const ts = ticket.cards.L1?.messageId;
  if (!ts) throw new Error(`${ticket.key} has no L1 card`);
  const calls = stub.calls.filter((c) => c.response.ts === ts || c.args.ts === ts);
  return findButton(calls, action);
}
