import * as delivery from '../../src/channels/slack/slack-delivery';
import { label } from '../../src/channels/slack/slack-labels';
import {
  CHANNELS,
  dmChannelOf,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import { startSocketModeStub, type SocketModeStub } from '../support/socket-mode-stub';

/**
 * SLACK_SOCKET_MODE=true: Bolt asks apps.connections.open (with the app-level token) for a WebSocket
 * URL, connects, acknowledges envelopes over the socket and answers through the Web API as in HTTP
 * mode. Nothing is mounted at /slack/events then.
 */
describe('Slack channel in Socket Mode', () => {
  let h: SlackHarness;
  let socket: SocketModeStub;
  beforeAll(async () => {
    socket = await startSocketModeStub();
    h = await startSlackHarness({
      env: { SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: 'xapp-test-token' },
      answers: { 'apps.connections.open': () => ({ ok: true, url: socket.url }) },
    });
    await socket.connected();
  });
  afterAll(async () => {
    await h?.close();
    await socket?.close();
  });

  it('connects with the app token and handles events and commands over the socket', async () => {
    const open = h.stub.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.token).toBe('xapp-test-token');

    socket.send({
      envelope_id: 'env-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: {
        type: 'event_callback',
        team_id: 'T00000001',
        api_app_id: 'A00000001',
        event_id: 'EvSOCKET0001',
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'message',
          channel_type: 'im',
          channel: dmChannelOf(PEOPLE.budi),
          user: PEOPLE.budi.id,
          text: 'how do I reset my password',
          ts: '1800005000.000001',
        },
      },
    });
    await socket.waitForAck('env-1');
    await h.stub.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === dmChannelOf(PEOPLE.budi),
    );

    socket.send({
      envelope_id: 'env-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/helpdesk',
        text: 'help',
        user_id: PEOPLE.sari.id,
        channel_id: CHANNELS.general,
        channel_name: 'general',
        trigger_id: 'trig.socket.1',
        team_id: 'T00000001',
        api_app_id: 'A00000001',
      },
    });
    const ack = await socket.waitForAck('env-2');
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: label('id', 'command_in_dm') });
    const answer = await h.stub.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === dmChannelOf(PEOPLE.sari),
    );
    expect(shownText(answer).length).toBeGreaterThan(10);

    const http = await h.send.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0X',
      user: PEOPLE.budi.id,
      text: 'hi',
      ts: '1.1',
    });
    expect(http.status).toBe(404);
  });

  it('reads each envelope once as HTTP bodies are read; what Lapis does not take is acknowledged at once', async () => {
    const accept = jest.spyOn(h.helpdesk, 'accept');
    const classified = jest.spyOn(delivery, 'classifySlackBody');
    const interactive = (envelopeId: string, payload: Record<string, unknown>) =>
      socket.send({ envelope_id: envelopeId, type: 'interactive', payload });
    interactive('env-other', {
      type: 'block_actions',
      user: { id: PEOPLE.sari.id },
      actions: [{ action_id: 'someone_else', value: 'x' }],
    });
    interactive('env-unreadable', { type: 'view_submission', user: { id: 'U1' }, view: {} });
    await socket.waitForAck('env-other');
    await socket.waitForAck('env-unreadable');
    expect(classified).toHaveBeenCalledTimes(2);
    expect(accept).not.toHaveBeenCalled();
    expect(h.lines.join('\n')).toMatch(/Socket Mode envelope Lapis cannot read/);
    jest.restoreAllMocks();
  });

  // Last: it stops the helpdesk's intake, as a database that takes nothing would refuse the event.
  it('leaves an envelope unacknowledged when the event could not be recorded, so Slack redelivers it', async () => {
    await h.helpdesk.stop(500);
    socket.send({
      envelope_id: 'env-refused',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: {
        type: 'event_callback',
        team_id: 'T00000001',
        api_app_id: 'A00000001',
        event_id: 'EvSOCKET0002',
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'message',
          channel_type: 'im',
          channel: dmChannelOf(PEOPLE.budi),
          user: PEOPLE.budi.id,
          text: 'my laptop will not boot',
          ts: '1800005001.000001',
        },
      },
    });
    await expect(socket.waitForAck('env-refused', 1500)).rejects.toThrow();
    expect(h.lines.join('\n')).toMatch(/Socket Mode envelope not taken/);
  });
});
