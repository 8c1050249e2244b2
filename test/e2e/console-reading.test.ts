import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import type { Browser } from 'playwright-core';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { t } from '../../src/core/i18n/translate';
import { fromUser, plain, type OutboundMessage } from '../../src/core/messages';
import { startConsoleApp } from '../support/console-app';
import { openTestDatabase } from '../support/test-database';
import {
  actAs,
  distanceFromBottom,
  launchBrowser,
  openConsole,
  pane,
  scrollFeed,
  type PageElement,
} from './browser';
import { createFakeHelpdesk } from './fake-helpdesk';

const say = (text: string): OutboundMessage => ({
  text,
  blocks: [{ kind: 'text', spans: [plain(text)] }],
});

/** A ticket card as the core renders it for agents (Indonesian labels, the default agent locale). */
function card(key: string, status: string, owner: string): OutboundMessage {
  return {
    text: `${key}: printer jammed`,
    blocks: [
      { kind: 'header', text: `${key} · P2 · L1` },
      { kind: 'text', spans: [plain(`${t('id', 'card_question')}: `), fromUser('printer jammed')] },
      {
        kind: 'fields',
        fields: [
          { label: t('id', 'card_requester'), value: fromUser('Budi Santoso') },
          { label: t('id', 'card_status'), value: plain(`${status} · L1`) },
          { label: t('id', 'card_owner'), value: fromUser(owner) },
          { label: t('id', 'card_category'), value: plain('hardware') },
        ],
      },
    ],
  };
}

describe('local console: reading a busy conversation', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;
  let surface: ReturnType<typeof createConsoleSurface>;
  const budi = { platform: 'console', id: 'dm:budi' } as const;

  beforeAll(async () => {
    conn = await openTestDatabase();
    surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    [app, browser] = await Promise.all([
      startConsoleApp({
        helpdesk: createFakeHelpdesk(surface),
        db: conn.db,
        timeZone: 'Asia/Jakarta',
        // Indonesian agents (the cards below are labelled in Indonesian), DMs in English.
        locales: { agent: 'id', default: 'en' },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await conn?.dispose();
  });

  it('leaves a reader who scrolled up in place, with a pill for what arrived below', async () => {
    for (let i = 1; i <= 30; i++) await surface.sendDirect(budi, say(`Update ${i}.`));
    const { page, errors, failed } = await openConsole(browser, app.url);
    await actAs(page, 'budi');
    const dm = pane(page, 'dm');
    const feed = dm.locator('.pane-body');
    const pill = dm.locator('.new-pill');
    await feed.locator('.msg', { hasText: 'Update 30.' }).waitFor();
    expect(await distanceFromBottom(feed)).toBeLessThan(2);

    await scrollFeed(feed, 'top');
    await surface.sendDirect(budi, say('Update 31.'));
    await feed.locator('.msg', { hasText: 'Update 31.' }).waitFor();
    await pill.filter({ hasText: /^1 new message ↓$/ }).waitFor();
    await surface.sendDirect(budi, say('Update 32.'));
    await pill.filter({ hasText: /^2 new messages ↓$/ }).waitFor();
    expect(await feed.evaluate((el: PageElement) => el.scrollTop)).toBe(0); // the view did not jump

    await pill.click();
    await pill.waitFor({ state: 'hidden' });
    expect(await distanceFromBottom(feed)).toBeLessThan(2);
    await surface.sendDirect(budi, say('Update 33.'));
    await feed.locator('.msg', { hasText: 'Update 33.' }).waitFor();
    expect(await distanceFromBottom(feed)).toBeLessThan(2); // at the bottom, it stays there
    expect(await pill.isHidden()).toBe(true);

    // Scrolling down by hand to the newest message also clears the pill.
    await scrollFeed(feed, 'top');
    await surface.sendDirect(budi, say('Update 34.'));
    await pill.filter({ hasText: '1 new message' }).waitFor();
    await scrollFeed(feed, 'bottom');
    await pill.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('keeps the ticket state in a sticky thread header and above the DM, as the card changes', async () => {
    const claimed = t('id', 'status_claimed');
    const resolved = t('id', 'status_resolved');
    const { thread, card: ref } = await surface.postCard(
      1,
      card('IT-2001', claimed, 'Ayu Lestari'),
    );
    for (let i = 1; i <= 25; i++) await surface.replyInThread(thread, say(`Step ${i} tried.`));
    await surface.sendDirect(budi, say('Ticket IT-2001 opened: an agent will answer here.'));

    const { page, errors } = await openConsole(browser, app.url);
    await actAs(page, 'ayu');
    const l1 = pane(page, 'level:1');
    const feed = l1.locator('.level-feed');
    const head = l1.locator(`.thread[data-thread="${thread.threadId}"] .thread-head`);
    await head.filter({ hasText: 'Ayu Lestari' }).waitFor();
    for (const part of ['IT-2001', claimed, 'L1', 'P2'])
      expect(await head.textContent()).toContain(part);

    await scrollFeed(feed, 'bottom');
    await l1.locator('.msg-reply', { hasText: 'Step 25 tried.' }).waitFor();
    const [feedBox, headBox, cardBox] = await Promise.all([
      feed.boundingBox(),
      head.boundingBox(),
      l1.locator('.msg-card').boundingBox(),
    ]);
    expect(cardBox!.y + cardBox!.height).toBeLessThan(feedBox!.y); // the card scrolled away...
    expect(headBox!.y).toBeGreaterThanOrEqual(feedBox!.y - 1); // ...its header did not
    expect(headBox!.y + headBox!.height).toBeLessThanOrEqual(feedBox!.y + feedBox!.height);

    await surface.update(ref, card('IT-2001', resolved, 'Rudi Hartono'));
    await head.filter({ hasText: 'Rudi Hartono' }).waitFor();
    expect(await head.textContent()).toContain(resolved);

    // Above Budi's DM, the same state in Budi's language.
    await actAs(page, 'budi');
    const bar = page.locator('#dm-ticket');
    await bar.filter({ hasText: 'IT-2001' }).waitFor();
    for (const part of [t('en', 'status_resolved'), 'L1', t('en', 'card_owner'), 'Rudi Hartono'])
      expect(await bar.textContent()).toContain(part);
    expect(await bar.textContent()).not.toContain(resolved);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("labels times with the desk's time zone, the full date in the title", async () => {
    await surface.sendDirect({ platform: 'console', id: 'dm:sari' }, say('What time is it?'));
    const { page } = await openConsole(browser, app.url, { timezoneId: 'America/New_York' });
    await actAs(page, 'sari');
    const time = pane(page, 'dm').locator('.msg', { hasText: 'What time is it?' }).locator('time');
    await time.waitFor();
    const at = new Date((await time.getAttribute('datetime'))!);
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Jakarta',
    }).format(at);
    expect(await time.textContent()).toBe(`${hhmm} UTC+7`);
    const title = (await time.getAttribute('title'))!;
    expect(title).toContain(String(at.getUTCFullYear()));
    expect(title).toContain('(Asia/Jakarta)');
    await page.close();
  });

  it('serves a favicon, so the page makes no failed request', async () => {
    const { page, failed } = await openConsole(browser, app.url);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBeTruthy();
    const icon = await page.request.get(new URL(href!, app.url).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    await page.locator('#status.live').waitFor();
    expect(failed).toEqual([]);
    await page.close();
  });
});
