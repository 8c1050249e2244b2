import type { Db } from 'mongodb';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoKbDrafts } from '../../src/store/mongo-kb-drafts';
import { createMongoL0Learning } from '../../src/store/mongo-l0-learning';
import { createMongoSessionStore } from '../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../src/store/mongo-ticket-store';
import { createMongoWorkQueue } from '../../src/store/mongo-work-queue';
import { describeKbDraftsContract } from '../contract/kb-drafts.contract';
import { describeL0LearningContract } from '../contract/l0-learning.contract';
import { describeSessionStoreContract } from '../contract/session-store.contract';
import { describeTicketStoreContract } from '../contract/ticket-store.contract';
import { describeWorkQueueContract } from '../contract/work-queue.contract';
import { openTestDatabase } from '../support/test-database';

/** The store contracts, as in test/integration/store, on FerretDB with its PostgreSQL backend. */
const NAME = 'FerretDB on PostgreSQL';

/** A fresh database with every index, and a store on it; dispose drops the database. */
async function onFreshDatabase<S>(make: (db: Db) => S) {
  const conn = await openTestDatabase();
  await ensureIndexes(conn.db);
  return { store: make(conn.db), db: conn.db, dispose: () => conn.dispose() };
}

describe('the server under test', () => {
  it('is FerretDB keeping its documents in PostgreSQL (a query plan of PostgreSQL)', async () => {
    const conn = await openTestDatabase();
    try {
      const probe = conn.db.collection<{ _id: string }>('backend_probe');
      await probe.insertOne({ _id: 'x' });
      const explained = await probe.find({ _id: 'x' }).explain();
      expect(explained).toHaveProperty(['serverInfo', 'ferretdbVersion'], 'v1.24.2');
      // PostgreSQL's EXPLAIN: a plan node on the table in the schema named after the database.
      expect(explained).toHaveProperty(['queryPlanner', 'Plan', 'Schema'], conn.db.databaseName);
      expect(explained).toHaveProperty(['queryPlanner', 'Plan', 'Node Type']);
    } finally {
      await conn.dispose();
    }
  });
});

describeTicketStoreContract(NAME, () => onFreshDatabase(createMongoTicketStore));
describeSessionStoreContract(NAME, () => onFreshDatabase(createMongoSessionStore));
describeL0LearningContract(NAME, () => onFreshDatabase(createMongoL0Learning));
describeKbDraftsContract(NAME, () => onFreshDatabase(createMongoKbDrafts));
describeWorkQueueContract(NAME, async () => {
  const subject = await onFreshDatabase((db) => createMongoWorkQueue<{ n: number }>(db, 'inbox'));
  return { queue: subject.store, dispose: subject.dispose };
});
