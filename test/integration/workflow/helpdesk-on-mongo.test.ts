import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoDeliveryLog } from '../../../src/store/mongo-delivery-log';
import { createMongoSessionStore } from '../../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
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
        deliveries: createMongoDeliveryLog(conn.db),
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
      const claim = h.sent
        .filter((s) => s.kind === 'update' && s.to === ticket.cards.L1!.messageId)
        .flatMap((s) => s.message.blocks)
        .flatMap((b) => (b.kind === 'actions' ? b.actions : []))
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
    await Promise.all([h.helpdesk.sweepSla(), h.helpdesk.sweepSla(), h.helpdesk.sweepSla()]);
    const warnings = h.sent.filter(
      (s) => s.kind === 'reply' && s.message.text.includes('SLA warning'),
    );
    expect(warnings).toHaveLength(1);
    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    expect(ticket.sla.warned).toEqual(['first_response']);
  });
});
