import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoL0Learning } from '../../src/store/mongo-l0-learning';
import { createMongoSessionStore } from '../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../src/store/mongo-ticket-store';
import { createMongoWorkQueue } from '../../src/store/mongo-work-queue';
import { createHarness, people } from '../support/helpdesk-harness';
import { textOf } from '../support/recording-surface';
import { openTestDatabase } from '../support/test-database';

/** One ticket through every level, every store on FerretDB with its PostgreSQL backend. */
describe('a whole ticket journey on FerretDB on PostgreSQL', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeEach(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
  });
  afterEach(() => conn.dispose());

  it('answers a message carrying U+0000, which PostgreSQL cannot store', async () => {
    const h = createHarness({
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
      learning: createMongoL0Learning(conn.db),
    });
    await h.dm(people.budi, 'the printer\u0000 on floor 3 has a paper jam');
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Clear a paper jam/);
  });

  it('question, L0 answer, ticket, claim, relays both ways, escalation, resolution, rating', async () => {
    const h = createHarness({
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
      learning: createMongoL0Learning(conn.db),
    });
    const last = (kind: string, to: string) => textOf(h.last(kind, to)!);

    // L0: the knowledge base answers; it does not solve it, so Budi opens a ticket.
    await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
    expect(last('direct', 'dm:budi')).toMatch(/Clear a paper jam/);
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'team',
      urgency: 'degraded',
      details: 'Error E-42 on the display',
    });
    const [opened] = await h.stores.tickets.listByRequester(people.budi);
    expect(opened).toMatchObject({ key: 'IT-1001', level: 1, status: 'open', priority: 'P3' });
    expect(opened!.l0.at(-1)).toMatchObject({ articleId: 'printer-jam', feedback: 'not_solved' });
    expect(last('direct', 'dm:budi')).toMatch(/Ticket IT-1001 is open/);

    // L1: Ayu claims it; her reply reaches Budi, his answer reaches the thread, a note stays inside.
    await h.press(people.ayu, h.button('claim', 'L1'));
    expect(last('direct', 'dm:budi')).toMatch(/Ayu is now handling IT-1001/);
    const l1 = opened!.threads.L1!;
    await h.reply(people.ayu, l1.threadId, l1.channelId, 'Please open the side door');
    expect(last('direct', 'dm:budi')).toMatch(/Ayu \(IT support\):\nPlease open the side door/);
    await h.dm(people.budi, 'done, still jammed');
    expect(last('reply', 'L1')).toMatch(/Budi \(requester\): done, still jammed/);
    await h.reply(people.ayu, l1.threadId, l1.channelId, '// probably the fuser');

    // L2: escalated with what was tried; Dewi's reply in the L2 thread reaches Budi.
    await h.press(people.ayu, h.button('escalate', 'L1'), {
      reason: 'Fuser unit fault',
      tried: 'Cleared jam, power cycle',
    });
    const escalated = (await h.stores.tickets.get(opened!.id))!;
    expect(escalated).toMatchObject({ level: 2, status: 'open' });
    expect(textOf(h.latestCard(escalated.cards.L2!.messageId)!)).toMatch(
      /Escalated from L1: Fuser unit fault\nTried: Cleared jam, power cycle/,
    );
    expect(last('direct', 'dm:budi')).toMatch(/L2 agents/);
    await h.press(people.dewi, h.button('claim', 'L2'));
    const l2 = escalated.threads.L2!;
    await h.reply(people.dewi, l2.threadId, l2.channelId, 'Replacing the fuser today');
    expect(last('direct', 'dm:budi')).toMatch(/Replacing the fuser today/);

    // Resolved, confirmed and rated by Budi; a replayed rating changes nothing.
    await h.press(people.dewi, h.button('resolve', 'L2'), { summary: 'Replaced the fuser' });
    expect(last('direct', 'dm:budi')).toMatch(/IT-1001 was resolved by Dewi: Replaced the fuser/);
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    const csat = h.button('csat', 'dm:budi');
    const rate = (score: number) =>
      h.press(people.budi, {
        ...csat,
        payload: csat.payload.replace(/"score":\d/, `"score":${score}`),
      });
    await rate(5);
    await rate(1);
    await h.helpdesk.idle();

    const done = (await h.stores.tickets.get(opened!.id))!;
    expect(done).toMatchObject({ status: 'closed', level: 2, csat: { score: 5 } });
    expect(done.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['created', 'claimed', 'escalated', 'resolved', 'confirmed', 'rated']),
    );
    const transcript = done.transcript.map((e) => [e.text, Boolean(e.internal)]);
    expect(transcript).toEqual(
      expect.arrayContaining([
        ['Please open the side door', false],
        ['done, still jammed', false],
        ['probably the fuser', true],
        ['Replacing the fuser today', false],
      ]),
    );
    // Every inbound was worked and every effect sent: both queues are empty.
    expect(await conn.db.collection('inbox').countDocuments()).toBe(0);
    expect(await conn.db.collection('outbox').countDocuments()).toBe(0);
    const outcomes = await h.learning.outcomes({ from: new Date(0), to: new Date('2100-01-01') });
    expect(outcomes.map((o) => o.kind)).toContain('not_solved');
  });
});
