import { t } from '../../src/core/i18n/translate';
import type { Locale } from '../../src/core/locale';
import type { StubFileSpec } from '../support/slack-file-stub';
import {
  CHANNELS,
  dmChannelOf,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  type Person,
  type SlackHarness,
} from '../support/slack-harness';
import { METHOD_SCOPES } from '../support/slack-method-scopes';
import { ticketByKey } from '../support/ticket-by-key';

/**
 * Files both ways on Slack, on the real core: signed file_share events through the real Bolt app,
 * the bytes downloaded from the loopback Web API with the bot token, kept in the test database and
 * uploaded with the external upload into the ticket's thread or the employee's DM.
 */
describe('Slack channel on the real core: files both ways', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  let count = 0;
  const nextTs = () => `${1_800_200_000 + ++count}.000001`;
  const png = Buffer.from('\x89PNG\r\n\x1a\n the VPN client says error 809', 'binary');
  const addFile = (spec: Partial<StubFileSpec> = {}) =>
    h.stub.files.addFile({
      id: `F0JRNY${String(++count).padStart(4, '0')}`,
      name: 'vpn-error.png',
      mimetype: 'image/png',
      bytes: png,
      ...spec,
    });

  /** A DM holding files (and maybe words), as Slack sends it. */
  const shareInDm = (
    person: Person,
    files: Record<string, unknown>[],
    options: { text?: string; eventId?: string; retryNum?: number } = {},
  ) =>
    h.send.event(
      {
        type: 'message',
        subtype: 'file_share',
        channel_type: 'im',
        channel: dmChannelOf(person),
        user: person.id,
        text: options.text ?? '',
        ts: nextTs(),
        files,
      },
      {
        ...(options.eventId && { eventId: options.eventId }),
        ...(options.retryNum !== undefined && { retryNum: options.retryNum }),
      },
    );

  /** Waits for an upload of this name (one waiting for its ticket's card is retried after a while). */
  const uploaded = async (filename: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await h.helpdesk.idle();
      const found = h.stub.files.uploads.find((u) => u.filename === filename);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${filename} was never uploaded`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** Everything the bot said in a person's DM (messages and ephemerals), in order. */
  const saidInDm = (person: Person) =>
    h.stub.calls
      .filter(
        (c) =>
          ['chat.postMessage', 'chat.postEphemeral'].includes(c.method) &&
          c.response.ok === true &&
          c.args.channel === dmChannelOf(person),
      )
      .map(shownText)
      .join('\n');

  it('a screenshot alone in the DM reaches the ticket thread, byte for byte; one sent before travels with it', async () => {
    // Before any ticket: kept with the conversation, and Budi is asked what is wrong.
    const early = addFile({ name: 'before.png' });
    await shareInDm(PEOPLE.budi, [early]);
    expect(saidInDm(PEOPLE.budi)).toContain('before.png');
    expect(h.stub.files.uploads).toEqual([]);
    const { key, cardTs } = await openTicket(
      h,
      PEOPLE.budi,
      'the vpn disconnects every ten minutes',
    );
    expect(await uploaded('before.png')).toMatchObject({ channel: CHANNELS.l1, threadTs: cardTs });
    expect(h.stub.files.uploads).toHaveLength(1);

    // With the ticket open: straight into its thread.
    const shared = addFile();
    expect((await shareInDm(PEOPLE.budi, [shared])).status).toBe(200);
    await h.helpdesk.idle();
    expect(h.stub.files.downloads.at(-1)).toEqual({
      fileId: shared.id,
      token: 'xoxb-test-token',
      status: 200,
    });
    const upload = h.stub.files.uploads.at(-1)!;
    expect(upload).toMatchObject({
      filename: 'vpn-error.png',
      channel: CHANNELS.l1,
      threadTs: cardTs,
    });
    expect(Buffer.from(upload.bytes)).toEqual(png);
    // Said in the agents' language, Budi's name and the file's as he wrote them.
    expect(upload.initialComment).toBe(
      t(h.config.AGENT_LOCALE, 'file_from_requester', {
        requester: 'Budi Santoso',
        name: 'vpn-error.png',
        size: `${png.byteLength} B`,
      }),
    );
    // The transcript lists both.
    const ticket = await ticketByKey(h.db, key);
    expect(ticket?.transcript.flatMap((e) => e.files ?? []).map((f) => f.name)).toEqual([
      'before.png',
      'vpn-error.png',
    ]);
  });

  it("an agent's file in the thread reaches the employee's DM", async () => {
    const { cardTs } = await openTicket(h, PEOPLE.sari, 'my laptop cannot reach the printer');
    const log = Buffer.from('printer queue: 3 jobs stuck, spooler restarted');
    const shared = addFile({ name: 'spooler.log', mimetype: 'text/plain', bytes: log });
    await h.send.event({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'channel',
      channel: CHANNELS.l1,
      user: PEOPLE.ayu.id,
      text: 'this is what the print server says',
      ts: nextTs(),
      thread_ts: cardTs,
      files: [shared],
    });
    await h.helpdesk.idle();
    const upload = h.stub.files.uploads.at(-1)!;
    expect(upload).toMatchObject({
      filename: 'spooler.log',
      channel: dmChannelOf(PEOPLE.sari),
      threadTs: undefined,
    });
    expect(Buffer.from(upload.bytes)).toEqual(log);
    expect(upload.initialComment).toBe(
      t('en', 'file_from_agent', {
        agent: 'Ayu Lestari',
        name: 'spooler.log',
        size: `${log.byteLength} B`,
      }),
    );
    // The words came along as a message of their own.
    expect(saidInDm(PEOPLE.sari)).toContain('this is what the print server says');
  });

  it.each<[Locale, Person, string]>([
    ['en', PEOPLE.nina, 'my laptop will not connect to the office wifi'],
    ['id', PEOPLE.joko, 'laptop saya tidak bisa terhubung ke wifi kantor'],
  ])(
    'bad files are each refused and the sender told why, in their language (%s)',
    async (locale, person, question) => {
      await openTicket(h, person, question);
      const uploads = h.stub.files.uploads.length;
      const downloads = h.stub.files.downloads.length;
      const limit = '20 MB'; // MAX_FILE_MB's default
      const cases = [
        { spec: { name: 'capture.mp4', size: 30 * 1024 * 1024 }, key: 'file_refused_too_large' },
        { spec: { name: 'blank.png', bytes: Buffer.alloc(0) }, key: 'file_refused_empty' },
        { spec: { name: 'fix-vpn.exe' }, key: 'file_refused_refused_type' },
        {
          spec: { name: 'secret.png', serve: 'forbidden' as const },
          key: 'file_refused_forbidden',
        },
      ] as const;
      for (const { spec } of cases) await shareInDm(person, [addFile(spec)]);
      await h.helpdesk.idle();

      const said = saidInDm(person);
      for (const { spec, key } of cases)
        expect(said).toContain(t(locale, key, { name: spec.name, limit, type: '.exe' }));
      expect(h.stub.files.uploads.length).toBe(uploads);
      // Only the 403 was downloaded: size, emptiness and type are read from the event.
      expect(h.stub.files.downloads.slice(downloads).map((d) => d.status)).toEqual([403]);
    },
  );

  it('a redelivered file_share uploads nothing twice', async () => {
    await openTicket(h, PEOPLE.tono, 'outlook keeps asking for my password');
    const shared = addFile({ name: 'outlook.png' });
    await shareInDm(PEOPLE.tono, [shared], { eventId: 'EvFILEONCE1' });
    await shareInDm(PEOPLE.tono, [shared], { eventId: 'EvFILEONCE1', retryNum: 1 });
    await h.helpdesk.idle();
    expect(h.stub.files.uploads.filter((u) => u.filename === 'outlook.png')).toHaveLength(1);
    expect(h.stub.files.downloads.filter((d) => d.fileId === shared.id)).toHaveLength(1);
  });

  it('used only methods the manifest has scopes for, always with the bot token, and logged no error', async () => {
    await h.helpdesk.idle();
    const methods = [...new Set(h.stub.calls.map((c) => c.method))];
    expect(methods).toEqual(
      expect.arrayContaining(['files.getUploadURLExternal', 'files.completeUploadExternal']),
    );
    expect(methods.filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
    expect(h.stub.calls.every((c) => c.token === 'xoxb-test-token')).toBe(true);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(h.lines.join('')).not.toContain('xoxb-test-token');
  });
});
