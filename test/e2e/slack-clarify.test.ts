import path from 'node:path';
import { areaLabel } from '../../src/core/i18n/area-labels';
import { t } from '../../src/core/i18n/translate';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { slackBlockProblems } from '../support/slack-block-rules';
import {
  CHANNELS,
  dmChannelOf,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import { areaOutcome } from '../support/clarify-expectations';

type Button = { type: string; action_id: string; value: string; text: { text: string } };
const buttonsOf = (blocks: unknown): Button[] =>
  (blocks as { type: string; elements?: Button[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

/**
 * L0's clarifying question in Slack, over real HTTP on the real core and the project's kb/: a vague
 * message gets "What is not working?" with the KB's areas as buttons, a picked area that area's
 * articles (or its answer), "Open ticket" the form; another person's press and a stale one are
 * refused. Which area gives which is read from the same search the bot runs (areaOutcome).
 */
describe('Slack channel on the real core: "What is not working?"', () => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')));
  const areas = kb.areas().slice(0, 6);
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ kb });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks which area, searches the picked one, and refuses a press of someone else or a stale one', async () => {
    const dm = dmChannelOf(PEOPLE.budi);
    const question = "it doesn't work";
    expect((await kb.search(question)).intent).toBe('vague');

    // 1. One message: the question, a button per area (largest first), and the ticket.
    await h.dm(PEOPLE.budi, question);
    const [message, ...others] = h.posted(dm);
    expect(others).toEqual([]);
    expect(slackBlockProblems(message!.args)).toEqual([]);
    expect(shownText(message!)).toContain(t('en', 'clarify_question'));
    const buttons = buttonsOf(message!.args.blocks);
    expect(buttons.map((b) => [b.action_id.split(':')[1], b.text.text])).toEqual([
      ...areas.map((a) => ['l0_area', areaLabel(a.id, 'en')]),
      ['ticket_form', t('en', 'btn_open_ticket')],
    ]);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);

    // 2. Sari pressing Budi's button (from her own chat) is told it is out of date, privately.
    const { area, expected } = await areaOutcome(kb, question, areas, 'en', 'suggest');
    const label = areaLabel(area, 'en');
    const pressed = h.button('l0_area', dm, label);
    const sari = dmChannelOf(PEOPLE.sari);
    expect((await h.press(PEOPLE.sari, { ...pressed, channel: sari })).status).toBe(200);
    const refusal = h.stub.ok('chat.postEphemeral').at(-1)!;
    expect(refusal.args).toMatchObject({ channel: sari, user: PEOPLE.sari.id });
    expect(shownText(refusal)).toContain(t('en', 'refused_stale_l0'));
    expect(h.posted(dm)).toHaveLength(1);

    // 3. Budi's press searches his question within the area: its articles to pick from.
    expect((await h.press(PEOPLE.budi, pressed)).status).toBe(200);
    const reply = h.posted(dm).at(-1)!;
    expect(h.posted(dm)).toHaveLength(2);
    expect(slackBlockProblems(reply.args)).toEqual([]);
    expect(shownText(reply)).toContain(t('en', 'area_suggest_intro', { area: label }));
    expect(shownText(reply)).toContain(t('en', 'area_own_words'));
    expect(
      buttonsOf(reply.args.blocks).map((b) => [b.action_id.split(':')[1], b.text.text]),
    ).toEqual([
      ...expected.titles.map((title) => ['l0_pick', title]),
      ['ticket_form', t('en', 'btn_none_of_these')],
    ]);

    // 4. The same area again is out of date: told to Budi alone, nothing posted.
    expect((await h.press(PEOPLE.budi, pressed)).status).toBe(200);
    expect(h.posted(dm)).toHaveLength(2);
    const stale = h.stub.ok('chat.postEphemeral').at(-1)!;
    expect(stale.args).toMatchObject({ channel: dm, user: PEOPLE.budi.id });
    expect(shownText(stale)).toContain(t('en', 'refused_stale_l0'));
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
  });

  it('asks in Indonesian, and "Buat tiket" opens the form for a ticket', async () => {
    const dm = dmChannelOf(PEOPLE.nina);
    const question = 'ada masalah nih';
    expect((await kb.search(question)).intent).toBe('vague');
    await h.dm(PEOPLE.nina, question);
    const message = h.posted(dm).at(-1)!;
    expect(shownText(message)).toContain('Apa yang bermasalah?');
    expect(buttonsOf(message.args.blocks).map((b) => b.text.text)).toEqual([
      ...areas.map((a) => areaLabel(a.id, 'id')),
      'Buat tiket',
    ]);

    await h.press(PEOPLE.nina, h.button('ticket_form', dm, 'Buat tiket'));
    const opened = h.stub.ok('views.open').at(-1)!;
    expect(shownText(opened)).toContain(t('id', 'form_category'));
    await h.submit(PEOPLE.nina, opened, { category: 'hardware', impact: 'me', urgency: 'low' });
    const card = h.posted(CHANNELS.l1).at(-1)!;
    expect(shownText(card)).toContain(question);
    const key = /IT-\d+/.exec(shownText(card))?.[0];
    expect(shownText(h.posted(dm).at(-1)!)).toContain(`${key}`);
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
  });

  it('offers the articles of a picked area in Indonesian, never a guess; one picked is answered and solved', async () => {
    const dm = dmChannelOf(PEOPLE.joko);
    const question = 'ada masalah nih';
    const { area, expected } = await areaOutcome(kb, question, areas, 'id', 'suggest');
    await h.dm(PEOPLE.joko, question);
    await h.press(PEOPLE.joko, h.button('l0_area', dm, areaLabel(area, 'id')));
    expect(shownText(h.posted(dm).at(-1)!)).toContain(expected.titles[0]);
    await h.press(PEOPLE.joko, h.button('l0_pick', dm, expected.titles[0]));
    const answer = h.posted(dm).at(-1)!;
    expect(shownText(answer)).toContain(expected.titles[0]);
    expect(shownText(answer)).toContain(t('id', 'answer_question'));
    await h.press(PEOPLE.joko, h.button('l0_solved', dm, t('id', 'btn_solved')));
    expect(shownText(h.posted(dm).at(-1)!)).toContain(t('id', 'solved_reply'));
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
  });
});
