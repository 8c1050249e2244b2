import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { createSlackPeople } from '../../src/channels/slack/slack-people';
import { levelPings } from '../../src/channels/slack/slack-pings';
import { createSlackSurface } from '../../src/channels/slack/slack-surface';
import { slackSettingsOf } from '../../src/config/channel-settings';
import type { IncomingFile, KeptFile } from '../../src/core/files';
import type { Inbound } from '../../src/core/inbound';
import { fromUser, plain } from '../../src/core/messages';
import { GiveUp } from '../../src/core/pipeline/work-runner';
import type { StubFileSpec } from '../support/slack-file-stub';
import {
  CHANNELS,
  dmChannelOf,
  PEOPLE,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';

/**
 * Files on the Slack channel, over real HTTP: signed events carrying files through the real Bolt
 * receiver, and the surface downloading from and uploading to the loopback Web API.
 */
describe('Slack channel: files', () => {
  let h: SlackHarness;
  let elsewhere: http.Server;
  const elsewhereHits: { url: string; authorization: string | undefined }[] = [];
  let elsewhereUrl = '';
  beforeAll(async () => {
    h = await startSlackHarness();
    // A host that is not Slack's: the bot token must never reach it.
    elsewhere = http.createServer((req, res) => {
      elsewhereHits.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.end('gotcha');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await h?.close();
    await new Promise<void>((resolve) => elsewhere?.close(() => resolve()));
  });

  const png = Buffer.from('\x89PNG\r\n\x1a\n a screenshot of the VPN error dialog', 'binary');
  let fileCount = 0;
  const addFile = (spec: Partial<StubFileSpec> = {}) =>
    h.stub.files.addFile({
      id: `F0TEST${String(++fileCount).padStart(4, '0')}`,
      name: 'vpn-error.png',
      mimetype: 'image/png',
      bytes: png,
      ...spec,
    });
  /** The file as the core gets it from a DM carrying it. */
  const incoming = async (spec: Partial<StubFileSpec> = {}): Promise<IncomingFile> => {
    const accept = jest.spyOn(h.helpdesk, 'accept');
    await h.send.event({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      channel: dmChannelOf(PEOPLE.tono),
      user: PEOPLE.tono.id,
      text: '',
      ts: `1800100${String(fileCount).padStart(3, '0')}.000001`,
      files: [addFile(spec)],
    });
    const event = accept.mock.calls.at(-1)?.[0];
    accept.mockRestore();
    const prepared = event && (await h.channel.prepare(event));
    const file = prepared && 'files' in prepared ? prepared.files?.[0] : undefined;
    if (!file) throw new Error('the file did not reach the core');
    return file;
  };
  const refused = (reason: string): unknown =>
    expect.objectContaining({ name: 'FileRefused', reason });

  it('a DM holding only a screenshot reaches the core with its file; so does a thread reply with one', async () => {
    const accept = jest.spyOn(h.helpdesk, 'accept');
    const shared = addFile();
    const answer = await h.send.event({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      channel: dmChannelOf(PEOPLE.sari),
      user: PEOPLE.sari.id,
      text: '',
      ts: '1800100000.000001',
      files: [shared],
    });
    expect(answer.status).toBe(200);
    const [event] = accept.mock.calls.map(([e]) => e);
    expect(event).toEqual({
      kind: 'direct_message',
      deliveryId: expect.any(String) as string,
      user: { platform: 'slack', id: PEOPLE.sari.id },
      dm: { platform: 'slack', id: dmChannelOf(PEOPLE.sari) },
      text: '',
      files: [
        {
          id: shared.id,
          name: 'vpn-error.png',
          mimeType: 'image/png',
          size: png.byteLength,
          source: shared.url_private_download,
        },
      ],
    });

    await h.send.event({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'channel',
      channel: CHANNELS.l1,
      user: PEOPLE.ayu.id,
      text: 'the log &lt;from the laptop&gt;',
      ts: '1800100000.000003',
      thread_ts: '1800100000.000002',
      files: [addFile({ name: 'vpn.log', mimetype: 'text/plain' })],
    });
    const reply = accept.mock.calls.at(-1)?.[0] as Extract<Inbound, { kind: 'thread_message' }>;
    expect(reply).toMatchObject({
      kind: 'thread_message',
      thread: { channelId: CHANNELS.l1, threadId: '1800100000.000002' },
      files: [{ name: 'vpn.log', mimeType: 'text/plain' }],
    });
    expect(await h.channel.prepare(reply)).toMatchObject({ text: 'the log <from the laptop>' });

    // The bot's own upload, echoed back by Slack, is nobody's message.
    const before = accept.mock.calls.length;
    await h.send.event({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      channel: dmChannelOf(PEOPLE.sari),
      user: h.stub.botUserId,
      text: 'From Ayu',
      ts: '1800100000.000004',
      files: [addFile()],
    });
    expect(accept.mock.calls.length).toBe(before);
    accept.mockRestore();
  });

  it('a Slack Connect file is described by files.info when the worker prepares the event', async () => {
    const file = await incoming({
      connect: true,
      name: 'partner-invoice.pdf',
      mimetype: 'application/pdf',
    });
    expect(file).toMatchObject({ name: 'partner-invoice.pdf', mimeType: 'application/pdf' });
    expect(h.stub.ok('files.info').at(-1)?.args).toMatchObject({ file: file.id });
    expect(Buffer.from(await h.channel.surface.fetchFile(file, 1000))).toEqual(png);

    // files.info will not show it: refused, and the sender is told (no download tried).
    const hidden = await h.channel.prepare({
      kind: 'direct_message',
      deliveryId: 'EvHIDDEN1',
      user: { platform: 'slack', id: PEOPLE.tono.id },
      dm: { platform: 'slack', id: dmChannelOf(PEOPLE.tono) },
      text: '',
      files: [{ id: 'F0UNKNOWN1', name: 'F0UNKNOWN1', source: 'slack:files.info' }],
    });
    const downloads = h.stub.files.downloads.length;
    const gone = 'files' in hidden ? hidden.files?.[0] : undefined;
    await expect(h.channel.surface.fetchFile(gone!, 1000)).rejects.toEqual(refused('forbidden'));
    expect(h.stub.files.downloads.length).toBe(downloads);
  });

  it('fetchFile gets the bytes with the bot token, from Slack alone', async () => {
    const file = await incoming();
    expect(Buffer.from(await h.channel.surface.fetchFile(file, 1_000_000))).toEqual(png);
    expect(h.stub.files.downloads.at(-1)).toEqual({
      fileId: file.id,
      token: 'xoxb-test-token',
      status: 200,
    });

    // A URL on another host, or a redirect to one, is refused and never sent the token.
    const foreign = { ...file, source: `${elsewhereUrl}/files-pri/T1-${file.id}/download/x.png` };
    await expect(h.channel.surface.fetchFile(foreign, 1000)).rejects.toEqual(refused('forbidden'));
    for (const source of [
      'https://files.slack.com.example.net/x.png',
      'http://files.slack.com/files-pri/T1-F1/x.png',
      `${new URL(h.stub.url).origin.replace('//', '//someone:secret@')}/files-pri/T1-F1/x.png`,
    ])
      await expect(h.channel.surface.fetchFile({ ...file, source }, 1000)).rejects.toEqual(
        refused('forbidden'),
      );
    const redirected = await incoming({ serve: 'redirect', redirectTo: `${elsewhereUrl}/signin` });
    await expect(h.channel.surface.fetchFile(redirected, 1000)).rejects.toEqual(
      refused('forbidden'),
    );
    expect(elsewhereHits).toEqual([]);

    // A redirect that stays on Slack's file host is followed, with the token.
    const target = addFile({ name: 'moved.png' });
    const moved = await incoming({
      serve: 'redirect',
      redirectTo: String(target.url_private_download),
    });
    expect(Buffer.from(await h.channel.surface.fetchFile(moved, 1000))).toEqual(png);
    expect(h.stub.files.downloads.at(-1)).toMatchObject({ fileId: target.id, status: 200 });
  });

  it('fetchFile refuses what will never come: too large, empty, a 403, the sign-in page', async () => {
    const big = await incoming({ bytes: Buffer.alloc(5000, 1), size: 10 });
    await expect(h.channel.surface.fetchFile(big, 4999)).rejects.toEqual(refused('too_large'));
    // A stream with no length and no end is cut off at the cap, never read whole.
    const endless = await incoming({ serve: 'endless', size: 10 });
    await expect(h.channel.surface.fetchFile(endless, 200_000)).rejects.toEqual(
      refused('too_large'),
    );
    // What the host managed to send before the reader hung up: socket buffers, not the whole stream.
    expect(h.stub.files.downloads.at(-1)?.written).toBeLessThan(64 * 1024 * 1024);
    const empty = await incoming({ bytes: Buffer.alloc(0) });
    await expect(h.channel.surface.fetchFile(empty, 1000)).rejects.toEqual(refused('empty'));
    const forbidden = await incoming({ serve: 'forbidden' });
    await expect(h.channel.surface.fetchFile(forbidden, 1000)).rejects.toEqual(
      refused('forbidden'),
    );
    expect(h.stub.files.downloads.at(-1)).toMatchObject({ fileId: forbidden.id, status: 403 });
    const login = await incoming({ serve: 'login_page' });
    await expect(h.channel.surface.fetchFile(login, 1000)).rejects.toEqual(refused('forbidden'));
    // An HTML file someone shares is a file, not the sign-in page.
    const page = await incoming({
      serve: 'login_page',
      name: 'proxy-error.html',
      mimetype: 'text/html',
    });
    expect(Buffer.from(await h.channel.surface.fetchFile(page, 1000)).toString()).toContain(
      '<html>',
    );
  });

  it('fetchFile throws a plain error, to be retried, on an outage or past its deadline', async () => {
    const down = await incoming({ serve: 'server_error' });
    const outage = await h.channel.surface.fetchFile(down, 1000).catch((e: unknown) => e);
    expect(outage).toBeInstanceOf(Error);
    expect(outage).not.toHaveProperty('name', 'FileRefused');

    const slow = await incoming({ serve: 'slow' });
    const client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: h.stub.url });
    const settings = slackSettingsOf(h.config);
    const surface = createSlackSurface({
      client,
      config: settings,
      pings: levelPings(settings),
      people: createSlackPeople(client, { ttlMs: 1000 }),
      fileDeadlineMs: 300,
    });
    const started = Date.now();
    const late = await surface.fetchFile(slow, 1000).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(late).toBeInstanceOf(Error);
    expect(late).not.toHaveProperty('name', 'FileRefused');
  });

  const kept: KeptFile = {
    id: 'slack:F0KEPT0001',
    name: 'router-config.txt',
    mimeType: 'text/plain',
    size: 24,
    from: { platform: 'slack', id: PEOPLE.ayu.id, name: 'Ayu' },
    at: new Date(),
  };
  const bytes = new TextEncoder().encode('interface vlan10 shutdown');

  it('sendFile uploads into the thread with the caption, which pings nobody', async () => {
    const thread = {
      platform: 'slack' as const,
      channelId: CHANNELS.l1,
      threadId: '1800100200.000001',
    };
    const caption = {
      text: 'From Budi',
      blocks: [
        { kind: 'context' as const, spans: [plain('From '), fromUser('<@UAYU00001> @here Budi')] },
      ],
    };
    const ref = await h.channel.surface.sendFile({ thread }, kept, bytes, caption);
    const upload = h.stub.files.uploads.at(-1)!;
    expect(ref).toEqual({ platform: 'slack', channelId: CHANNELS.l1, messageId: upload.fileId });
    expect(upload).toMatchObject({
      filename: 'router-config.txt',
      title: 'router-config.txt',
      channel: CHANNELS.l1,
      threadTs: '1800100200.000001',
      initialComment: 'From &lt;@UAYU00001&gt; @\u2060here Budi',
    });
    expect(new Uint8Array(upload.bytes)).toEqual(bytes);
  });

  it('sendFile into a DM opens it by user id; refusals are final, outages retried', async () => {
    const caption = { text: 'From Ayu', blocks: [] };
    const ref = await h.channel.surface.sendFile(
      { dm: { platform: 'slack', id: PEOPLE.nina.id } },
      kept,
      bytes,
      caption,
    );
    expect(ref.channelId).toBe(dmChannelOf(PEOPLE.nina));
    expect(h.stub.files.uploads.at(-1)).toMatchObject({
      channel: dmChannelOf(PEOPLE.nina),
      threadTs: undefined,
      initialComment: 'From Ayu',
    });

    const dm = { dm: { platform: 'slack' as const, id: dmChannelOf(PEOPLE.nina) } };
    h.stub.fail('files.completeUploadExternal', 1, 'not_in_channel');
    await expect(h.channel.surface.sendFile(dm, kept, bytes, caption)).rejects.toBeInstanceOf(
      GiveUp,
    );
    h.stub.fail('files.getUploadURLExternal', 1, 'internal_error');
    const outage = await h.channel.surface
      .sendFile(dm, kept, bytes, caption)
      .catch((e: unknown) => e);
    expect(outage).toBeInstanceOf(Error);
    expect(outage).not.toBeInstanceOf(GiveUp);
    const teams = { thread: { platform: 'teams' as const, channelId: 'x', threadId: 'y' } };
    await expect(h.channel.surface.sendFile(teams, kept, bytes, caption)).rejects.toBeInstanceOf(
      GiveUp,
    );
  });
});
