import { MongoNetworkError, type Db, type IndexDescription } from 'mongodb';
import { COLLECTIONS } from './collections';

/**
 * Every index the store relies on, with fixed names so `createIndexes` is idempotent across restarts
 * and across several instances starting at once. Kept to what MongoDB 5.0 and FerretDB 1.24 both do
 * (no TTL or text indexes).
 */
export const INDEXES: Readonly<Record<string, readonly IndexDescription[]>> = {
  [COLLECTIONS.tickets]: [
    { key: { key: 1 }, name: 'key_unique', unique: true },
    { key: { status: 1, level: 1, updatedAt: -1 }, name: 'queue' },
    { key: { 'sla.nextCheckAt': 1 }, name: 'sla_due' },
    { key: { nextTimerAt: 1 }, name: 'timer_due' },
    // `${platform}:${threadId}` of every thread of the ticket, maintained by the ticket store.
    { key: { threadIds: 1 }, name: 'by_thread' },
    { key: { 'requester.platform': 1, 'requester.id': 1, createdAt: -1 }, name: 'by_requester_id' },
    { key: { level: 1, status: 1, createdAt: 1 }, name: 'by_level' },
    // The lead's report reads a period's tickets: changed since `from`, or created in a range.
    { key: { updatedAt: 1 }, name: 'by_updated' },
    { key: { createdAt: 1 }, name: 'by_created' },
  ],
  // The summaries of active tickets (ticket-refs.ts): small, but read by each of these.
  [COLLECTIONS.activeTickets]: [
    { key: { requester: 1 }, name: 'by_requester' },
    { key: { level: 1, createdAt: 1 }, name: 'by_level' },
    { key: { nextCheckAt: 1 }, name: 'sla_due' },
  ],
  // The timed tickets (ticket-refs.ts): waiting on the requester or resolved, by due time.
  [COLLECTIONS.ticketTimers]: [{ key: { at: 1 }, name: 'timer_due' }],
  [COLLECTIONS.sessions]: [{ key: { platform: 1, userId: 1, updatedAt: -1 }, name: 'by_user' }],
  // Work queues hold pending items only; lanes are read in arrival order (see mongo-work-queue.ts).
  [COLLECTIONS.inbox]: [{ key: { seq: 1 }, name: 'arrival' }],
  [COLLECTIONS.outbox]: [{ key: { seq: 1 }, name: 'arrival' }],
  [COLLECTIONS.workSeen]: [{ key: { q: 1, at: 1 }, name: 'age' }],
  [COLLECTIONS.workFailed]: [{ key: { q: 1, failedAt: 1 }, name: 'age' }],
  [COLLECTIONS.workClaims]: [{ key: { expiresAt: 1 }, name: 'claim_expiry' }],
  [COLLECTIONS.jobSlots]: [{ key: { at: 1 }, name: 'slot_age' }],
  [COLLECTIONS.consoleMessages]: [
    { key: { conversation: 1, threadId: 1, at: 1 }, name: 'console_feed' },
  ],
  [COLLECTIONS.conversations]: [
    { key: { platform: 1, kind: 1, ownerId: 1 }, name: 'owner_unique', unique: true },
    // A person's own (1:1) conversation with the bot, found by their user id (Teams).
    { key: { platform: 1, kind: 1, userId: 1 }, name: 'by_user' },
  ],
  // GridFS's own indexes, made here (the driver would make them at the first upload, while another
  // instance might be making them too): the same keys as the driver's, so it finds them.
  [COLLECTIONS.fileDocs]: [
    { key: { filename: 1, uploadDate: 1 }, name: 'filename_1_uploadDate_1' },
  ],
  [COLLECTIONS.fileChunks]: [{ key: { files_id: 1, n: 1 }, name: 'files_id_1_n_1', unique: true }],
  // Reports read outcomes by time range, of all kinds or of some.
  [COLLECTIONS.l0Outcomes]: [
    { key: { at: 1 }, name: 'by_time' },
    { key: { kind: 1, at: 1 }, name: 'by_kind_time' },
  ],
};

/**
 * Creates the indexes that are missing. Existing ones are left alone, so a restart issues no
 * createIndexes at all (FerretDB 1.24 can drop connections when two clients create indexes at once,
 * hence also the retry on a dropped connection for the very first start of several instances).
 */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(
          (
            await db
              .collection(collection)
              .listIndexes()
              .toArray()
              .catch(() => [])
          ).map((i: { name?: string }) => i.name),
        );
        const missing = indexes.filter((i) => !existing.has(i.name));
        if (missing.length) await db.collection(collection).createIndexes([...missing]);
        break;
      } catch (error) {
        if (!(error instanceof MongoNetworkError) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
}
