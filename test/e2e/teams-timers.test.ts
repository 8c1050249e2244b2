import { t } from '../../src/core/i18n/translate';
import {
  button,
  cardOf,
  cardSaying,
  cardSubmit,
  cardText,
  installedInChannel,
  onlyCardIn,
  personalMessage,
  teamsPerson,
  threadMessage,
  type CardJson,
} from '../support/teams-activities';
import { TEAMS_SDKS, useTeamsBed, type TeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';
import {
  createTestClock,
  MONDAY_9_JAKARTA,
  SATURDAY_10_JAKARTA,
  TIMER_ENV,
} from '../support/test-clock';
import { ticketByKey } from '../support/ticket-by-key';

/**
 * Reminders, auto-close and the hours notice on Teams, on each SDK, over real HTTP: the real core
 * on the test database, its clock moved by the test, the sweep run as main's periodic job runs it.
 */
const L1 = '19:l1-service-desk@thread.tacv2';
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const ayu = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
const DM = 'a:1budi-personal-chat';
const personal = { id: DM, conversationType: 'personal' as const };
const inThread = (id: string) => ({ id, conversationType: 'channel' as const });
const en = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t('en', key, vars);
const HOUR = 60;
const env = { TEAMS_L1_CHANNEL_ID: L1, L1_AGENT_IDS: ayu.aadObjectId, DEFAULT_LOCALE: 'en' };

/** Posts an activity (or runs a sweep), expects the 200 Teams needs, returns the connector calls it caused. */
async function deliver(bed: TeamsBed, activity?: unknown): Promise<ConnectorCall[]> {
  const before = bed.connector.calls.length;
  if (activity) expect((await bed.app.post(activity)).status).toBe(200);
  else {
    await bed.app.helpdesk.sweepSla();
    await bed.app.helpdesk.idle();
  }
  return bed.connector.calls.slice(before);
}

/** Budi opens a ticket (question, "Still need help", the form); its thread, root and card. */
async function openTicket(bed: TeamsBed) {
  const url = bed.connector.url;
  await deliver(bed, installedInChannel(url, ayu, L1));
  const answer = onlyCardIn(
    await deliver(bed, personalMessage(url, budi, DM, 'the printer on floor 3 jams')),
    DM,
  );
  const form = onlyCardIn(
    await deliver(bed, cardSubmit(url, budi, personal, button(answer, 'l0_need_help').data)),
    DM,
  );
  const calls = await deliver(
    bed,
    cardSubmit(url, budi, personal, {
      ...button(form, 'ticket_form').data,
      'ticket_form.category': 'printing',
      'ticket_form.impact': 'me',
      'ticket_form.urgency': 'low',
    }),
  );
  const thread = calls.find((c) => c.kind === 'create')!;
  return {
    calls,
    thread: thread.conversationId,
    root: thread.activityId!,
    card: cardOf(thread.body.activity as Record<string, unknown>),
  };
}

describe.each(TEAMS_SDKS)('Teams (%s): reminder, auto-close and reopen', (sdk) => {
  const clock = createTestClock(MONDAY_9_JAKARTA);
  const bed = useTeamsBed({ sdk, clock, env: { ...env, ...TIMER_ENV } });

  it('reminds, closes with a notice whose Reopen works, and closes an unconfirmed resolution', async () => {
    const url = bed.connector.url;
    const opened = await openTicket(bed);
    let card: CardJson = opened.card;
    /** An agent's press on the card; the card as updated. */
    const agentPress = async (action: string, fields: Record<string, string> = {}) => {
      const calls = await deliver(
        bed,
        cardSubmit(url, ayu, inThread(opened.thread), { ...button(card, action).data, ...fields }),
      );
      const update = calls
        .filter((c) => c.kind === 'update' && c.activityId === opened.root)
        .at(-1);
      if (update) card = cardOf(update.body);
      return calls;
    };
    await agentPress('claim');
    await deliver(bed, threadMessage(url, ayu, opened.thread, 'Which tray?', { mentionBot: true }));
    await agentPress('wait_requester');

    clock.advance(2 * HOUR);
    const reminded = await Promise.all([deliver(bed), deliver(bed)]);
    const reminder = cardSaying(
      reminded.flat(),
      DM,
      'Reminder: IT-1001 is waiting for your answer',
    );
    expect(button(reminder, 'cancel').title).toBe(en('btn_cancel'));
    expect(await deliver(bed)).toEqual([]); // once

    clock.advance(2 * HOUR);
    const closing = await deliver(bed);
    const notice = cardSaying(closing, DM, en('closed_no_reply_requester', { key: 'IT-1001' }));
    cardSaying(closing, opened.thread, en('closed_no_reply_thread', { hours: 4 }));
    const closedCard = closing.filter((c) => c.kind === 'update' && c.activityId === opened.root);
    expect(cardText(cardOf(closedCard.at(-1)!.body))).toContain(en('closed_reason_auto_no_reply'));
    expect(await ticketByKey(bed.db, 'IT-1001')).toMatchObject({ closedReason: 'auto_no_reply' });

    const reopen = button(notice, 'reopen');
    expect(reopen.inputs).toEqual(['reopen.problem']);
    const reopened = await deliver(
      bed,
      cardSubmit(url, budi, personal, { ...reopen.data, 'reopen.problem': 'tray 2, still' }),
    );
    cardSaying(reopened, DM, en('reopened_requester', { key: 'IT-1001' }));
    expect(await ticketByKey(bed.db, 'IT-1001')).toMatchObject({ status: 'claimed' });
    const update = reopened.filter((c) => c.kind === 'update' && c.activityId === opened.root);
    card = cardOf(update.at(-1)!.body);

    await agentPress('resolve', { 'resolve.summary': 'Cleared tray 2' });
    clock.advance(3 * HOUR);
    cardSaying(await deliver(bed), DM, en('closed_resolved_requester', { key: 'IT-1001' }));
    expect(await ticketByKey(bed.db, 'IT-1001')).toMatchObject({ closedReason: 'auto_resolved' });
  });
});

describe.each(TEAMS_SDKS)('Teams (%s): the hours notice', (sdk) => {
  const bed = useTeamsBed({ sdk, clock: createTestClock(SATURDAY_10_JAKARTA), env });

  it('tells the employee when the desk opens and when to expect a first response', async () => {
    const { calls } = await openTicket(bed);
    const opened = cardSaying(calls, DM, en('ticket_opened', { key: 'IT-1001', priority: 'P4' }));
    expect(cardText(opened)).toContain(
      en('hours_notice', { opens: 'Mon 30 Nov, 08:00', due: 'Mon 30 Nov, 17:00' }),
    );
  });
});
