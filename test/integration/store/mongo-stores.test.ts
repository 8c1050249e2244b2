import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../../src/store/collections';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoL0Learning } from '../../../src/store/mongo-l0-learning';
import { createMongoWorkQueue } from '../../../src/store/mongo-work-queue';
import { createMongoSessionStore } from '../../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
import { STALE_CLAIM_MS } from '../../../src/store/version-guard';
import { describeL0LearningContract } from '../../contract/l0-learning.contract';
import { describeWorkQueueContract } from '../../contract/work-queue.contract';
import { describeSessionStoreContract } from '../../contract/session-store.contract';
import { describeTicketStoreContract } from '../../contract/ticket-store.contract';
import { openTestDatabase } from '../../support/test-database';
import { at, buildFullNewTicket, buildNewTicket } from '../../support/ticket-factory';

/** A fresh database with every index, and a store on it; dispose drops the database. */
async function onFreshDatabase<S>(make: (db: Db) => S) {
  const conn = await openTestDatabase();
  await ensureIndexes(conn.db);
  return { store: make(conn.db), db: conn.db, dispose: () => conn.dispose() };
}

describeTicketStoreContract('MongoDB', () => onFreshDatabase(createMongoTicketStore));
describeSessionStoreContract('MongoDB', () => onFreshDatabase(createMongoSessionStore));
describeL0LearningContract('MongoDB', () => onFreshDatabase(createMongoL0Learning));
describeWorkQueueContract('MongoDB', async () => {
  const subject = await onFreshDatabase((db) => createMongoWorkQueue<{ n: number }>(db, 'inbox'));
  return { queue: subject.store, dispose: subject.dispose };
});

describe('MongoDB ticket store specifics', () => {
  let subject: Awaited<
    ReturnType<typeof onFreshDatabase<ReturnType<typeof createMongoTicketStore>>>
  >;
  beforeEach(async () => {
    subject = await onFreshDatabase(createMongoTicketStore);
  });
  afterEach(() => subject.dispose());
  const guards = () => subject.db.collection<{ _id: string; at: Date }>(COLLECTIONS.ticketVersions);
  const raw = () => subject.db.collection(COLLECTIONS.tickets);

  it('stores _id (not id), threadIds, and no nulls for unset fields', async () => {
    const created = await subject.store.create(
      buildNewTicket({
        threads: {
          L1: { platform: 'slack', channelId: 'C1', threadId: '1.1' },
          L2: { platform: 'teams', channelId: 'C2', threadId: '19:abc@thread.tacv2;messageid=9' },
        },
      }),
    );
    const document = await raw().findOne({ _id: created.id as never });
    expect(document?._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(document).not.toHaveProperty('id');
    expect(document?.threadIds).toEqual(['slack:1.1', 'teams:19:abc@thread.tacv2;messageid=9']);
    expect(JSON.stringify(document)).not.toContain('null');
    expect(await subject.store.getByThread('teams', '19:abc@thread.tacv2;messageid=9')).toEqual(
      created,
    );
  });

  it('reports a malformed document clearly, naming the field', async () => {
    const created = await subject.store.create(buildFullNewTicket());
    await raw().updateOne(
      { _id: created.id as never },
      { $set: { 'sla.firstResponseDue': '2025-03-03', level: 4 } },
    );
    const error = await subject.store.get(created.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`tickets: malformed document ${created.id}`);
    expect(message).toMatch(/expected a valid Date, got string\s+→ at sla\.firstResponseDue/);
    expect(message).toMatch(/expected a level: 1, 2, 3\s+→ at level/);
  });

  it('refuses a ticket that could not be stored, before using up a key', async () => {
    await expect(
      subject.store.create(
        buildNewTicket({
          audit: [{ at: at(), actor: 'system', action: 'x', detail: { 'a.b': 1 } }],
        }),
      ),
    ).rejects.toThrow(/detail key must not contain/);
    expect((await subject.store.create(buildNewTicket())).key).toBe('IT-1001');
  });

  it('treats filter arguments as values, never as query objects', async () => {
    await subject.store.create(buildNewTicket());
    const injection = { $ne: null } as unknown as string;
    await expect(subject.store.get(injection)).rejects.toThrow(TypeError);
    await expect(
      subject.store.listByRequester({ platform: 'slack', id: injection }),
    ).rejects.toThrow(TypeError);
    await expect(
      subject.store.listByLevel(1, [{ $exists: true } as unknown as 'open']),
    ).rejects.toThrow(TypeError);
  });

  it('leaves no version guards behind once updates are done', async () => {
    const created = await subject.store.create(buildNewTicket());
    await Promise.all(
      Array.from({ length: 5 }, () => subject.store.update({ ...created, question: 'x' }, 0)),
    );
    await subject.store.update({ ...created, question: 'y' }, 0); // stale
    await subject.store.update({ ...created, question: 'z' }, 9); // future
    expect(await guards().countDocuments({})).toBe(0);
  });

  it('waits for a fresh guard but takes over a stale one left by a crashed writer', async () => {
    const created = await subject.store.create(buildNewTicket());
    // A writer that is (or seems) still busy: its claim is honoured.
    await guards().insertOne({ _id: `${created.id}@0`, at: new Date() });
    expect(await subject.store.update({ ...created, question: 'blocked' }, 0)).toBeUndefined();

    // The same claim, 30 s later: its writer died; ten rescuers race, exactly one wins.
    await guards().updateOne(
      { _id: `${created.id}@0` },
      { $set: { at: new Date(Date.now() - STALE_CLAIM_MS - 1000) } },
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        subject.store.update({ ...created, question: `rescuer ${i}` }, 0),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await subject.store.get(created.id))?.version).toBe(1);
    expect(await guards().countDocuments({})).toBe(0);

    // A stale claim of a version the ticket has left does not let an update through.
    await guards().insertOne({ _id: `${created.id}@0`, at: new Date(0) });
    expect(await subject.store.update({ ...created, question: 'late' }, 0)).toBeUndefined();
    expect((await subject.store.get(created.id))?.version).toBe(1);
  });

  it('takes over a chain of stale takeovers (a rescuer that crashed too)', async () => {
    const created = await subject.store.create(buildNewTicket());
    const old = new Date(Date.now() - STALE_CLAIM_MS - 1000);
    await guards().insertMany([
      { _id: `${created.id}@0`, at: old },
      { _id: `${created.id}@0#1`, at: old },
    ]);
    expect((await subject.store.update({ ...created, question: 'ok' }, 0))?.version).toBe(1);
  });
});

