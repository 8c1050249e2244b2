import type { Browser, Locator, Page } from 'playwright-core';
import type { Config } from '../../src/config/config';
import { t } from '../../src/core/i18n/translate';
import { consoleWord } from '../support/console-words';
import { ticketByKey } from '../support/ticket-by-key';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { actAs, openConsole, pane, sendDm } from './browser';

/**
 * Who may work a level's tickets, as the page shows it, on the REAL core: an agent sees buttons and
 * a reply box in their own level's channel only; every other level's channel (and every channel, for
 * an employee) is read only, with a line saying so. A reply the core kept in the thread because its
 * author is no agent of that level is marked as never sent to the employee.
 */
describe('local console: read only outside your own level', () => {
  let world: RealConsole | undefined;
  let conn: RealConsole['conn'];
  let app: RealConsole['app'];
  let browser: Browser;
  let config: Config;

  beforeAll(async () => {
    world = await startRealConsole();
    ({ conn, app, browser, config } = world);
  });
  afterAll(() => world?.close());

  it('offers buttons and a reply box only in the acting agent’s level, and marks unsent replies', async () => {
    const agentLocale = config.DEFAULT_LOCALE;
    const { page, errors, failed } = await openConsole(browser, app.url);
    const l1 = pane(page, 'level:1');
    const l2 = pane(page, 'level:2');

    // Two tickets: Budi's goes up to L2, Sari's stays at L1.
    await openTicket(page, 'budi', 'IT-1001');
    await openTicket(page, 'sari', 'IT-1002');
    await actAs(page, 'ayu');
    const escalated = l1.locator('.thread', { hasText: 'IT-1001' });
    await escalated.locator('button[data-action="escalate"]').click();
    const form = escalated.locator('form[data-form-for="escalate"]');
    await form.locator('textarea[data-field="reason"]').fill('Needs a hardware diagnosis');
    await form.locator('textarea[data-field="tried"]').fill('Power plan, brightness');
    await form.locator('button[type="submit"]').click();
    const l2Thread = l2.locator('.thread', { hasText: 'IT-1001' });
    const l1Thread = l1.locator('.thread', { hasText: 'IT-1002' });
    await l2Thread.locator('.msg-card .b-header', { hasText: 'IT-1001 · P3 · L2' }).waitFor();

    // Ayu (L1): her level's card and thread can be worked; the L2 ones are read only.
    await expectWorkable(l1Thread);
    const readOnly = (role: string) => consoleWord(agentLocale, 'read_only', { role });
    await expectReadOnly(l2Thread, readOnly(t(agentLocale, 'role_agent', { level: 1 })));
    expect(await l2.locator('.here').isVisible()).toBe(false);

    // A reply she sends there anyway (not from this page) stays in the thread, marked as unsent.
    const stray = 'Have you tried a different charger?';
    await postThreadReply(
      page,
      'ayu',
      'level:2',
      await l2Thread.getAttribute('data-thread'),
      stray,
    );
    await l2Thread
      .locator('.msg-reply.ephemeral', {
        hasText: t(agentLocale, 'not_relayed_not_agent', { level: 2 }),
      })
      .waitFor();
    const strayReply = l2Thread.locator('.msg-reply.unsent', { hasText: stray });
    expect(await strayReply.locator('.unsent-marker').textContent()).toBe(
      consoleWord(agentLocale, 'unsent_marker'),
    );
    expect(await strayReply.locator('.unsent-marker').getAttribute('title')).toBe(
      consoleWord(agentLocale, 'unsent_why', {
        level: 2,
        name: 'Ayu Lestari',
        role: t(agentLocale, 'role_agent', { level: 1 }),
      }),
    );

    // Dewi (L2): the other way round.
    await actAs(page, 'dewi');
    await expectWorkable(l2Thread);
    await expectReadOnly(l1Thread, readOnly(t(agentLocale, 'role_agent', { level: 2 })));
    await l2Thread.locator('.msg-reply.unsent', { hasText: stray }).waitFor(); // everyone sees it
    const answer = 'I will check the battery health report first';
    await l2Thread.locator('.reply-box textarea').fill(answer);
    await l2Thread.locator('.reply-box textarea').press('Enter');
    const sentMarker = `↪ ${t(agentLocale, 'relayed_marker', { requester: 'Budi Santoso' })}`;
    await l2Thread.locator('.msg-reply.from-bot', { hasText: sentMarker }).waitFor();
    const relayed = l2Thread.locator('.msg-reply.mine', { hasText: answer });
    expect(await relayed.getAttribute('class')).not.toContain('unsent');
    expect(await l2Thread.locator('.unsent-marker').count()).toBe(1);

    // An employee reads every level's channel, and works none.
    await actAs(page, 'budi');
    for (const thread of [l1Thread, l2Thread]) {
      await expectReadOnly(thread, readOnly(t(agentLocale, 'role_employee')));
    }
    expect(
      await page.locator('.pane-level button:not(.new-pill), .pane-level textarea').count(),
    ).toBe(0);
    await pane(page, 'dm').locator('.msg-bubble', { hasText: answer }).waitFor();
    expect(await pane(page, 'dm').locator('.msg', { hasText: stray }).count()).toBe(0);

    // The core agrees: Ayu's reply is internal, Dewi's went to Budi.
    const ticket = (await ticketByKey(conn.db, 'IT-1001'))!;
    expect(
      ticket.transcript
        .filter((e) => e.from === 'agent')
        .map((e) => [e.user?.id, e.internal, e.text]),
    ).toEqual([
      ['ayu', true, stray],
      ['dewi', false, answer],
    ]);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});

/** Acting as `employee`, asks about a draining battery and opens a ticket through the form. */
async function openTicket(page: Page, employee: string, key: string): Promise<void> {
  const dm = pane(page, 'dm');
  await actAs(page, employee);
  await sendDm(page, 'my laptop battery drains very fast');
  const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });
  await bot(t('en', 'answer_intro')).locator('button[data-action="l0_need_help"]').click();
  const formMessage = bot(t('en', 'need_help_reply'));
  await formMessage.locator('button[data-action="ticket_form"]').click();
  const form = formMessage.locator('form[data-form-for="ticket_form"]');
  await form.locator('select[data-field="category"]').selectOption('hardware');
  await form.locator('select[data-field="impact"]').selectOption('me');
  await form.locator('select[data-field="urgency"]').selectOption('blocked');
  await form.locator('textarea[data-field="details"]').fill('It lasts about an hour');
  await form.locator('button[type="submit"]').click();
  await bot(t('en', 'ticket_opened', { key, priority: 'P3' })).waitFor();
}

