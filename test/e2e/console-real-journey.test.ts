import { COLLECTIONS } from '../../src/store/collections';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createConsoleAgentDirectory } from '../../src/channels/console/console-agent-directory';
import type { ConversationName } from '../../src/core/ports/console-messages';
import {
  createConsoleSurface,
  type ConsoleMessageDoc,
} from '../../src/channels/console/console-surface';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { loadConfig, type Config } from '../../src/config/config';
import { t } from '../../src/core/i18n/translate';
import { consoleWord } from '../support/console-words';
import type { Helpdesk } from '../../src/core/inbound';
import type { ActionId } from '../../src/core/messages';
import type { Ticket } from '../../src/core/ticket';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { startConsoleApp } from '../support/console-app';
import { openTestDatabase } from '../support/test-database';
import { ticketByKey } from '../support/ticket-by-key';
import {
  actAs,
  launchBrowser,
  LAYOUTS,
  openConsole,
  pageWidth,
  pane,
  sendDm,
  showColumn,
  snap,
  type Layout,
} from './browser';

const ARTICLE_URL = 'https://kb.example.com/articles/{id}?lang={lang}';

/**
 * The whole journey through the REAL core: composeHelpdesk on the test MongoDB, the project's kb/,
 * the configuration's defaults (DEFAULT_LOCALE=id, so agent channels speak Indonesian while Budi,
 * who writes English, is answered in English; TIME_ZONE=Asia/Jakarta) and a published KB
 * (KB_ARTICLE_URL). Everything is done by clicking and typing in the page, except two forged presses
 * the page does not offer (Rudi, an L1 agent, claiming the L2 card; Sari sending Budi's button) to
 * show the core refuses them too. It runs in both layouts: four columns at 1280x800, one column
 * with tabs at 390x844. With SCREENSHOTS=1 it saves docs/screenshots/console-<layout>-<step>.png.
 */
