import { Writable } from 'node:stream';
import type { Effect } from '../../../src/core/effects';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { createLogger } from '../../../src/logging/logger';
import { logTicketChanges } from '../../../src/metrics/logged-tickets';
import { createHarness, people } from '../../support/helpdesk-harness';

interface Line {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}
const INFO = 30;
const DEBUG = 20;

/** The core on in-memory ports, its ticket store and pipeline logging through pino into memory. */
function loggedHarness() {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const log = createLogger('debug', [], out, 'json');
  const h = createHarness({
    log,
    stores: {
      tickets: logTicketChanges(createMemoryTicketStore(), log),
      sessions: createMemorySessionStore(),
      inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
      outbox: createMemoryWorkQueue<Effect>('outbox'),
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  const ticketLines = () =>
    lines()
      .filter((l) => l.msg.startsWith('ticket '))
      .map(({ level, msg, ticket, ticketLevel, from, to }) => ({
        level,
        msg,
        ticket,
        ...(ticketLevel === undefined ? {} : { ticketLevel }),
        ...(from === undefined ? {} : { from, to }),
      }));
  return { h, lines, ticketLines };
}

async function openTicket(h: ReturnType<typeof createHarness>) {
  await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
  await h.press(people.budi, h.button('l0_need_help'));
  await h.press(people.budi, h.button('ticket_form'), {
    category: 'printing',
    impact: 'me',
    urgency: 'low',
  });
}

describe('what a ticket’s life logs, and at which level', () => {
  it('opened, escalated, sent back, resolved, reopened and closed at info with key and level', async () => {
    const { h, ticketLines } = loggedHarness();
    await openTicket(h);
    await h.press(people.ayu, h.button('claim', 'L1'));
    await h.press(people.ayu, h.button('escalate', 'L1'), { reason: 'Fuser', tried: 'Power' });
    await h.press(people.dewi, h.button('send_back', 'L2'), { note: 'Swap the cable first' });
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Swapped the cable' });
    await h.press(people.budi, h.button('reopen', 'dm:budi'), { problem: 'Jams again' });
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Replaced the roller' });
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));

    const ticket = 'IT-1001';
    expect(ticketLines()).toEqual([
      { level: INFO, msg: 'ticket opened', ticket, ticketLevel: 'L1' },
      { level: DEBUG, msg: 'ticket claimed', ticket, ticketLevel: 'L1' },
      { level: INFO, msg: 'ticket escalated', ticket, from: 'L1', to: 'L2' },
      { level: INFO, msg: 'ticket sent back', ticket, from: 'L2', to: 'L1' },
      { level: INFO, msg: 'ticket resolved', ticket, ticketLevel: 'L1' },
      { level: INFO, msg: 'ticket reopened', ticket, ticketLevel: 'L1' },
      { level: INFO, msg: 'ticket resolved', ticket, ticketLevel: 'L1' },
      { level: INFO, msg: 'ticket closed', ticket, ticketLevel: 'L1' },
    ]);
  });

  it('logs a cancelled ticket at info too', async () => {
    const { h, ticketLines } = loggedHarness();
    await openTicket(h);
    await h.dm(people.budi, 'cancel IT-1001');
    expect(ticketLines().map((l) => [l.level, l.msg])).toEqual([
      [INFO, 'ticket opened'],
      [INFO, 'ticket cancelled'],
    ]);
  });

  it('keeps the queue’s chatter (events waiting) out of info', async () => {
    const { h, lines } = loggedHarness();
    await openTicket(h);
    await h.dm(people.sari, 'how do I reset my password');
    const info = lines().filter((l) => l.level >= INFO);
    expect(info.map((l) => l.msg)).toEqual(['ticket opened']);
    const chatter = lines().filter((x) => /waiting|backlog|outbox|inbox/.test(x.msg));
    expect(chatter[0]).toMatchObject({ level: DEBUG, msg: 'events waiting', backlog: 1 });
    for (const l of chatter) expect(l.level).toBeLessThan(INFO);
  });
});
