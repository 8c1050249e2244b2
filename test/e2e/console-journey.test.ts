import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import type { Browser } from 'playwright-core';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { startConsoleApp } from '../support/console-app';
import { openTestDatabase } from '../support/test-database';
import { actAs, launchBrowser, openConsole, pane, sendDm } from './browser';
import { createFakeHelpdesk } from './fake-helpdesk';

describe('local console: the employee-to-agent journey in a browser', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;
  let helpdesk: ReturnType<typeof createFakeHelpdesk>;

  beforeAll(async () => {
    conn = await openTestDatabase();
    helpdesk = createFakeHelpdesk(createConsoleSurface(createMongoConsoleMessages(conn.db)));
    [app, browser] = await Promise.all([
      startConsoleApp({ helpdesk, db: conn.db }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await conn?.dispose();
  });

  it('loads the page with everyone you can act as', async () => {
    const { page, errors } = await openConsole(browser, app.url);
    expect(await page.title()).toBe('Lapis · local console');
    expect(await page.locator('.person').allTextContents()).toEqual([
      expect.stringContaining('Budi'),
      expect.stringContaining('Sari'),
      expect.stringContaining('Ayu'),
      expect.stringContaining('Rudi'),
      expect.stringContaining('Dewi'),
      expect.stringContaining('Hendra'),
    ]);
    await pane(page, 'level:1').locator('.empty').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks, opens a ticket through a form, and gets the agent reply in the DM', async () => {
    const { page, errors } = await openConsole(browser, app.url);
    const dm = pane(page, 'dm');
    const l1 = pane(page, 'level:1');

    await actAs(page, 'budi');
    await sendDm(page, 'vpn putus terus');
    await dm.locator('.msg-bubble.mine', { hasText: 'vpn putus terus' }).waitFor();
    const answer = dm.locator('.msg-bubble.from-bot', {
      hasText: 'Here is what I found for: vpn putus terus',
    });
    await answer.waitFor();

    await answer.locator('button[data-action="l0_need_help"]').click();
    const form = answer.locator('form[data-form-for="l0_need_help"]');
    await form.locator('select[data-field="category"]').selectOption('network');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('textarea[data-field="details"].invalid').count()).toBe(1);
    await form.locator('textarea[data-field="details"]').fill('Since this morning, at home');
    await form.locator('button[type="submit"]').click();
    await dm.locator('.msg-bubble', { hasText: 'Ticket IT-1001 opened' }).waitFor();
    const pressed = helpdesk.events.find((e) => e.kind === 'action');
    expect(pressed).toMatchObject({
      action: 'l0_need_help',
      payload: '{"session":1}',
      form: { category: 'network', details: 'Since this morning, at home' },
      user: { platform: 'console', id: 'budi', name: 'Budi Santoso' },
      dm: { platform: 'console', id: 'dm:budi' },
    });

    await actAs(page, 'ayu');
    const card = l1.locator('.thread', { hasText: 'IT-1001' });
    await card.locator('.msg-card .b-field', { hasText: 'network' }).waitFor();
    expect(await card.locator('.b-header').textContent()).toBe('IT-1001 · P3 · L1');
    expect(await l1.locator('.here').isVisible()).toBe(true);

    const reply = card.locator('.reply-box textarea');
    await reply.fill('// checking the VPN logs first');
    expect(await card.locator('.reply-box .hint').textContent()).toContain('Internal note');
    await reply.press('Enter');
    await card.locator('.msg-reply.note', { hasText: 'checking the VPN logs first' }).waitFor();
    await reply.fill('Please restart the VPN client and try again');
    await reply.press('Enter');
    await card.locator('.msg-reply', { hasText: 'Please restart the VPN client' }).waitFor();

    await card.locator('button[data-action="claim"]').click();
    await card.locator('.msg-reply.ephemeral', { hasText: 'You claimed IT-1001' }).waitFor();
    expect(await card.locator('.msg-reply.ephemeral .ephemeral-marker').textContent()).toContain(
      'Only you',
    );
    await card.locator('.msg-card .b-field', { hasText: 'Ayu Lestari' }).waitFor();

    await card.locator('button[data-action="escalate"]').click();
    await card
      .locator('form[data-form-for="escalate"] textarea')
      .fill('VPN gateway certificate expired');
    await card.locator('form[data-form-for="escalate"] button[type="submit"]').click();
    await card.locator('.msg-reply', { hasText: 'Escalated to L2' }).waitFor();
    const l2Card = pane(page, 'level:2').locator('.msg-card', { hasText: 'IT-1001' });
    await l2Card.locator('.b-ping', { hasText: '@L2-on-call' }).waitFor();

    // Budi's DM, watched while acting as Ayu: the reply arrived, the internal note did not.
    await dm
      .locator('.msg-bubble', { hasText: 'Ayu Lestari: Please restart the VPN client' })
      .waitFor();
    expect(await dm.locator('.msg-bubble', { hasText: 'checking the VPN logs' }).count()).toBe(0);
    expect(await page.locator('#dm-guard').textContent()).toContain('Act as Budi');
    await page.screenshot({ path: '/tmp/console.png' });

    // Another agent does not see Ayu's ephemeral.
    await actAs(page, 'rudi');
    await card.locator('.msg-reply', { hasText: 'Please restart the VPN client' }).waitFor();
    expect(await card.locator('.msg-reply', { hasText: 'You claimed' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
