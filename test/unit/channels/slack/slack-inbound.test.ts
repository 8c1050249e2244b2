import {
  actionOfButton,
  decodeButtonValue,
  encodeButtonValue,
} from '../../../../src/channels/slack/slack-button-value';
import {
  parseBlockAction,
  parseCommand,
  parseHomeOpened,
  parseMentionEvent,
  parseMessageEvent,
  parseMessageShortcut,
  parseReactionEvent,
} from '../../../../src/channels/slack/slack-inbound';
import {
  blankRequired,
  decodeMetadata,
  encodeMetadata,
  formValues,
} from '../../../../src/channels/slack/slack-modal';
import { ticketFormFields } from '../../../../src/core/workflow/render';

const levels = new Set(['C0L1DESK01']);
const envelope = (event: Record<string, unknown>) => ({ event_id: 'Ev1', event });
const dm = {
  type: 'message',
  channel_type: 'im',
  channel: 'D0BUDI001',
  user: 'U0BUDI001',
  text: 'hi',
  ts: '1.000001',
};

describe('parseMessageEvent', () => {
  it('takes DMs to the bot and replies in ticket threads of the level channels', () => {
    expect(parseMessageEvent(envelope(dm), levels)).toEqual({
      kind: 'dm',
      deliveryId: 'Ev1',
      userId: 'U0BUDI001',
      channelId: 'D0BUDI001',
      text: 'hi',
    });
    const reply = {
      ...dm,
      channel_type: 'channel',
      channel: 'C0L1DESK01',
      ts: '2.000001',
      thread_ts: '1.000001',
    };
    expect(parseMessageEvent(envelope(reply), levels)).toMatchObject({
      kind: 'thread',
      threadTs: '1.000001',
    });
    expect(
      parseMessageEvent(envelope({ ...reply, subtype: 'thread_broadcast' }), levels),
    ).toMatchObject({ kind: 'thread' });
    expect(parseMessageEvent(envelope({ ...dm, subtype: 'file_share' }), levels)).toMatchObject({
      kind: 'dm',
    });
  });

  it('ignores bots, edits, joins, empty text, root posts and other channels', () => {
    const ignored = [
      { ...dm, bot_id: 'B1' },
      { ...dm, subtype: 'message_changed' },
      { ...dm, subtype: 'message_deleted' },
      { ...dm, subtype: 'channel_join' },
      { ...dm, subtype: 'bot_message' },
      { ...dm, text: '   ' },
      { ...dm, user: undefined },
      { ...dm, channel_type: 'channel', channel: 'C0L1DESK01' },
      { ...dm, channel_type: 'channel', channel: 'C0L1DESK01', thread_ts: dm.ts },
      { ...dm, channel_type: 'channel', channel: 'C0OTHER01', thread_ts: '0.000001' },
    ];
    for (const event of ignored) expect(parseMessageEvent(envelope(event), levels)).toBeUndefined();
  });

  it('refuses ids that are not Slack ids (nothing odd reaches the core or a filter)', () => {
    for (const bad of [{ user: '{"$ne":null}' }, { channel: 'D0; drop' }, { ts: 'now' }])
      expect(parseMessageEvent(envelope({ ...dm, ...bad }), levels)).toBeUndefined();
    expect(parseMessageEvent({ event: dm }, levels)).toBeUndefined();
  });
});

