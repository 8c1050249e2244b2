import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoWorkQueue } from '../../../src/store/mongo-work-queue';
import { createMongoSessionStore } from '../../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
import { createMongoL0Learning } from '../../../src/store/mongo-l0-learning';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createLearningKnowledgeBase } from '../../../src/kb/search/learning-knowledge-base';
import path from 'node:path';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import { createHarness, people } from '../../support/helpdesk-harness';
import { openTestDatabase } from '../../support/test-database';

/** The workflow's race rules on the real server (FerretDB), where conditional updates alone would not do. */
describe('the workflow on MongoDB', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeEach(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
  });
  afterEach(() => conn.dispose());

  const harness = () =>
    createHarness({
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
    });
  const form = { category: 'printing', impact: 'me', urgency: 'low' };

  it('gives a contested claim exactly one owner, every time', async () => {
    const h = harness();
    for (const user of [people.budi, people.sari]) {
      await h.dm(user, 'printer paper jam');
      await h.press(user, h.button('l0_need_help', `dm:${user.id}`));
      await h.press(user, h.button('ticket_form', `dm:${user.id}`), form);
    }
    for (const requester of [people.budi, people.sari]) {
      const ticket = (await h.stores.tickets.listByRequester(requester))[0]!;
      const claim = h
        .latestCard(ticket.cards.L1!.messageId)!
        .blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []))
        .find((a) => a.id === 'claim')!;
      await Promise.all([
        h.press(people.ayu, claim),
        h.press(people.rudi, claim),
        h.press(people.ayu, claim),
      ]);
      const stored = (await h.stores.tickets.get(ticket.id))!;
      expect(stored.status).toBe('claimed');
      expect(stored.audit.filter((a) => a.action === 'claimed')).toHaveLength(1);
    }
  });

  it('turns a redelivered event into nothing: one answer, one ticket', async () => {
    const h = harness();
    await Promise.all([
      h.dm(people.budi, 'printer paper jam', 'Ev1'),
      h.dm(people.budi, 'printer paper jam', 'Ev1'),
    ]);
    expect(h.sent.filter((s) => s.to === 'dm:budi')).toHaveLength(1);
    await h.press(people.budi, h.button('l0_need_help'));
    const submit = h.button('ticket_form');
    await Promise.all([
      h.press(people.budi, submit, form, 'Ev2'),
      h.press(people.budi, submit, form, 'Ev2'),
      h.press(people.budi, submit, form, 'Ev3'),
    ]);
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
  });

  it('opens one ticket from one out-of-date form sent twice at once, its text once', async () => {
    // Each item a lane of its own: the two submits are worked at the same time, as by two
    // instances when a lease ran out under a slow worker. The ticket's id (from the form) decides.
    const inbox = createMongoWorkQueue<QueuedWork>(conn.db, 'inbox');
    const h = createHarness({
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: {
          ...inbox,
          enqueue: (items) => inbox.enqueue(items.map((i) => ({ ...i, lane: i.id }))),
        },
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
    });
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    const old = h.button('ticket_form');
    h.advance(1);
    await h.dm(people.budi, 'I forgot my password');
    const typed = { ...form, details: 'E-42 on the display, tray 2' };
    await Promise.all([
      h.press(people.budi, old, typed, 'Ev-a'),
      h.press(people.budi, old, typed, 'Ev-b'),
    ]);
    const [ticket, ...others] = await h.stores.tickets.listByRequester(people.budi);
    expect(others).toEqual([]);
    expect(ticket).toMatchObject({ question: 'printer paper jam', details: typed.details });
    expect(ticket!.transcript).toHaveLength(1);
    expect(h.sent.filter((s) => s.kind === 'card')).toHaveLength(1);
  });

  it('fires each SLA warning once when several instances sweep at the same moment', async () => {
    const h = harness();
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'team',
      urgency: 'blocked',
    });
    h.advance(50); // P2: the first-response warning is due at 48 minutes
    await Promise.all([h.sweep(), h.sweep(), h.sweep()]);
    const warnings = h.sent.filter(
      (s) => s.kind === 'reply' && s.message.text.includes('SLA warning'),
    );
    expect(warnings).toHaveLength(1);
    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    expect(ticket.sla.warned).toEqual(['first_response']);
  });

  async function openedTicket(h: ReturnType<typeof harness>) {
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    return (await h.stores.tickets.listByRequester(people.budi))[0]!;
  }

  it('loses none of three writers on one ticket: agent replies, employee messages, notes', async () => {
    const h = harness();
    const ticket = await openedTicket(h);
    await h.press(people.ayu, h.button('claim', 'L1'));
    const thread = ticket.threads.L1!;
    const rounds = 12;
    await Promise.all(
      Array.from({ length: rounds }, (_, i) => [
        h.reply(people.ayu, thread.threadId, thread.channelId, `agent ${i}`),
        h.dm(people.budi, `employee ${i}`),
        h.reply(people.rudi, thread.threadId, thread.channelId, `// note ${i}`),
      ]).flat(),
    );
    await h.helpdesk.idle();
    const stored = (await h.stores.tickets.get(ticket.id))!;
    const texts = stored.transcript.map((e) => e.text);
    for (let i = 0; i < rounds; i++) {
      expect(texts).toContain(`agent ${i}`);
      expect(texts).toContain(`employee ${i}`);
      expect(texts).toContain(`note ${i}`);
    }
    expect(texts).toHaveLength(1 + 3 * rounds);
  });

  it('gives 8 agents pressing Claim at once one owner and audits every refusal', async () => {
    const h = harness();
    const ticket = await openedTicket(h);
    const claim = h
      .latestCard(ticket.cards.L1!.messageId)!
      .blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []))
      .find((a) => a.id === 'claim')!;
    const agents = [people.ayu, people.rudi];
    await Promise.all(Array.from({ length: 8 }, (_, i) => h.press(agents[i % 2]!, claim)));
    await h.helpdesk.idle();
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.audit.filter((a) => a.action === 'claimed')).toHaveLength(1);
    // The owner pressing again changes nothing; each press of the other agent is refused and audited.
    const refused = stored.audit.filter((a) => a.action === 'refused');
    expect(refused).toHaveLength(4);
    expect(refused.every((a) => a.actor !== 'system' && a.actor.id !== stored.assignee?.id)).toBe(
      true,
    );
  });

  it('skips a malformed ticket document in the SLA sweep and still handles the others', async () => {
    const h = harness();
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), {
      ...form,
      impact: 'team',
      urgency: 'blocked',
    });
    await conn.db.collection<{ _id: string; [field: string]: unknown }>('tickets').insertOne({
      _id: 'broken',
      key: 'IT-9999',
      status: 'open',
      level: 1,
      sla: { nextCheckAt: new Date(0) },
    });
    h.advance(50);
    await h.sweep();
    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    expect(ticket.sla.warned).toEqual(['first_response']);
  });

  it('gets past a version claim left by a writer that died, without losing the change', async () => {
    const h = harness();
    const ticket = await openedTicket(h);
    const current = (await h.stores.tickets.get(ticket.id))!;
    // What a writer killed between claiming the next version and writing it leaves behind.
    await conn.db
      .collection<{ _id: string; at: Date }>('ticket_versions')
      .insertOne({ _id: `${ticket.id}@${current.version}`, at: new Date(Date.now() - 31_000) });
    const thread = current.threads.L1!;
    await h.reply(people.ayu, thread.threadId, thread.channelId, 'after the crash');
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.transcript.map((e) => e.text)).toContain('after the crash');
  });

  it('learns a phrasing two people confirmed, and answers the third with it', async () => {
    const learning = createMongoL0Learning(conn.db);
    const kb = createLearningKnowledgeBase(
      loadKnowledgeBase(path.join(__dirname, '../../fixtures/kb-mini')),
      // Offer whatever ranks, so the first two people can pick the article they need.
      { minConfirmations: 2, suggestThreshold: 0 },
    );
    const h = createHarness({
      kb,
      learning,
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
    });
    const odd = 'the big grey box by the lift keeps eating my pages';
    expect((await kb.search(odd)).answer).toBeNull();
    for (const user of [people.budi, people.sari]) {
      await h.dm(user, odd);
      const pick = h.sent
        .at(-1)!
        .message.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []))
        .find((a) => a.id === 'l0_pick' && a.payload.includes('printer-jam'));
      expect(pick).toBeDefined();
      await h.press(user, pick!);
      const solved = h.button('l0_solved', `dm:${user.id}`);
      // Pressed twice with one delivery id (a platform retry): one confirmation.
      await Promise.all([
        h.press(user, solved, undefined, `S-${user.id}`),
        h.press(user, solved, undefined, `S-${user.id}`),
      ]);
    }
    const [learned] = await learning.learned();
    expect(learned).toMatchObject({ articleId: 'printer-jam', text: odd, confirmations: 2 });
    expect(await kb.refresh(await learning.learned())).toBe(1);

    await h.dm(people.dewi, odd);
    expect(
      h
        .last('direct', 'dm:dewi')!
        .blocks.some((b) => b.kind === 'header' && /paper jam/i.test(b.text)),
    ).toBe(true);
    const kinds = (await learning.outcomes({ from: new Date(0), to: new Date('2100-01-01') })).map(
      (o) => o.kind,
    );
    expect(kinds.filter((k) => k === 'solved')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'answered')).toHaveLength(1);
  });
});
