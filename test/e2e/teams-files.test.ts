import type { TeamsSdk } from '../../src/channels/teams/bot-host';
import { FILE_DOWNLOAD_INFO } from '../../src/channels/teams/activity-files';
import { FileRefused, type IncomingFile, type KeptFile } from '../../src/core/files';
import type { Inbound } from '../../src/core/inbound';
import { plain, type OutboundMessage } from '../../src/core/messages';
import { createFileLinkSigner } from '../../src/http/file-links';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { trustOutboundToken } from '../support/bot-outbound-token';
import { startBotTokenIssuer, type BotTokenIssuer } from '../support/bot-token-issuer';
import { createMemoryFileStore } from '../support/fakes/memory-file-store';
import { t } from '../../src/core/i18n/translate';
import {
  button,
  cardOf,
  cardSaying,
  cardSubmit,
  cardText,
  installedInChannel,
  onlyCardIn,
  personalMessage,
  TENANT_ID,
  teamsPerson,
  threadMessage,
  type TeamsPerson,
} from '../support/teams-activities';
import { startTeamsApp, TEAMS_SDKS, useTeamsBed, type TeamsApp } from '../support/teams-app';
import { startConnectorStub, type ConnectorStub } from '../support/teams-connector-stub';
import { openTestDatabase } from '../support/test-database';

/**
 * Files on Teams at the channel's edge, on each SDK, with authentication on and over real HTTP: what
 * an activity's attachments become (a pasted screenshot with no text reaches the core), fetchFile
 * against the loopback connector (the bot's token to the connector, none to a download URL; the byte
 * cap, 403, hosts outside the policy), and sendFile's message with its link, which Lapis serves
 * (GET /files/:id) only with a valid, unexpired signature.
 */
