import path from 'node:path';
import type { ConsoleFeedEntry } from '../../src/channels/console/console-surface';
import { t } from '../../src/core/i18n/translate';
import type { Action } from '../../src/core/messages';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { actAs, openConsole, pane, sendDm } from './browser';

/**
 * L0 "is it one of these?" in the local console on the real core, clicked through in the page; what
 * the core stored is then read back through the console's own API (GET /api/conversation). The
 * knowledge base never answers (answerThreshold 1) and always offers its top 3 (suggestThreshold 0).
 */
describe('local console on the real core: is it one of these?', () => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
    answerThreshold: 1,
    suggestThreshold: 0,
  });
  let world: RealConsole | undefined;
  beforeAll(async () => {
    world = await startRealConsole({ kb });
  });
  afterAll(() => world?.close());

  /** Budi's DM as `viewer` sees it, through the console's API. */
  async function dmAsSeenBy(viewer: string): Promise<ConsoleFeedEntry[]> {
    await world!.helpdesk.idle();
    const url = new URL(`/api/conversation?c=dm:budi&viewer=${viewer}`, world!.app.url);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: ConsoleFeedEntry[] }).messages;
  }
  const actionsOf = (entry: ConsoleFeedEntry): Action[] =>
    entry.message.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []));

  it('offers the articles as buttons, shows the picked one, thanks, retires them, and refuses a stale pick', async () => {
    const question = 'my laptop battery drains very fast';
    const offered = (await kb.search(question)).suggestions.map((s) => kb.article(s.id, 'en')!);
    expect(offered).toHaveLength(3);
    const { page, errors, failed } = await openConsole(world!.browser, world!.app.url);
    const dm = pane(page, 'dm');
    const bot = (text: string) => dm.locator('.msg-bubble.from-bot', { hasText: text });

    // 1. Budi asks: one message with a button per article, and the ticket behind "None of these".
    await actAs(page, 'budi');
    await sendDm(page, question);
    const suggestions = bot(t('en', 'suggest_intro'));
    await suggestions.locator('button[data-action="ticket_form"]').waitFor();
    const picks = suggestions.locator('button[data-action="l0_pick"]');
    expect(await picks.allTextContents()).toEqual(offered.map((a) => a.title));
    const [, stored] = await dmAsSeenBy('budi');
    expect(actionsOf(stored!).map((a) => [a.id, a.label])).toEqual([
      ...offered.map((a) => ['l0_pick', a.title]),
      ['ticket_form', t('en', 'btn_none_of_these')],
    ]);
    expect(actionsOf(stored!).map((a) => JSON.parse(a.payload) as unknown)).toEqual([
      ...offered.map((a) => ({ session: 1, lang: 'en', article: a.id })),
      { session: 1, lang: 'en' },
    ]);

    // 2. Picking the second article shows it, asking whether it solved it; "Solved" thanks him.
    const chosen = offered[1]!;
    await picks.filter({ hasText: chosen.title }).click();
    const answer = bot(t('en', 'answer_question'));
    await answer.locator('.b-header', { hasText: chosen.title }).waitFor();
    await answer.filter({ hasText: chosen.summary }).waitFor();
    await answer.locator('button[data-action="l0_need_help"]').waitFor();
    await answer.locator('button[data-action="l0_solved"]').click();
    await bot(t('en', 'solved_reply')).waitFor();

    // 3. The used buttons are gone: the suggestions name the pick, the answer its "Solved".
    await suggestions
      .locator('.b-context', { hasText: t('en', 'chosen_pick', { choice: chosen.title }) })
      .waitFor();
    expect(await suggestions.locator('button').count()).toBe(0);
    await answer.locator('.b-context', { hasText: t('en', 'chosen_solved') }).waitFor();
    expect(await answer.locator('button').count()).toBe(0);

    // 4. The same pick sent again anyway (a page that kept it) is out of date, and says so to Budi
    // alone: no article is shown.
    const pick = actionsOf(stored!).find((a) => a.label === chosen.title)!;
    const again = await fetch(new URL('/api/action', world!.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'budi', action: pick.id, payload: pick.payload }),
    });
    expect(again.status).toBe(200);
    const refusal = dm.locator('.msg.ephemeral', { hasText: t('en', 'refused_stale_l0') });
    await refusal.waitFor();
    const seen = await dmAsSeenBy('budi');
    expect(seen.map((m) => [m.from?.id ?? 'bot', m.ephemeral, m.message.text])).toEqual([
      ['budi', false, question],
      [
        'bot',
        false,
        `${stored!.message.text}\n${t('en', 'chosen_pick', { choice: chosen.title })}`,
      ],
      ['bot', false, `${chosen.title}: ${chosen.summary}\n${t('en', 'chosen_solved')}`],
      ['bot', false, t('en', 'solved_reply')],
      ['bot', true, t('en', 'refused_stale_l0')],
    ]);
    expect((await dmAsSeenBy('ayu')).filter((m) => m.ephemeral)).toEqual([]);

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
