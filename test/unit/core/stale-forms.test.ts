import { t } from '../../../src/core/i18n/translate';
import type { Effect } from '../../../src/core/effects';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import type { TicketStore } from '../../../src/core/ports/ticket-store';
import type { WorkQueue } from '../../../src/core/ports/work-queue';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';
import { scriptedKb } from '../../support/scripted-kb';

/**
 * A form sent from a button that is out of date still does something with what was typed: the
 * ticket form opens a ticket (or adds to the active one), a Reopen too late opens a follow-up linked
 * to the old ticket. Redelivered, redone or sent twice at once, it does so once.
 */
const kb = scriptedKb({
  'my printer jams on tray 2': { answer: 'printer-jam' },
  'how do I connect to the vpn': { answer: 'vpn-connect' },
  'the shared drive is gone': {},
});
const form = { category: 'printing', impact: 'me', urgency: 'degraded' };
const typed = 'It shows E-42 and the paper crumples';
const directs = (h: ReturnType<typeof createHarness>) =>
  h.sent.filter((s) => s.kind === 'direct' && s.to === 'dm:budi').map((s) => textOf(s.message));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** In-memory stores; an inbox whose items have a lane each, as when two instances run one lane. */
function stores(options: { concurrent?: boolean; tickets?: TicketStore } = {}) {
  const inbox = createMemoryWorkQueue<QueuedWork>('inbox');
  const unlaned: WorkQueue<QueuedWork> = {
    ...inbox,
    enqueue: (items) => inbox.enqueue(items.map((i) => ({ ...i, lane: i.id }))),
  };
  return {
    tickets: options.tickets ?? createMemoryTicketStore(),
    sessions: createMemorySessionStore(),
    inbox: options.concurrent ? unlaned : inbox,
    outbox: createMemoryWorkQueue<Effect>('outbox'),
  };
}

/** A ticket store whose next `create` stores the ticket, then fails: the worker died right after. */
function dyingAfterCreate(): TicketStore & { armed: boolean } {
  const store = createMemoryTicketStore();
  const wrapped = {
    ...store,
    armed: true,
    async create(...args: Parameters<TicketStore['create']>) {
      const created = await store.create(...args);
      if (wrapped.armed) {
        wrapped.armed = false;
        throw new Error('the worker died after storing the ticket');
      }
      return created;
    },
  };
  return wrapped;
}

/** The steps: a question, "Still need help", a second question, then the FIRST form. */
async function formOfFirstQuestion(h: ReturnType<typeof createHarness>) {
  await h.dm(people.budi, 'my printer jams on tray 2');
  await h.press(people.budi, h.button('l0_need_help'));
  const first = h.button('ticket_form');
  h.advance(5);
  await h.dm(people.budi, 'how do I connect to the vpn');
  return first;
}

