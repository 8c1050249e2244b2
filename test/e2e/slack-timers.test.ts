import { t } from '../../src/core/i18n/translate';
import {
  CHANNELS,
  dmChannelOf,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import {
  createTestClock,
  MONDAY_9_JAKARTA,
  SATURDAY_10_JAKARTA,
  TIMER_ENV,
} from '../support/test-clock';
import { ticketByKey } from '../support/ticket-by-key';

const HOUR = 60;
const budiDm = dmChannelOf(PEOPLE.budi);

/**
 * Reminders, auto-close and the hours notice on Slack, over real HTTP: the real core on the test
 * database, its clock moved by the test, the sweep run as main's periodic job runs it.
 */
describe('Slack: reminder, auto-close and reopen of a ticket waiting on the employee', () => {
  const clock = createTestClock(MONDAY_9_JAKARTA);
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ env: { ...TIMER_ENV, DEFAULT_LOCALE: 'en' }, clock });
  });
  afterAll(() => h?.close());

  const sweep = async () => {
    await h.helpdesk.sweepSla();
    await h.helpdesk.idle();
  };
  const lastDm = () => shownText(h.posted(budiDm).at(-1)!);
  const thread = (ts: string) => h.posted(CHANNELS.l1).filter((c) => c.args.thread_ts === ts);

  it('reminds, then closes with a notice and a Reopen that reopens; a resolution closes too', async () => {
    const { key, cardTs } = await openTicket(h, PEOPLE.budi, 'the printer on floor 3 jams');
    expect(lastDm()).not.toContain(t('en', 'hours_notice', { opens: '', due: '' }).slice(0, 20));
    await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
    await h.reply(PEOPLE.ayu, CHANNELS.l1, cardTs, 'Which tray is it?');
    await h.press(PEOPLE.ayu, h.button('wait_requester', CHANNELS.l1));

    clock.advance(2 * HOUR - 1);
    await sweep();
    expect(lastDm()).not.toMatch(/^Reminder/);
    clock.advance(1);
    await Promise.all([sweep(), sweep()]);
    const reminders = h.posted(budiDm).filter((c) => shownText(c).startsWith('Reminder:'));
    expect(reminders).toHaveLength(1);
    expect(shownText(reminders[0]!)).toContain(`Reminder: ${key} is waiting for your answer`);
    expect(JSON.stringify(reminders[0]!.args.blocks)).toContain('lapis:cancel:');

    clock.advance(2 * HOUR);
    await sweep();
    expect(lastDm()).toContain(t('en', 'closed_no_reply_requester', { key }));
    expect(JSON.stringify(h.posted(budiDm).at(-1)!.args.blocks)).toContain('lapis:reopen:');
    expect(thread(cardTs).map(shownText).join('\n')).toContain(
      t('en', 'closed_no_reply_thread', { hours: 4 }),
    );
    const card = h.stub
      .ok('chat.update')
      .filter((c) => c.args.ts === cardTs)
      .at(-1)!;
    expect(shownText(card)).toContain(t('en', 'closed_reason_auto_no_reply'));
    expect(await ticketByKey(h.db, key)).toMatchObject({
      status: 'closed',
      closedReason: 'auto_no_reply',
    });

    // One click: Reopen opens the form (what is still wrong), and the ticket is back with Ayu.
    clock.advance(HOUR);
    await h.press(PEOPLE.budi, h.button('reopen', budiDm));
    await h.submit(PEOPLE.budi, h.stub.ok('views.open').at(-1)!, { problem: 'tray 2, still' });
    expect(await ticketByKey(h.db, key)).toMatchObject({ status: 'claimed' });
    expect(lastDm()).toContain(t('en', 'reopened_requester', { key }));

    // Resolved and never confirmed: closed after RESOLVED_CLOSE_HOURS with a notice.
    await h.press(PEOPLE.ayu, h.button('resolve', CHANNELS.l1));
    await h.submit(PEOPLE.ayu, h.stub.ok('views.open').at(-1)!, { summary: 'Cleared tray 2' });
    clock.advance(3 * HOUR);
    await sweep();
    expect(lastDm()).toContain(t('en', 'closed_resolved_requester', { key }));
    expect(await ticketByKey(h.db, key)).toMatchObject({
      status: 'closed',
      closedReason: 'auto_resolved',
    });
  });
});

describe('Slack: the hours notice of a ticket opened while the desk is closed', () => {
  const clock = createTestClock(SATURDAY_10_JAKARTA);
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ env: { DEFAULT_LOCALE: 'en' }, clock });
  });
  afterAll(() => h?.close());

  it('tells the employee when the desk opens and when to expect a first response', async () => {
    const { key } = await openTicket(h, PEOPLE.budi, 'the printer on floor 3 jams', {
      category: 'printing',
      impact: 'me',
      urgency: 'low',
    });
    const opened = shownText(h.posted(budiDm).at(-1)!);
    expect(opened).toContain(t('en', 'ticket_opened', { key, priority: 'P4' }));
    expect(opened).toContain(
      t('en', 'hours_notice', { opens: 'Mon 30 Nov, 08:00', due: 'Mon 30 Nov, 17:00' }),
    );
  });
});
