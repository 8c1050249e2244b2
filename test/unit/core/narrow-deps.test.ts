import type { Inbound } from '../../../src/core/inbound';
import type { OutboundMessage } from '../../../src/core/messages';
import type { UserRef } from '../../../src/core/people';
import { refuseStaleL0, type RefuseStaleL0Deps } from '../../../src/core/workflow/l0-stale';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { buildNewTicket, REQUESTER } from '../../support/ticket-factory';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** A flow's parameter names what it takes of the runtime, so a test hands it just that. */
describe('refuseStaleL0, given only tickets, log and whisper', () => {
  const dm = { platform: 'slack', id: 'D-REQ-1' } as const;
  const press = (withDm: boolean): ActionEvent => ({
    kind: 'action',
    deliveryId: 'd1',
    user: REQUESTER,
    action: 'l0_solved',
    payload: '',
    ...(withDm ? { dm } : {}),
  });

  function setUp() {
    const whispered: { user: UserRef; text: string }[] = [];
    const warned: string[] = [];
    const deps: RefuseStaleL0Deps = {
      tickets: createMemoryTicketStore(),
      log: { info: () => {}, error: () => {}, warn: (_data, msg) => void warned.push(msg) },
      whisper: (user: UserRef, _where: unknown, message: OutboundMessage) =>
        void whispered.push({ user, text: message.text }),
    };
    return { deps, whispered, warned };
  }

  it('tells the presser where their active ticket stands', async () => {
    const { deps, whispered } = setUp();
    const ticket = await deps.tickets.create(buildNewTicket());
    await refuseStaleL0(deps, press(true), 'en', undefined);
    expect(whispered).toEqual([
      {
        user: REQUESTER,
        text: `That button is out of date: your question is now ticket ${ticket.key} (waiting for an agent, L1). Write here to add to it.`,
      },
    ]);
  });

  it('without a ticket says only that the button is out of date; with nowhere to say it, logs', async () => {
    const { deps, whispered, warned } = setUp();
    await refuseStaleL0(deps, press(true), 'en', undefined);
    expect(whispered.map((w) => w.text)).toEqual([
      'That button is out of date. Ask me again and I will look it up afresh.',
    ]);
    await refuseStaleL0(deps, press(false), 'en', undefined);
    expect(whispered).toHaveLength(1);
    expect(warned).toEqual(['stale L0 button; nowhere to say so']);
  });
});