describe('an out-of-date ticket form', () => {
  it('opens the ticket from what was typed, with the question it was shown for', async () => {
    const h = createHarness({ kb });
    const first = await formOfFirstQuestion(h);
    await h.press(people.budi, first, { ...form, details: typed });

    const [ticket, ...others] = await h.stores.tickets.listByRequester(people.budi);
    expect(others).toEqual([]);
    expect(ticket).toMatchObject({
      question: 'my printer jams on tray 2',
      details: typed,
      category: 'printing',
      priority: 'P4',
      status: 'open',
    });
    expect(ticket!.l0.map((a) => a.articleId)).toEqual(['printer-jam']);
    expect(ticket!.audit[0]?.detail).toMatchObject({ origin: 'older_form' });
    expect(textOf(h.last('card', 'L1')!)).toContain(typed);
    expect(directs(h).at(-1)).toBe(t('en', 'ticket_opened', { key: 'IT-1001', priority: 'P4' }));
    // The second question is still being worked on: its own buttons are not touched.
    expect((await h.stores.sessions.get(people.budi))?.state).toBe('awaiting_feedback');
  });

  it('takes what was typed as the question when the session no longer knows the form', async () => {
    const h = createHarness({ kb });
    const first = await formOfFirstQuestion(h);
    // Four more questions: the first is no longer among the attempts the session keeps.
    for (const q of ['the shared drive is gone', 'my printer jams on tray 2', 'x', 'y', 'z']) {
      h.advance(5);
      await h.dm(people.budi, q);
    }
    await h.press(people.budi, first, { ...form, details: typed });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    expect(ticket).toMatchObject({ question: typed, details: undefined, l0: [] });
  });

  it('adds what was typed to the active ticket, relayed to its thread, and says where it went', async () => {
    const h = createHarness({ kb });
    const first = await formOfFirstQuestion(h);
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), { ...form, category: 'network' });
    const [active] = await h.stores.tickets.listByRequester(people.budi);

    await h.press(people.budi, first, { ...form, details: typed });
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
    const stored = (await h.stores.tickets.get(active!.id))!;
    expect(stored.transcript.map((e) => [e.from, e.text])).toEqual([
      ['requester', 'how do I connect to the vpn'],
      ['requester', typed],
    ]);
    expect(textOf(h.last('reply', 'L1')!)).toBe(`Budi (requester): ${typed}`);
    expect(directs(h).at(-1)).toBe(
      t('en', 'added_to_ticket', { key: active!.key, status: 'waiting for an agent', level: 1 }),
    );
    // The same form once more: the text is there already, so it is not added twice.
    await h.press(people.budi, first, { ...form, details: typed });
    expect((await h.stores.tickets.get(active!.id))!.transcript).toHaveLength(2);
  });

  it('answers in Indonesian where it went, for an Indonesian form', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    const form1 = h.button('ticket_form');
    const indonesian = { ...form1, payload: form1.payload.replace('"lang":"en"', '"lang":"id"') };
    await h.press(people.budi, form1, form);
    await h.press(people.budi, indonesian, { ...form, details: 'masih macet' });
    expect(directs(h).at(-1)).toBe(
      'Tulisan Anda sudah saya tambahkan ke IT-1001 (menunggu petugas, L1); petugas bisa melihatnya di sana.',
    );
  });

  it('with the details left empty still opens the ticket for the question it was shown for', async () => {
    const h = createHarness({ kb });
    const first = await formOfFirstQuestion(h);
    await h.press(people.budi, first, form);
    const [ticket, ...others] = await h.stores.tickets.listByRequester(people.budi);
    expect(others).toEqual([]);
    expect(ticket?.question).toBe('my printer jams on tray 2');
    expect(ticket?.category).toBe('printing');
  });

  it('brings nothing (no text, an active ticket already) and gets where things stand', async () => {
    const h = createHarness({ kb });
    const first = await formOfFirstQuestion(h);
    await h.press(people.budi, first, form);
    await h.press(people.budi, first, form);
    expect(textOf(h.last('ephemeral')!)).toBe(
      t('en', 'refused_stale_l0_ticket', {
        key: 'IT-1001',
        status: t('en', 'status_open'),
        level: 1,
      }),
    );
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
  });

  it('opens one ticket when the same out-of-date form arrives twice at once', async () => {
    const h = createHarness({ kb, stores: stores({ concurrent: true }) });
    const first = await formOfFirstQuestion(h);
    await Promise.all([
      h.press(people.budi, first, { ...form, details: typed }, 'submit-a'),
      h.press(people.budi, first, { ...form, details: typed }, 'submit-b'),
    ]);
    const tickets = await h.stores.tickets.listByRequester(people.budi);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.transcript).toHaveLength(1);
    expect(h.sent.filter((s) => s.kind === 'card')).toHaveLength(1);
    expect(directs(h).filter((d) => d.startsWith('Ticket IT-1001 is open'))).toHaveLength(1);
  });

  it('opens one ticket when a fresh form is submitted twice at once (the loser joins it)', async () => {
    const h = createHarness({ kb, stores: stores({ concurrent: true }) });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    const submit = h.button('ticket_form');
    await Promise.all([
      h.press(people.budi, submit, { ...form, details: typed }, 'submit-a'),
      h.press(people.budi, submit, { ...form, details: typed }, 'submit-b'),
    ]);
    const tickets = await h.stores.tickets.listByRequester(people.budi);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ details: typed, question: 'my printer jams on tray 2' });
    expect(tickets[0]!.transcript).toHaveLength(1);
  });

  it('changes nothing more when its event is delivered again', async () => {
    const h = createHarness({ kb });
    const first = await formOfFirstQuestion(h);
    await h.press(people.budi, first, { ...form, details: typed }, 'same-delivery');
    const sent = h.sent.length;
    await h.press(people.budi, first, { ...form, details: typed }, 'same-delivery');
    expect(h.sent).toHaveLength(sent);
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
  });

  it('redone after its worker died past the ticket, announces that ticket once, not a second', async () => {
    const tickets = dyingAfterCreate();
    const h = createHarness({ kb, stores: stores({ tickets }) });
    const first = await formOfFirstQuestion(h);
    await h.press(people.budi, first, { ...form, details: typed });
    await until(() => h.sent.some((s) => s.kind === 'card'));
    await h.helpdesk.idle();
    expect(tickets.armed).toBe(false);
    const [ticket, ...others] = await h.stores.tickets.listByRequester(people.budi);
    expect(others).toEqual([]);
    expect(ticket!.transcript).toHaveLength(1); // not also "added" to itself
    expect(directs(h).filter((d) => d.startsWith('Ticket IT-1001 is open'))).toHaveLength(1);
    expect(directs(h).some((d) => d.startsWith('I added'))).toBe(false);
    expect(h.sent.filter((s) => s.kind === 'card')).toHaveLength(1);
  });

  it('a fresh form redone after its worker died past the ticket opens it once', async () => {
    const tickets = dyingAfterCreate();
    const h = createHarness({ kb, stores: stores({ tickets }) });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), { ...form, details: typed });
    await until(() => h.sent.some((s) => s.kind === 'card'));
    await h.helpdesk.idle();
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
    expect(directs(h).filter((d) => d.startsWith('Ticket IT-1001 is open'))).toHaveLength(1);
    expect(h.sent.filter((s) => s.kind === 'update')).toHaveLength(2); // the answer, the form
  });
});

