import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../../src/store/collections';
import { pollUntil } from './wait';

/** Reading the outcome of a scenario from its database. */
export interface StoredTicket {
  readonly _id: string;
  readonly key: string;
  readonly requester: { readonly id: string };
  readonly cards: { readonly L1?: { readonly messageId: string } };
  readonly threads: { readonly L1?: { readonly threadId: string } };
  readonly status: string;
  readonly assignee?: { readonly id: string };
  readonly audit: readonly { readonly action: string; readonly actor: unknown }[];
  readonly transcript: readonly { readonly from: string; readonly text: string }[];
}

export function storedTickets(db: Db): Promise<StoredTicket[]> {
  return db.collection<StoredTicket>(COLLECTIONS.tickets).find({}).toArray();
}

/** Inbox and outbox items not finished yet (the queues hold pending items only). */
export async function pendingWork(db: Db): Promise<number> {
  const [inbox, outbox] = await Promise.all([
    db.collection(COLLECTIONS.inbox).countDocuments({}),
    db.collection(COLLECTIONS.outbox).countDocuments({}),
  ]);
  return inbox + outbox;
}

/** Items that were given up (failed for good): each is a lost event or message. */
export async function failedWork(db: Db): Promise<number> {
  return db.collection(COLLECTIONS.workFailed).countDocuments({});
}

/**
 * Waits until nothing is pending, seen twice in a row (an effect queues its follow-ups before its
 * own item is finished, so "nothing pending" means "nothing more will happen"). False on timeout.
 */
export async function settled(db: Db, timeoutMs: number): Promise<boolean> {
  let quietOnce = false;
  return pollUntil(
    async () => {
      const quiet = (await pendingWork(db).catch(() => 1)) === 0;
      const twice = quiet && quietOnce;
      quietOnce = quiet;
      return twice;
    },
    timeoutMs,
    250,
  );
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
