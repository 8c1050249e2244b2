import { t } from '../../src/core/i18n/translate';
import { formatMarkdown } from '../../src/report/format-markdown';
import { reportSettingsFromConfig } from '../../src/app/report-settings';
import { createMongoKbDrafts } from '../../src/store/mongo-kb-drafts';
import { createReportLoader } from '../../src/app/report-loader';
import {
  CHANNELS,
  dmChannelOf,
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
    // Each message stands alone unless it answers a question of the bot's (no follow-up folding).
    h = await startSlackHarness({ env: { FOLLOW_UP_SECONDS: '0' } });
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

  it("drafts from the ticket's own question, and the bot and the report name the same draft id", async () => {
    const dm = dmChannelOf(PEOPLE.sari);
    // Sari asks about other things first, in the same conversation: a wifi question and a vague one.
    await h.dm(PEOPLE.sari, 'the office wifi keeps dropping every few minutes');
    await h.dm(PEOPLE.sari, "it doesn't work");
    await h.press(PEOPLE.sari, h.button('l0_area', dm));
    const question = 'office printer cannot print anything, the queue is stuck';
    const { key } = await openTicket(h, PEOPLE.sari, question, {
      category: 'printing',
      impact: 'team',
      urgency: 'degraded',
    });
    await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
    await h.press(PEOPLE.ayu, h.button('resolve', CHANNELS.l1));
    await h.submit(PEOPLE.ayu, h.stub.ok('views.open').at(-1)!, {
      summary: 'Cleared the stuck job from the print queue. Restarted the spooler.',
    });
    await h.press(PEOPLE.ayu, h.button('draft_article', CHANNELS.l1));
    const opened = h.stub.ok('views.open').at(-1)!;
    const blocks = (opened.args.view as { blocks: ModalBlock[] }).blocks;
    const initial = Object.fromEntries(
      blocks.map((b) => [b.block_id, b.element.initial_value ?? b.element.initial_option?.value]),
    );
    // How employees ask it: this ticket's question only, not the wifi or the vague message.
    expect(initial.questions).toBe(question);
    await h.submit(PEOPLE.ayu, opened, initial as Record<string, string>);

    const said = shownText(h.stub.ok('chat.postEphemeral').at(-1)!);
    const id = 'office-printer-cannot-print-anything-the-queue-is-stuck';
    expect(said).toContain(` ${id} `);

    const to = new Date(Date.now() + 60_000);
    const report = await createReportLoader(
      h.db,
      reportSettingsFromConfig(h.config),
    )({ from: new Date(to.getTime() - 86_400_000), to });
    const item = report.drafts.items.find((d) => d.ticketKey === key);
    expect(item).toMatchObject({ id, status: 'approved' });
    const md = formatMarkdown(report);
    expect(md).toContain(`| ${id} |`);
    expect(md).not.toContain('draft:');
    // The dashboard's gaps table names the draft the same way, next to the printer gap only (the
    // vague message is a gap of its own, which the draft does not claim).
    const gapOf = (text: string) => report.gaps.groups.find((g) => g.examples.includes(text));
    expect(gapOf(question)?.drafts).toEqual([id]);
    expect(gapOf("it doesn't work")?.drafts).toEqual([]);
  });
});
