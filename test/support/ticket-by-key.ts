import type { Db } from 'mongodb';
import type { Ticket } from '../../src/core/ticket';
import { COLLECTIONS } from '../../src/store/collections';
import { fromTicketDocument } from '../../src/store/ticket-document';

/** The stored ticket with this human key (IT-1001): what the database holds, for a test to check. */
export async function ticketByKey(db: Db, key: string): Promise<Ticket | undefined> {
  const document = await db.collection(COLLECTIONS.tickets).findOne({ key });
  return document ? fromTicketDocument(document) : undefined;
}