describe('other payloads', () => {
  it('mentions outside the level channels, the Home tab, commands and shortcuts', () => {
    const mention = {
      type: 'app_mention',
      user: 'U0BUDI001',
      channel: 'C0GENERAL',
      text: '<@UBOT> hi',
    };
    expect(parseMentionEvent(envelope(mention), levels)).toMatchObject({
      userId: 'U0BUDI001',
      text: '<@UBOT> hi',
    });
    expect(
      parseMentionEvent(envelope({ ...mention, channel: 'C0L1DESK01' }), levels),
    ).toBeUndefined();
    expect(
      parseHomeOpened(envelope({ type: 'app_home_opened', user: 'U0BUDI001', tab: 'home' })),
    ).toEqual({ userId: 'U0BUDI001' });
    expect(
      parseHomeOpened(envelope({ type: 'app_home_opened', user: 'U0BUDI001', tab: 'messages' })),
    ).toBeUndefined();
    const command = {
      command: '/helpdesk',
      text: 'status',
      user_id: 'U0BUDI001',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      trigger_id: '1.2.abc',
    };
    expect(parseCommand(command)).toEqual({
      userId: 'U0BUDI001',
      channelId: 'C0GENERAL',
      inDirectMessage: false,
      triggerId: '1.2.abc',
      text: 'status',
      command: { name: 'my_tickets' },
    });
    expect(
      parseCommand({ ...command, channel_id: 'D0BUDI001', channel_name: 'directmessage' })
        ?.inDirectMessage,
    ).toBe(true);
    const shortcut = {
      type: 'message_action',
      callback_id: 'create_it_ticket',
      trigger_id: 't.1',
      user: { id: 'U0BUDI001' },
      channel: { id: 'C0GENERAL' },
      message: { ts: '1.000001', text: 'printer broke' },
    };
    expect(parseMessageShortcut(shortcut)).toEqual({
      userId: 'U0BUDI001',
      triggerId: 't.1',
      channelId: 'C0GENERAL',
      messageTs: '1.000001',
      text: 'printer broke',
    });
  });

  it('block actions: the first action, its value, label and channel', () => {
    const payload = {
      type: 'block_actions',
      trigger_id: 't.2',
      user: { id: 'U0AYU0001' },
      channel: { id: 'C0L1DESK01' },
      actions: [
        {
          action_id: 'lapis:claim:3:0',
          value: '{"p":"x"}',
          action_ts: '5.000001',
          text: { type: 'plain_text', text: 'Claim' },
        },
      ],
    };
    expect(parseBlockAction(payload)).toEqual({
      userId: 'U0AYU0001',
      triggerId: 't.2',
      actionId: 'lapis:claim:3:0',
      actionTs: '5.000001',
      value: '{"p":"x"}',
      label: 'Claim',
      channelId: 'C0L1DESK01',
    });
    expect(parseBlockAction({ ...payload, actions: [] })).toBeUndefined();
  });

  it('block actions: the message the button was on, unless it was an ephemeral one', () => {
    const payload = {
      type: 'block_actions',
      trigger_id: 't.3',
      user: { id: 'U0BUDI001' },
      channel: { id: 'D0BUDI001' },
      container: { type: 'message', channel_id: 'D0BUDI001', message_ts: '7.000002' },
      actions: [{ action_id: 'lapis:l0_solved:6:0', value: '{"p":"x"}', action_ts: '8.000001' }],
    };
    expect(parseBlockAction(payload)?.message).toEqual({ channelId: 'D0BUDI001', ts: '7.000002' });
    const ephemeral = { ...payload, container: { ...payload.container, is_ephemeral: true } };
    expect(parseBlockAction(ephemeral)?.message).toBeUndefined();
    const forged = { ...payload, container: { ...payload.container, message_ts: { $ne: 1 } } };
    expect(parseBlockAction(forged)).toBeUndefined();
  });
});

describe('/helpdesk, read once with the core’s grammar', () => {
  const typed = (text: string) =>
    parseCommand({
      command: '/helpdesk',
      text,
      user_id: 'U0BUDI001',
      channel_id: 'D0BUDI001',
      trigger_id: '1.2.abc',
    });
  it.each([
    ['', { name: 'help' }],
    ['help', { name: 'help' }],
    ['Bantuan', { name: 'help' }],
    ['status', { name: 'my_tickets' }],
    ['status it-42', { name: 'status', key: 'IT-42' }],
    ['ticket IT-123', { name: 'status', key: 'IT-123' }],
    ['tiket IT-7', { name: 'status', key: 'IT-7' }],
    ['cancel IT-9', { name: 'cancel', key: 'IT-9' }],
  ])('/helpdesk %p is the command %p', (text, command) => {
    expect(typed(text)?.command).toEqual(command);
  });

  it('carries anything else as the question, trimmed, with no command', () => {
    expect(typed('  my vpn is broken ')).toMatchObject({
      text: 'my vpn is broken',
      command: undefined,
    });
  });
});

