import { referencesOf } from '../../../src/channels/teams/activity-references';
import { activitySchema, type TeamsActivity } from '../../../src/channels/teams/activity-schema';
import { messageBodyText, plainText } from '../../../src/channels/teams/activity-text';
import { classifyActivity, localeOf } from '../../../src/channels/teams/parse-activity';
import { splitConversationId } from '../../../src/channels/teams/teams-ids';

const SERVICE = 'https://smba.trafficmanager.net/apac/';
const L1 = '19:l1@thread.tacv2';
const budi = { id: '29:budi', name: 'Budi', aadObjectId: 'aad-budi' };
const bot = { id: '28:bot', name: 'Lapis' };

function activity(fields: Record<string, unknown>): TeamsActivity {
  return activitySchema.parse({
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: SERVICE,
    from: budi,
    recipient: bot,
    conversation: { id: 'a:dm', conversationType: 'personal', tenantId: 'tenant-1' },
    ...fields,
  });
}

describe('activitySchema', () => {
  it('accepts null for absent fields, refuses objects where strings belong and non-http service URLs', () => {
    expect(activity({ locale: null, text: null }).locale).toBeUndefined();
    const base = { type: 'message', channelId: 'msteams', serviceUrl: SERVICE, from: budi };
    expect(activitySchema.safeParse({ ...base, conversation: { id: { $ne: null } } }).success).toBe(
      false,
    );
    expect(
      activitySchema.safeParse({
        ...base,
        conversation: { id: 'x' },
        serviceUrl: 'javascript:alert(1)',
      }).success,
    ).toBe(false);
    expect(activitySchema.safeParse({}).success).toBe(false);
  });
});

describe('classifyActivity', () => {
  it('a personal-chat message is a direct_message, localised from the activity locale', () => {
    expect(classifyActivity(activity({ text: 'lupa password', locale: 'id-ID' }))).toEqual({
      kind: 'inbound',
      event: {
        kind: 'direct_message',
        deliveryId: 'a:dm|act-1',
        user: { platform: 'teams', id: 'aad-budi', name: 'Budi' },
        dm: { platform: 'teams', id: 'a:dm' },
        text: 'lupa password',
        locale: 'id',
      },
    });
    expect([localeOf('en-US'), localeOf('id'), localeOf('fr-FR'), localeOf(undefined)]).toEqual([
      'en',
      'id',
      'en',
      undefined,
    ]);
  });

  it("a reply in a channel card's reply chain is a thread_message, the bot's @mention stripped", () => {
    const thread = `${L1};messageid=1700000000001`;
    const result = classifyActivity(
      activity({
        conversation: { id: thread, conversationType: 'channel' },
        text: '<at>Lapis</at> please restart &amp; retry',
        entities: [{ type: 'mention', text: '<at>Lapis</at>', mentioned: bot }],
      }),
    );
    expect(result).toMatchObject({
      kind: 'inbound',
      event: {
        kind: 'thread_message',
        thread: { platform: 'teams', channelId: L1, threadId: thread },
        text: 'please restart & retry',
      },
    });
    expect(splitConversationId(thread)).toEqual({ channelId: L1, rootId: '1700000000001' });
  });

  it('a card submit is an action with its form; Action.Execute too', () => {
    const submit = activity({
      value: {
        action: 'escalate',
        payload: '{"ticket":"t"}',
        'escalate.reason': 'disk',
        'escalate.tried': 'reboot',
        other: 1,
      },
    });
    expect(classifyActivity(submit)).toMatchObject({
      kind: 'inbound',
      event: {
        kind: 'action',
        action: 'escalate',
        payload: '{"ticket":"t"}',
        form: { reason: 'disk', tried: 'reboot' },
        dm: { platform: 'teams', id: 'a:dm' },
      },
    });
    const execute = activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: { id: `${L1};messageid=1`, conversationType: 'channel' },
      value: {
        action: { type: 'Action.Execute', verb: 'claim', data: { action: 'claim', payload: 'p' } },
      },
    });
    const event = classifyActivity(execute);
    expect(event).toMatchObject({
      kind: 'inbound',
      event: { kind: 'action', action: 'claim', payload: 'p' },
    });
    expect(event.kind === 'inbound' && 'dm' in event.event && event.event.dm).toBeFalsy();
  });

  it('a card submit names the card it was on (replyToId), to be updated once honoured', () => {
    const submit = activity({
      replyToId: '1:card-7',
      value: { action: 'l0_solved', payload: '{"session":3}' },
    });
    expect(classifyActivity(submit)).toMatchObject({
      event: { message: { platform: 'teams', channelId: 'a:dm', messageId: '1:card-7' } },
    });
    const without = classifyActivity(activity({ value: { action: 'l0_solved', payload: '{}' } }));
    expect(without.kind === 'inbound' && 'message' in without.event).toBe(false);
  });

  it('refuses unknown actions and odd form values', () => {
    expect(
      classifyActivity(activity({ value: { action: 'drop_tables', payload: 'x' } })),
    ).toMatchObject({ kind: 'ignored' });
    expect(
      classifyActivity(
        activity({ value: { action: 'resolve', payload: 'x', 'resolve.summary': { $ne: 1 } } }),
      ),
    ).toMatchObject({ kind: 'ignored' });
    expect(
      classifyActivity(
        activity({ value: { action: 'resolve', payload: 'x', 'resolve.__proto__': 'x' } }),
      ),
    ).toMatchObject({ kind: 'ignored' });
  });

  it('ignores typing, reactions, conversation updates, the bot itself, top-level channel posts and group chats', () => {
    for (const fields of [
      { type: 'typing' },
      { type: 'messageReaction' },
      { type: 'conversationUpdate' },
      { text: 'echo', from: bot },
      { text: 'hi', conversation: { id: L1, conversationType: 'channel' } },
      { text: 'hi', conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat' } },
      { text: '   ' },
      { text: 'hi', channelId: 'slack' },
    ]) {
      expect(classifyActivity(activity(fields))).toMatchObject({ kind: 'ignored' });
    }
  });
});

