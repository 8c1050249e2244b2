import type { Locator, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/translate';
import type { MessageKey } from '../../src/core/i18n/catalog';
import { consoleWord } from '../support/console-words';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { actAs, LAYOUTS, openConsole, pageWidth, pane, sendDm, type Layout } from './browser';

type Box = { x: number; y: number; width: number; height: number };

/** Where each element is, measured at one moment (the feed may scroll between two reads). */
async function boxes(page: Page, ...locators: Locator[]): Promise<Box[]> {
  type Measurable = { getBoundingClientRect(): Box };
  const handles = await Promise.all(locators.map((l) => l.elementHandle()));
  return page.evaluate(
    (elements) =>
      elements.map((el) => {
        const r = (el as unknown as Measurable).getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    handles,
  );
}

/**
 * When L0 hands over to a person, the bot's words read as a sentence that leads to the button
 * under them ("...: open a ticket, and a few details...", then "Open ticket"), never a dangling
 * colon; and the ticket form speaks the employee's language down to its "required" messages. The
 * real core and kb/, in English (Budi) and Indonesian (Sari), at desktop and phone size.
 */
describe.each<Layout>(['desktop', 'phone'])(
  'local console: handing over to an agent (%s)',
  (layout) => {
    let world: RealConsole | undefined;
    beforeAll(async () => {
      world = await startRealConsole();
    });
    afterAll(() => world?.close());

    const cases = [
      {
        who: 'budi',
        locale: 'en',
        answered: 'my laptop battery drains very fast',
        unanswered: 'when I post an invoice in SAP it shows error code 4711',
      },
      {
        who: 'sari',
        locale: 'id',
        answered: 'baterai laptop saya cepat habis',
        unanswered: 'SAP error kode 4711 saat posting faktur',
      },
    ] as const;

    it.each(cases)('$locale: a sentence, then its button', async (c) => {
      const { page, errors, failed } = await openConsole(world!.browser, world!.app.url, {
        layout,
      });
      const dm = pane(page, 'dm');
      const bot = (key: MessageKey) =>
        dm.locator('.msg-bubble.from-bot', { hasText: t(c.locale, key) });
      await actAs(page, c.who);

      // "Still need help" on an answer, then a question the KB has nothing for.
      await sendDm(page, c.answered);
      await bot('answer_question').locator('button[data-action="l0_need_help"]').click();
      await expectSentenceThenButton(page, bot('need_help_reply'), t(c.locale, 'need_help_reply'));
      await sendDm(page, c.unanswered);
      await expectSentenceThenButton(page, bot('no_answer'), t(c.locale, 'no_answer'));

      // The form under it, sent empty: every required field says so in the employee's language.
      const offer = bot('no_answer');
      await offer.locator('button[data-action="ticket_form"]').click();
      const form = offer.locator('form[data-form-for="ticket_form"]');
      await form.locator('button[type="submit"]').click();
      const problems = form.locator('.field-problem:visible');
      expect(await problems.allTextContents()).toEqual(
        (['form_category', 'form_impact', 'form_urgency'] as const).map((field) =>
          consoleWord(c.locale, 'field_required', { field: t(c.locale, field) }),
        ),
      );
      expect(await pageWidth(page)).toBeLessThanOrEqual(LAYOUTS[layout].width);
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      await page.close();
    });

    /** The message says `sentence` (a full stop at its end, no colon) and its button comes right under it. */
    async function expectSentenceThenButton(page: Page, message: Locator, sentence: string) {
      const text = message.locator('.b-text').first();
      const button = message.locator('button[data-action="ticket_form"]');
      await button.waitFor();
      expect(await text.textContent()).toBe(sentence);
      expect(sentence).toMatch(/\.$/);
      const [said, action] = await boxes(page, text, button);
      expect(action!.y).toBeGreaterThanOrEqual(said!.y + said!.height);
      expect(action!.y - (said!.y + said!.height)).toBeLessThan(24);
    }
  },
);
