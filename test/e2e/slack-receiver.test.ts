import * as delivery from '../../src/channels/slack/slack-delivery';
import * as httpBody from '../../src/channels/slack/slack-http-body';
import * as inbound from '../../src/channels/slack/slack-inbound';
import * as signature from '../../src/channels/slack/slack-signature';
import { decodeButtonValue } from '../../src/channels/slack/slack-button-value';
import type { Inbound } from '../../src/core/inbound';
import { readPayload } from '../../src/core/workflow/payload';
import {
  CHANNELS,
  dmChannelOf,
  PEOPLE,
  SIGNING_SECRET,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import { sign } from '../support/slack-requests';

/**
 * Lapis's Bolt receiver at /slack/events: each request's raw body read once, its signature checked
 * once, the body parsed and read once; what the listeners hand the core is what it read.
 */
describe('Slack channel: the receiver', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await h?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const dm = (text: string) => ({
    type: 'message',
    channel_type: 'im',
    channel: dmChannelOf(PEOPLE.sari),
    user: PEOPLE.sari.id,
    text,
    ts: '1800001111.000001',
  });

  it('refuses a signed request whose body was changed after signing, and records nothing', async () => {
    const accept = jest.spyOn(h.helpdesk, 'accept');
    const before = h.stub.calls.length;
    const ts = now();
    const signed = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvALTERED1',
      event: dm('hi'),
    });
    const altered = signed.replace('"hi"', '"my password expired, reset it"');
    const answer = await h.send.raw(altered, 'application/json', {
      timestamp: ts,
      signature: sign(SIGNING_SECRET, ts, signed),
    });
    expect(answer.status).toBe(401);
    // The same body as signed is taken: the signature, not the shape, made the difference.
    const genuine = await h.send.raw(signed, 'application/json', {
      timestamp: ts,
      signature: sign(SIGNING_SECRET, ts, signed),
    });
    expect(genuine.status).toBe(200);
    expect(accept.mock.calls.map(([e]) => e.deliveryId)).toEqual(['EvALTERED1']);
    await h.helpdesk.idle();
    expect(h.stub.calls.slice(before).some((c) => c.method === 'chat.postMessage')).toBe(true);
  });

  it('verifies and reads each request once; no listener reads it again', async () => {
    const verified = jest.spyOn(signature, 'slackSignatureProblem');
    const read = jest.spyOn(httpBody, 'readSlackHttpBody');
    const classified = jest.spyOn(delivery, 'classifySlackBody');
    const parsers = [
      jest.spyOn(inbound, 'parseMessageEvent'),
      jest.spyOn(inbound, 'parseBlockAction'),
      jest.spyOn(inbound, 'parseViewSubmission'),
      jest.spyOn(inbound, 'parseCommand'),
    ];
    const parsed = () => parsers.reduce((sum, p) => sum + p.mock.calls.length, 0);
    const counts = () => [
      verified.mock.calls.length,
      read.mock.calls.length,
      classified.mock.calls.length,
      parsed(),
    ];

    await h.dm(PEOPLE.joko, 'the printer on floor 2 is out of toner');
    expect(counts()).toEqual([1, 1, 1, 1]);
    const answer = h.posted(dmChannelOf(PEOPLE.joko)).at(-1)!;
    if (JSON.stringify(answer.args.blocks).includes('lapis:l0_need_help:'))
      await h.press(PEOPLE.joko, h.button('l0_need_help', dmChannelOf(PEOPLE.joko)));
    const pressed = counts();
    await h.press(PEOPLE.joko, h.button('ticket_form', dmChannelOf(PEOPLE.joko)));
    expect(counts()).toEqual(pressed.map((n) => n + 1));
    await h.submit(PEOPLE.joko, h.stub.ok('views.open').at(-1)!, {
      category: 'hardware',
      impact: 'me',
      urgency: 'low',
    });
    expect(counts()).toEqual(pressed.map((n) => n + 2));
    await h.send.command({
      command: '/helpdesk',
      text: 'status',
      user_id: PEOPLE.joko.id,
      channel_id: CHANNELS.general,
      trigger_id: 'trig.once.1',
    });
    expect(counts()).toEqual(pressed.map((n) => n + 3));
  });

  it('hands the core a command as read, and a press with its payload as the core wrote it', async () => {
    const accept = jest.spyOn(h.helpdesk, 'accept');
    await h.send.command({
      command: '/helpdesk',
      text: 'ticket it-77',
      user_id: PEOPLE.budi.id,
      channel_id: CHANNELS.general,
      trigger_id: 'trig.decoded.1',
    });
    expect(accept.mock.calls[0]?.[0]).toMatchObject({
      kind: 'direct_message',
      deliveryId: 'command:trig.decoded.1',
      text: 'ticket it-77',
      command: { name: 'status', key: 'IT-77' },
    });

    await h.dm(PEOPLE.budi, 'my laptop battery drains in an hour');
    const button = h.button('l0_need_help', dmChannelOf(PEOPLE.budi));
    await h.press(PEOPLE.budi, button);
    const pressed = accept.mock.calls
      .map(([e]) => e)
      .find((e): e is Extract<Inbound, { kind: 'action' }> => e.kind === 'action');
    const carried = decodeButtonValue(button.value)?.payload;
    expect(pressed).toMatchObject({ action: 'l0_need_help', payload: carried });
    expect(readPayload(carried ?? '')).toMatchObject({ session: expect.any(Number) as number });
  });

  it("answers Slack's URL and certificate checks, and refuses a body over 1 MB", async () => {
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'c-42', token: 'x' });
    const verified = await h.send.raw(challenge, 'application/json');
    expect([verified.status, JSON.parse(verified.body)]).toEqual([200, { challenge: 'c-42' }]);
    const unsigned = await h.send.raw(challenge, 'application/json', { signature: null });
    expect(unsigned.status).toBe(401);
    const ssl = await h.send.raw('ssl_check=1&token=x', 'application/x-www-form-urlencoded', {
      signature: null,
    });
    expect(ssl.status).toBe(200);
    const huge = JSON.stringify({ type: 'event_callback', event: dm('x'.repeat(1024 * 1024)) });
    expect((await h.send.raw(huge, 'application/json')).status).toBe(413);
  });

  // Last: it stops the helpdesk's intake.
  it('answers 503 with Retry-After while the core takes nothing, so Slack delivers it again', async () => {
    await h.helpdesk.stop(500);
    const ts = now();
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvSTOPPING1',
      event: dm('vpn'),
    });
    const response = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(SIGNING_SECRET, ts, body),
      },
      body,
    });
    expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
  });
});
