import type { Effect } from '../../../src/core/effects';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import type { WorkQueue } from '../../../src/core/ports/work-queue';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

/** A store whose every call fails while `state.down` is set, as a stopped database would. */
function flaky<T extends object>(store: T, state: { down: boolean }): T {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        state.down
          ? Promise.reject(new Error('connect ECONNREFUSED'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A queue whose next `times` finishes fail, as when the database goes away right after a send. */
function failingDone<T>(queue: WorkQueue<T>, times: number): WorkQueue<T> {
  let left = times;
  return {
    ...queue,
    async claim(id, owner, leaseMs) {
      const claim = await queue.claim(id, owner, leaseMs);
      if (!claim) return claim;
      return {
        ...claim,
        done: () => (left-- > 0 ? Promise.reject(new Error('connection closed')) : claim.done()),
      };
    },
  };
}

const stores = (state: { down: boolean }, which: 'inbox' | 'tickets') => ({
  tickets:
    which === 'tickets' ? flaky(createMemoryTicketStore(), state) : createMemoryTicketStore(),
  sessions:
    which === 'tickets' ? flaky(createMemorySessionStore(), state) : createMemorySessionStore(),
  inbox:
    which === 'inbox'
      ? flaky(createMemoryWorkQueue<QueuedWork>('inbox'), state)
      : createMemoryWorkQueue<QueuedWork>('inbox'),
  outbox: createMemoryWorkQueue<Effect>('outbox'),
});

describe('when the database is down', () => {
  it('refuses the event (the platform retries), tells the person, and takes the retry once it is back', async () => {
    const state = { down: true };
    const h = createHarness({ stores: stores(state, 'inbox') });

    await expect(h.dm(people.budi, 'printer paper jam', 'Ev9')).rejects.toMatchObject({
      name: 'IntakeRefused',
      status: 500,
    });
    await until(() => h.sent.some((s) => s.kind === 'ephemeral'));
    expect(textOf(h.last('ephemeral')!)).toMatch(/can't reach my database/);

    state.down = false;
    await h.dm(people.budi, 'printer paper jam', 'Ev9'); // the platform's retry of the same event
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Clear a paper jam/);
  });

  it('keeps an accepted event while the stores are down and answers it once they are back', async () => {
    const state = { down: false };
    const h = createHarness({ stores: stores(state, 'tickets') });
    state.down = true;
    await h.helpdesk.accept({
      kind: 'direct_message',
      deliveryId: 'Ev1',
      user: people.budi,
      dm: { platform: 'console', id: 'dm:budi' },
      text: 'printer paper jam',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.sent.filter((s) => s.kind === 'direct')).toHaveLength(0);
    state.down = false;
    await until(() => h.sent.some((s) => s.kind === 'direct'));
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Clear a paper jam/);
    expect(h.sent.filter((s) => s.kind === 'direct')).toHaveLength(1);
  });

  it('retries a relay the platform refused, without storing or sending it twice', async () => {
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
    await h.reply(people.ayu, thread.threadId, thread.channelId, 'Try the other tray', 'Ev7');
    await h.reply(people.ayu, thread.threadId, thread.channelId, 'Try the other tray', 'Ev7'); // redelivered
    await until(() =>
      h.sent.some((s) => s.kind === 'direct' && textOf(s.message).includes('Try the other tray')),
    );
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.transcript.filter((e) => e.text === 'Try the other tray')).toHaveLength(1);
    const relayed = h.sent.filter(
      (s) => s.kind === 'direct' && textOf(s.message).includes('Try the other tray'),
    );
    expect(relayed).toHaveLength(1);
  });

  it('records a message it sent when the database comes back, rather than sending it again', async () => {
    const queue = createMemoryWorkQueue<Effect>('outbox');
    const outbox = failingDone(queue, 2);
    const h = createHarness({
      stores: {
        tickets: createMemoryTicketStore(),
        sessions: createMemorySessionStore(),
        inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
        outbox,
      },
    });
    await h.dm(people.budi, 'printer paper jam');
    await until(() => queue.entries().every((e) => e.status === 'done'));
    expect(h.sent.filter((s) => s.kind === 'direct')).toHaveLength(1);
  });
});
