import { createMemoryDeliveryLog } from '../../../src/core/testing/memory-delivery-log';
import { createMemorySessionStore } from '../../../src/core/testing/memory-session-store';
import { createMemoryTicketStore } from '../../../src/core/testing/memory-ticket-store';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

describe('when the database is down', () => {
  it('tells the employee nothing was recorded and lets the retry through once it is back', async () => {
    let down = true;
    const tickets = createMemoryTicketStore();
    const sessions = createMemorySessionStore();
    const deliveries = createMemoryDeliveryLog();
    const flaky = <T extends object>(store: T): T =>
      new Proxy(store, {
        get(target, name, receiver) {
          const value: unknown = Reflect.get(target, name, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) =>
            down
              ? Promise.reject(new Error('connect ECONNREFUSED'))
              : (value as (...a: unknown[]) => unknown).apply(target, args);
        },
      });
    const h = createHarness({ stores: { tickets, sessions: flaky(sessions), deliveries } });

    await expect(h.dm(people.budi, 'printer paper jam', 'Ev9')).rejects.toThrow(/ECONNREFUSED/);
    expect(textOf(h.last('ephemeral')!)).toMatch(
      /can't reach my database.*nothing you sent was recorded/,
    );

    down = false;
    await h.dm(people.budi, 'printer paper jam', 'Ev9'); // the platform's retry of the same event
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Clear a paper jam/);
  });

  it('says so even when it cannot record the delivery', async () => {
    const deliveries = {
      firstDelivery: () => Promise.reject(new Error('server selection timed out')),
      release: () => Promise.resolve(),
    };
    const h = createHarness({
      stores: {
        tickets: createMemoryTicketStore(),
        sessions: createMemorySessionStore(),
        deliveries,
      },
    });
    await expect(h.dm(people.sari, 'halo')).rejects.toThrow(/timed out/);
    expect(textOf(h.last('ephemeral')!)).toMatch(/can't reach my database/);
  });

  it('keeps the delivery recorded when part of the work was already stored, so a retry repeats nothing', async () => {
    const h = createHarness();
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'me',
      urgency: 'low',
    });
    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    const thread = ticket.threads.L1!;
    h.failNextDirect();
    await expect(
      h.reply(people.ayu, thread.threadId, thread.channelId, 'Try the other tray', 'Ev7'),
    ).rejects.toThrow(/platform unavailable/);
    await h.reply(people.ayu, thread.threadId, thread.channelId, 'Try the other tray', 'Ev7'); // the platform's retry
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.transcript.filter((e) => e.text === 'Try the other tray')).toHaveLength(1);
    expect(h.sent.some((s) => /can't reach my database/.test(textOf(s.message)))).toBe(false);
  });
});
