import { t } from '../../src/core/i18n/translate';
import type { MessageKey } from '../../src/core/i18n/catalog';
import {
  CHANNELS,
  dmChannelOf,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import type { SlackCall } from '../support/slack-api-stub';

/** Either language: the core answers in the language it detects, which a short command may not show. */
const inEither = (key: MessageKey, params: Record<string, string> = {}) =>
  new RegExp(`${escape(t('en', key, params))}|${escape(t('id', key, params))}`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The other ways in: the slash command, mentions, the message shortcut, App Home, long messages, modals. */
describe('Slack channel: commands, mentions, shortcut, App Home', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const command = (person: { id: string }, text: string, channel: string = CHANNELS.general) =>
    h.send.command({
      command: '/helpdesk',
      text,
      user_id: person.id,
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
      trigger_id: `trig.cmd.${Math.random().toString(36).slice(2)}`,
    });
  const lastDm = (person: { id: string }) => h.posted(dmChannelOf(person)).at(-1)!;

  it('/helpdesk help, status and ticket IT-123 answer in the DM; a question starts the flow', async () => {
    const response = await command(PEOPLE.sari, 'help');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(shownText(lastDm(PEOPLE.sari))).toMatch(inEither('help'));

    expect((await command(PEOPLE.sari, '', dmChannelOf(PEOPLE.sari))).body).toBe('');
    expect(shownText(lastDm(PEOPLE.sari))).toMatch(inEither('help'));

    await command(PEOPLE.sari, 'status');
    expect(shownText(lastDm(PEOPLE.sari))).toMatch(inEither('my_tickets_none'));

    const { key } = await openTicket(h, PEOPLE.budi, 'the vpn disconnects every ten minutes');
    await command(PEOPLE.budi, `ticket ${key.toLowerCase()}`);
    expect(shownText(lastDm(PEOPLE.budi))).toContain(`${key}:`);
    await command(PEOPLE.budi, 'status');
    expect(shownText(lastDm(PEOPLE.budi))).toMatch(inEither('my_tickets'));
    expect(shownText(lastDm(PEOPLE.budi))).toContain(key);

    await command(PEOPLE.nina, 'I forgot my password and cannot log in');
    expect(JSON.stringify(lastDm(PEOPLE.nina).args.blocks)).toMatch(
      /lapis:(l0_need_help|ticket_form):/,
    );
    // One conversations.open per person, however often they are answered.
    const opened = h.stub.ok('conversations.open').map((c) => c.args.users);
    expect(opened.filter((u) => u === PEOPLE.sari.id)).toHaveLength(1);
  });

  it('a mention outside the agent channels is answered in the DM; in a ticket thread it is a reply', async () => {
    const before = h.posted(dmChannelOf(PEOPLE.joko)).length;
    await h.send.event({
      type: 'app_mention',
      user: PEOPLE.joko.id,
      channel: CHANNELS.general,
      text: `<@${h.stub.botUserId}> my laptop will not turn on`,
      ts: '1800006000.000001',
    });
    expect(h.posted(dmChannelOf(PEOPLE.joko)).length).toBe(before + 1);
    const dmCalls = h.stub.calls.length;
    await h.send.event({
      type: 'app_mention',
      user: PEOPLE.ayu.id,
      channel: CHANNELS.l1,
      text: `<@${h.stub.botUserId}> who has this?`,
      ts: '1800006000.000002',
      thread_ts: '1800006000.000000',
    });
    expect(h.stub.calls.slice(dmCalls)).toEqual([]);
  });

  it('the "Create IT ticket" shortcut starts the flow with the message text', async () => {
    const shortcut = (text: string, id: string) =>
      h.send.interaction({
        type: 'message_action',
        callback_id: 'create_it_ticket',
        trigger_id: `trig.short.${id}`,
        action_ts: '1800006100.000001',
        user: { id: PEOPLE.tono.id },
        channel: { id: CHANNELS.general },
        message: { type: 'message', user: PEOPLE.sari.id, ts: '1800006100.000000', text },
      });
    expect((await shortcut('Outlook keeps asking for my password', 'a')).status).toBe(200);
    expect(JSON.stringify(lastDm(PEOPLE.tono).args.blocks)).toMatch(
      /lapis:(l0_need_help|ticket_form):/,
    );
    await shortcut('', 'b');
    // A message with no text (a file, an image) has nothing to ask about: the answer is the help.
    expect(shownText(lastDm(PEOPLE.tono))).toMatch(inEither('help'));
  });

  it('App Home lists your tickets, and for agents their queue', async () => {
    const { key } = await openTicket(h, PEOPLE.hendra, 'teams calls drop after a minute');
    const home = async (person: { id: string }): Promise<SlackCall> => {
      await h.send.event({
        type: 'app_home_opened',
        user: person.id,
        channel: 'D0HOME0001',
        tab: 'home',
      });
      return h.stub.ok('views.publish').at(-1)!;
    };
    const hendraHome = await home(PEOPLE.hendra);
    expect(hendraHome.args.user_id).toBe(PEOPLE.hendra.id);
    expect(shownText(hendraHome)).toContain(key);
    expect(shownText(hendraHome)).toContain('teams calls drop after a minute');
    expect(shownText(hendraHome)).toMatch(/L3 queue|Antrean L3/);

    const ayuHome = await home(PEOPLE.ayu);
    expect(shownText(ayuHome)).toMatch(/L1 queue|Antrean L1/);
    expect(shownText(ayuHome)).toContain(key);
    const malloryHome = await home(PEOPLE.mallory);
    expect(shownText(malloryHome)).not.toMatch(/queue|Antrean/);
    expect(shownText(malloryHome)).toMatch(inEither('my_tickets_none'));

    const published = h.stub.ok('views.publish').length;
    await h.send.event({
      type: 'app_home_opened',
      user: PEOPLE.ayu.id,
      channel: 'D0HOME0001',
      tab: 'messages',
    });
    expect(h.stub.ok('views.publish')).toHaveLength(published);
  });

  it('splits a long relayed reply over sections within Slack limits and keeps every word', async () => {
    const { cardTs } = await openTicket(
      h,
      PEOPLE.rudi,
      'the shared drive is not mapped on my laptop',
    );
    await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
    const words = Array.from({ length: 1500 }, (_, i) => `step${i}`);
    await h.reply(PEOPLE.ayu, CHANNELS.l1, cardTs, words.join(' '));
    const relayed = lastDm(PEOPLE.rudi);
    const sections = (relayed.args.blocks as { type: string; text?: { text: string } }[]).filter(
      (b) => b.type === 'section',
    );
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    expect(
      sections
        .map((s) => s.text!.text)
        .join(' ')
        .split(/\s+/),
    ).toEqual(words);
  });

  it('keeps a modal open with an error when a required field holds only spaces', async () => {
    const { cardTs } = await openTicket(h, PEOPLE.sari, 'my keyboard types the wrong letters');
    void cardTs;
    await h.press(PEOPLE.ayu, h.button('resolve', CHANNELS.l1));
    const response = await h.submit(PEOPLE.ayu, h.stub.ok('views.open').at(-1)!, {
      summary: '   ',
    });
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { summary: expect.any(String) as unknown },
    });
  });
});