const APP_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const OUTBOUND_TOKEN = 'files-test-outbound-token';
const PUBLIC_URL = 'https://lapis.example.test';
const SECRET = 'a-file-link-secret-of-forty-characters-xx';
const L1 = '19:l1-service-desk@thread.tacv2';
const DM = 'a:1budi-personal-chat';
const budi: TeamsPerson = {
  id: '29:budi',
  name: 'Budi Santoso',
  aadObjectId: '0b0d1a2b-0000-4000-8000-00000000b0d1',
};
/** A PNG's first bytes and some more: what the stub serves as a screenshot. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
const caption: OutboundMessage = {
  text: 'Ayu sent a file',
  blocks: [{ kind: 'text', spans: [plain('Ayu sent a file')] }],
  locale: 'en',
};

interface Bed {
  app: TeamsApp;
  connector: ConnectorStub;
  issuer: BotTokenIssuer;
  events: Inbound[];
  files: ReturnType<typeof createMemoryFileStore>;
  close(): Promise<void>;
}

async function startBed(sdk: TeamsSdk): Promise<Bed> {
  const [conn, connector, issuer] = await Promise.all([
    openTestDatabase(),
    startConnectorStub(),
    startBotTokenIssuer(sdk),
  ]);
  await ensureIndexes(conn.db);
  const files = createMemoryFileStore();
  const app = await startTeamsApp({
    sdk,
    db: conn.db,
    files,
    authEndpoints: issuer.endpoints,
    env: {
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: 'not-a-real-secret',
      TEAMS_APP_TENANT_ID: TENANT_ID,
      // The connector stub is on loopback, which authentication on takes only when listed.
      TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
      TEAMS_L1_CHANNEL_ID: L1,
      PUBLIC_URL,
      FILE_LINK_SECRET: SECRET,
    },
  });
  await trustOutboundToken(app.config, issuer.endpoints, OUTBOUND_TOKEN);
  // What reaches the core is recorded here; the core's own file flow is tested on its own.
  const events: Inbound[] = [];
  app.channel.attach({
    ...app.helpdesk,
    accept: (event) => {
      events.push(event);
      return Promise.resolve('accepted');
    },
  });
  return {
    app,
    connector,
    issuer,
    events,
    files,
    async close() {
      await app.close();
      await Promise.all([connector.close(), issuer.close()]);
      await conn.dispose();
    },
  };
}

describe.each(TEAMS_SDKS)('Teams files (%s)', (sdk) => {
  let bed: Bed;
  beforeAll(async () => {
    bed = await startBed(sdk);
  });
  afterAll(() => bed.close());

  const post = async (activity: unknown) => {
    const token = bed.issuer.token(APP_ID, bed.connector.url);
    const answer = await bed.app.post(activity, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    return bed.events.at(-1);
  };
  const dmWith = (text: string, attachments: unknown[]) => ({
    ...personalMessage(bed.connector.url, budi, DM, text),
    attachments,
  });
  const filesOf = (event: Inbound | undefined): readonly IncomingFile[] =>
    event && 'files' in event ? (event.files ?? []) : [];
  const surface = () => bed.app.channel.surface;
  let imageCount = 0;
  /** A pasted image at the connector, as Teams sends it: the image, and the HTML copy of the body. */
  const pastedImage = (bytes: Uint8Array = PNG) => {
    imageCount += 1;
    const url = bed.connector.serveFile(`/v3/attachments/0-img-${imageCount}/views/original`, {
      bytes,
      contentType: 'image/png',
    });
    return [
      { contentType: 'image/png', contentUrl: url },
      {
        contentType: 'text/html',
        content: `<p><img src="${url}" itemtype="http://schema.skype.com/AMSImage"></p>`,
      },
    ];
  };
  const refusal = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileRefused);
    return (error as FileRefused).reason;
  };

  it('takes a pasted screenshot without a word: the DM reaches the core with its file', async () => {
    const event = await post(dmWith('', pastedImage()));
    expect(event).toMatchObject({ kind: 'direct_message', text: '', dm: { id: DM } });
    const [file, ...more] = filesOf(event);
    expect(more).toEqual([]); // the HTML copy of the message is not a second file
    expect(file).toMatchObject({ name: 'image-1.png', mimeType: 'image/png' });
    expect(file!.source).not.toContain('Bearer');
  });

  it('fetches a pasted image from the connector with the bot token', async () => {
    const [file] = filesOf(await post(dmWith('the error', pastedImage())));
    const start = bed.connector.fileRequests.length;
    const bytes = await surface().fetchFile(file!, 1024 * 1024);
    expect(Buffer.from(bytes).equals(Buffer.from(PNG))).toBe(true);
    const [request] = bed.connector.fileRequests.slice(start);
    expect(request).toMatchObject({ status: 200, authorization: `Bearer ${OUTBOUND_TOKEN}` });
  });

  it('fetches a personal-chat file from its download URL without any token', async () => {
    const bytes = new TextEncoder().encode('log line 1\nlog line 2\n');
    const downloadUrl = bed.connector.serveFile('/download/vpn.log?tempauth=abc', { bytes });
    const event = await post(
      dmWith('here is the log', [
        {
          contentType: FILE_DOWNLOAD_INFO,
          contentUrl: 'https://contoso-my.sharepoint.com/personal/budi/Documents/vpn.log',
          name: 'vpn.log',
          content: {
            downloadUrl,
            uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
            fileType: 'log',
          },
        },
      ]),
    );
    const [file] = filesOf(event);
    expect(file).toMatchObject({ name: 'vpn.log', mimeType: 'text/plain' });
    const start = bed.connector.fileRequests.length;
    const fetched = await surface().fetchFile(file!, 1024 * 1024);
    expect(new TextDecoder().decode(fetched)).toBe('log line 1\nlog line 2\n');
    const [request] = bed.connector.fileRequests.slice(start);
    expect(request?.status).toBe(200);
    expect(request?.authorization).toBeUndefined();
  });

  it('refuses a file over the limit, announced or not, without holding more than the limit', async () => {
    const big = new Uint8Array(300 * 1024).fill(7);
    const [announced] = filesOf(await post(dmWith('', pastedImage(big))));
    expect(await refusal(surface().fetchFile(announced!, 100 * 1024))).toBe('too_large');
    const url = bed.connector.serveFile('/download/big.zip', { bytes: big, chunked: true });
    const [streamed] = filesOf(
      await post(
        dmWith('', [
          { contentType: FILE_DOWNLOAD_INFO, name: 'big.zip', content: { downloadUrl: url } },
        ]),
      ),
    );
    expect(await refusal(surface().fetchFile(streamed!, 100 * 1024))).toBe('too_large');
    // Within the limit the same file is taken whole.
    expect((await surface().fetchFile(streamed!, big.byteLength)).byteLength).toBe(big.byteLength);
  });

  it('refuses an empty file, and what Teams will not let the bot have (403); a 500 is tried again', async () => {
    const [empty] = filesOf(await post(dmWith('', pastedImage(new Uint8Array(0)))));
    expect(await refusal(surface().fetchFile(empty!, 1024))).toBe('empty');
    const [file] = filesOf(await post(dmWith('', pastedImage())));
    bed.connector.refuseFiles(403);
    try {
      expect(await refusal(surface().fetchFile(file!, 1024))).toBe('forbidden');
      bed.connector.refuseFiles(500);
      const failed = await surface()
        .fetchFile(file!, 1024)
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
      expect(failed).not.toBeInstanceOf(FileRefused);
    } finally {
      bed.connector.refuseFiles(undefined);
    }
  });

  it('sends no token and fetches nothing outside the policy', async () => {
    const start = bed.connector.fileRequests.length;
    const [image] = filesOf(
      await post(
        dmWith('', [
          { contentType: 'image/png', contentUrl: 'https://attacker.example.com/x.png' },
        ]),
      ),
    );
    expect(await refusal(surface().fetchFile(image!, 1024))).toBe('forbidden');
    // A download URL must be SharePoint / OneDrive over https (or the listed loopback).
    const [download] = filesOf(
      await post(
        dmWith('', [
          {
            contentType: FILE_DOWNLOAD_INFO,
            name: 'a.txt',
            content: { downloadUrl: 'http://contoso.sharepoint.com/a.txt' },
          },
        ]),
      ),
    );
    expect(await refusal(surface().fetchFile(download!, 1024))).toBe('forbidden');
    expect(bed.connector.fileRequests.length).toBe(start);
  });

  it('follows a redirect on the same connector with the token, and none to a host outside the policy', async () => {
    const [image] = pastedImage();
    const { contentUrl } = image as { contentUrl: string };
    const moved = bed.connector.serveFile('/v3/attachments/moved/views/original', {
      bytes: new Uint8Array(0),
      redirectTo: contentUrl,
    });
    const [file] = filesOf(
      await post(dmWith('', [{ contentType: 'image/png', contentUrl: moved }])),
    );
    const start = bed.connector.fileRequests.length;
    const bytes = await surface().fetchFile(file!, 1024);
    expect(Buffer.from(bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(bed.connector.fileRequests.slice(start).map((r) => r.authorization)).toEqual([
      `Bearer ${OUTBOUND_TOKEN}`,
      `Bearer ${OUTBOUND_TOKEN}`,
    ]);
    // Another origin (a listed host, another port) gets the request without the bot's token.
    const other = await startConnectorStub();
    try {
      const there = other.serveFile('/blob/shot.png', { bytes: PNG });
      const hop = bed.connector.serveFile('/v3/attachments/hop/views/original', {
        bytes: new Uint8Array(0),
        redirectTo: there,
      });
      const [hopped] = filesOf(
        await post(dmWith('', [{ contentType: 'image/png', contentUrl: hop }])),
      );
      expect((await surface().fetchFile(hopped!, 1024)).byteLength).toBe(PNG.byteLength);
      expect(other.fileRequests).toEqual([{ path: '/blob/shot.png', status: 200 }]);
    } finally {
      await other.close();
    }
    // localhost is this machine too, but not a listed host: the redirect is not followed.
    const away = bed.connector.serveFile('/v3/attachments/away/views/original', {
      bytes: new Uint8Array(0),
      redirectTo: contentUrl.replace('127.0.0.1', 'localhost'),
    });
    const [elsewhere] = filesOf(
      await post(dmWith('', [{ contentType: 'image/png', contentUrl: away }])),
    );
    const before = bed.connector.fileRequests.length;
    expect(await refusal(surface().fetchFile(elsewhere!, 1024))).toBe('forbidden');
    expect(bed.connector.fileRequests.slice(before).map((r) => r.path)).toEqual([
      '/v3/attachments/away/views/original',
    ]);
  });

  it('in a channel thread, a file Teams shows only as a SharePoint link is refused, so its sender can be told', async () => {
    const thread = `${L1};messageid=1700000000001`;
    const typed = await post({
      ...threadMessage(
        bed.connector.url,
        budi,
        thread,
        'see https://contoso.sharepoint.com/a.docx',
      ),
      attachments: [
        {
          contentType: 'text/html',
          content:
            '<p>see <a href="https://contoso.sharepoint.com/a.docx">https://contoso.sharepoint.com/a.docx</a></p>',
        },
      ],
    });
    // A link the person typed is text, not a file.
    expect(typed).toMatchObject({ kind: 'thread_message' });
    expect(filesOf(typed)).toEqual([]);
    const shared = await post({
      ...threadMessage(bed.connector.url, budi, thread, ''),
      attachments: [
        {
          contentType: 'text/html',
          content:
            '<div><a href="https://contoso.sharepoint.com/sites/it/Shared%20Documents/General/error.png">error.png</a></div>',
        },
      ],
    });
    expect(shared).toMatchObject({ kind: 'thread_message', text: '' });
    const [file] = filesOf(shared);
    expect(file).toMatchObject({ name: 'error.png' });
    const start = bed.connector.fileRequests.length;
    expect(await refusal(surface().fetchFile(file!, 1024))).toBe('forbidden');
    expect(bed.connector.fileRequests.length).toBe(start);
  });

  const keep = async (id: string, name: string, mimeType: string, bytes: Uint8Array) =>
    bed.files.put(
      { id, name, mimeType, from: { platform: 'teams', id: 'ayu' }, at: new Date() },
      bytes,
    );
  const linkIn = (activity: Record<string, unknown>) => {
    const actions = cardOf(activity)
      .body.filter((e) => e.type === 'ActionSet')
      .flatMap((e) => e.actions as { type: string; url?: string; title: string }[]);
    const open = actions.find((a) => a.type === 'Action.OpenUrl');
    if (!open?.url) throw new Error('no link in the message');
    return { title: open.title, url: open.url };
  };
  /** The link as the app serves it here (PUBLIC_URL names the public address). */
  const local = (url: string) => url.replace(PUBLIC_URL, bed.app.url);

  it('sends a file into the personal chat as its caption with a link Lapis serves', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 report');
    const file = await keep('teams:report-1', 'report.pdf', 'application/pdf', bytes);
    const ref = await surface().sendFile(
      { dm: { platform: 'teams', id: DM } },
      file,
      bytes,
      caption,
    );
    const sent = bed.connector.calls.at(-1)!;
    expect(sent).toMatchObject({ kind: 'send', conversationId: DM, id: ref.messageId });
    expect(cardText(cardOf(sent.body))).toContain('Ayu sent a file');
    const link = linkIn(sent.body);
    expect(link.title).toBe('Open report.pdf (15 B)');
    expect(link.url.startsWith(`${PUBLIC_URL}/files/`)).toBe(true);
    const response = await fetch(local(link.url));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report.pdf"/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox/);
  });

  it('shows a small image in the thread itself, and serves images inline', async () => {
    await post(dmWith('hello', [])); // the tenant's service URL is known from here on
    const file = await keep('teams:shot-1', 'shot.png', 'image/png', PNG);
    const thread = {
      platform: 'teams' as const,
      channelId: L1,
      threadId: `${L1};messageid=1700000000009`,
    };
    await surface().sendFile({ thread }, file, PNG, caption);
    const sent = bed.connector.calls.at(-1)!;
    expect(sent).toMatchObject({ kind: 'send', conversationId: thread.threadId });
    const attachments = sent.body.attachments as { contentType: string; contentUrl?: string }[];
    expect(attachments[1]).toMatchObject({
      contentType: 'image/png',
      contentUrl: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
    });
    const response = await fetch(local(linkIn(sent.body).url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^inline;/);
  });

  it('shows a larger image by its link (Teams takes messages up to about 28 KB)', async () => {
    const large = new Uint8Array(60 * 1024).fill(9);
    const file = await keep('teams:shot-2', 'big.png', 'image/png', large);
    await surface().sendFile({ dm: { platform: 'teams', id: DM } }, file, large, caption);
    const sent = bed.connector.calls.at(-1)!;
    expect(sent.bytes).toBeLessThan(28 * 1024);
    expect((sent.body.attachments as unknown[]).length).toBe(1);
    const image = cardOf(sent.body).body.find((e) => e.type === 'Image');
    expect(image?.url).toBe(linkIn(sent.body).url);
  });

  it('refuses a forged, altered or expired link (403) and serves nothing', async () => {
    const bytes = new TextEncoder().encode('secret notes');
    const file: KeptFile = await keep('teams:notes-1', 'notes.txt', 'text/plain', bytes);
    await surface().sendFile({ dm: { platform: 'teams', id: DM } }, file, bytes, caption);
    const url = new URL(local(linkIn(bed.connector.calls.at(-1)!.body).url));
    const forged = new URL(url);
    forged.searchParams.set('sig', 'A'.repeat(43));
    const otherFile = new URL(url);
    otherFile.pathname = '/files/teams%3Areport-1';
    const later = new URL(url);
    later.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600));
    const expired = createFileLinkSigner({
      secret: SECRET,
      baseUrl: bed.app.url,
      ttlSeconds: 60,
      now: () => Date.now() - 120_000,
    }).linkTo(file.id).url;
    for (const refused of [
      forged.href,
      otherFile.href,
      later.href,
      expired,
      url.href.split('?')[0]!,
    ]) {
      const response = await fetch(refused);
      expect([refused, response.status]).toEqual([refused, 403]);
      expect(await response.text()).not.toContain('secret notes');
    }
    expect((await fetch(url)).status).toBe(200);
  });
});

