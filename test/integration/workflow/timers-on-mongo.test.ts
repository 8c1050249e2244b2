import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoWorkQueue } from '../../../src/store/mongo-work-queue';
import { createMongoSessionStore } from '../../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';
import { openTestDatabase } from '../../support/test-database';

const HOUR = 60;
const timers = { waitingRemindHours: 2, waitingCloseHours: 4, resolvedCloseHours: 3 };

/**
 * Reminders and auto-close with two helpdesks (two instances: their own stores, workers and surface)
 * on one FerretDB database, sweeping at the same moment: each reminder and each close happens once.
 */
describe('reminders and auto-close on MongoDB, two instances sweeping at once', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeEach(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
  });
  afterEach(() => conn.dispose());

  const instance = () =>
    createHarness({
      timers,
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
    });

  async function twoInstances() {
    // The second instance starts once the ticket waits: until then every effect reaches `a`'s surface.
    const a = instance();
    await a.dm(people.budi, 'printer paper jam');
    await a.press(people.budi, a.button('l0_need_help'));
    await a.press(people.budi, a.button('ticket_form'), {
      category: 'printing',
      impact: 'me',
      urgency: 'low',
    });
    const ticket = (await a.stores.tickets.listByRequester(people.budi))[0]!;
    await a.press(people.ayu, a.button('claim', 'L1'));
    const thread = ticket.threads.L1!;
    await a.reply(people.ayu, thread.threadId, thread.channelId, 'Which tray?');
    await a.press(people.ayu, a.button('wait_requester', 'L1'));
    const b = instance();
    b.advance((a.now().getTime() - b.now().getTime()) / 60_000);
    const sent = () => [...a.sent, ...b.sent].map((s) => ({ to: s.to, text: textOf(s.message) }));
    const advance = (minutes: number) => {
      a.advance(minutes);
      b.advance(minutes);
    };
    const sweepBoth = () => Promise.all([a.sweep(), b.sweep(), a.sweep(), b.sweep()]);
    const get = async () => (await a.stores.tickets.get(ticket.id))!;
    return { a, b, ticket, sent, advance, sweepBoth, get };
  }

  it('sends one reminder and closes once, however many sweep', async () => {
    const { a, b, sent, advance, sweepBoth, get } = await twoInstances();
    advance(2 * HOUR);
    await sweepBoth();
    await Promise.all([a.helpdesk.idle(), b.helpdesk.idle()]);
    const reminders = () => sent().filter((s) => /^Reminder: IT-1001/.test(s.text));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.to).toBe('dm:budi');
    expect((await get()).audit.filter((x) => x.action === 'reminded')).toHaveLength(1);

    advance(2 * HOUR);
    await sweepBoth();
    await Promise.all([a.helpdesk.idle(), b.helpdesk.idle()]);
    const closed = await get();
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'auto_no_reply' });
    expect(closed.audit.filter((x) => x.action === 'auto_closed')).toHaveLength(1);
    expect(sent().filter((s) => /did not hear back/.test(s.text))).toHaveLength(1);
    expect(sent().filter((s) => /Closed automatically/.test(s.text))).toHaveLength(1);
    expect(reminders()).toHaveLength(1);
    expect(await conn.db.collection('ticket_timers').countDocuments()).toBe(0);
  });

  it('closes a resolved ticket once, and it reopens from either instance', async () => {
    const { a, b, sent, advance, sweepBoth, get, ticket } = await twoInstances();
    await a.dm(people.budi, 'tray 2');
    const resolve = [...a.sent, ...b.sent]
      .filter((s) => s.to === 'L1')
      .flatMap((s) => s.message.blocks)
      .flatMap((x) => (x.kind === 'actions' ? x.actions : []))
      .findLast((x) => x.id === 'resolve')!;
    await a.press(people.ayu, resolve, { summary: 'Cleared tray 2' });
    expect((await a.stores.tickets.get(ticket.id))?.status).toBe('resolved');
    advance(3 * HOUR);
    await sweepBoth();
    await Promise.all([a.helpdesk.idle(), b.helpdesk.idle()]);
    expect(await get()).toMatchObject({ status: 'closed', closedReason: 'auto_resolved' });
    expect(
      sent().filter((s) => /it was resolved and I did not hear back/.test(s.text)),
    ).toHaveLength(1);
    const reopen = [...a.sent, ...b.sent]
      .flatMap((s) => s.message.blocks)
      .flatMap((x) => (x.kind === 'actions' ? x.actions : []))
      .findLast((x) => x.id === 'reopen')!;
    // Its own delivery id: the two instances' harnesses number theirs alike (d1, d2...).
    await b.press(people.budi, reopen, { problem: 'jammed again' }, 'reopen-on-b');
    await Promise.all([a.helpdesk.idle(), b.helpdesk.idle()]);
    expect(await get()).toMatchObject({ status: 'claimed' });
  });
});
