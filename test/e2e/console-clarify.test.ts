import path from 'node:path';
import type { ConsoleFeedEntry } from '../../src/channels/console/console-surface';
import { areaLabel } from '../../src/core/i18n/area-labels';
import { t } from '../../src/core/i18n/translate';
import type { Action } from '../../src/core/messages';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { areaOutcome } from '../support/clarify-expectations';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { actAs, openConsole, pane, sendDm } from './browser';

/**
 * L0's clarifying question in the local console on the real core and the project's kb/, clicked
 * through in the page; what the core stored is read back through the console's own API.
 */
describe('local console on the real core: "What is not working?"', () => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')));
  const areas = kb.areas().slice(0, 6);
  let world: RealConsole | undefined;
  beforeAll(async () => {
    world = await startRealConsole({ kb });
  });
  afterAll(() => world?.close());

  /** A DM as `viewer` sees it, through the console's API. */
  async function dmAsSeenBy(dm: string, viewer: string): Promise<ConsoleFeedEntry[]> {
    await world!.helpdesk.idle();
    const url = new URL(`/api/conversation?c=dm:${dm}&viewer=${viewer}`, world!.app.url);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: ConsoleFeedEntry[] }).messages;
  }
  const actionsOf = (entry: ConsoleFeedEntry): Action[] =>
    entry.message.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []));

  it('offers the articles of a picked area in Indonesian, never a guess; one picked is answered and solved', async () => {
    const question = 'ada masalah nih';
    const { area, expected } = await areaOutcome(kb, question, areas, 'id', 'suggest');
    const { page, errors, failed } = await openConsole(world!.browser, world!.app.url);
    const dm = pane(page, 'dm');
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });

    await actAs(page, 'budi');
    await sendDm(page, question);
    const asked = bot('Apa yang bermasalah?');
    const label = areaLabel(area, 'id');
    await asked.locator('button[data-action="l0_area"]', { hasText: label }).click();
    const offered = bot(t('id', 'area_suggest_intro', { area: label }));
    const picks = offered.locator('button[data-action="l0_pick"]');
    await picks.first().waitFor();
    expect(await picks.allTextContents()).toEqual(expected.titles);
    await picks.filter({ hasText: expected.titles[0] }).click();
    const answer = bot(t('id', 'answer_question'));
    await answer.locator('.b-header', { hasText: expected.titles[0] }).waitFor();
    await answer.locator('button[data-action="l0_solved"]').click();
    await bot(t('id', 'solved_reply')).waitFor();
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('asks which area, searches the picked one, retires the question, and refuses a press of someone else or a stale one', async () => {
    const question = "it doesn't work";
    expect((await kb.search(question)).intent).toBe('vague');
    const { area, expected } = await areaOutcome(kb, question, areas, 'en', 'suggest');
    const label = areaLabel(area, 'en');
    const { page, errors, failed } = await openConsole(world!.browser, world!.app.url);
    const dm = pane(page, 'dm');
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });

    // 1. Budi's vague message (after the test above left his conversation settled): a button per
    // area and the ticket one click away.
    const earlier = (await dmAsSeenBy('budi', 'budi')).length;
    await actAs(page, 'budi');
    await sendDm(page, question);
    const asked = bot(t('en', 'clarify_question'));
    await asked.locator('button[data-action="ticket_form"]').waitFor();
    expect(await asked.locator('button[data-action="l0_area"]').allTextContents()).toEqual(
      areas.map((a) => areaLabel(a.id, 'en')),
    );
    const [, stored] = (await dmAsSeenBy('budi', 'budi')).slice(earlier);
    expect(actionsOf(stored!).map((a) => [a.id, a.label])).toEqual([
      ...areas.map((a) => ['l0_area', areaLabel(a.id, 'en')]),
      ['ticket_form', t('en', 'btn_open_ticket')],
    ]);

    // 2. Sari sending Budi's button (the page offers her none): refused in her chat alone.
    const pressed = actionsOf(stored!).find((a) => a.label === label)!;
    const response = await fetch(new URL('/api/action', world!.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'sari', action: pressed.id, payload: pressed.payload }),
    });
    expect(response.status).toBe(200);
    expect((await dmAsSeenBy('sari', 'sari')).map((m) => [m.ephemeral, m.message.text])).toEqual([
      [true, t('en', 'refused_stale_l0')],
    ]);
    expect(await dmAsSeenBy('budi', 'budi')).toHaveLength(earlier + 2);

    // 3. Budi picks the area: its articles to pick from, the ticket, and a word about own words.
    await asked.locator('button[data-action="l0_area"]', { hasText: label }).click();
    const offered = bot(t('en', 'area_suggest_intro', { area: label }));
    await offered.locator('button[data-action="ticket_form"]').waitFor();
    await offered.filter({ hasText: t('en', 'area_own_words') }).waitFor();
    expect(await offered.locator('button[data-action="l0_pick"]').allTextContents()).toEqual(
      expected.titles,
    );

    // 4. The area question retires its buttons, naming the area picked. The same area sent again
    // anyway (a page that kept it) is out of date, and says so to Budi alone.
    await asked
      .locator('.b-context', { hasText: t('en', 'chosen_pick', { choice: label }) })
      .waitFor();
    expect(await asked.locator('button').count()).toBe(0);
    const again = await fetch(new URL('/api/action', world!.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'budi', action: pressed.id, payload: pressed.payload }),
    });
    expect(again.status).toBe(200);
    await dm.locator('.msg.ephemeral', { hasText: t('en', 'refused_stale_l0') }).waitFor();
    const seen = (await dmAsSeenBy('budi', 'budi')).slice(earlier);
    expect(seen.map((m) => [m.from?.id ?? 'bot', m.ephemeral])).toEqual([
      ['budi', false],
      ['bot', false],
      ['bot', false],
      ['bot', true],
    ]);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('asks in Indonesian, and "Buat tiket" opens the form for a ticket', async () => {
    const question = 'ada masalah nih';
    expect((await kb.search(question)).intent).toBe('vague');
    const { page, errors, failed } = await openConsole(world!.browser, world!.app.url);
    const dm = pane(page, 'dm');
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });

    await actAs(page, 'sari');
    await sendDm(page, question);
    const asked = bot('Apa yang bermasalah?');
    await asked.locator('button[data-action="ticket_form"]').click();
    expect(await asked.locator('button[data-action="l0_area"]').allTextContents()).toEqual(
      areas.map((a) => areaLabel(a.id, 'id')),
    );
    const form = asked.locator('form[data-form-for="ticket_form"]');
    await form.locator('select[data-field="category"]').selectOption('hardware');
    await form.locator('select[data-field="impact"]').selectOption('me');
    await form.locator('select[data-field="urgency"]').selectOption('low');
    await form.locator('button[type="submit"]').click();
    await bot(t('id', 'ticket_opened', { key: 'IT-1001', priority: 'P4' })).waitFor();
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