describe.each<Layout>(['desktop', 'phone'])('local console on the real core (%s)', (layout) => {
  let helpdesk: Helpdesk | undefined;
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;
  let config: Config;
  let kb: ReturnType<typeof createKnowledgeBase>;
  const logged: { level: 'warn' | 'error'; msg: string }[] = [];

  beforeAll(async () => {
    config = loadConfig({ KB_ARTICLE_URL: ARTICLE_URL });
    kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
      answerThreshold: config.KB_ANSWER_THRESHOLD,
    });
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    helpdesk = composeHelpdesk({
      config,
      db: conn.db,
      kb,
      channels: [{ platform: 'console', surface: surface, agents: createConsoleAgentDirectory() }],
      log: {
        info: () => {},
        warn: (_data, msg) => logged.push({ level: 'warn', msg }),
        error: (_data, msg) => logged.push({ level: 'error', msg }),
      },
    });
    helpdesk.start();
    [app, browser] = await Promise.all([
      startConsoleApp({
        helpdesk,
        db: conn.db,
        feed: surface,
        timeZone: config.TIME_ZONE,
        locales: { agent: config.AGENT_LOCALE, default: config.DEFAULT_LOCALE },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await helpdesk?.stop(2000);
    await conn?.dispose();
  });

  it('plays question, ticket, relay, note, escalation, resolution and rating', async () => {
    const agentLocale = config.DEFAULT_LOCALE;
    const { page, errors, failed } = await openConsole(browser, app.url, { layout });
    const shot = (step: string) => snap(page, `console-${layout}-${step}`);
    const dm = pane(page, 'dm');
    const l1 = pane(page, 'level:1');
    const l2 = pane(page, 'level:2');
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });

    // 1. Budi asks; the KB answers; "Still need help" opens the form; the ticket opens.
    await actAs(page, 'budi');
    const question = 'my laptop battery drains very fast';
    const article = kb.article('laptop-battery', 'en');
    expect(article).toBeDefined();
    await sendDm(page, question);
    await dm.locator('.msg-bubble.mine', { hasText: question }).waitFor();
    const answer = bot(t('en', 'answer_intro'));
    await answer.locator('.b-header', { hasText: article!.title }).waitFor();
    // "Full article" is a link, and times say their zone (the desk's, Asia/Jakarta).
    const articleLink = answer.locator('a.out-link', { hasText: 'kb.example.com' });
    expect(await articleLink.getAttribute('href')).toBe(
      'https://kb.example.com/articles/laptop-battery?lang=en',
    );
    expect(await articleLink.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await answer.locator('time').textContent()).toMatch(/^\d\d:\d\d UTC\+7$/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(LAYOUTS[layout].width);
    await shot('1-answer');
    await answer.locator('button[data-action="l0_need_help"]').click();
    const formMessage = bot(t('en', 'need_help_reply'));
    await formMessage.locator('button[data-action="ticket_form"]').click();
    const form = formMessage.locator('form[data-form-for="ticket_form"]');
    await form.locator('select[data-field="category"]').selectOption('hardware');
    await form.locator('select[data-field="impact"]').selectOption('me');
    await form.locator('select[data-field="urgency"]').selectOption('blocked');
    const details = 'Battery goes from 100% to 20% in about an hour since last week';
    await form.locator('textarea[data-field="details"]').fill(details);
    await form.locator('button[type="submit"]').click();
    await bot(t('en', 'ticket_opened', { key: 'IT-1001', priority: 'P3' })).waitFor();

    // 2. Ayu sees the card, claims it, writes an internal note and a reply.
    await actAs(page, 'ayu');
    const l1Card = l1.locator('.thread', { hasText: 'IT-1001' });
    const l1Header = l1Card.locator('.msg-card .b-header');
    await l1Header.waitFor();
    expect(await l1Header.textContent()).toBe('IT-1001 · P3 · L1');
    await l1Card.locator('.msg-card', { hasText: details }).waitFor();
    await l1Card.locator('.msg-card', { hasText: article!.title }).waitFor(); // L0 suggestion
    await l1Card.locator('button[data-action="claim"]').click();
    await l1Card.locator('.msg-card .b-field', { hasText: 'Ayu Lestari' }).waitFor();
    await l1Card.locator('button[data-action="claim"]').waitFor({ state: 'detached' });
    const l1Head = l1Card.locator('.thread-head');
    await l1Head.filter({ hasText: t(agentLocale, 'status_claimed') }).waitFor();
    expect(await l1Head.textContent()).toContain('Ayu Lestari');

    const l1Reply = l1Card.locator('.reply-box textarea');
    const note = '// NOTE-7731 battery report: 61% of design capacity, likely worn out';
    await l1Reply.fill(note);
    await l1Reply.press('Enter');
    await l1Card.locator('.msg-reply.note', { hasText: 'NOTE-7731' }).waitFor();
    await l1Card
      .locator('.msg-reply.ephemeral', { hasText: t(agentLocale, 'note_marker') })
      .waitFor();
    const reply = 'Please lower the screen brightness and check which apps use the most power';
    await l1Reply.fill(reply);
    await l1Reply.press('Enter');
    await l1Card.locator('.msg-reply.mine', { hasText: reply }).waitFor();
    const sentMarker = `↪ ${t(agentLocale, 'relayed_marker', { requester: 'Budi Santoso' })}`;
    await l1Card.locator('.msg-reply.from-bot', { hasText: sentMarker }).waitFor();
    await shot('2-ticket');

    await actAs(page, 'budi');
    const relayed = bot(t('en', 'agent_says', { agent: 'Ayu Lestari' }));
    await relayed.filter({ hasText: reply }).waitFor();
    await bot(t('en', 'ticket_claimed', { agent: 'Ayu Lestari', key: 'IT-1001' })).waitFor();
    expect(await dm.locator('.msg', { hasText: 'NOTE-7731' }).count()).toBe(0);
    await page.locator('#dm-ticket', { hasText: 'IT-1001' }).waitFor();
    await shot('3-agent-reply');

    // 3. Budi follows up in the DM; Ayu sees it in the thread.
    const followUp = 'Brightness is already low, and it still drains while the lid is closed';
    await sendDm(page, followUp);
    await dm.locator('.msg-bubble.mine', { hasText: followUp }).waitFor();
    await actAs(page, 'ayu');
    const fromBudi = t(agentLocale, 'requester_says', { requester: 'Budi Santoso' });
    await l1Card
      .locator('.msg-reply.from-bot', { hasText: fromBudi })
      .filter({ hasText: followUp })
      .waitFor();

    // 4. Ayu escalates; the L2 card carries the reason, what was tried, and the ping.
    await l1Card.locator('button[data-action="escalate"]').click();
    const escalation = l1Card.locator('form[data-form-for="escalate"]');
    const reason = 'Battery wear: needs a hardware diagnosis and maybe a replacement';
    const tried = 'Brightness, power plan, checked background apps';
    await escalation.locator('textarea[data-field="reason"]').fill(reason);
    await escalation.locator('textarea[data-field="tried"]').fill(tried);
    await escalation.locator('button[type="submit"]').click();
    await l1Card
      .locator('.msg-reply', { hasText: t(agentLocale, 'escalated_thread', { level: 2, reason }) })
      .waitFor();
    await showColumn(page, 'level:2');
    const l2Card = l2.locator('.thread', { hasText: 'IT-1001' });
    await l2Card
      .locator('.msg-card', {
        hasText: t(agentLocale, 'card_escalation', { from: 1, reason, tried }),
      })
      .waitFor();
    await l2Card
      .locator('.msg-card .b-ping', {
        hasText: `${consoleWord(agentLocale, 'ping_handle', { level: 2 })} ${t(agentLocale, 'ping_needs_you')}`,
      })
      .waitFor();
    expect(await l2Card.locator('.msg-card .b-header').textContent()).toBe('IT-1001 · P3 · L2');
    await l2Card.locator('.msg-card', { hasText: followUp }).waitFor(); // the digest
    expect(await l2Card.locator('.msg-card', { hasText: 'NOTE-7731' }).count()).toBe(0);
    await shot('4-escalation');
    // The L1 card has moved on: no buttons left on it.
    await l1Card
      .locator('.msg-card .b-header', { hasText: 'IT-1001 · P3 · L2' })
      .waitFor({ state: 'attached' });
    expect(await l1Card.locator('.msg-card button').count()).toBe(0);

    // 6a. Rudi (L1) only reads the L2 card: no buttons and no reply box, a line saying why...
    await actAs(page, 'rudi');
    await showColumn(page, 'level:2');
    const l2Claim = l2Card.locator('button[data-action="claim"]');
    const readOnly = consoleWord(agentLocale, 'read_only', {
      role: t(agentLocale, 'role_agent', { level: 1 }),
    });
    await l2Card.locator('.msg-card .read-only', { hasText: readOnly }).waitFor();
    await l2Card.locator('.thread-foot .read-only', { hasText: readOnly }).waitFor();
    expect(await l2Card.locator('button').count()).toBe(0);
    expect(await l2Card.locator('textarea').count()).toBe(0);
    // ...and the core refuses the press itself, when his page sends the L2 card's button anyway.
    await pressAs(page, 'rudi', 'claim', (await storedButton(conn.db, 'level:2', 'claim')).payload);
    await l2Card
      .locator('.msg-reply.ephemeral', {
        hasText: t(agentLocale, 'refused_not_agent', { level: 2 }),
      })
      .waitFor();
    expect(
      await l2Card.locator('.msg-card .b-field', { hasText: t(agentLocale, 'unassigned') }).count(),
    ).toBe(1);

    // 4 (cont.). Dewi (L2) claims and resolves; she does not see Rudi's refusal.
    await actAs(page, 'dewi');
    await l2Claim.waitFor();
    expect(await l2Card.locator('.msg-reply.ephemeral').count()).toBe(0);
    await l2Claim.click();
    await l2Card.locator('.msg-card .b-field', { hasText: 'Dewi Anggraini' }).waitFor();
    await l2Card.locator('button[data-action="resolve"]').click();
    const summary = 'Battery replaced under warranty; it now holds a full day';
    await l2Card
      .locator('form[data-form-for="resolve"] textarea[data-field="summary"]')
      .fill(summary);
    await l2Card.locator('form[data-form-for="resolve"] button[type="submit"]').click();
    await l2Card
      .locator('.msg-card .b-field', { hasText: `${t(agentLocale, 'status_resolved')} · L2` })
      .waitFor();
    await l2Card.locator('.msg-card', { hasText: summary }).waitFor();
    await l2Card
      .locator('.thread-head', { hasText: t(agentLocale, 'status_resolved') })
      .filter({ hasText: 'Dewi Anggraini' })
      .waitFor();
    await shot('5-resolution');

    // 6b. Budi's buttons are his alone. An agent viewing his DM gets them disabled; Sari acting as
    // herself only ever sees her own DM (its tabs switch who you are), so she has no way to press them.
    const resolvedFirstLine = t('en', 'resolved_requester', {
      key: 'IT-1001',
      agent: 'Dewi Anggraini',
      summary: '',
    }).split('\n')[0]!;
    await showColumn(page, 'dm');
    const resolution = bot(resolvedFirstLine).filter({ hasText: summary });
    const confirm = resolution.locator('button[data-action="confirm_resolved"]');
    await confirm.waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    expect(await resolution.locator('button[data-action="csat"]:disabled').count()).toBe(5);
    await actAs(page, 'sari');
    await page.locator('#dm-title', { hasText: 'Sari Wulandari' }).waitFor();
    await dm.locator('.empty').waitFor(); // her own (empty) DM, rendered
    expect(await page.locator('button[data-action="confirm_resolved"]').count()).toBe(0);
    expect(await page.locator('button[data-action="csat"]').count()).toBe(0);
    await page.locator('#dm-tabs .tab', { hasText: 'Budi' }).click();
    await page.locator('.person.active[data-user="budi"]').waitFor({ state: 'attached' }); // the tab makes you Budi
    await actAs(page, 'sari');
    await dm.locator('.empty').waitFor();
    // ...and the core refuses the press itself: Sari's page sends Budi's very button as her own.
    const button = await storedButton(conn.db, 'dm:budi', 'confirm_resolved');
    await pressAs(page, 'sari', 'confirm_resolved', button.payload);
    const refusal = dm.locator('.msg.ephemeral', {
      hasText: t(agentLocale, 'refused_not_requester', { key: 'IT-1001' }),
    });
    await refusal.waitFor(); // (the page polls every second)
    expect(await refusal.locator('.ephemeral-marker').isVisible()).toBe(true);

    // 5. Budi sees the resolution, confirms and rates 5.
    await actAs(page, 'budi');
    await bot(t('en', 'escalated_requester', { key: 'IT-1001', level: 2 })).waitFor();
    await confirm.click();
    await bot(t('en', 'closed_requester', { key: 'IT-1001' })).waitFor();
    // The rating was asked with the resolution; closing does not ask again.
    await resolution.locator('button[data-action="csat"]', { hasText: /^5$/ }).click();
    await bot(t('en', 'csat_thanks', { key: 'IT-1001', score: 5 })).waitFor();
    // The bar above the DM names the state in Budi's language, as his chat does.
    await page
      .locator('#dm-ticket', { hasText: t('en', 'status_closed') })
      .filter({ hasText: 'Dewi Anggraini' })
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(LAYOUTS[layout].width);
    await shot('6-rating');
    expect(await dm.locator('.msg', { hasText: 'NOTE-7731' }).count()).toBe(0);
    expect(await dm.locator('.msg.ephemeral').count()).toBe(0); // no refusal ever reached Budi

    // The database agrees.
    const ticket = (await ticketByKey(conn.db, 'IT-1001'))!;
    expect(ticket).toMatchObject({
      status: 'closed',
      level: 2,
      priority: 'P3',
      category: 'hardware',
      details,
      question,
      requester: { platform: 'console', id: 'budi' },
      assignee: { id: 'dewi' },
      csat: { score: 5 },
      resolution: { summary, by: { id: 'dewi' } },
    });
    expect(ticket.closedAt).toBeInstanceOf(Date);
    expect(auditTrail(ticket)).toEqual([
      'created by budi',
      'claimed by ayu',
      'escalated by ayu',
      'refused by rudi',
      'claimed by dewi',
      'resolved by dewi',
      'refused by sari',
      'confirmed by budi',
      'rated by budi',
    ]);
    expect(ticket.escalations).toMatchObject([
      { from: 1, to: 2, reason, tried, by: { id: 'ayu' } },
    ]);
    expect(ticket.transcript.map((e) => [e.from, e.user?.id, e.internal, e.text])).toEqual([
      ['requester', 'budi', false, question],
      ['agent', 'ayu', true, 'NOTE-7731 battery report: 61% of design capacity, likely worn out'],
      ['agent', 'ayu', false, reply],
      ['requester', 'budi', false, followUp],
    ]);

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(logged).toEqual([]); // no refusal by exception, no failed card update
    await page.close();
  });
});

/** A button the bot sent to `conversation`, as stored for the console (the first one found). */
async function storedButton(
  db: Awaited<ReturnType<typeof openTestDatabase>>['db'],
  conversation: ConversationName,
  action: ActionId,
): Promise<{ payload: string }> {
  const docs = await db
    .collection<ConsoleMessageDoc>(COLLECTIONS.consoleMessages)
    .find({ conversation })
    .toArray();
  for (const doc of docs) {
    for (const block of doc.message.blocks) {
      const found = block.kind === 'actions' && block.actions.find((a) => a.id === action);
      if (found) return found;
    }
  }
  throw new Error(`no ${action} button in ${conversation}`);
}

/** A press the page would not offer, sent from it as `as` (the server must answer it with 200). */
async function pressAs(page: Page, as: string, action: ActionId, payload: string): Promise<void> {
  await page.evaluate(
    async (body) => {
      const response = await fetch('/api/action', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
    { as, action, payload },
  );
}

function auditTrail(ticket: Ticket): string[] {
  return ticket.audit.map((a) => `${a.action} by ${a.actor === 'system' ? 'system' : a.actor.id}`);
}