describe('MongoDB session store specifics', () => {
  it('stores one document per user with platform and userId, guards cleaned up', async () => {
    const subject = await onFreshDatabase(createMongoSessionStore);
    try {
      const user = { platform: 'slack', id: 'U1' } as const;
      const session = {
        user,
        dm: { platform: 'slack', id: 'D1' },
        state: 'idle',
        question: 'q',
        attempts: [],
        updatedAt: at(),
        version: 0,
      } as const;
      expect(await subject.store.save(session, 0)).toBe(true);
      expect(await subject.store.save(session, 1)).toBe(true);
      const documents = await subject.db.collection(COLLECTIONS.sessions).find().toArray();
      expect(documents).toEqual([
        expect.objectContaining({ _id: 'slack:U1', platform: 'slack', userId: 'U1', version: 2 }),
      ]);
      expect(await subject.db.collection(COLLECTIONS.sessionVersions).countDocuments({})).toBe(0);
    } finally {
      await subject.dispose();
    }
  });

  it('reads a session stored by an older version (with its unused draft) and drops the draft on save', async () => {
    const subject = await onFreshDatabase(createMongoSessionStore);
    try {
      const user = { platform: 'slack', id: 'U2' } as const;
      const sessions = subject.db.collection<{ _id: string; [field: string]: unknown }>(
        COLLECTIONS.sessions,
      );
      await sessions.insertOne({
        _id: 'slack:U2',
        platform: 'slack',
        userId: 'U2',
        user,
        dm: { platform: 'slack', id: 'D2' },
        state: 'idle',
        question: 'q',
        attempts: [],
        draft: { impact: 'one floor' },
        updatedAt: at(),
        version: 3,
      });
      const session = await subject.store.get(user);
      expect(session).toEqual({
        user,
        dm: { platform: 'slack', id: 'D2' },
        state: 'idle',
        question: 'q',
        attempts: [],
        updatedAt: at(),
        version: 3,
      });
      expect(await subject.store.save({ ...session!, question: 'again' }, 3)).toBe(true);
      expect(await sessions.findOne({ _id: 'slack:U2' })).not.toHaveProperty('draft');
    } finally {
      await subject.dispose();
    }
  });
});

