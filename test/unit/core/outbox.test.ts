import { t } from '../../../src/core/i18n/translate';
import { cardWaitMs } from '../../../src/core/workflow/deliver-effect';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const form = { category: 'printing', impact: 'me', urgency: 'low' };

/** What the outbox guarantees: retries until sent, replies wait for their card, a visible trace when given up. */
describe('the outbox', () => {
  async function askForTicket(h: ReturnType<typeof createHarness>) {
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    return (await h.stores.tickets.listByRequester(people.budi))[0]!;
  }

  it('retries a card post that failed; what the employee wrote meanwhile waits and follows the card', async () => {
    const h = createHarness();
    h.failNextCard(2);
    const ticket = await askForTicket(h);
    expect(ticket.cards.L1).toBeUndefined();
    await h.dm(people.budi, 'it is the tray 2 printer');
    await until(async () => Boolean((await h.stores.tickets.get(ticket.id))?.cards.L1));
    await until(() => h.sent.some((s) => s.kind === 'reply'));
    const cards = h.sent.filter((s) => s.kind === 'card');
    expect(cards).toHaveLength(1);
    const order = h.sent.map((s) => s.kind);
    expect(order.indexOf('card')).toBeLessThan(order.indexOf('reply'));
    expect(textOf(h.sent.find((s) => s.kind === 'reply')!.message)).toContain('tray 2');
  });

  it('gives up a card post with a trace (audit, the employee told), and the sweep posts it again later', async () => {
    const h = createHarness(); // 3 tries per entry in the harness
    h.failNextCard(3);
    const ticket = await askForTicket(h);
    const unreachable = t('en', 'agents_unreachable', { key: ticket.key });
    await until(() => h.sent.some((s) => textOf(s.message).includes(unreachable)));
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.audit.map((a) => a.action)).toContain('delivery_failed');
    expect(stored.cards.L1).toBeUndefined();

    h.advance(6); // the sweep re-posts cards missing for more than 5 minutes
    await h.sweep();
    expect((await h.stores.tickets.get(ticket.id))!.cards.L1).toBeDefined();
    expect(h.sent.filter((s) => s.kind === 'card')).toHaveLength(1);
  });

  it('retries a DM the platform refused and sends it once', async () => {
    const h = createHarness();
    h.failNextDirect(1);
    await h.dm(people.sari, 'printer paper jam');
    await until(() => h.sent.some((s) => s.kind === 'direct'));
    await h.helpdesk.idle();
    expect(h.sent.filter((s) => s.kind === 'direct')).toHaveLength(1);
  });

  it('looks again soon for a card being posted, then less often while it does not come', () => {
    expect(cardWaitMs(0)).toBe(200);
    expect(cardWaitMs(400)).toBe(200);
    expect(cardWaitMs(4000)).toBe(1000);
    expect(cardWaitMs(8000)).toBe(2000);
    expect(cardWaitMs(60 * 60_000)).toBe(2000);
  });
});