describe('plainText and referencesOf', () => {
  it('keeps other mentions as @Name, turns HTML into lines, decodes entities', () => {
    expect(
      plainText(activity({ text: '<p>Hi <at>Ayu</at>,</p><p>it&#39;s &lt;b&gt; not bold</p>' })),
    ).toBe("Hi @Ayu,\nit's <b> not bold");
  });

  it('stores the tenant, the personal chat or the channel an activity came from', () => {
    expect(referencesOf(activity({ type: 'conversationUpdate' }))).toEqual([
      {
        kind: 'tenant',
        ownerId: 'tenant-1',
        conversationId: 'tenant-1',
        serviceUrl: SERVICE,
        tenantId: 'tenant-1',
        botId: '28:bot',
      },
      {
        kind: 'personal',
        ownerId: 'a:dm',
        conversationId: 'a:dm',
        serviceUrl: SERVICE,
        tenantId: 'tenant-1',
        botId: '28:bot',
        userId: 'aad-budi',
      },
    ]);
    const inChannel = activity({
      conversation: { id: `${L1};messageid=5`, conversationType: 'channel', tenantId: 'tenant-1' },
    });
    expect(referencesOf(inChannel)[1]).toEqual({
      kind: 'channel',
      ownerId: L1,
      conversationId: L1,
      serviceUrl: SERVICE,
      tenantId: 'tenant-1',
      botId: '28:bot',
    });
  });
});

describe('plainText on hostile input', () => {
  it('cleans 150,000 characters of half-open tags in bounded time (it was quadratic: 19 s)', () => {
    for (const text of ['<p '.repeat(50_000), '<at '.repeat(37_500), '<b x'.repeat(37_500)]) {
      const start = process.cpuUsage();
      const plain = plainText(activity({ text }));
      const used = process.cpuUsage(start);
      expect(plain.length).toBeLessThanOrEqual(4000);
      expect((used.user + used.system) / 1000).toBeLessThan(1000);
    }
  });
});

describe('the "Create IT ticket" message action', () => {
  const payload = {
    id: '1730000000001',
    body: {
      contentType: 'html',
      content:
        '<div><at id="0">Ayu</at> printer <b>E-42</b> &lt;again&gt;<br>floor 3<img src="a.png"></div>',
    },
    from: { user: { id: 'aad-nina', displayName: 'Nina' } },
    linkToMessage: 'https://teams.microsoft.com/l/message/19%3Ageneral/1730000000001',
  };
  const invoke = (value: Record<string, unknown>, conversation?: Record<string, unknown>) =>
    classifyActivity(
      activity({
        type: 'invoke',
        name: 'composeExtension/submitAction',
        conversation: conversation ?? {
          id: '19:general@thread.tacv2;messageid=1730000000001',
          conversationType: 'channel',
        },
        value: { commandId: 'createItTicket', commandContext: 'message', ...value },
      }),
    );

  it('is a ticket request for the message’s author, its HTML as plain text', () => {
    expect(invoke({ messagePayload: payload, data: { note: ' urgent ' } })).toEqual({
      kind: 'inbound',
      event: {
        kind: 'ticket_request',
        deliveryId: '19:general@thread.tacv2;messageid=1730000000001|act-1',
        user: { platform: 'teams', id: 'aad-budi', name: 'Budi' },
        replyTo: { platform: 'teams', id: 'aad-budi' },
        message: {
          platform: 'teams',
          channelId: '19:general@thread.tacv2',
          messageId: '1730000000001',
        },
        author: { platform: 'teams', id: 'aad-nina', name: 'Nina' },
        authorDm: { platform: 'teams', id: 'aad-nina' },
        text: '@Ayu printer E-42 <again>\nfloor 3',
        link: payload.linkToMessage,
        note: 'urgent',
      },
    });
  });

  it('ignores other commands, personal chats, bots’ messages and odd payloads', () => {
    const reason = (c: ReturnType<typeof invoke>) => (c.kind === 'ignored' ? c.reason : c.kind);
    expect(reason(invoke({ commandId: 'other', messagePayload: payload }))).toMatch(/not the/);
    expect(
      reason(invoke({ messagePayload: payload }, { id: 'a:dm', conversationType: 'personal' })),
    ).toMatch(/personal chat/);
    const fromBot = { ...payload, from: { application: { id: 'app-1' } } };
    expect(reason(invoke({ messagePayload: fromBot }))).toMatch(/bot/);
    expect(reason(invoke({ messagePayload: { ...payload, id: { $ne: null } } }))).toMatch(
      /not the/,
    );
    const javascript = { ...payload, linkToMessage: 'javascript:alert(1)' };
    expect(reason(invoke({ messagePayload: javascript }))).toMatch(/not the/);
  });

  it('turns plain-text bodies and hostile HTML into bounded text', () => {
    expect(messageBodyText('a <b> c', 'text')).toBe('a <b> c');
    const started = Date.now();
    expect(messageBodyText('<a '.repeat(50_000), 'html').length).toBeLessThanOrEqual(4000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