describe('button values and modals', () => {
  it('round-trips payload and form through the button value, within Slack’s 2000 characters', () => {
    for (const locale of ['en', 'id'] as const) {
      const form = ticketFormFields(locale);
      const value = encodeButtonValue({
        id: 'ticket_form',
        label: 'Open',
        payload: '{"session":3,"lang":"id"}',
        form,
      });
      expect(value.length).toBeLessThan(2000);
      expect(decodeButtonValue(value)).toEqual({ payload: '{"session":3,"lang":"id"}', form });
    }
    for (const bad of [
      '',
      'not json',
      '{"p":1}',
      '{"p":"x","extra":1}',
      '{"p":"x","f":[{"n":"$where"}]}',
    ])
      expect(decodeButtonValue(bad)).toBeUndefined();
    expect(actionOfButton('lapis:escalate:4:1')).toBe('escalate');
    expect(actionOfButton('lapis:drop_table:4:1')).toBeUndefined();
    expect(actionOfButton('other:claim:1:1')).toBeUndefined();
  });

  it('carries the action through private_metadata and reads the submitted values', () => {
    const origin = {
      action: 'escalate' as const,
      payload: '{"ticket":"t1","level":1}',
      channelId: 'C0L1DESK01',
    };
    expect(decodeMetadata(encodeMetadata(origin))).toEqual(origin);
    // A form also carries the message its button was on, to be updated once it is sent.
    const fromDm = { action: 'ticket_form' as const, payload: '{}', channelId: 'D0BUDI001' };
    const withTs = { ...fromDm, messageTs: '7.000002' };
    expect(decodeMetadata(encodeMetadata(withTs))).toEqual(withTs);
    expect(decodeMetadata('{"a":"ticket_form","p":"{}","c":"D0BUDI001","m":"x"}')).toBeUndefined();
    expect(decodeMetadata('{"a":"sudo","p":"x"}')).toBeUndefined();
    expect(decodeMetadata('garbage')).toBeUndefined();
    const values = {
      reason: { value: { type: 'plain_text_input', value: 'needs hardware' } },
      impact: { value: { type: 'static_select', selected_option: { value: 'team' } } },
      details: { value: { type: 'plain_text_input', value: null } },
    };
    expect(formValues(values)).toEqual({ reason: 'needs hardware', impact: 'team' });
    expect(formValues({ $where: { value: { value: 'x' } } })).toEqual({});
    const view = {
      blocks: [
        { type: 'input', block_id: 'reason', optional: false },
        { type: 'input', block_id: 'details', optional: true },
      ],
    };
    expect(blankRequired(view, { reason: '  ', details: '' })).toEqual(['reason']);
    expect(blankRequired(view, { reason: 'ok' })).toEqual([]);
  });
});

describe('parseReactionEvent', () => {
  const reaction = {
    type: 'reaction_added',
    user: 'U0AYU0001',
    reaction: 'ticket',
    item_user: 'U0BUDI001',
    item: { type: 'message', channel: 'C0GENERAL1', ts: '1700000000.000100' },
  };

  it('reads who reacted with what on whose message, where', () => {
    expect(parseReactionEvent(envelope(reaction))).toEqual({
      deliveryId: 'Ev1',
      userId: 'U0AYU0001',
      reaction: 'ticket',
      authorId: 'U0BUDI001',
      channelId: 'C0GENERAL1',
      ts: '1700000000.000100',
    });
  });

  it('ignores DMs, files, messages of no user and odd ids', () => {
    const on = (fields: Record<string, unknown>) =>
      parseReactionEvent(envelope({ ...reaction, ...fields }));
    expect(on({ item: { ...reaction.item, channel: 'D0BUDI001' } })).toBeUndefined();
    expect(on({ item: { type: 'file', file: 'F1' } })).toBeUndefined();
    expect(on({ item_user: undefined })).toBeUndefined();
    expect(on({ user: { $ne: null } })).toBeUndefined();
    expect(on({ item: { ...reaction.item, ts: 'x' } })).toBeUndefined();
  });
});