describe('MongoDB work queue specifics', () => {
  it('prunes finished items after the retention, never pending ones', async () => {
    let now = new Date('2025-03-10T00:00:00Z');
    const subject = await onFreshDatabase((db) =>
      createMongoWorkQueue<{ n: number }>(db, 'inbox', { now: () => now }),
    );
    try {
      const queue = subject.store;
      await queue.enqueue([
        { id: 'old-done', lane: 'L1', payload: { n: 1 } },
        { id: 'old-pending', lane: 'L2', payload: { n: 2 } },
      ]);
      await (await queue.claim('old-done', 'w', 1000))!.done();
      now = new Date(now.getTime() + 8 * 24 * 3600_000);
      expect(await queue.prune()).toBe(3); // the two records of old-done, the one of old-pending
      expect(await queue.status('old-done')).toBeUndefined();
      expect(await queue.status('old-pending')).toBe('pending');
    } finally {
      await subject.dispose();
    }
  });

  it('lets another worker take over an item whose worker died (its claim ran out)', async () => {
    const subject = await onFreshDatabase((db) => createMongoWorkQueue<{ n: number }>(db, 'inbox'));
    try {
      const queue = subject.store;
      await queue.enqueue([{ id: 'a', lane: 'L1', payload: { n: 1 } }]);
      expect(await queue.claim('a', 'dead', 150)).toBeDefined();
      expect(await queue.claim('a', 'alive', 5000)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rescuers = await Promise.all([
        queue.claim('a', 'r1', 5000),
        queue.claim('a', 'r2', 5000),
        queue.claim('a', 'r3', 5000),
      ]);
      expect(rescuers.filter(Boolean)).toHaveLength(1);
    } finally {
      await subject.dispose();
    }
  });

  it('keeps only pending items in the queue collection, and no claims of finished ones', async () => {
    const subject = await onFreshDatabase((db) => createMongoWorkQueue<{ n: number }>(db, 'inbox'));
    try {
      const { db, store: queue } = subject;
      await queue.enqueue([
        { id: 'a', lane: 'L1', payload: { n: 1 } },
        { id: 'b', lane: 'L2', payload: { n: 2 } },
        { id: 'c', lane: 'L3', payload: { n: 3 } },
      ]);
      await (await queue.claim('a', 'w', 5000))!.done();
      await (await queue.claim('b', 'w', 5000))!.fail('poison');
      expect(await db.collection('inbox').find().toArray()).toEqual([
        expect.objectContaining({ _id: 'c' }),
      ]);
      expect(await db.collection('work_claims').countDocuments()).toBe(0);
      expect(
        await db.collection<{ _id: string }>('work_failed').findOne({ _id: 'inbox:b' }),
      ).toMatchObject({
        lastError: 'poison',
        payload: { n: 2 },
      });
      expect(await queue.enqueue([{ id: 'a', lane: 'L1', payload: { n: 1 } }])).toEqual([]);
      expect(await queue.enqueue([{ id: 'b', lane: 'L2', payload: { n: 2 } }])).toEqual([]);
    } finally {
      await subject.dispose();
    }
  });

  it('stores an event again when its process died after recording its id but before the item', async () => {
    const subject = await onFreshDatabase((db) => createMongoWorkQueue<{ n: number }>(db, 'inbox'));
    try {
      const { db, store: queue } = subject;
      // What the dead process left: the dedupe record alone (no 2xx went out, so the platform retries).
      await db.collection<{ _id: string; q: string; at: Date }>('work_seen').insertOne({
        _id: 'inbox:lost',
        q: 'inbox',
        at: new Date(),
      });
      expect(await queue.enqueue([{ id: 'lost', lane: 'L1', payload: { n: 1 } }])).toEqual([
        'lost',
      ]);
      expect(await queue.status('lost')).toBe('pending');
      expect(await queue.enqueue([{ id: 'lost', lane: 'L1', payload: { n: 1 } }])).toEqual([]);
    } finally {
      await subject.dispose();
    }
  });

  it('does not redo an item whose process died after finishing it but before deleting it', async () => {
    const subject = await onFreshDatabase((db) => createMongoWorkQueue<{ n: number }>(db, 'inbox'));
    try {
      const { db, store: queue } = subject;
      await queue.enqueue([{ id: 'a', lane: 'L1', payload: { n: 1 } }]);
      expect(await queue.claim('a', 'dying', 100)).toBeDefined();
      // It finished (the `#done` record) and died before deleting the item and its claim.
      await db.collection<{ _id: string; q: string; at: Date }>('work_seen').insertOne({
        _id: 'inbox:a#done',
        q: 'inbox',
        at: new Date(),
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await queue.claim('a', 'next', 5000)).toBeUndefined();
      expect(await queue.dueHeads(10)).toEqual({ heads: [], pending: 0 });
      expect(await queue.status('a')).toBe('done');
    } finally {
      await subject.dispose();
    }
  });
});
