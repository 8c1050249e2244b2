import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import type { Browser, Page } from 'playwright-core';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { startConsoleApp } from '../support/console-app';
import { openTestDatabase } from '../support/test-database';
import {
  actAs,
  launchBrowser,
  openConsole,
  pageWidth,
  pane,
  sendDm,
  type PageElement,
} from './browser';
import { createFakeHelpdesk } from './fake-helpdesk';

/** Which columns are on screen, by name. */
const visibleColumns = (page: Page) =>
  page
    .locator('.pane')
    .evaluateAll((panes: PageElement[]) =>
      panes.filter((p) => p.checkVisibility()).map((p) => p.dataset.pane),
    );

describe('local console: a phone layout with one column at a time', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;

  beforeAll(async () => {
    conn = await openTestDatabase();
    [app, browser] = await Promise.all([
      startConsoleApp({
        helpdesk: createFakeHelpdesk(createConsoleSurface(createMongoConsoleMessages(conn.db))),
        db: conn.db,
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await conn?.dispose();
  });

  it('fits 390 px, switches columns with tabs, and badges the tabs that got new messages', async () => {
    const { page, errors, failed } = await openConsole(browser, app.url, { layout: 'phone' });
    await actAs(page, 'budi');
    expect(await page.locator('.column-tab').allTextContents()).toEqual(['DM', 'L1', 'L2', 'L3']);
    expect(await visibleColumns(page)).toEqual(['dm']);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    // A long question with no place to break, then a ticket: its card lands in L1, out of sight.
    const question = `vpn-${'x'.repeat(160)}`;
    await sendDm(page, question);
    const answer = pane(page, 'dm').locator('.msg-bubble.from-bot', { hasText: 'Here is what' });
    await answer.locator('button[data-action="l0_need_help"]').click();
    const form = answer.locator('form[data-form-for="l0_need_help"]');
    await form.locator('select[data-field="category"]').selectOption('network');
    await form.locator('textarea[data-field="details"]').fill('Since this morning');
    await form.locator('button[type="submit"]').click();
    await pane(page, 'dm').locator('.msg-bubble', { hasText: 'Ticket IT-1001 opened' }).waitFor();
    const l1Tab = page.locator('.column-tab[data-column="level:1"]');
    await l1Tab.locator('.badge', { hasText: /^1$/ }).waitFor();
    expect(await page.locator('.column-tab .badge').count()).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await l1Tab.click();
    expect(await visibleColumns(page)).toEqual(['level:1']);
    expect(await l1Tab.locator('.badge').count()).toBe(0);
    await pane(page, 'level:1').locator('.msg-card', { hasText: 'IT-1001' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    // Acting as an agent opens their level's column; the employee's reply shows as a DM badge.
    await actAs(page, 'ayu');
    expect(await visibleColumns(page)).toEqual(['level:1']);
    const reply = pane(page, 'level:1')
      .locator('.thread', { hasText: 'IT-1001' })
      .locator('textarea');
    await reply.fill('Please restart the VPN client');
    await reply.press('Enter');
    await page.locator('.column-tab[data-column="dm"] .badge', { hasText: /^1$/ }).waitFor();
    await page.locator('.column-tab[data-column="dm"]').click();
    await pane(page, 'dm').locator('.msg-bubble', { hasText: 'Please restart' }).waitFor();
    expect(await visibleColumns(page)).toEqual(['dm']);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    // Wide again: the four columns side by side, no tabs.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await visibleColumns(page)).toEqual(['dm', 'level:1', 'level:2', 'level:3']);
    expect(await page.locator('.column-tab').first().isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('never makes the page wider than a mid-sized window either', async () => {
    const { page } = await openConsole(browser, app.url);
    await page.setViewportSize({ width: 900, height: 700 });
    await actAs(page, 'ayu');
    expect(await pageWidth(page)).toBeLessThanOrEqual(900);
    await page.close();
  });
});
