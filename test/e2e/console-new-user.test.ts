import type { Browser, Locator, Page, Route } from 'playwright-core';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { CONSOLE_USERS } from '../../src/channels/console/console-users';
import { t } from '../../src/core/i18n/translate';
import { plain, type OutboundMessage } from '../../src/core/messages';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { startConsoleApp } from '../support/console-app';
import { consoleWord } from '../support/console-words';
import { openTestDatabase } from '../support/test-database';
import {
  actAs,
  launchBrowser,
  LAYOUTS,
  openConsole,
  pageWidth,
  pane,
  sendDm,
  showColumn,
  type Layout,
} from './browser';
import { createFakeHelpdesk, STALE } from './fake-helpdesk';

type Box = { x: number; y: number; width: number; height: number };

const say = (text: string): OutboundMessage => ({
  text,
  blocks: [{ kind: 'text', spans: [plain(text)] }],
});

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not on screen: ${String(locator)}`);
  return found;
}

/** Whether `inner` lies wholly inside `outer` (a pixel of rounding allowed). */
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

/** Whether two boxes share any area. */
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The part of `inner` its scrolling `frame` shows. */
function clip(inner: Box, frame: Box): Box {
  const x = Math.max(inner.x, frame.x);
  const y = Math.max(inner.y, frame.y);
  const right = Math.min(inner.x + inner.width, frame.x + frame.width);
  const bottom = Math.min(inner.y + inner.height, frame.y + frame.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/**
 * What a new user trips on in the console, at desktop and phone size (the fake core; agents speak
 * Indonesian, an employee not yet answered in a language is spoken to in English).
 */
describe.each<Layout>(['desktop', 'phone'])('local console for a new user (%s)', (layout) => {
  const viewport = LAYOUTS[layout];
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;
  let surface: ReturnType<typeof createConsoleSurface>;
  const budiDm = { platform: 'console', id: 'dm:budi' } as const;

  beforeAll(async () => {
    conn = await openTestDatabase();
    surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    [app, browser] = await Promise.all([
      startConsoleApp({
        helpdesk: createFakeHelpdesk(surface),
        db: conn.db,
        feed: surface,
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

  async function open(): Promise<Awaited<ReturnType<typeof openConsole>>> {
    return openConsole(browser, app.url, { layout });
  }

  it("shows an employee's private notice to them alone, not to an agent watching their DM", async () => {
    const { page, errors, failed } = await open();
    const dm = pane(page, 'dm');
    await actAs(page, 'budi');
    await sendDm(page, 'vpn putus');
    await dm.locator('.msg-bubble.mine', { hasText: 'vpn putus' }).waitFor();
    await sendDm(page, 'whisper');
    await dm.locator('.msg.ephemeral', { hasText: 'Psst' }).waitFor();

    await actAs(page, 'ayu');
    await showColumn(page, 'dm');
    await page.locator('#dm-guard', { hasText: 'Ayu Lestari' }).waitFor();
    await dm.locator('.msg-bubble', { hasText: 'Here is what I found for: vpn putus' }).waitFor();
    await dm.locator('.msg-bubble.mine', { hasText: 'whisper' }).waitFor();
    // What speaks to Ayu is in her language (the agents'), though the DM speaks Budi's (English).
    const role = t('id', 'role_agent', { level: 1 });
    expect(await page.locator('#dm-guard').textContent()).toBe(
      `${consoleWord('id', 'dm_guard', { name: 'Ayu Lestari', role })} ` +
        consoleWord('id', 'dm_guard_switch', { name: 'Budi' }),
    );
    const solved = dm.locator('.msg-bubble.from-bot button[data-action="l0_solved"]');
    expect(await solved.getAttribute('title')).toBe(consoleWord('id', 'dm_act_to_answer'));
    expect(await solved.isDisabled()).toBe(true);
    expect(await dm.locator('.pane-sub').textContent()).toBe(consoleWord('en', 'dm_sub'));
    expect(await dm.locator('.msg', { hasText: 'Psst' }).count()).toBe(0);
    expect(await dm.locator('.ephemeral-marker').count()).toBe(0);

    // The server leaves it out for anyone but Budi; the page asks as the person you act as.
    const read = async (viewer: string) => {
      const url = new URL(`/api/conversation?c=dm:budi&viewer=${viewer}`, app.url);
      const body = (await (await fetch(url)).json()) as { messages: { ephemeral: boolean }[] };
      return body.messages.filter((m) => m.ephemeral).length;
    };
    expect([await read('ayu'), await read('sari'), await read('budi')]).toEqual([0, 0, 1]);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('puts everyone in reach with an "Acting as" label in the language of who you act as', async () => {
    const { page, errors, failed } = await open();
    const label = page.locator('#acting-label');
    for (const user of CONSOLE_USERS) {
      await actAs(page, user.id);
      // Agents read Indonesian here; Budi and Sari, not answered in a language yet, English.
      const locale = user.role === 'employee' ? 'en' : 'id';
      await label.filter({ hasText: consoleWord(locale, 'acting_as') }).waitFor();
      expect(within(await box(label), { x: 0, y: 0, ...viewport })).toBe(true);
      await expectEveryoneReachable(page, viewport);
    }
    // A desktop window narrowed to just above the phone layout keeps everyone in the bar.
    if (layout === 'desktop') {
      const narrow = { width: 860, height: 700 };
      await page.setViewportSize(narrow);
      await expectEveryoneReachable(page, narrow);
    }
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  /** Everyone can be chosen on screen as it is: nothing to scroll sideways to reach them. */
  async function expectEveryoneReachable(
    page: Page,
    size: { width: number; height: number },
  ): Promise<void> {
    const screen = { x: 0, y: 0, ...size };
    const picker = page.locator('#acting-select');
    const people = clip(await box(page.locator('.topbar')), screen);
    for (const { id } of CONSOLE_USERS) {
      if (await picker.isVisible()) {
        expect(within(await box(picker), screen)).toBe(true);
        expect(await picker.locator(`option[value="${id}"]`).count()).toBe(1);
      } else {
        const chip = page.locator(`.person[data-user="${id}"]`);
        expect(await chip.isVisible()).toBe(true);
        // Within the bar as shown: not in a part of it that scrolls out of sight.
        expect(within(await box(chip), clip(await box(page.locator('#people')), people))).toBe(
          true,
        );
      }
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
  }

  it("says which required field is empty and why, under it, in its reader's language", async () => {
    const { page, errors, failed } = await open();
    const dm = pane(page, 'dm');
    await actAs(page, 'sari');
    await sendDm(page, 'printer offline');
    const answer = dm.locator('.msg-bubble.from-bot', { hasText: 'printer offline' });
    await answer.locator('button[data-action="l0_need_help"]').click();
    const form = answer.locator('form[data-form-for="l0_need_help"]');
    await form.locator('button[type="submit"]').click();
    const problem = (field: string) =>
      form
        .locator('.form-row', { has: page.locator(`[data-field="${field}"]`) })
        .locator('.field-problem');
    // Sari is spoken to in English: the form's words are hers.
    expect(await problem('category').textContent()).toBe(
      consoleWord('en', 'field_required', { field: 'Category' }),
    );
    expect(await problem('details').textContent()).toBe(
      consoleWord('en', 'field_required', { field: 'Details' }),
    );
    expect(await problem('phone').isVisible()).toBe(false); // optional
    await expectUnder(form.locator('[data-field="category"]'), problem('category'));
    await expectUnder(form.locator('[data-field="details"]'), problem('details'));

    // Filling a field in takes its message away; the ticket opens once nothing is missing.
    await form.locator('textarea[data-field="details"]').fill('It says offline since noon');
    expect(await problem('details').isVisible()).toBe(false);
    expect(await problem('category').isVisible()).toBe(true);
    await form.locator('select[data-field="category"]').selectOption('hardware');
    expect(await problem('category').isVisible()).toBe(false);
    await form.locator('button[type="submit"]').click();
    await dm.locator('.msg-bubble', { hasText: /Ticket IT-\d+ opened/ }).waitFor();

    // An agent's form speaks the agents' language (Indonesian here).
    await actAs(page, 'ayu');
    const card = pane(page, 'level:1').locator('.thread', { hasText: 'printer offline' });
    await card.locator('button[data-action="escalate"]').click();
    const escalation = card.locator('form[data-form-for="escalate"]');
    await escalation.locator('button[type="submit"]').click();
    const reason = escalation.locator('.field-problem');
    expect(await reason.textContent()).toBe(
      consoleWord('id', 'field_required', { field: 'Reason' }),
    );
    await expectUnder(escalation.locator('textarea[data-field="reason"]'), reason);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  /** `message` is shown right under `field`, within the screen's width (both measured at once). */
  async function expectUnder(field: Locator, message: Locator): Promise<void> {
    type Measurable = { getBoundingClientRect(): Box };
    const [f, m] = await field.page().evaluate(
      (elements) =>
        elements.map((el) => {
          const r = (el as unknown as Measurable).getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      [await field.elementHandle(), await message.elementHandle()],
    );
    if (!f || !m) throw new Error('a field or its message is missing');
    expect(m.y).toBeGreaterThanOrEqual(f.y + f.height - 1);
    expect(m.y - (f.y + f.height)).toBeLessThan(8);
    expect(Math.abs(m.x - f.x)).toBeLessThan(4);
    expect(m.x + m.width).toBeLessThanOrEqual(viewport.width);
  }

  /** Holds the page's next post to `path` until the returned function is called. */
  async function holdPosts(page: Page, path: string): Promise<() => void> {
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await page.route(`**${path}`, hold, { times: 1 });
    return () => release!();
  }

  it('keeps what was typed while the previous message was still sending, and only that', async () => {
    const { page, errors } = await open();
    const input = page.locator('#dm-input');
    const sent = pane(page, 'dm').locator('.composer button:not([disabled])');
    await actAs(page, 'budi');
    let release = await holdPosts(page, '/api/dm');
    await sendDm(page, 'first question');
    await input.fill('second question, half typed');
    release();
    await pane(page, 'dm').locator('.msg-bubble.mine', { hasText: 'first question' }).waitFor();
    await pane(page, 'dm').locator('.msg-bubble.from-bot', { hasText: 'first question' }).waitFor();
    expect(await input.inputValue()).toBe('second question, half typed');

    // Typing on after the text being sent: once it is sent, the box keeps what follows it alone.
    release = await holdPosts(page, '/api/dm');
    await sendDm(page, 'third question');
    await input.press('End');
    await page.keyboard.type(' and a fourth');
    release();
    await sent.waitFor(); // the send is over
    expect(await input.inputValue()).toBe('and a fourth');
    await pane(page, 'dm')
      .locator('.msg-bubble.mine .b-text', { hasText: /^third question$/ })
      .waitFor();

    // The same in a ticket's thread.
    await surface.postCard(1, say('IT-4001 · the printer on floor 3'));
    await actAs(page, 'ayu');
    await showColumn(page, 'level:1');
    const thread = pane(page, 'level:1').locator('.thread', { hasText: 'IT-4001' });
    const reply = thread.locator('.reply-box textarea');
    release = await holdPosts(page, '/api/thread');
    await reply.fill('Restarting the spooler');
    await reply.press('Enter');
    await reply.press('End');
    await page.keyboard.type(' // then the driver');
    release();
    await thread.locator('.reply-box button[type="submit"]:not([disabled])').waitFor();
    expect(await reply.inputValue()).toBe('// then the driver');
    await thread.locator('.msg-reply .b-text', { hasText: /^Restarting the spooler$/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the new-messages bar off an open form, and brings the answer to a press into view', async () => {
    const { page, errors, failed } = await open();
    const dm = pane(page, 'dm');
    const feed = dm.locator('.pane-body');
    const bar = dm.locator('.new-pill');
    await actAs(page, 'budi');
    await sendDm(page, 'wifi drops');
    const answer = dm.locator('.msg-bubble.from-bot', { hasText: 'wifi drops' });
    await answer.waitFor();
    for (let i = 1; i <= 20; i++) await surface.sendDirect(budiDm, say(`Update ${i}.`));
    await feed.locator('.msg', { hasText: 'Update 20.' }).waitFor();

    // Budi goes back up to the answer and opens its form; it stands at the bottom of his view.
    await answer.locator('button[data-action="l0_need_help"]').click();
    const form = answer.locator('form[data-form-for="l0_need_help"]');
    await form.evaluate(
      (el: {
        closest(s: string): { scrollTop: number; getBoundingClientRect(): { bottom: number } };
        getBoundingClientRect(): { bottom: number };
      }) => {
        const scroller = el.closest('.pane-body');
        scroller.scrollTop +=
          el.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom;
      },
    );
    await surface.sendDirect(budiDm, say('Update 21.'));
    await bar.filter({ hasText: /^1 new message ↓$/ }).waitFor();
    const shown = clip(await box(form), await box(feed));
    expect(overlap(await box(bar), shown)).toBe(false);
    expect(within(await box(form.locator('button[type="submit"]')), await box(feed))).toBe(true);

    // He sends it: the answer lands at the end of the DM, and is brought into his view.
    await form.locator('select[data-field="category"]').selectOption('network');
    await form.locator('textarea[data-field="details"]').fill('Every few minutes');
    await form.locator('button[type="submit"]').click();
    const opened = feed.locator('.msg', { hasText: /Ticket IT-\d+ opened/ });
    await opened.waitFor();
    expect(within(await box(opened), await box(feed))).toBe(true);

    // Back up at the answer, a press of an out-of-date button: its refusal is brought into view too.
    await answer.locator('button[data-action="l0_solved"]').scrollIntoViewIfNeeded();
    await answer.locator('button[data-action="l0_solved"]').click();
    const refusal = feed.locator('.msg.ephemeral', { hasText: STALE });
    await refusal.waitFor();
    expect(within(await box(refusal), await box(feed))).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