/**
 * The journey with files on the REAL core (Emulator mode: authentication off, so no token; the
 * kept files in GridFS on the test database): a screenshot sent before the ticket travels with it,
 * one sent without a word once the ticket is open reaches its thread, an agent's file reaches the
 * employee, and each bad file is told to its sender in their language.
 */
describe.each(TEAMS_SDKS)('Teams (%s) files on the real core', (sdk) => {
  const ayu = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
  const bed = useTeamsBed({
    sdk,
    env: {
      TEAMS_L1_CHANNEL_ID: L1,
      L1_AGENT_IDS: ayu.aadObjectId,
      PUBLIC_URL,
      FILE_LINK_SECRET: SECRET,
      MAX_FILE_MB: '1',
    },
  });
  const en = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t('en', key, vars);
  const seen: { thread?: string } = {};
  let shots = 0;
  const screenshot = (bytes: Uint8Array = PNG) => {
    shots += 1;
    const url = bed.connector.serveFile(
      `/v3/attachments/0-journey-${sdk}-${shots}/views/original`,
      {
        bytes,
        contentType: 'image/png',
      },
    );
    return [
      { contentType: 'image/png', contentUrl: url },
      { contentType: 'text/html', content: `<p><img src="${url}"></p>` },
    ];
  };
  async function deliver(activity: unknown) {
    const before = bed.connector.calls.length;
    const response = await bed.app.post(activity);
    expect(response.status).toBe(200);
    return bed.connector.calls.slice(before);
  }
  const dm = (text: string, attachments: unknown[] = []) => ({
    ...personalMessage(bed.connector.url, budi, DM, text),
    attachments,
  });
  const personal = { id: DM, conversationType: 'personal' as const };
  /**
   * Sends into the ticket's thread once its card is posted: a file queued before the card was
   * recorded waits for it (the outbox tries it again a moment later), as a thread reply does.
   */
  async function sentToThread(count: number) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const sent = bed.connector
        .succeeded()
        .filter((c) => c.kind === 'send' && c.conversationId === seen.thread);
      if (sent.length >= count || Date.now() > deadline) return sent;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const linkOf = (activity: Record<string, unknown>) =>
    cardOf(activity)
      .body.filter((e) => e.type === 'ActionSet')
      .flatMap((e) => e.actions as { type: string; url?: string }[])
      .find((a) => a.type === 'Action.OpenUrl')?.url ?? '';

  it('keeps a screenshot sent before any ticket and asks what is wrong', async () => {
    await deliver(installedInChannel(bed.connector.url, ayu, L1));
    const calls = await deliver(dm('', screenshot()));
    expect(cardText(onlyCardIn(calls, DM))).toContain('image-1.png (13 B)');
    cardSaying(calls, DM, en('file_kept_ask', { names: 'image-1.png (13 B)' }));
  });

  it('opens a ticket that the screenshot travels with, into the new thread', async () => {
    const answer = onlyCardIn(await deliver(dm('my laptop battery drains very fast')), DM);
    const press = cardSubmit(
      bed.connector.url,
      budi,
      personal,
      button(answer, 'l0_need_help').data,
    );
    const form = onlyCardIn(await deliver(press), DM);
    const calls = await deliver(
      cardSubmit(bed.connector.url, budi, personal, {
        ...button(form, 'ticket_form').data,
        'ticket_form.category': 'hardware',
        'ticket_form.impact': 'me',
        'ticket_form.urgency': 'blocked',
        'ticket_form.details': 'Battery drains, see the screenshot',
      }),
    );
    const thread = calls.find((c) => c.kind === 'create');
    seen.thread = thread!.conversationId;
    // The card lists it, and the file itself follows into the thread.
    expect(cardText(cardOf(thread!.body.activity as Record<string, unknown>))).toContain(
      'image-1.png (13 B)',
    );
    const relayed = await sentToThread(1);
    expect(relayed).toHaveLength(1);
    expect(cardText(cardOf(relayed[0]!.body))).toContain('Budi Santoso');
    expect(cardText(cardOf(relayed[0]!.body))).toContain('image-1.png (13 B)');
    const attachments = relayed[0]!.body.attachments as { contentUrl?: string }[];
    expect(attachments[1]?.contentUrl).toBe(
      `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
    );
  });

  it("sends a screenshot-only DM into the open ticket's thread, with a link that serves it", async () => {
    const shot = Uint8Array.from([...PNG, 42]);
    const calls = await deliver(dm('', screenshot(shot)));
    expect(calls.filter((c) => c.conversationId === DM)).toEqual([]); // nothing to say to Budi
    const [, relayed, ...more] = await sentToThread(2);
    expect(more).toEqual([]);
    expect(cardText(cardOf(relayed!.body))).toMatch(/Budi Santoso.*image-1\.png \(14 B\)/);
    const link = linkOf(relayed!.body);
    const response = await fetch(link.replace(PUBLIC_URL, bed.app.url));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(shot))).toBe(true);
  });

  it("sends an agent's file from the thread to the employee's personal chat", async () => {
    const log = new TextEncoder().encode('battery report: cycle count 912');
    const downloadUrl = bed.connector.serveFile(`/download/${sdk}/battery-report.html`, {
      bytes: log,
    });
    const calls = await deliver({
      ...threadMessage(bed.connector.url, ayu, seen.thread!, 'Here is your battery report'),
      attachments: [
        { contentType: FILE_DOWNLOAD_INFO, name: 'battery-report.html', content: { downloadUrl } },
      ],
    });
    const toBudi = calls.filter((c) => c.conversationId === DM);
    const fileMessage = toBudi.find((c) =>
      cardText(cardOf(c.body)).includes('battery-report.html'),
    );
    expect(cardText(cardOf(fileMessage!.body))).toContain(
      en('file_from_agent', { agent: 'Ayu Lestari', name: 'battery-report.html', size: '31 B' }),
    );
    const response = await fetch(linkOf(fileMessage!.body).replace(PUBLIC_URL, bed.app.url));
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(
      'battery report: cycle count 912',
    );
    // Not an image: a download, never shown by the browser as a page.
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('tells Budi in English of each file it cannot take: oversize, empty, refused type, 403', async () => {
    const big = new Uint8Array(1024 * 1024 + 1).fill(1);
    const exe = bed.connector.serveFile(`/download/${sdk}/setup.exe`, { bytes: PNG });
    const refusedUrl = bed.connector.serveFile(`/download/${sdk}/secret.pdf`, { bytes: PNG });
    const cases: [unknown[], string][] = [
      [screenshot(big), en('file_refused_too_large', { name: 'image-1.png', limit: '1 MB' })],
      [screenshot(new Uint8Array(0)), en('file_refused_empty', { name: 'image-1.png' })],
      [
        [{ contentType: FILE_DOWNLOAD_INFO, name: 'setup.exe', content: { downloadUrl: exe } }],
        en('file_refused_refused_type', { name: 'setup.exe', type: '.exe' }),
      ],
      [
        [
          {
            contentType: FILE_DOWNLOAD_INFO,
            name: 'secret.pdf',
            content: { downloadUrl: refusedUrl },
          },
        ],
        en('file_refused_forbidden', { name: 'secret.pdf' }),
      ],
    ];
    for (const [attachments, told] of cases) {
      const forbidden = told.includes('secret.pdf');
      if (forbidden) bed.connector.refuseFiles(403);
      try {
        const calls = await deliver(dm('', attachments));
        cardSaying(calls, DM, told);
        expect(calls.filter((c) => c.conversationId === seen.thread)).toEqual([]);
      } finally {
        bed.connector.refuseFiles(undefined);
      }
    }
  });
});
