import type { Browser, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/translate';
import { consoleWord } from '../support/console-words';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { actAs, openConsole, pane, sendDm, showColumn } from './browser';

interface QueueItem {
  key: string;
  priority: string;
  status: string;
  level: number;
  assignee: string | null;
  question: string;
  createdAt: string;
}

/**
 * The core's ticket views (helpdesk.views) in the console, on the REAL core: GET /api/queue and
 * GET /api/my-tickets answer them (and refuse bad input with a 400), each level column shows its
 * queue oldest first, and the DM column the employee's own tickets; both follow escalations.
 */
describe('local console: level queues and my tickets', () => {
  let world: RealConsole | undefined;
  let app: RealConsole['app'];
  let browser: Browser;

  beforeAll(async () => {
    world = await startRealConsole();
    ({ app, browser } = world);
  });
  afterAll(() => world?.close());

  const get = async (pathAndQuery: string) => {
    const response = await fetch(new URL(pathAndQuery, app.url));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers the queue and my-tickets endpoints from the core, and refuses bad input', async () => {
    const { page, errors, failed } = await openConsole(browser, app.url);
    await openTicket(page, 'budi', 'IT-1001');
    await openTicket(page, 'sari', 'IT-1002');

    const queue = await get('/api/queue?level=1');
    expect(queue.status).toBe(200);
    const items = queue.body.tickets as QueueItem[];
    expect(items.map((i) => i.key)).toEqual(['IT-1001', 'IT-1002']);
    expect(items[0]).toEqual({
      key: 'IT-1001',
      priority: 'P3',
      status: 'open',
      level: 1,
      assignee: null,
      question: expect.any(String) as string,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as string,
    });
    const [first, second] = items as [QueueItem, QueueItem];
    expect(Date.parse(first.createdAt)).toBeLessThanOrEqual(Date.parse(second.createdAt));
    expect(first.question).toContain('battery');
    expect((await get('/api/queue?level=2')).body.tickets).toEqual([]);

    const mine = await get('/api/my-tickets?as=sari');
    expect(mine.status).toBe(200);
    expect((mine.body.tickets as QueueItem[]).map((i) => i.key)).toEqual(['IT-1002']);

    for (const bad of ['/api/queue?level=9', '/api/queue', '/api/queue?level=1.0']) {
      const refused = await get(bad);
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        error: expect.stringContaining('GET /api/queue: level') as string,
        code: 'bad_request',
        problems: [{ field: 'level', message: expect.any(String) as string }],
      });
    }
    const stranger = await get('/api/my-tickets?as=nobody');
    expect(stranger.status).toBe(400);
    expect(stranger.body).toEqual({
      error: expect.stringContaining('unknown user "nobody"') as string,
      code: 'bad_request',
      problems: [{ field: 'as', message: 'an unknown user' }],
    });
    expect((await get('/api/my-tickets?as=%7B%7D')).status).toBe(400);

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('shows each level’s queue oldest first, follows an escalation, and lists my tickets', async () => {
    const { page, errors, failed } = await openConsole(browser, app.url);
    const l1 = pane(page, 'level:1');
    const l2 = pane(page, 'level:2');
    const dm = pane(page, 'dm');
    const keys = (column: typeof l1) => column.locator('.queue-item .q-key').allTextContents();
    // The queues speak the agents' language (AGENT_LOCALE), the DM column its employee's (English).
    const agents = world!.config.AGENT_LOCALE;
    const queue = (count: number) => `${consoleWord(agents, 'queue_title')} (${count})`;
    const mine = `${consoleWord('en', 'mine_title')} (1)`;

    await actAs(page, 'ayu');
    await l1.locator('.queue-panel summary', { hasText: queue(2) }).waitFor();
    expect(await keys(l1)).toEqual(['IT-1001', 'IT-1002']);
    expect(await l1.locator('.queue-item').first().textContent()).toBe(
      `IT-1001P3${t(agents, 'status_open')}${t(agents, 'unassigned')}`,
    );
    await l2.locator('.queue-panel summary', { hasText: queue(0) }).waitFor();

    // Picking an entry brings its card into view.
    const link = l1.locator('.queue-item[data-ticket="IT-1002"] a');
    expect(await link.getAttribute('href')).toBe('#card-l1-IT-1002');
    await link.click();
    await l1.locator('.thread.is-target[data-ticket="IT-1002"]').waitFor();
    const feed = (await l1.locator('.level-feed').boundingBox())!;
    const card = (await l1.locator('.thread[data-ticket="IT-1002"]').boundingBox())!;
    expect(card.y).toBeGreaterThanOrEqual(feed.y - 1);
    expect(card.y).toBeLessThan(feed.y + feed.height);

    // Ayu escalates Budi's ticket: it leaves the L1 queue for L2's.
    const escalated = l1.locator('.thread', { hasText: 'IT-1001' });
    await escalated.locator('button[data-action="escalate"]').click();
    const form = escalated.locator('form[data-form-for="escalate"]');
    await form.locator('textarea[data-field="reason"]').fill('Needs a hardware diagnosis');
    await form.locator('textarea[data-field="tried"]').fill('Power plan, brightness');
    await form.locator('button[type="submit"]').click();
    await l2.locator('.queue-panel summary', { hasText: queue(1) }).waitFor();
    expect(await keys(l2)).toEqual(['IT-1001']);
    await l1.locator('.queue-panel summary', { hasText: queue(1) }).waitFor();
    expect(await keys(l1)).toEqual(['IT-1002']);

    // Budi sees his own ticket in the DM column; acting as an agent, it is whose DM you read, said
    // to the agent in the agents' language though the DM speaks Sari's.
    await actAs(page, 'budi');
    await dm.locator('.queue-panel summary', { hasText: mine }).waitFor();
    expect(await keys(dm)).toEqual(['IT-1001']);
    await actAs(page, 'sari');
    await dm.locator('.queue-panel summary', { hasText: mine }).waitFor();
    expect(await keys(dm)).toEqual(['IT-1002']);
    await actAs(page, 'dewi');
    const theirs = `${consoleWord(agents, 'theirs_title', { name: 'Sari' })} (1)`;
    await dm.locator('.queue-panel summary', { hasText: theirs }).waitFor();
    expect(await keys(dm)).toEqual(['IT-1002']);

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('keeps the panels compact on a phone and scrolls to the card from there', async () => {
    const { page, errors, failed } = await openConsole(browser, app.url, { layout: 'phone' });
    await actAs(page, 'budi');
    const dm = pane(page, 'dm');
    const panel = dm.locator('.queue-panel');
    await panel.locator('summary', { hasText: `${consoleWord('en', 'mine_title')} (1)` }).waitFor();
    // Folded by default on a phone: one line above the chat.
    expect(await panel.getAttribute('open')).toBeNull();
    expect((await panel.boundingBox())!.height).toBeLessThan(40);
    await panel.locator('summary').click();
    await panel.locator('.queue-item[data-ticket="IT-1001"] a').click();
    await page.locator('.column-tab.active[data-column="level:2"]').waitFor();
    await pane(page, 'level:2').locator('.thread.is-target[data-ticket="IT-1001"]').waitFor();
    await showColumn(page, 'level:1');
    const width = await page.evaluate('document.scrollingElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);

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
