import { encodeButtonValue } from '../../../../src/channels/slack/slack-button-value';
import {
  classifySlackBody,
  type SlackBodyKind,
  type SlackDelivery,
} from '../../../../src/channels/slack/slack-delivery';
import { readSlackHttpBody } from '../../../../src/channels/slack/slack-http-body';
import { inputProperties, takenInput } from '../../../../src/channels/slack/slack-input-context';
import { encodeMetadata } from '../../../../src/channels/slack/slack-modal';
import { encodePayload } from '../../../../src/core/workflow/payload';
import { sign } from '../../../support/slack-requests';

const levels = new Set(['C0L1DESK01']);
const classify = (kind: SlackBodyKind, body: unknown) => classifySlackBody(kind, body, levels);
const verdict = (kind: SlackBodyKind, body: unknown) => classify(kind, body).verdict;
const taken = (delivery: SlackDelivery) =>
  delivery.verdict === 'take' ? delivery.input : undefined;

const envelope = (event: Record<string, unknown>) => ({
  type: 'event_callback',
  event_id: 'Ev1',
  event,
});
const command = (fields: Record<string, string> = {}) => ({
  command: '/helpdesk',
  text: '',
  user_id: 'U0BUDI001',
  channel_id: 'C0GENERAL',
  trigger_id: '1.2.abc',
  ...fields,
});
const payload = encodePayload({ ticket: 't1', level: 1 });
const press = (value: string, actionId = 'lapis:claim:0:0') => ({
  type: 'block_actions',
  trigger_id: 't.2',
  user: { id: 'U0AYU0001' },
  channel: { id: 'C0L1DESK01' },
  container: { channel_id: 'C0L1DESK01', message_ts: '7.000002' },
  actions: [{ action_id: actionId, value, action_ts: '5.000001', text: { text: 'Claim' } }],
});

describe('reading a Slack body once', () => {
  it('takes DMs, thread replies, mentions and the Home tab; answers the rest at once', () => {
    const dm = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0BUDI001',
      user: 'U0BUDI001',
      text: 'hi',
      ts: '1.000001',
    };
    expect(taken(classify('event', envelope(dm)))).toEqual({
      kind: 'message',
      message: {
        kind: 'dm',
        deliveryId: 'Ev1',
        userId: 'U0BUDI001',
        channelId: 'D0BUDI001',
        text: 'hi',
      },
    });
    const mention = { type: 'app_mention', user: 'U0BUDI001', channel: 'C0GENERAL', text: 'hi' };
    expect(taken(classify('event', envelope(mention)))?.kind).toBe('mention');
    const home = { type: 'app_home_opened', user: 'U0BUDI001', tab: 'home' };
    expect(taken(classify('event', envelope(home)))).toEqual({
      kind: 'home_opened',
      userId: 'U0BUDI001',
    });
    for (const ignored of [
      envelope({ ...dm, bot_id: 'B1' }),
      envelope({ type: 'reaction_added', user: 'U0BUDI001' }),
      { type: 'app_rate_limited', minute_rate_limited: 1 },
    ])
      expect(verdict('event', ignored)).toBe('ignore');
    expect(classify('event', { type: 'url_verification', challenge: 'c-1' })).toEqual({
      verdict: 'challenge',
      challenge: 'c-1',
    });
    for (const malformed of [
      null,
      [],
      'x',
      { type: 'event_callback', event_id: 'Ev', event: null },
    ])
      expect(verdict('event', malformed)).toBe('malformed');
  });

  it('reads /helpdesk with the core’s grammar once; other commands are not Lapis’s', () => {
    expect(taken(classify('command', command({ text: 'ticket it-5' })))).toMatchObject({
      kind: 'command',
      command: { text: 'ticket it-5', command: { name: 'status', key: 'IT-5' } },
    });
    expect(verdict('command', command({ command: '/other' }))).toBe('ignore');
    expect(verdict('command', command({ user_id: 'not-a-user' }))).toBe('ignore');
    // Bolt would take a body with an `event` for an event, and throw on it.
    expect(verdict('command', { ...command(), event: 'x' })).toBe('malformed');
    expect(verdict('command', { text: 'x' })).toBe('malformed');
  });

  it('reads a Lapis button: the core action, its payload untouched, its form', () => {
    const value = encodeButtonValue({ id: 'claim', label: 'Claim', payload });
    expect(taken(classify('interaction', press(value)))).toEqual({
      kind: 'press',
      press: {
        userId: 'U0AYU0001',
        triggerId: 't.2',
        actionTs: '5.000001',
        label: 'Claim',
        channelId: 'C0L1DESK01',
        message: { channelId: 'C0L1DESK01', ts: '7.000002' },
        action: 'claim',
        payload,
        form: undefined,
      },
    });
    // The channel does not read the payload: one the core would refuse still reaches it as it came.
    const forged = encodeButtonValue({
      id: 'claim',
      label: 'Claim',
      payload: '{"ticket":{"$ne":1}}',
    });
    expect(taken(classify('interaction', press(forged)))).toMatchObject({
      press: { payload: '{"ticket":{"$ne":1}}' },
    });
    expect(classify('interaction', press('{"$ne":null}'))).toEqual({
      verdict: 'ignore',
      note: 'a Slack button Lapis cannot read',
    });
    expect(verdict('interaction', press(value, 'someone_else'))).toBe('ignore');
    expect(verdict('interaction', press(value, 'lapis:drop_table:0:0'))).toBe('ignore');
  });

  it('reads a submitted form: where its button was, the values, the blank required fields', () => {
    const origin = { action: 'escalate' as const, payload, channelId: 'C0L1DESK01' };
    const submission = {
      type: 'view_submission',
      user: { id: 'U0AYU0001' },
      view: {
        id: 'V0FORM001',
        callback_id: 'lapis_form',
        private_metadata: encodeMetadata(origin),
        blocks: [{ type: 'input', block_id: 'reason', optional: false }],
        state: { values: { reason: { value: { type: 'plain_text_input', value: '  ' } } } },
      },
    };
    expect(taken(classify('interaction', submission))).toEqual({
      kind: 'form',
      submission: {
        viewId: 'V0FORM001',
        userId: 'U0AYU0001',
        origin: { ...origin, messageTs: undefined },
        values: { reason: '  ' },
        blank: ['reason'],
      },
    });
    const other = { ...submission, view: { ...submission.view, callback_id: 'other' } };
    expect(verdict('interaction', other)).toBe('ignore');
  });

  it('refuses interactions Bolt would misroute or throw on, and ignores what no listener takes', () => {
    const malformed = [
      { type: 'view_submission', user: { id: 'U1' }, view: {} },
      { type: 'block_actions', user: { id: 'U1' }, actions: { action_id: 'x' } },
      { type: 'message_action', callback_id: 'create_it_ticket', event: {}, user: { id: 'U1' } },
      { type: 'block_actions', user: { id: 'U1' }, view: null, actions: [{ action_id: 'x' }] },
      { user: { id: 'U1' } },
    ];
    for (const body of malformed) expect(verdict('interaction', body)).toBe('malformed');
    const ignored = [
      { type: 'view_closed', user: { id: 'U1' }, view: { id: 'V1' } },
      // Bolt matches a callback id inside `view` first: this shortcut is not Lapis's to Bolt.
      {
        type: 'message_action',
        user: { id: 'U1' },
        trigger_id: 't',
        callback_id: 'create_it_ticket',
        view: {},
      },
      { type: 'shortcut', user: { id: 'U1' }, trigger_id: 't', callback_id: 'create_it_ticket' },
    ];
    for (const body of ignored) expect(verdict('interaction', body)).toBe('ignore');
  });

  it('hands each listener its own kind of input only', () => {
    const input = taken(classify('command', command()))!;
    const context = inputProperties(input);
    expect(takenInput(context, 'command')).toBe(input);
    expect(takenInput(context, 'press')).toBeUndefined();
    expect(takenInput({}, 'command')).toBeUndefined();
  });
});