/** The thread's card has live Claim and Escalate buttons, and the thread a reply box. */
async function expectWorkable(thread: Locator): Promise<void> {
  for (const action of ['claim', 'escalate']) {
    expect(await thread.locator(`.msg-card button[data-action="${action}"]`).isEnabled()).toBe(
      true,
    );
  }
  expect(await thread.locator('.reply-box textarea').isEditable()).toBe(true);
  expect(await thread.locator('.read-only').count()).toBe(0);
}

/** The thread shows no button and no reply box, and `line` on its card and in place of the box. */
async function expectReadOnly(thread: Locator, line: string): Promise<void> {
  await thread.locator('.msg-card .b-header').waitFor(); // rendered for whoever you act as now
  expect(await thread.locator('button').count()).toBe(0);
  expect(await thread.locator('textarea, .reply-box').count()).toBe(0);
  await thread.locator('.msg-card .read-only', { hasText: line }).waitFor();
  await thread.locator('.thread-foot .read-only', { hasText: line }).waitFor();
}

/** A thread reply the page does not offer, posted from it as `as`; the server accepts it (200). */
async function postThreadReply(
  page: Page,
  as: string,
  channel: string,
  threadId: string | null,
  text: string,
): Promise<void> {
  await page.evaluate(
    async (body) => {
      const response = await fetch('/api/thread', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
    { as, channel, threadId, text },
  );
}
