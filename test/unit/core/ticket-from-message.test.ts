import type { Inbound } from '../../../src/core/inbound';
import type { UserRef } from '../../../src/core/people';
import { ticketIdFor } from '../../../src/core/workflow/new-ticket';
import type { Effect } from '../../../src/core/effects';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import type { TicketStore } from '../../../src/core/ports/ticket-store';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const LINK = 'https://chat.example/c/general/p1700000000000100';

/** Ayu reacts to Budi's message in #general (or whoever asks, on whatever message). */
function request(
  overrides: Partial<Extract<Inbound, { kind: 'ticket_request' }>> & { deliveryId: string },
  asker: UserRef = people.ayu,
  author: UserRef = people.budi,
): Inbound {
  return {
    kind: 'ticket_request',
    user: asker,
    replyTo: { platform: 'console', id: `dm:${asker.id}` },
    message: { platform: 'console', channelId: 'general', messageId: 'p100' },
    author,
    authorDm: { platform: 'console', id: `dm:${author.id}` },
    text: 'the VPN drops every ten minutes since this morning',
    link: LINK,
    ...overrides,
  };
}

const tickets = (h: ReturnType<typeof createHarness>) =>
  h.stores.tickets.listByRequester(people.budi);

describe('a ticket from a message', () => {
  it('opens one for the author with the message and its link, posts the card, tells both', async () => {
    const h = createHarness();
    await h.helpdesk.handle(request({ deliveryId: 'r1' }));
    const [ticket, ...more] = await tickets(h);
    expect(more).toEqual([]);
    expect(ticket).toMatchObject({
      requester: people.budi,
      requesterDm: { platform: 'console', id: 'dm:budi' },
      status: 'open',
      level: 1,
      question: `the VPN drops every ten minutes since this morning\n\n${LINK}`,
    });
    expect(ticket!.audit[0]?.detail).toMatchObject({ origin: 'message' });
    expect(textOf(h.last('card', 'L1')!)).toContain(LINK);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(
      /Ayu asked IT to look at a message of yours, so I opened ticket IT-1001/,
    );
    expect(textOf(h.last('ephemeral', 'ayu')!)).toMatch(/Ticket IT-1001 is open for Budi/);
    expect(await h.stores.tickets.listByRequester(people.ayu)).toEqual([]);
  });

  it('tells the author when the desk opens, for a message made into a ticket on a Saturday', async () => {
    const h = createHarness({ start: new Date('2026-12-05T03:00:00Z') }); // Saturday 10:00 in Jakarta
    await h.helpdesk.handle(request({ deliveryId: 'r-sat' }));
    const told = textOf(h.last('direct', 'dm:budi')!);
    expect(told).toMatch(/opened ticket IT-1001/);
    expect(told).toMatch(/The IT desk is closed right now and opens/);
    const weekday = createHarness();
    await weekday.helpdesk.handle(request({ deliveryId: 'r-mon' }));
    expect(textOf(weekday.last('direct', 'dm:budi')!)).not.toMatch(/desk is closed/);
  });

  it('opens nothing for a second request, a redelivery or two at once', async () => {
    const h = createHarness();
    await Promise.all([
      h.helpdesk.accept(request({ deliveryId: 'r1' })),
      h.helpdesk.accept(request({ deliveryId: 'r2' }, people.rudi)),
    ]);
    await h.helpdesk.idle();
    await h.helpdesk.handle(request({ deliveryId: 'r1' }));
    await h.helpdesk.handle(request({ deliveryId: 'r3' }, people.sari));
    expect(await tickets(h)).toHaveLength(1);
    expect(h.sent.filter((s) => s.kind === 'card')).toHaveLength(1);
    expect(h.sent.filter((s) => s.to === 'dm:budi')).toHaveLength(1);
    // Of the two at once, one opened it and the other was told it exists.
    const told = h.sent.filter((s) => s.kind === 'ephemeral').map((s) => textOf(s.message));
    expect(told.filter((x) => /is open for Budi/.test(x))).toHaveLength(1);
    expect(told.filter((x) => /already has a ticket/.test(x))).toHaveLength(2);
    expect(textOf(h.last('ephemeral', 'sari')!)).toMatch(
      /That message already has a ticket: IT-1001 \(waiting for an agent\)/,
    );
  });

  it('adds the message to the author’s active ticket rather than opening a second', async () => {
    const h = createHarness();
    await h.helpdesk.handle(request({ deliveryId: 'r1' }));
    const other = { platform: 'console', channelId: 'general', messageId: 'p200' } as const;
    await h.helpdesk.handle(
      request({ deliveryId: 'r2', message: other, text: 'and now Outlook too', link: `${LINK}2` }),
    );
    const [ticket, ...more] = await tickets(h);
    expect(more).toEqual([]);
    expect(ticket!.transcript.map((x) => x.text)).toContain(`and now Outlook too\n\n${LINK}2`);
    expect(textOf(h.last('reply', 'L1')!)).toMatch(/and now Outlook too/);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/I added it to your open ticket IT-1001/);
    expect(textOf(h.last('ephemeral', 'ayu')!)).toMatch(
      /added to the open ticket of Budi, IT-1001/,
    );
    // The same message again adds nothing.
    const replies = h.sent.filter((s) => s.kind === 'reply').length;
    await h.helpdesk.handle(
      request({ deliveryId: 'r3', message: other, text: 'and now Outlook too', link: `${LINK}2` }),
    );
    expect(h.sent.filter((s) => s.kind === 'reply')).toHaveLength(replies);
  });

  it('opens nothing on a bot’s message or one the channel could not read, and says why', async () => {
    const h = createHarness();
    await h.helpdesk.handle(request({ deliveryId: 'r1', fromBot: true }));
    expect(h.sent).toEqual([]);
    await h.helpdesk.handle(
      request({ deliveryId: 'r2', unreadable: 'not_in_channel', text: undefined, link: undefined }),
    );
    expect(await tickets(h)).toEqual([]);
    expect(h.sent.map((s) => s.kind)).toEqual(['ephemeral']);
    expect(textOf(h.last('ephemeral', 'ayu')!)).toMatch(/cannot read that message/);
  });

  it('speaks to the author in the language of their message', async () => {
    const h = createHarness();
    await h.helpdesk.handle(
      request({
        deliveryId: 'r1',
        text: 'printer di lantai 3 tidak bisa mencetak, kertasnya macet',
      }),
    );
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/meminta IT melihat pesan Anda/);
    expect(textOf(h.last('ephemeral', 'ayu')!)).toMatch(/is open for Budi/);
  });

  it('redone after its worker died past the ticket, opens and announces it once', async () => {
    const tickets = dyingAfterCreate();
    const h = createHarness({
      stores: {
        tickets,
        sessions: createMemorySessionStore(),
        inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
        outbox: createMemoryWorkQueue<Effect>('outbox'),
      },
    });
    await h.helpdesk.accept(request({ deliveryId: 'r1' }));
    await until(() => h.sent.some((s) => s.kind === 'card'));
    await h.helpdesk.idle();
    expect(tickets.armed).toBe(false);
    expect(await tickets.listByRequester(people.budi)).toHaveLength(1);
    expect(h.sent.filter((s) => s.to === 'dm:budi')).toHaveLength(1);
    expect(h.sent.filter((s) => s.kind === 'ephemeral').map((s) => textOf(s.message))).toEqual([
      expect.stringMatching(/Ticket IT-1001 is open for Budi/),
    ]);
    // The ticket's id is the message's: a request for it from anywhere finds it.
    const ticket = await tickets.get(ticketIdFor('message:console:general:p100'));
    expect(ticket?.key).toBe('IT-1001');
  });
});

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

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
