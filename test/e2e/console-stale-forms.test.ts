import type { Locator, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/translate';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { ticketByKey } from '../support/ticket-by-key';
import { actAs, openConsole, pane, sendDm } from './browser';

/**
 * Nothing typed in the console is thrown away, and used buttons retire: the real core on the test
 * database and the project's kb/, clicked through in headless Chromium. Agent channels speak the
 * configuration's DEFAULT_LOCALE (id); Budi writes English.
 */
describe('local console on the real core: out-of-date forms and retired buttons', () => {
  let world: RealConsole | undefined;
  beforeAll(async () => {
    world = await startRealConsole();
  });
  afterAll(() => world?.close());

  const bots = (page: Page) => (text: string) =>
    pane(page, 'dm').locator('.msg-bubble.from-bot', { hasText: text });
  async function fillTicketForm(message: Locator, details: string) {
    const form = message.locator('form[data-form-for="ticket_form"]');
    await form.locator('select[data-field="category"]').selectOption('hardware');
    await form.locator('select[data-field="impact"]').selectOption('me');
    await form.locator('select[data-field="urgency"]').selectOption('degraded');
    await form.locator('textarea[data-field="details"]').fill(details);
    await form.locator('button[type="submit"]').click();
  }

  it('an "Open ticket" form of an older question opens the ticket from what was typed', async () => {
    const { page, errors, failed } = await openConsole(world!.browser, world!.app.url);
    const bot = bots(page);
    await actAs(page, 'budi');
    await sendDm(page, 'my laptop battery drains very fast');
    const answer = bot(t('en', 'answer_intro'));
    await answer.locator('button[data-action="l0_need_help"]').click();
    // The answer retires its buttons and says what was chosen.
    await answer.locator('.b-context', { hasText: t('en', 'chosen_need_help') }).waitFor();
    expect(await answer.locator('button').count()).toBe(0);
    const firstForm = bot(t('en', 'need_help_reply'));
    await firstForm.locator('button[data-action="ticket_form"]').waitFor();

    await sendDm(page, 'I forgot my password');
    await bot(t('en', 'answer_question')).nth(1).waitFor();
    await firstForm.locator('button[data-action="ticket_form"]').click();
    const typed = 'Since Tuesday it lasts 40 minutes and the fan never stops';
    await fillTicketForm(firstForm, typed);
    await bot(t('en', 'ticket_opened', { key: 'IT-1001', priority: 'P4' })).waitFor();
    await pane(page, 'level:1').locator('.msg-card', { hasText: typed }).waitFor();
    expect(await ticketByKey(world!.conn.db, 'IT-1001')).toMatchObject({
      question: 'my laptop battery drains very fast',
      details: typed,
      status: 'open',
    });
    expect(await pane(page, 'dm').locator('.msg.ephemeral').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('"Solved" is gone once used, and says so', async () => {
    const { page, errors, failed } = await openConsole(world!.browser, world!.app.url);
    const bot = bots(page);
    await actAs(page, 'sari');
    await sendDm(page, 'I forgot my password');
    const answer = bot(t('en', 'answer_intro'));
    await answer.locator('button[data-action="l0_solved"]').click();
    await bot(t('en', 'solved_reply')).waitFor();
    await answer.locator('.b-context', { hasText: t('en', 'chosen_solved') }).waitFor();
    expect(await answer.locator('button[data-action="l0_solved"]').count()).toBe(0);
    expect(await answer.locator('.b-header').count()).toBe(1); // the article is still there
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('rating and Yes retire; a Reopen form left open while it closed opens a linked follow-up', async () => {
    const agents = world!.config.DEFAULT_LOCALE;
    const summary = 'Replaced the battery under warranty';
    // Ayu resolves IT-1001 from its card.
    const desk = await openConsole(world!.browser, world!.app.url);
    await actAs(desk.page, 'ayu');
    const card = pane(desk.page, 'level:1').locator('.thread', { hasText: 'IT-1001' });
    await card.locator('button[data-action="resolve"]').click();
    await card
      .locator('form[data-form-for="resolve"] textarea[data-field="summary"]')
      .fill(summary);
    await card.locator('form[data-form-for="resolve"] button[type="submit"]').click();
    await card.locator('.msg-card', { hasText: summary }).waitFor();

    // Budi, in one window, starts writing why it is still broken...
    const first = await openConsole(world!.browser, world!.app.url);
    await actAs(first.page, 'budi');
    const resolution = bots(first.page)(summary);
    await resolution.locator('button[data-action="reopen"]').click();
    const reason = 'It drains again after two days';
    await resolution.locator('form[data-form-for="reopen"] textarea').fill(reason);

    // ...while in another he says all is good and rates it: those buttons retire in place.
    const second = await openConsole(world!.browser, world!.app.url);
    await actAs(second.page, 'budi');
    const same = bots(second.page)(summary);
    await same.locator('button[data-action="confirm_resolved"]').click();
    await same.locator('.b-context', { hasText: t('en', 'chosen_confirmed') }).waitFor();
    expect(await same.locator('button[data-action="reopen"]').count()).toBe(0);
    await same.locator('button[data-action="csat"]', { hasText: /^5$/ }).click();
    await same.locator('.b-context', { hasText: t('en', 'chosen_rated', { score: 5 }) }).waitFor();
    expect(await same.locator('button').count()).toBe(0);

    // The first window shows the closed ticket too, and keeps what he was typing: sent, it opens
    // a follow-up linked to IT-1001 rather than nothing.
    await resolution
      .locator('.b-context', { hasText: t('en', 'chosen_rated', { score: 5 }) })
      .waitFor();
    const open = resolution.locator('form[data-form-for="reopen"] textarea');
    expect(await open.inputValue()).toBe(reason);
    await resolution.locator('form[data-form-for="reopen"] button[type="submit"]').click();
    await bots(first.page)(
      t('en', 'follow_up_opened', { old: 'IT-1001', key: 'IT-1002', priority: 'P4' }),
    ).waitFor();
    const followUp = pane(first.page, 'level:1').locator('.thread', { hasText: 'IT-1002' });
    await followUp
      .locator('.msg-card .b-field', { hasText: t(agents, 'card_follow_up_of') })
      .filter({ hasText: 'IT-1001' })
      .waitFor();
    await followUp.locator('.msg-card', { hasText: reason }).waitFor();
    expect(await ticketByKey(world!.conn.db, 'IT-1002')).toMatchObject({
      followUpOf: { key: 'IT-1001' },
      details: reason,
      question: 'my laptop battery drains very fast',
    });
    expect((await ticketByKey(world!.conn.db, 'IT-1001'))?.status).toBe('closed');

    for (const window of [desk, first, second]) {
      expect(window.errors).toEqual([]);
      expect(window.failed).toEqual([]);
      await window.page.close();
    }
  });
});
