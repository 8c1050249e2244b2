import type { Page } from 'playwright-core';
import { t } from '../../src/core/i18n/translate';
import type { Locale } from '../../src/core/locale';
import { consoleWord } from '../support/console-words';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { contentWords, foreignWords, type Surface } from '../support/surface-words';
import { ticketByKey } from '../support/ticket-by-key';
import { actAs, openConsole, pane, sendDm, showColumn } from './browser';

/** What people type, in the journey's language. */
const TYPED = {
  id: {
    question: 'baterai laptop saya cepat sekali habis',
    details: 'Dari penuh sampai tinggal sedikit dalam satu jam',
    reply: 'Tolong turunkan kecerahan layar dan lihat aplikasi yang paling boros',
    answer: 'Kecerahan sudah rendah, tetap cepat habis',
    reason: 'Baterai perlu diperiksa teknisi perangkat keras',
    tried: 'Kecerahan, mode hemat daya, aplikasi latar belakang',
    summary: 'Baterai diganti dengan garansi',
    problem: 'Masih cepat habis saat rapat video',
    again: 'Pengaturan daya untuk rapat video diperbaiki',
  },
  en: {
    question: 'my laptop battery drains very fast',
    details: 'From full to almost empty within an hour',
    reply: 'Please lower the screen brightness and check which apps use the most power',
    answer: 'Brightness is already low, it still drains fast',
    reason: 'Battery wear needs a hardware diagnosis',
    tried: 'Brightness, power plan, background apps',
    summary: 'Battery replaced under warranty',
    problem: 'It still drains fast during video meetings',
    again: 'Power settings for video meetings fixed',
  },
} as const;

const CAST = [
  'Budi Santoso',
  'Sari Wulandari',
  'Ayu Lestari',
  'Rudi Hartono',
  'Dewi Anggraini',
  'Hendra Wijaya',
];

/**
 * Everything the page shows a person at this moment: the visible text (document.body.innerText,
 * which leaves hidden parts out, read without CSS upper-casing), the title, and the words in
 * attributes and lists (placeholders, accessible names, tooltips, the options of every select).
 */
async function readPage(page: Page, where: string): Promise<Surface> {
  const text = await page.evaluate(`(() => {
    const attributes = ['placeholder', 'aria-label', 'title'];
    const named = [...document.querySelectorAll('[placeholder],[aria-label],[title]')].flatMap(
      (el) => attributes.map((a) => el.getAttribute(a)).filter(Boolean),
    );
    const options = [...document.querySelectorAll('option')].map((o) => o.textContent);
    // As written, not as styled: an upper-cased label would pass for an acronym.
    const all = [...document.querySelectorAll('*')];
    all.forEach((el) => el.style.setProperty('text-transform', 'none', 'important'));
    const shown = document.body.innerText;
    all.forEach((el) => el.style.removeProperty('text-transform'));
    return [document.title, shown, ...named, ...options].join('\\n');
  })()`);
  return { where, text: String(text) };
}

/**
 * The local console in real Chromium speaks one language: an Indonesian employee with
 * AGENT_LOCALE=id, then an English one with AGENT_LOCALE=en, through the REAL core. The page is read
 * at every step of the journey (forms open, cards, queues, the ticket bar, read-only lines, the
 * phone's tabs) for the other language's words, leaving out what people typed and the KB article.
 */
