import { t } from '../../src/core/i18n/translate';
import { createMongoKbDrafts } from '../../src/store/mongo-kb-drafts';
import {
  CHANNELS,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';

interface ModalBlock {
  block_id: string;
  optional: boolean;
  element: {
    type: string;
    initial_value?: string;
    initial_option?: { value: string };
  };
}

/**
 * "Draft KB article" in Slack over real HTTP: the resolved ticket's card carries the button, its
 * modal opens pre-filled with the draft generated from the ticket, and the submitted edit is stored.
 */
describe('Slack: drafting a KB article from a resolved ticket', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the pre-filled modal and stores the submitted draft', async () => {
    const agentLocale = h.config.DEFAULT_LOCALE;
    const { key, cardTs } = await openTicket(
      h,
      PEOPLE.budi,
      'the printer on floor 3 jams on every page',
      {
        category: 'printing',
        impact: 'me',
        urgency: 'low',
      },
    );
    await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
    await h.press(PEOPLE.ayu, h.button('resolve', CHANNELS.l1));
    await h.submit(PEOPLE.ayu, h.stub.ok('views.open').at(-1)!, {
      summary: 'Removed a torn label from the fuser.\nSet the tray to A4 paper.',
    });
    const resolvedCard = h.stub
      .ok('chat.update')
      .filter((c) => c.args.ts === cardTs)
      .at(-1)!;
    expect(JSON.stringify(resolvedCard.args.blocks)).toContain('lapis:draft_article:');

    await h.press(PEOPLE.ayu, h.button('draft_article', CHANNELS.l1));
    const opened = h.stub.ok('views.open').at(-1)!;
    const view = opened.args.view as { title: { text: string }; blocks: ModalBlock[] };
    expect(view.title.text).toBe(t(agentLocale, 'btn_draft_article'));
    const initial = Object.fromEntries(
      view.blocks.map((b) => [
        b.block_id,
        b.element.initial_value ?? b.element.initial_option?.value,
      ]),
    );
    expect(initial).toEqual({
      title: 'The printer on floor 3 jams on every page',
      article_summary: 'Removed a torn label from the fuser.',
      questions: 'the printer on floor 3 jams on every page',
      steps: '1. Removed a torn label from the fuser.\n2. Set the tray to A4 paper.',
      tags: undefined,
      lang: 'en',
    });
    expect(view.blocks.filter((b) => !b.optional).map((b) => b.block_id)).toEqual([
      'title',
      'article_summary',
      'lang',
    ]);

    await h.submit(PEOPLE.ayu, opened, {
      ...(initial as Record<string, string>),
      title: 'Printer jams on every page',
      steps: '1. Open the fuser door.\n2. Remove any label stuck inside.\n3. Set the tray to A4.',
      tags: 'printer, paper jam',
    });
    const [draft] = await createMongoKbDrafts(h.db).list();
    expect(draft).toMatchObject({
      ticketKey: key,
      articleId: 'printer-jams-on-every-page',
      lang: 'en',
      category: 'hardware',
      title: 'Printer jams on every page',
      summary: 'Removed a torn label from the fuser.',
      questions: ['the printer on floor 3 jams on every page'],
      steps: ['Open the fuser door.', 'Remove any label stuck inside.', 'Set the tray to A4.'],
      tags: ['printer', 'paper jam'],
      by: { platform: 'slack', id: PEOPLE.ayu.id },
    });
    const whisper = h.stub.ok('chat.postEphemeral').at(-1)!;
    expect(whisper.args).toMatchObject({ user: PEOPLE.ayu.id, thread_ts: cardTs });
    expect(shownText(whisper)).toContain('printer-jams-on-every-page');
  });
});