describe('reading a request to /slack/events', () => {
  const secret = 'unit-secret';
  const now = () => Math.floor(Date.now() / 1000);
  const headers = (body: string, contentType: string, timestamp = now()) => ({
    contentType,
    signature: sign(secret, timestamp, body),
    timestamp: String(timestamp),
  });
  const form = 'application/x-www-form-urlencoded';

  it('reads events as JSON, interactions from `payload`, commands from the form', () => {
    const event = JSON.stringify(envelope({ type: 'message' }));
    expect(readSlackHttpBody(event, headers(event, 'application/json'), secret)).toEqual({
      kind: 'read',
      as: 'event',
      body: envelope({ type: 'message' }),
    });
    const interaction = new URLSearchParams({ payload: '{"type":"block_actions"}' }).toString();
    expect(readSlackHttpBody(interaction, headers(interaction, form), secret)).toEqual({
      kind: 'read',
      as: 'interaction',
      body: { type: 'block_actions' },
    });
    const slash = new URLSearchParams({ command: '/helpdesk', text: 'a b' }).toString();
    expect(readSlackHttpBody(slash, headers(slash, form), secret)).toEqual({
      kind: 'read',
      as: 'command',
      body: { command: '/helpdesk', text: 'a b' },
    });
    const broken = 'payload=%7Bnot-json';
    expect(readSlackHttpBody(broken, headers(broken, form), secret)).toEqual({
      kind: 'unreadable',
    });
  });

  it('refuses a body changed after it was signed, a stale or missing signature, another secret', () => {
    const body = JSON.stringify(envelope({ type: 'message', text: 'hi' }));
    const altered = body.replace('hi', 'ho');
    const unsigned = (b: string, h: Parameters<typeof readSlackHttpBody>[1]) =>
      readSlackHttpBody(b, h, secret).kind;
    expect(unsigned(altered, headers(body, 'application/json'))).toBe('unsigned');
    expect(unsigned(body, headers(body, 'application/json', now() - 6 * 60))).toBe('unsigned');
    expect(unsigned(body, { ...headers(body, 'application/json'), signature: undefined })).toBe(
      'unsigned',
    );
    expect(readSlackHttpBody(body, headers(body, 'application/json'), 'other').kind).toBe(
      'unsigned',
    );
  });

  it("answers Slack's certificate check without a signature, and reads nothing else in it", () => {
    const check = 'ssl_check=1&token=x&payload=%7B%22type%22%3A%22block_actions%22%7D';
    expect(
      readSlackHttpBody(
        check,
        { contentType: form, signature: undefined, timestamp: undefined },
        secret,
      ),
    ).toEqual({ kind: 'ssl_check' });
    const notQuite = 'ssl_check=0&command=%2Fhelpdesk';
    expect(
      readSlackHttpBody(
        notQuite,
        { contentType: form, signature: undefined, timestamp: undefined },
        secret,
      ).kind,
    ).toBe('unsigned');
  });
});
