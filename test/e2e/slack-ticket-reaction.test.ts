import { t } from '../../src/core/i18n/translate';
import {
  CHANNELS,
  dmChannelOf,
  PEOPLE,
  shownText,
  startSlackHarness,
  type Person,
  type SlackHarness,
} from '../support/slack-harness';

const HELPER_BOT = { id: 'UHELPBOT1', name: 'Standup Bot', bot: true };
const PRIVATE = 'G0PRIVATE1';
const question = 'Outlook keeps asking for my password since this morning';

/**
 * A ticket from any message on Slack, over real HTTP through the real Bolt receiver and the real core:
 * the :ticket: reaction (TICKET_REACTION) on a message in a channel opens one ticket for its author,
 * with its text and permalink (conversations.history, chat.getPermalink), and tells the author in
 * their DM and the reactor privately; a second reaction, a redelivery, a bot's reaction, a reaction
 * on the bot's message or in a DM open nothing; a message the bot cannot read opens nothing and the
 * reactor is told why.
 */
describe('Slack: a ticket from a reaction', () => {
  let h: SlackHarness;
  let ts = 0;
  const nextTs = () => `${1_750_000_000 + ++ts}.000100`;
  beforeAll(async () => {
    h = await startSlackHarness({ people: [HELPER_BOT] });
  });
  afterAll(async () => {
    await h?.close();
  });

  function message(author: { id: string }, text: string, channel: string = CHANNELS.general) {
    const at = nextTs();
    h.stub.addMessage({ channel, ts: at, text, user: author.id });
    return { channel, ts: at, author: author.id };
  }

  const react = (
    who: { id: string },
    on: { channel: string; ts: string; author: string },
    options: { reaction?: string; eventId?: string } = {},
  ) =>
    h.send.event(
      {
        type: 'reaction_added',
        user: who.id,
        reaction: options.reaction ?? 'ticket',
        item_user: on.author,
        item: { type: 'message', channel: on.channel, ts: on.ts },
        event_ts: nextTs(),
      },
      options.eventId ? { eventId: options.eventId } : {},
    );

  const ticketsOf = (person: Person) =>
    h.tickets.listByRequester({ platform: 'slack', id: person.id });
  const ephemerals = (person: Person) =>
    h.stub.ok('chat.postEphemeral').filter((c) => c.args.user === person.id);

  it('opens one ticket for the author with the text and link, tells both; again opens nothing', async () => {
    const on = message(PEOPLE.nina, question);
    const cards = h.posted(CHANNELS.l1).length;
    expect((await react(PEOPLE.ayu, on, { eventId: 'EvREACT001' })).status).toBe(200);

    const [ticket, ...more] = await ticketsOf(PEOPLE.nina);
    expect(more).toEqual([]);
    const link = `https://lapis-test.slack.com/archives/${CHANNELS.general}/p${on.ts.replace('.', '')}`;
    expect(ticket).toMatchObject({
      requester: { platform: 'slack', id: PEOPLE.nina.id, name: PEOPLE.nina.name },
      question: `${question}\n\n${link}`,
      status: 'open',
    });
    expect(await ticketsOf(PEOPLE.ayu)).toEqual([]);
    expect(h.stub.ok('conversations.history').at(-1)?.args).toMatchObject({
      channel: CHANNELS.general,
      latest: on.ts,
      limit: '1',
    });
    const card = h.posted(CHANNELS.l1).at(-1)!;
    expect(h.posted(CHANNELS.l1)).toHaveLength(cards + 1);
    expect(shownText(card)).toContain(ticket!.key);
    expect(shownText(card)).toContain(link);
    const told = h.posted(dmChannelOf(PEOPLE.nina));
    expect(told).toHaveLength(1);
    expect(shownText(told[0]!)).toContain(
      t('en', 'ticket_from_message', { asker: PEOPLE.ayu.name, key: ticket!.key, priority: 'P3' }),
    );
    const [private1] = ephemerals(PEOPLE.ayu);
    expect(private1?.args.channel).toBe(dmChannelOf(PEOPLE.ayu));
    expect(shownText(private1!)).toContain(
      t(h.config.DEFAULT_LOCALE, 'ticket_from_message_asker_opened', {
        author: PEOPLE.nina.name,
        key: ticket!.key,
      }),
    );

    // Slack delivers the same event again: nothing changes.
    const calls = h.stub.calls.length;
    expect((await react(PEOPLE.ayu, on, { eventId: 'EvREACT001' })).status).toBe(200);
    expect(h.stub.calls.length).toBe(calls);

    // Someone else reacts too: no new ticket, no second card or DM; they are told which it is.
    await react(PEOPLE.sari, on);
    expect(await ticketsOf(PEOPLE.nina)).toHaveLength(1);
    expect(h.posted(CHANNELS.l1)).toHaveLength(cards + 1);
    expect(h.posted(dmChannelOf(PEOPLE.nina))).toHaveLength(1);
    expect(shownText(ephemerals(PEOPLE.sari).at(-1)!)).toContain(
      t(h.config.DEFAULT_LOCALE, 'ticket_from_message_exists', {
        key: ticket!.key,
        status: t(h.config.DEFAULT_LOCALE, 'status_open'),
      }),
    );
  });

  it('two reactions at once open one ticket', async () => {
    const on = message(PEOPLE.joko, 'the projector in room 4B shows no signal');
    await Promise.all([react(PEOPLE.ayu, on), react(PEOPLE.sari, on)]);
    await h.helpdesk.idle();
    expect(await ticketsOf(PEOPLE.joko)).toHaveLength(1);
    expect(h.posted(dmChannelOf(PEOPLE.joko))).toHaveLength(1);
  });

  it('finds a reply in a thread with conversations.replies', async () => {
    const root = message(PEOPLE.sari, 'anyone else without wifi on floor 2?');
    const at = nextTs();
    h.stub.addMessage({
      channel: CHANNELS.general,
      ts: at,
      text: 'me too, the laptop says no internet',
      user: PEOPLE.tono.id,
      threadTs: root.ts,
    });
    await react(PEOPLE.ayu, { channel: CHANNELS.general, ts: at, author: PEOPLE.tono.id });
    const [ticket] = await ticketsOf(PEOPLE.tono);
    expect(ticket?.question).toMatch(/^me too, the laptop says no internet\n\nhttps:/);
    expect(h.stub.ok('conversations.replies').at(-1)?.args).toMatchObject({ ts: at });
  });

  it('ignores other reactions, a bot’s reaction, reactions on the bot’s messages and in DMs', async () => {
    const on = message(PEOPLE.budi, 'my monitor flickers');
    const calls = h.stub.calls.length;
    await react(PEOPLE.ayu, on, { reaction: 'thumbsup' });
    await react({ id: h.stub.botUserId }, on);
    await react(PEOPLE.ayu, { ...on, author: h.stub.botUserId });
    await react(PEOPLE.ayu, { ...on, channel: dmChannelOf(PEOPLE.budi) });
    // None of these reaches the Web API at all.
    expect(h.stub.calls.slice(calls)).toEqual([]);
    await react(HELPER_BOT, on);
    const botMessage = nextTs();
    h.stub.addMessage({
      channel: CHANNELS.general,
      ts: botMessage,
      text: 'standup time',
      botId: 'BSTANDUP1',
      user: HELPER_BOT.id,
    });
    await react(PEOPLE.ayu, { channel: CHANNELS.general, ts: botMessage, author: HELPER_BOT.id });
    expect(await ticketsOf(PEOPLE.budi)).toEqual([]);
    expect(await h.tickets.listByRequester({ platform: 'slack', id: HELPER_BOT.id })).toEqual([]);
    expect(h.stub.ok('chat.postMessage').slice(-1)[0]?.args.channel).not.toBe(
      dmChannelOf(PEOPLE.budi),
    );
    expect(h.stub.calls.slice(calls).filter((c) => c.method.startsWith('chat.post'))).toEqual([]);
  });

  it('opens nothing on a message it cannot read, and tells the reactor why', async () => {
    h.stub.leaveChannel(PRIVATE);
    const on = message(PEOPLE.nina, 'the VPN is down again', PRIVATE);
    const before = (await ticketsOf(PEOPLE.nina)).length;
    expect((await react(PEOPLE.rudi, on)).status).toBe(200);
    expect(await ticketsOf(PEOPLE.nina)).toHaveLength(before);
    const [told, ...more] = ephemerals(PEOPLE.rudi);
    expect(more).toEqual([]);
    expect(told?.args.channel).toBe(dmChannelOf(PEOPLE.rudi));
    expect(shownText(told!)).toContain(
      t(h.config.DEFAULT_LOCALE, 'ticket_from_message_unreadable'),
    );
    const history = h.stub.calls.filter((c) => c.method === 'conversations.history').at(-1);
    expect(history?.response).toMatchObject({ ok: false, error: 'not_in_channel' });
  });
});
