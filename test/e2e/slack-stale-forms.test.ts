import { t } from '../../src/core/i18n/translate';
import type { SlackCall } from '../support/slack-api-stub';
import {
  CHANNELS,
  dmChannelOf,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import { ticketByKey } from '../support/ticket-by-key';

const hasButtons = (call: SlackCall) => JSON.stringify(call.args.blocks).includes('"actions"');

/**
 * Nothing typed into a Slack modal is thrown away, and used buttons retire: the real Bolt app over
 * real HTTP, the real core on the test database and the project's kb/, a loopback Slack Web API.
 */
describe('Slack channel on the real core: out-of-date forms and retired buttons', () => {
  let h: SlackHarness;
  const dm = dmChannelOf(PEOPLE.budi);
  /** chat.update calls on one message of the DM, oldest first. */
  const updatesOf = (ts: string, channel = dm) =>
    h.stub.ok('chat.update').filter((c) => c.args.channel === channel && c.args.ts === ts);

  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the issue: ask, "Still need help", ask again, then submit the FIRST form: its text reaches a ticket', async () => {
    await h.dm(PEOPLE.budi, 'my laptop battery drains very fast');
    const answer = h.posted(dm).at(-1)!;
    await h.press(PEOPLE.budi, h.button('l0_need_help', dm));
    // "Still need help" is retired on the answer itself: the article stays, the buttons go.
    const [retired, ...more] = updatesOf(String(answer.response.ts));
    expect(more).toEqual([]);
    expect(hasButtons(retired!)).toBe(false);
    expect(shownText(retired!)).toContain(t('en', 'answer_intro'));
    expect(shownText(retired!)).toContain(t('en', 'chosen_need_help'));
    const firstForm = h.button('ticket_form', dm);

    await h.dm(PEOPLE.budi, 'I forgot my password');
    expect(shownText(h.posted(dm).at(-1)!)).toContain(t('en', 'answer_question'));

    await h.press(PEOPLE.budi, firstForm);
    const typed = 'Since Tuesday it lasts 40 minutes & the fan never stops';
    const response = await h.submit(PEOPLE.budi, h.stub.ok('views.open').at(-1)!, {
      category: 'hardware',
      impact: 'me',
      urgency: 'degraded',
      details: typed,
    });
    expect(response.status).toBe(200);
    expect(h.stub.ok('chat.postEphemeral')).toEqual([]);
    const card = h.posted(CHANNELS.l1).at(-1)!;
    expect(shownText(card)).toContain('IT-1001 · P4 · L1');
    expect(shownText(card)).toContain('my laptop battery drains very fast');
    expect(shownText(card)).toContain(
      'Since Tuesday it lasts 40 minutes &amp; the fan never stops',
    );
    expect(shownText(h.posted(dm).at(-1)!)).toContain(
      t('en', 'ticket_opened', { key: 'IT-1001', priority: 'P4' }),
    );
    expect(await ticketByKey(h.db, 'IT-1001')).toMatchObject({
      question: 'my laptop battery drains very fast',
      details: typed,
    });

    // The same old form once more, with more to say: it joins the open ticket's thread.
    await h.press(PEOPLE.budi, firstForm);
    await h.submit(PEOPLE.budi, h.stub.ok('views.open').at(-1)!, {
      category: 'hardware',
      impact: 'me',
      urgency: 'degraded',
      details: 'It also restarts when unplugged',
    });
    const inThread = h.posted(CHANNELS.l1).at(-1)!;
    expect(inThread.args.thread_ts).toBe(card.response.ts);
    expect(shownText(inThread)).toContain('It also restarts when unplugged');
    expect(shownText(h.posted(dm).at(-1)!)).toContain(
      t('en', 'added_to_ticket', { key: 'IT-1001', status: t('en', 'status_open'), level: 1 }),
    );
    expect(h.posted(CHANNELS.l1).filter((c) => !c.args.thread_ts)).toHaveLength(1);
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
  });

  it('"Solved" and the rating retire in place with what was chosen; a late Reopen opens a linked follow-up', async () => {
    await h.dm(PEOPLE.sari, 'I forgot my password');
    const sariDm = dmChannelOf(PEOPLE.sari);
    const answer = h.posted(sariDm).at(-1)!;
    await h.press(PEOPLE.sari, h.button('l0_solved', sariDm));
    const solved = h.stub
      .ok('chat.update')
      .filter((c) => c.args.channel === sariDm && c.args.ts === answer.response.ts);
    expect(solved).toHaveLength(1);
    expect(hasButtons(solved[0]!)).toBe(false);
    expect(shownText(solved[0]!)).toContain(t('en', 'chosen_solved'));

    const { key } = await openTicket(h, PEOPLE.sari, 'the office printer shows error E-42');
    await h.press(PEOPLE.ayu, h.button('resolve', CHANNELS.l1));
    await h.submit(PEOPLE.ayu, h.stub.ok('views.open').at(-1)!, { summary: 'Replaced the fuser' });
    const resolution = h.posted(sariDm).at(-1)!;
    const resolutionTs = String(resolution.response.ts);
    const reopen = h.button('reopen', sariDm);
    await h.press(PEOPLE.sari, h.button('confirm_resolved', sariDm));
    await h.press(PEOPLE.sari, h.button('csat', sariDm, '5'));
    const [confirmed, rated] = updatesOf(resolutionTs, sariDm);
    expect(shownText(confirmed!)).toContain(t('en', 'chosen_confirmed'));
    expect(JSON.stringify(confirmed!.args.blocks)).toContain('lapis:csat:');
    expect(hasButtons(rated!)).toBe(false);
    expect(shownText(rated!)).toContain('Replaced the fuser');
    expect(shownText(rated!)).toContain(t('en', 'chosen_rated', { score: 5 }));

    // The old Reopen, kept by a client that never refreshed: a follow-up with what he wrote.
    await h.press(PEOPLE.sari, reopen);
    await h.submit(PEOPLE.sari, h.stub.ok('views.open').at(-1)!, { problem: 'E-42 is back' });
    const followUp = h
      .posted(CHANNELS.l1)
      .filter((c) => !c.args.thread_ts)
      .at(-1)!;
    expect(shownText(followUp)).toContain(t('id', 'card_follow_up_of'));
    expect(shownText(followUp)).toContain(key);
    expect(shownText(followUp)).toContain('E-42 is back');
    const followKey = /IT-\d+/.exec(shownText(followUp))![0];
    expect(followKey).not.toBe(key);
    // The old ticket's thread hears where it went (agents read Indonesian here). Its reply and the
    // new card travel on different lanes, so either may be posted first.
    const told = t('id', 'follow_up_thread', { key: followKey, reason: 'E-42 is back' });
    const inThread = h.posted(CHANNELS.l1).filter((c) => c.args.thread_ts);
    expect(inThread.filter((c) => shownText(c).includes(told))).toHaveLength(1);
    expect(shownText(h.posted(sariDm).at(-1)!)).toContain(
      t('en', 'follow_up_opened', { old: key, key: followKey, priority: 'P4' }),
    );
    expect(await ticketByKey(h.db, followKey)).toMatchObject({
      followUpOf: { key },
      details: 'E-42 is back',
      status: 'open',
    });
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
  });
});