describe.each<Locale>(['id', 'en'])('the console speaks one language (%s)', (locale) => {
  let world: RealConsole | undefined;
  beforeAll(async () => {
    world = await startRealConsole({ env: { AGENT_LOCALE: locale, DEFAULT_LOCALE: locale } });
  });
  afterAll(() => world?.close());

  it('asks, opens, relays, escalates with a ping, resolves, reopens, confirms and rates', async () => {
    const { app, browser, kb, conn } = world!;
    const typed = TYPED[locale];
    const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
      t(locale, key, params);
    const { page, errors, failed } = await openConsole(browser, app.url);
    const seen: Surface[] = [];
    const read = async (step: string) => seen.push(await readPage(page, step));
    const dm = pane(page, 'dm');
    const l1Card = pane(page, 'level:1').locator('.thread', { hasText: 'IT-1001' });
    const l2Card = pane(page, 'level:2').locator('.thread', { hasText: 'IT-1001' });
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });
    const fill = async (scope: typeof dm, action: string, values: Record<string, string>) => {
      await scope.locator(`button[data-action="${action}"]`).last().click();
      const form = scope.locator(`form[data-form-for="${action}"]`);
      for (const [field, value] of Object.entries(values)) {
        const input = form.locator(`[data-field="${field}"]`);
        if ((await input.evaluate((el: { tagName: string }) => el.tagName)) === 'SELECT')
          await input.selectOption(value);
        else await input.fill(value);
      }
      await read(`${action} form open`);
      await form.locator('button[type="submit"]').click();
    };

    // Sari has not written yet: her DM speaks DEFAULT_LOCALE, examples and all.
    await actAs(page, 'sari');
    await dm.locator('.empty .chip').first().waitFor();
    expect(await dm.locator('.empty .chip').first().textContent()).toBe(
      consoleWord(locale, 'dm_example_1'),
    );
    await read('an empty DM');

    // Budi asks; "Still need help"; the form (Choose…, Cancel) in his language; sent.
    await actAs(page, 'budi');
    await sendDm(page, typed.question);
    await bot(say('answer_question')).locator('button[data-action="l0_need_help"]').click();
    const formMessage = bot(say('need_help_reply'));
    await formMessage.locator('button[data-action="ticket_form"]').click();
    const form = formMessage.locator('form[data-form-for="ticket_form"]');
    expect(await form.locator('select[data-field="category"] option').first().textContent()).toBe(
      say('form_choose'),
    );
    expect(await form.locator('button.btn-plain').textContent()).toBe(say('form_cancel'));
    await fill(formMessage, 'ticket_form', {
      category: 'hardware',
      impact: 'me',
      urgency: 'blocked',
      details: typed.details,
    });
    const sent = say('form_sent', { action: say('btn_open_ticket') });
    await formMessage.locator('.form-sent', { hasText: sent }).waitFor();
    await bot(say('ticket_opened', { key: 'IT-1001', priority: 'P3' })).waitFor();
    await read('ticket opened');

    // Ayu claims and replies; Budi sees it and answers.
    await actAs(page, 'ayu');
    await l1Card.locator('button[data-action="claim"]').click();
    await l1Card.locator('.msg-card .b-field', { hasText: 'Ayu Lestari' }).waitFor();
    await l1Card.locator('.reply-box textarea').fill(typed.reply);
    await l1Card.locator('.reply-box textarea').press('Enter');
    await l1Card.locator('.msg-reply.mine', { hasText: typed.reply }).waitFor();
    await read('claimed and replied');
    await actAs(page, 'budi');
    await bot(say('agent_says', { agent: 'Ayu Lestari' })).waitFor();
    await sendDm(page, typed.answer);
    await dm.locator('.msg-bubble.mine', { hasText: typed.answer }).waitFor();
    await read('the relayed reply and the ticket bar');

    // Ayu escalates; the L2 card calls the on-call group in the agents' language.
    await actAs(page, 'ayu');
    await fill(l1Card, 'escalate', { reason: typed.reason, tried: typed.tried });
    const ping = `${consoleWord(locale, 'ping_handle', { level: 2 })} ${say('ping_needs_you')}`;
    await l2Card.locator('.msg-card .b-ping', { hasText: ping }).waitFor();
    await read('escalated');
    // Rudi (L1) only reads the L2 card; the line says so in his language.
    await actAs(page, 'rudi');
    await l2Card.locator('.msg-card .read-only').waitFor();
    await read('read only');

    // Dewi claims and resolves; Budi reopens; Dewi resolves again; Budi confirms and rates.
    await actAs(page, 'dewi');
    await l2Card.locator('button[data-action="claim"]').click();
    await l2Card.locator('.msg-card .b-field', { hasText: 'Dewi Anggraini' }).waitFor();
    await fill(l2Card, 'resolve', { summary: typed.summary });
    await l2Card.locator('.msg-card', { hasText: typed.summary }).waitFor();
    await actAs(page, 'budi');
    const resolution = bot(typed.summary);
    await fill(resolution, 'reopen', { problem: typed.problem });
    await bot(say('reopened_requester', { key: 'IT-1001' })).waitFor();
    await actAs(page, 'dewi');
    await l2Card.locator('.msg-reply', { hasText: typed.problem }).waitFor();
    await fill(l2Card, 'resolve', { summary: typed.again });
    await l2Card.locator('.msg-card', { hasText: typed.again }).waitFor();
    await read('resolved again');
    await actAs(page, 'budi');
    const second = bot(typed.again);
    await second.locator('button[data-action="confirm_resolved"]').click();
    await bot(say('closed_requester', { key: 'IT-1001' })).waitFor();
    await second.locator('button[data-action="csat"]', { hasText: /^5$/ }).click();
    await bot(say('csat_thanks', { key: 'IT-1001', score: 5 })).waitFor();
    await page.locator('#dm-ticket', { hasText: say('status_closed') }).waitFor();
    await read('closed and rated');
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();

    // On a phone: the tabs and the folded panels, for the employee and for an agent.
    const phone = await openConsole(browser, app.url, { layout: 'phone' });
    for (const who of ['budi', 'dewi']) {
      await actAs(phone.page, who);
      for (const column of ['dm', 'level:2'] as const) {
        await showColumn(phone.page, column);
        seen.push(await readPage(phone.page, `phone, ${who}, ${column}`));
      }
    }
    await phone.page.close();

    const ticket = (await ticketByKey(conn.db, 'IT-1001'))!;
    expect(ticket).toMatchObject({ status: 'closed', locale, csat: { score: 5 } });
    const article = kb.article(ticket.l0.at(-1)!.articleId!, locale)!;
    const content = contentWords([...Object.values(typed), ...CAST], [article]);
    expect(seen.length).toBeGreaterThan(10);
    expect(foreignWords(locale, seen, content)).toEqual([]);
  });
});
