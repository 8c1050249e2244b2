import type { CommandStartedEvent } from 'mongodb';
import type { Ticket } from '../../../src/core/ticket';
import { ACTIVE_STATUSES } from '../../../src/core/ticket';
import { COLLECTIONS } from '../../../src/store/collections';
import { connectMongo } from '../../../src/store/connect-mongo';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
import { createTicketRefs } from '../../../src/store/ticket-refs';
import { toTicketDocument } from '../../../src/store/ticket-document';
import { openTestDatabase } from '../../support/test-database';
import { at, buildNewTicket } from '../../support/ticket-factory';

/**
 * The lookup documents beside the tickets (ticket-refs.ts): the hot paths read tickets only by _id,
 * and what a crash or an older database leaves is found again by reconcile / migrate.
 */
describe('ticket lookup documents', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeEach(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
  });
  afterEach(() => conn.dispose());

  const withThread = (ticket: Ticket, ts: string): Ticket => ({
    ...ticket,
    threads: { L1: { platform: 'slack', channelId: 'C-L1', threadId: ts } },
    cards: { L1: { platform: 'slack', channelId: 'C-L1', messageId: ts } },
  });

  it('serves thread replies, DMs, queues and the SLA sweep without querying the tickets collection', async () => {
    const store = createMongoTicketStore(conn.db);
    const made = await store.create(buildNewTicket());
    const ticket = (await store.update(withThread(made, '171.001'), made.version))!;
    await store.create(
      buildNewTicket({ requester: { platform: 'slack', id: 'U-OTHER', name: 'Budi' } }),
    );

    // A second client on the same database, watching what the reads send.
    const watcher = await connectMongo({
      uri: process.env.LAPIS_TEST_MONGODB_URI!,
      dbName: conn.db.databaseName,
      timeoutMs: 5000,
    });
    const finds: CommandStartedEvent[] = [];
    watcher.client.on('commandStarted', (e) => {
      if (e.command[e.commandName] === COLLECTIONS.tickets) finds.push(e);
    });
    try {
      const watched = createMongoTicketStore(watcher.db);
      expect((await watched.getByThread('slack', '171.001'))?.key).toBe(ticket.key);
      expect(await watched.getByThread('slack', '999.999')).toBeUndefined();
      const mine = await watched.listByRequester(ticket.requester, ACTIVE_STATUSES);
      expect(mine.map((t) => t.key)).toEqual([ticket.key]);
      expect(await watched.listByLevel(1, ACTIVE_STATUSES)).toHaveLength(2);
      expect(await watched.listDueForSla(at(60), 10)).toHaveLength(2);
      expect(await watched.listDueForSla(at(10), 10)).toHaveLength(0);
      expect(await watched.listDueForTimers(at(60), 10)).toEqual([]);
      expect((await watched.listMissingCards(at(1), 10)).map((t) => t.key)).not.toContain(
        ticket.key,
      );
    } finally {
      await watcher.close();
    }
    expect(finds.length).toBeGreaterThan(0);
    for (const e of finds) {
      expect(e.commandName).toBe('find');
      expect(Object.keys(e.command.filter as object)).toEqual(['_id']);
      expect(typeof (e.command.filter as { _id: unknown })._id).toBe('string');
    }
  });

  it('finds timed tickets by their timer refs, and reconcile puts right a ref a crash lost', async () => {
    const store = createMongoTicketStore(conn.db);
    const made = await store.create(buildNewTicket());
    const timed = (await store.update(
      { ...made, status: 'resolved', nextTimerAt: at(30) },
      made.version,
    ))!;
    expect(await store.listDueForTimers(at(30), 10)).toEqual([timed]);
    const timers = conn.db.collection(COLLECTIONS.ticketTimers);
    expect(await timers.countDocuments()).toBe(1);

    // A crash between the ref and the ticket (or an older database): reconcile writes it again.
    await timers.deleteMany({});
    expect(await store.listDueForTimers(at(30), 10)).toEqual([]);
    await createTicketRefs(conn.db).reconcile();
    expect(await store.listDueForTimers(at(30), 10)).toEqual([timed]);

    // The timer cleared by another process: the ref goes with it.
    const { nextTimerAt, ...cleared } = timed;
    void nextTimerAt;
    await createMongoTicketStore(conn.db).update({ ...cleared, status: 'closed' }, timed.version);
    expect(await timers.countDocuments()).toBe(0);
    expect(await store.listDueForTimers(at(30), 10)).toEqual([]);
  });

  it('finds a reopened ticket again and forgets a resolved one', async () => {
    const store = createMongoTicketStore(conn.db);
    const made = await store.create(buildNewTicket());
    const resolved = (await store.update({ ...made, status: 'resolved' }, made.version))!;
    expect(await store.listByRequester(made.requester, ACTIVE_STATUSES)).toEqual([]);
    expect(await conn.db.collection(COLLECTIONS.activeTickets).countDocuments()).toBe(0);
    // Reopened by another process (its own lookup state): found at once.
    const other = createMongoTicketStore(conn.db);
    await other.update({ ...resolved, status: 'open' }, resolved.version);
    const found = await store.listByRequester(made.requester, ACTIVE_STATUSES);
    expect(found.map((t) => t.status)).toEqual(['open']);
  });

  it('reconcile puts back what a crash lost and drops what it left, once settled', async () => {
    let now = new Date();
    const refs = createTicketRefs(conn.db, () => now);
    const store = createMongoTicketStore(conn.db, { refs });
    const kept = await store.create(buildNewTicket());
    const gone = await store.create(
      buildNewTicket({ requester: { platform: 'slack', id: 'U-GONE', name: 'Rina' } }),
    );
    const summaries = conn.db.collection(COLLECTIONS.activeTickets);
    // A summary lost (a crash between a ticket write and its summary's), and one left behind.
    await summaries.deleteOne({ _id: kept.id as never });
    await conn.db
      .collection(COLLECTIONS.tickets)
      .updateOne({ _id: gone.id as never }, { $set: { status: 'closed' } });
    expect(await store.listByLevel(1, ACTIVE_STATUSES)).toEqual([]);

    const fresh = await createTicketRefs(conn.db, () => now).reconcile();
    expect(fresh).toEqual({ written: 1, deleted: 0 }); // the stale one was written moments ago
    expect((await store.listByLevel(1, ACTIVE_STATUSES)).map((t) => t.id)).toEqual([kept.id]);

    now = new Date(now.getTime() + 10 * 60_000);
    expect(await createTicketRefs(conn.db, () => now).reconcile()).toEqual({
      written: 0,
      deleted: 1,
    });
    expect(await summaries.countDocuments()).toBe(1);
  });

  it('migrate builds the lookups of a database that has tickets but none of them, once', async () => {
    const ticket = withThread(
      { ...buildNewTicket(), id: 'legacy-1', key: 'IT-1001', version: 3 },
      '170.5',
    );
    await conn.db
      .collection(COLLECTIONS.tickets, { ignoreUndefined: true })
      .insertOne(toTicketDocument(ticket) as never);
    const store = createMongoTicketStore(conn.db);
    expect(await store.getByThread('slack', '170.5')).toBeUndefined();

    expect(await createTicketRefs(conn.db).migrate()).toBe(true);
    expect((await store.getByThread('slack', '170.5'))?.id).toBe('legacy-1');
    expect(await store.listByRequester(ticket.requester, ACTIVE_STATUSES)).toHaveLength(1);
    expect(await createTicketRefs(conn.db).migrate()).toBe(false);
  });
});
