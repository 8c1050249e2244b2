import path from 'node:path';
import { t } from '../../src/core/i18n/translate';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { slackBlockProblems } from '../support/slack-block-rules';
import {
  dmChannelOf,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';

type Button = { type: string; action_id: string; value: string; text: { text: string } };

/**
 * L0 "is it one of these?" in Slack, over real HTTP on the real core: a knowledge base that never
 * answers (answerThreshold 1) and always offers its top 3 (suggestThreshold 0), whatever the
 * ranking model, so the DM gets a button per article; a pick shows that article, and a second
 * press of it is refused to the presser alone.
 */
describe('Slack channel on the real core: is it one of these?', () => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
    answerThreshold: 1,
    suggestThreshold: 0,
  });
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ kb });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers the articles as buttons, shows the picked one, thanks, and refuses a stale pick', async () => {
    const dm = dmChannelOf(PEOPLE.budi);
    const question = 'my laptop battery drains very fast';
    const offered = (await kb.search(question)).suggestions.map((s) => kb.article(s.id, 'en')!);
    expect(offered).toHaveLength(3);

    // 1. The question gets one message: the intro, a button per article, and the ticket.
    await h.dm(PEOPLE.budi, question);
    const [message, ...others] = h.posted(dm);
    expect(others).toEqual([]);
    expect(slackBlockProblems(message!.args)).toEqual([]);
    expect(shownText(message!)).toContain(t('en', 'suggest_intro'));
    expect(shownText(message!)).toContain(t('en', 'suggest_none'));
    const buttons = (message!.args.blocks as { type: string; elements?: Button[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    const picks = buttons.filter((b) => b.action_id.startsWith('lapis:l0_pick:'));
    expect(picks.map((b) => [b.type, b.text.text])).toEqual(
      offered.map((a) => ['button', a.title]),
    );
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
    const ticket = buttons.filter((b) => b.action_id.startsWith('lapis:ticket_form:'));
    expect(ticket.map((b) => b.text.text)).toEqual([t('en', 'btn_none_of_these')]);

    // 2. Picking the second article posts it, asking whether it solved it.
    const chosen = offered[1]!;
    const pick = h.button('l0_pick', dm, chosen.title);
    expect((await h.press(PEOPLE.budi, pick)).status).toBe(200);
    const article = h.posted(dm).at(-1)!;
    const headers = (article.args.blocks as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === 'header')
      .map((b) => b.text?.text);
    expect(headers).toEqual([chosen.title]);
    expect(shownText(article)).toContain(chosen.summary);
    expect(shownText(article)).toContain(t('en', 'answer_question'));
    expect(h.button('l0_need_help', dm).messageTs).toBe(article.response.ts);

    // 3. "Solved" thanks him.
    await h.press(PEOPLE.budi, h.button('l0_solved', dm));
    expect(shownText(h.posted(dm).at(-1)!)).toContain(t('en', 'solved_reply'));

    // 4. The same pick pressed again is out of date: told to Budi alone, no article posted.
    const posts = h.posted(dm).length;
    expect((await h.press(PEOPLE.budi, pick)).status).toBe(200);
    expect(h.posted(dm)).toHaveLength(posts);
    const refusal = h.stub.ok('chat.postEphemeral').at(-1)!;
    expect(refusal.args).toMatchObject({ channel: dm, user: PEOPLE.budi.id });
    expect(shownText(refusal)).toContain(t('en', 'refused_stale_l0'));
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
  });
});
