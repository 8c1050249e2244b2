import type { Browser, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/translate';
import { startRealConsole, type RealConsole } from '../support/real-console';
import {
  createTestClock,
  MONDAY_9_JAKARTA,
  SATURDAY_10_JAKARTA,
  TIMER_ENV,
} from '../support/test-clock';
import { ticketByKey } from '../support/ticket-by-key';
import { actAs, openConsole, pane, sendDm } from './browser';

const en = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t('en', key, vars);
const HOUR = 60;

/** Budi asks, says it did not help and sends the ticket form (hardware, just him, blocked: P3). */
async function openTicket(page: Page): Promise<void> {
  const dm = pane(page, 'dm');
  await actAs(page, 'budi');
  await sendDm(page, 'my laptop battery drains very fast');
  const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });
  await bot(en('answer_intro')).locator('button[data-action="l0_need_help"]').click();
  const formMessage = bot(en('need_help_reply'));
  await formMessage.locator('button[data-action="ticket_form"]').click();
  const form = formMessage.locator('form[data-form-for="ticket_form"]');
  await form.locator('select[data-field="category"]').selectOption('hardware');
  await form.locator('select[data-field="impact"]').selectOption('me');
  await form.locator('select[data-field="urgency"]').selectOption('blocked');
  await form.locator('button[type="submit"]').click();
  await bot(en('ticket_opened', { key: 'IT-1001', priority: 'P3' })).waitFor();
}

/**
 * Reminders, auto-close and the hours notice in the local console, on the REAL core with its clock
 * moved by the test and the sweep run as main's periodic job runs it; everything else by clicking.
 */
describe('local console: reminder, auto-close and reopen', () => {
  const clock = createTestClock(MONDAY_9_JAKARTA);
  let world: RealConsole | undefined;
  let browser: Browser;
  beforeAll(async () => {
    world = await startRealConsole({ env: { ...TIMER_ENV, DEFAULT_LOCALE: 'en' }, clock });
    ({ browser } = world);
  });
  afterAll(() => world?.close());

  const sweep = async () => {
    await world!.helpdesk.sweepSla();
    await world!.helpdesk.idle();
  };

  it('reminds, closes with a notice whose Reopen works, and closes an unconfirmed resolution', async () => {
    const { page, errors } = await openConsole(browser, world!.app.url);
    const dm = pane(page, 'dm');
    const l1Card = pane(page, 'level:1').locator('.thread', { hasText: 'IT-1001' });
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });
    await openTicket(page);
    expect(await bot(en('hours_notice', { opens: '', due: '' }).slice(0, 20)).count()).toBe(0);

    await actAs(page, 'ayu');
    await l1Card.locator('button[data-action="claim"]').click();
    await l1Card.locator('button[data-action="claim"]').waitFor({ state: 'detached' });
    const reply = l1Card.locator('.reply-box textarea');
    await reply.fill('Which power plan is it on?');
    await reply.press('Enter');
    await l1Card.locator('.msg-reply.mine', { hasText: 'Which power plan' }).waitFor();
    await l1Card.locator('button[data-action="wait_requester"]').click();
    await l1Card.locator('button[data-action="wait_requester"]').waitFor({ state: 'detached' });

    clock.advance(2 * HOUR);
    await Promise.all([sweep(), sweep()]);
    await actAs(page, 'budi');
    const reminder = bot('Reminder: IT-1001 is waiting for your answer');
    await reminder.locator('button[data-action="cancel"]').waitFor();
    expect(await reminder.count()).toBe(1);

    clock.advance(2 * HOUR);
    await sweep();
    const notice = bot(en('closed_no_reply_requester', { key: 'IT-1001' }));
    await notice.waitFor();
    await actAs(page, 'ayu');
    await l1Card
      .locator('.msg-card .b-field', { hasText: en('closed_reason_auto_no_reply') })
      .waitFor();
    await l1Card
      .locator('.msg-reply', { hasText: en('closed_no_reply_thread', { hours: 4 }) })
      .waitFor();

    // One click on Reopen, saying what is still wrong: the ticket is back with Ayu.
    await actAs(page, 'budi');
    await notice.locator('button[data-action="reopen"]').click();
    const form = notice.locator('form[data-form-for="reopen"]');
    await form.locator('textarea[data-field="problem"]').fill('It still drains overnight');
    await form.locator('button[type="submit"]').click();
    await bot(en('reopened_requester', { key: 'IT-1001' })).waitFor();
    expect(await ticketByKey(world!.conn.db, 'IT-1001')).toMatchObject({ status: 'claimed' });

    await actAs(page, 'ayu');
    await l1Card.locator('button[data-action="resolve"]').click();
    const resolve = l1Card.locator('form[data-form-for="resolve"]');
    await resolve.locator('textarea[data-field="summary"]').fill('Replaced the battery');
    await resolve.locator('button[type="submit"]').click();
    await l1Card.locator('button[data-action="resolve"]').waitFor({ state: 'detached' });
    clock.advance(3 * HOUR);
    await sweep();
    await actAs(page, 'budi');
    await bot(en('closed_resolved_requester', { key: 'IT-1001' })).waitFor();
    expect(await ticketByKey(world!.conn.db, 'IT-1001')).toMatchObject({
      closedReason: 'auto_resolved',
    });
    expect(errors).toEqual([]);
  });
});

describe('local console: the hours notice', () => {
  let world: RealConsole | undefined;
  beforeAll(async () => {
    world = await startRealConsole({
      env: { DEFAULT_LOCALE: 'en' },
      clock: createTestClock(SATURDAY_10_JAKARTA),
    });
  });
  afterAll(() => world?.close());

  it('tells the employee when the desk opens and when to expect a first response', async () => {
    const { page } = await openConsole(world!.browser, world!.app.url);
    await openTicket(page);
    // P3: four business hours from Monday 08:00.
    const notice = en('hours_notice', { opens: 'Mon 30 Nov, 08:00', due: 'Mon 30 Nov, 12:00' });
    await pane(page, 'dm').locator('.msg-bubble.from-bot', { hasText: notice }).waitFor();
  });
});