describe('a Reopen sent once reopening is over', () => {
  async function resolved(h = createHarness({ kb })) {
    await h.dm(people.budi, 'the shared drive is gone');
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'software',
      impact: 'team',
      urgency: 'blocked',
    });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Remapped the drive' });
    return { h, ticket: ticket!, reopen: h.button('reopen', 'dm:budi') };
  }

  it('opens a follow-up linked to the old ticket: card, old thread, audits, the employee told', async () => {
    const { h, ticket, reopen } = await resolved();
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    await h.press(people.budi, reopen, { problem: 'It is gone again since Monday' });

    const old = (await h.stores.tickets.get(ticket.id))!;
    expect(old.status).toBe('closed');
    const followUp = (await h.stores.tickets.listByRequester(people.budi)).find(
      (x) => x.id !== ticket.id,
    )!;
    expect(followUp).toMatchObject({
      followUpOf: { id: ticket.id, key: ticket.key },
      question: 'the shared drive is gone',
      details: 'It is gone again since Monday',
      category: 'software',
      priority: ticket.priority,
      level: 1,
      status: 'open',
    });
    expect(followUp.audit[0]?.detail).toMatchObject({ followUpOf: ticket.key });
    expect(old.audit.at(-1)).toMatchObject({
      action: 'followed_up',
      detail: { ticket: followUp.key },
    });
    const card = textOf(h.last('card', 'L1')!);
    expect(card).toContain(`${followUp.key} · P2 · L1`);
    expect(card).toContain(`Follow-up of: ${ticket.key}`);
    expect(card).toContain('It is gone again since Monday');
    expect(textOf(h.last('reply', 'L1')!)).toBe(
      t('en', 'follow_up_thread', { key: followUp.key, reason: 'It is gone again since Monday' }),
    );
    expect(directs(h).at(-1)).toBe(
      t('en', 'follow_up_opened', { old: ticket.key, key: followUp.key, priority: 'P2' }),
    );
  });

  it('adds a second late answer to the follow-up while it is active, and opens one follow-up for two at once', async () => {
    const h0 = createHarness({ kb, stores: stores({ concurrent: true }) });
    const { h, ticket, reopen } = await resolved(h0);
    h.advance(73 * 60); // past REOPEN_WINDOW_HOURS (72)
    await Promise.all([
      h.press(people.budi, reopen, { problem: 'gone again' }, 'late-a'),
      h.press(people.budi, reopen, { problem: 'gone again' }, 'late-b'),
    ]);
    let mine = await h.stores.tickets.listByRequester(people.budi);
    expect(mine).toHaveLength(2);
    const followUp = mine.find((x) => x.followUpOf)!;
    expect(followUp.followUpOf?.key).toBe(ticket.key);

    await h.press(people.budi, reopen, { problem: 'and the printer share too' });
    mine = await h.stores.tickets.listByRequester(people.budi);
    expect(mine).toHaveLength(2);
    const stored = (await h.stores.tickets.get(followUp.id))!;
    expect(stored.transcript.map((e) => e.text)).toContain('and the printer share too');
    expect(directs(h).at(-1)).toBe(
      t('en', 'added_to_ticket', { key: followUp.key, status: 'waiting for an agent', level: 1 }),
    );
  });

  it('adds the text to the ticket reopened already (the form sent twice), once', async () => {
    const { h, ticket, reopen } = await resolved();
    await h.press(people.budi, reopen, { problem: 'still gone' });
    await h.press(people.budi, reopen, { problem: 'still gone' });
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.status).toBe('claimed'); // back with Ayu, who resolved it
    expect(stored.transcript.filter((e) => e.text === 'still gone')).toHaveLength(1);
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
    expect(directs(h).at(-1)).toMatch(/^I added what you wrote to IT-1001/);
  });

  it('redone after its worker died past the follow-up, opens it once', async () => {
    const tickets = dyingAfterCreate();
    tickets.armed = false;
    const h = createHarness({ kb, stores: stores({ tickets }) });
    const { ticket, reopen } = await resolved(h);
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    tickets.armed = true; // the next ticket stored is the follow-up
    await h.press(people.budi, reopen, { problem: 'gone again' });
    await until(async () => (await h.stores.tickets.listByRequester(people.budi)).length === 2);
    await until(() => directs(h).some((d) => d.includes('can no longer be reopened')));
    await h.helpdesk.idle();
    expect(tickets.armed).toBe(false);
    expect(directs(h).filter((d) => d.includes('can no longer be reopened'))).toHaveLength(1);
    const old = (await h.stores.tickets.get(ticket.id))!;
    expect(old.audit.filter((a) => a.action === 'followed_up')).toHaveLength(1);
    expect(h.sent.filter((s) => s.kind === 'card')).toHaveLength(2);
  });
});

describe("an agent's form for a ticket that moved on", () => {
  it('keeps what was typed as an internal note in the thread, once, and says so', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    const escalate = h.button('escalate', 'L1');
    await h.press(people.ayu, escalate, { reason: 'Fuser fault', tried: 'Cleared tray 2' });
    // Rudi's form was opened on the same L1 card before Ayu escalated it.
    const late = { reason: 'Needs a new toner', tried: 'Reseated the cartridge' };
    await h.press(people.rudi, escalate, late);
    await h.press(people.rudi, escalate, late);

    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    expect(ticket.level).toBe(2);
    const notes = ticket.transcript.filter((x) => x.internal && x.user?.id === 'rudi');
    expect(notes.map((x) => [x.text, x.level])).toEqual([
      ['Needs a new toner\nReseated the cartridge', 1],
    ]);
    const shown = h.sent
      .filter((s) => s.kind === 'reply' && textOf(s.message).includes('Needs a new toner'))
      .map((s) => textOf(s.message));
    expect(shown).toEqual([
      `${t('en', 'kept_agent_text', { agent: 'Rudi' })} Needs a new toner\nReseated the cartridge`,
    ]);
    expect(textOf(h.last('ephemeral')!)).toContain(t('en', 'refused_kept_note'));
  });
});
