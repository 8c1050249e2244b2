import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Db } from 'mongodb';
import { createConsoleAgentDirectory } from '../../src/channels/console/console-agent-directory';
import type { ConsoleFiles } from '../../src/channels/console/console-files';
import {
  createConsoleSurface,
  type ConsoleFeedEntry,
} from '../../src/channels/console/console-surface';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { loadConfig } from '../../src/config/config';
import { filePolicyOf } from '../../src/config/files';
import { t } from '../../src/core/i18n/translate';
import type { Helpdesk } from '../../src/core/inbound';
import type { Action, ActionId } from '../../src/core/messages';
import { formatSize } from '../../src/core/workflow/file-messages';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { COLLECTIONS } from '../../src/store/collections';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { createMongoFileStore } from '../../src/store/mongo-file-store';
import { createMongoTicketStore } from '../../src/store/mongo-ticket-store';
import { projectRoot } from '../../src/util/project-root';
import { startConsoleApp } from '../support/console-app';
import { openTestDatabase } from '../support/test-database';
import { actAs, launchBrowser, openConsole, pane } from './browser';

/**
 * Files through the console over real HTTP, on the real core (composeHelpdesk, MongoDB, kb/):
 * uploads, a DM or a thread reply naming them, the files shown back where they were sent on, and
 * what is refused (too large, empty, a refused type), told in the sender's language.
 */
describe('files in the local console, on the real core', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Db;
  let helpdesk: Helpdesk;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  const config = loadConfig({ MAX_FILE_MB: '1', DEFAULT_LOCALE: 'id', AGENT_LOCALE: 'en' });
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(3000)]);

  beforeAll(async () => {
    conn = await openTestDatabase();
    db = conn.db;
    await ensureIndexes(db);
    const files: ConsoleFiles = { store: createMongoFileStore(db), policy: filePolicyOf(config) };
    const surface = createConsoleSurface(createMongoConsoleMessages(db), files.store);
    const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')));
    helpdesk = composeHelpdesk({
      config,
      db,
      kb,
      channels: [{ platform: 'console', surface, agents: createConsoleAgentDirectory() }],
    });
    helpdesk.start();
    app = await startConsoleApp({
      helpdesk,
      db,
      feed: surface,
      locales: { agent: 'en', default: 'id' },
      files,
    });
  });
  afterAll(async () => {
    await app?.close();
    await helpdesk?.stop(2000);
    await conn?.dispose();
  });

  const url = (p: string) => new URL(p, app.url).toString();
  async function upload(as: string, name: string, body: Buffer, type = 'image/png', lang = '') {
    const query = new URLSearchParams({ as, name, ...(lang && { lang }) });
    const res = await fetch(url(`/api/files?${query.toString()}`), {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  async function post(p: string, body: object) {
    const res = await fetch(url(p), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    await helpdesk.idle();
  }
  async function feed(c: string, viewer: string): Promise<ConsoleFeedEntry[]> {
    const res = await fetch(url(`/api/conversation?c=${c}&viewer=${viewer}`));
    return ((await res.json()) as { messages: ConsoleFeedEntry[] }).messages;
  }
  const everything = (entries: ConsoleFeedEntry[]) => entries.flatMap((e) => [e, ...e.replies]);
  function lastButton(entries: ConsoleFeedEntry[], id: ActionId): Action {
    const actions = everything(entries).flatMap((e) =>
      e.message.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : [])),
    );
    const found = actions.filter((a) => a.id === id).at(-1);
    if (!found) throw new Error(`no ${id} button`);
    return found;
  }
  async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = await read();
      if (found !== undefined) return found;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const budisTicket = async () =>
    (await createMongoTicketStore(db).listByRequester({ platform: 'console', id: 'budi' }))[0];

  it('keeps a screenshot sent alone, then sends it into the thread when the ticket opens; later files follow at once, both ways', async () => {
    // 1. Budi sends only a screenshot: kept, and asked what is wrong (in Indonesian, the desk's language).
    const shot = await upload('budi', 'error.png', png);
    expect(shot.status).toBe(200);
    expect(shot.body).toMatchObject({ name: 'error.png', mimeType: 'image/png', size: png.length });
    await post('/api/dm', { as: 'budi', files: [shot.body.id] });
    const label = `error.png (${formatSize(png.length, 'id')})`;
    let dm = await feed('dm:budi', 'budi');
    expect(dm.at(-2)?.files).toEqual([{ ...shot.body }]);
    expect(dm.at(-1)?.message.text).toBe(t('id', 'file_kept_ask', { names: label }));
    expect(await budisTicket()).toBeUndefined();

    // 2. Then says what is wrong, still needs help, opens a ticket.
    await post('/api/dm', { as: 'budi', text: 'my laptop battery drains very fast' });
    dm = await feed('dm:budi', 'budi');
    const needHelp = lastButton(dm, 'l0_need_help');
    await post('/api/action', { as: 'budi', action: needHelp.id, payload: needHelp.payload });
    const form = lastButton(await feed('dm:budi', 'budi'), 'ticket_form');
    await post('/api/action', {
      as: 'budi',
      action: form.id,
      payload: form.payload,
      form: { category: 'hardware', impact: 'me', urgency: 'degraded' },
    });
    const ticket = await until(budisTicket);
    const [opening] = ticket.transcript[0]?.files ?? [];
    expect(opening?.id).toMatch(/^console:/);
    expect(opening).toMatchObject({ name: 'error.png', mimeType: 'image/png', size: png.length });

    // 3. The screenshot reaches the ticket's thread in L1, captioned, and is served inline there.
    const card = await until(async () => (await feed('level:1', 'ayu')).at(-1));
    const sent = await until(async () => {
      const [root] = (await feed('level:1', 'ayu')).filter((e) => e.id === card.id);
      return root?.replies.find((r) => r.files?.length);
    });
    expect(sent.message.text).toBe(
      t('en', 'file_from_requester', {
        requester: 'Budi Santoso',
        name: 'error.png',
        size: formatSize(png.length, 'en'),
      }),
    );
    const kept = sent.files![0]!;
    const served = await fetch(url(`/api/files/${encodeURIComponent(kept.id)}?viewer=ayu`));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-disposition')).toMatch(
      /^inline; filename\*=UTF-8''error\.png$/,
    );
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    // 4. While the ticket is open, a file with words reaches the thread at once.
    const log = await upload('budi', 'setup.log', Buffer.from('E-42 at boot\n'), 'text/plain');
    await post('/api/dm', { as: 'budi', text: 'and the log', files: [log.body.id] });
    const thread = await until(async () => {
      const [root] = (await feed('level:1', 'ayu')).filter((e) => e.id === card.id);
      const withLog = root?.replies.filter((r) => r.files?.some((f) => f.name === 'setup.log'));
      return withLog?.length ? root : undefined;
    });
    expect(thread.replies.map((r) => r.message.text).slice(-2)).toEqual([
      'and the log',
      `Budi Santoso (requester) sent setup.log (13 B)`,
    ]);

    // 5. Ayu's file in the thread reaches Budi's DM, a download (not shown inline).
    const steps = await upload('ayu', 'steps.txt', Buffer.from('1. restart\n'), 'text/html', 'en');
    await post('/api/thread', {
      as: 'ayu',
      channel: 'level:1',
      threadId: card.id,
      text: 'try these',
      files: [steps.body.id],
    });
    const toBudi = await until(async () =>
      (await feed('dm:budi', 'budi')).find(
        (e) => !e.from && e.files?.some((f) => f.name === 'steps.txt'),
      ),
    );
    // In Budi's language, which his question showed (English).
    expect(toBudi.message.text).toBe('Ayu Lestari (IT support) sent steps.txt (11 B)');
    const download = await fetch(
      url(`/api/files/${encodeURIComponent(toBudi.files![0]!.id)}?viewer=budi`),
    );
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);

    // 6. The ticket's transcript and its card list every file.
    const after = (await budisTicket())!;
    expect(after.transcript.flatMap((e) => (e.files ?? []).map((f) => f.name))).toEqual([
      'error.png',
      'setup.log',
      'steps.txt',
    ]);
    const cardNow = (await feed('level:1', 'ayu')).find((e) => e.id === card.id)!;
    const fields = cardNow.message.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : []));
    const listed = fields.find((f) => f.label === 'Files')?.value;
    expect(listed?.user).toBe(true);
    expect(listed?.text).toMatch(/error\.png.*setup\.log.*steps\.txt/);
  });

  it("refuses a file too large, empty or of a refused type, saying why in the sender's language, and keeps nothing", async () => {
    const before = await db.collection(COLLECTIONS.fileDocs).countDocuments();
    const chunksBefore = await db.collection(COLLECTIONS.fileChunks).countDocuments();
    const big = Buffer.alloc(1024 * 1024 + 1, 1);

    const tooLarge = await upload('sari', 'photo.png', big, 'image/png', 'en');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('file_refused');
    expect(tooLarge.body.told).toBe(
      t('en', 'file_refused_too_large', { name: 'photo.png', limit: '1 MB' }),
    );
    // Without a length said up front (a chunked body), cut off at the limit all the same.
    const chunked = await fetch(url('/api/files?as=sari&name=photo.png&lang=id'), {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(big));
          controller.close();
        },
      }),
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { told: string }).told).toBe(
      t('id', 'file_refused_too_large', { name: 'photo.png', limit: '1 MB' }),
    );

    const empty = await upload('sari', 'blank.png', Buffer.alloc(0), 'image/png', 'id');
    expect(empty.status).toBe(400);
    expect(empty.body.told).toBe(t('id', 'file_refused_empty', { name: 'blank.png' }));

    const exe = await upload(
      'sari',
      'fix.EXE',
      Buffer.from('MZ'),
      'application/octet-stream',
      'en',
    );
    expect(exe.status).toBe(400);
    expect(exe.body.told).toBe(
      t('en', 'file_refused_refused_type', { name: 'fix.EXE', type: '.exe' }),
    );

    expect(await db.collection(COLLECTIONS.fileDocs).countDocuments()).toBe(before);
    expect(await db.collection(COLLECTIONS.fileChunks).countDocuments()).toBe(chunksBefore);
  });

  it("lets nobody send another's upload, and serves files only by their ids to known viewers", async () => {
    const mine = await upload('budi', 'mine.png', png);
    const res = await fetch(url('/api/dm'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'sari', text: 'look', files: [mine.body.id] }),
    });
    expect(res.status).toBe(400);
    const id = encodeURIComponent(String(mine.body.id));
    expect((await fetch(url(`/api/files/${id}?viewer=nobody`))).status).toBe(400);
    expect((await fetch(url(`/api/files/kb_drafts?viewer=budi`))).status).toBe(404);
    expect((await fetch(url(`/api/files/${id}?viewer=sari`))).status).toBe(200);
    const bad = await fetch(url('/api/dm'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'budi', text: '', files: [{ $ne: null }] }),
    });
    expect(bad.status).toBe(400);
  });

  it('shows files in place in the page: an image inline, anything else a download; attaches and refuses there too', async () => {
    const browser = await launchBrowser();
    try {
      const { page, errors } = await openConsole(browser, app.url);
      await actAs(page, 'budi');
      const dm = pane(page, 'dm');
      // Ayu's file (the first test): a download link, not shown inline.
      const link = dm.locator('a.file-link', { hasText: 'steps.txt' });
      await link.waitFor();
      expect(await link.getAttribute('download')).toBe('steps.txt');
      // A real screenshot attached in the page, sent alone, shown inline once sent.
      await dm.locator('input[type=file]').setInputFiles({
        name: 'screen.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PIXEL, 'base64'),
      });
      await dm.locator('.attached', { hasText: 'screen.png' }).waitFor();
      await dm.locator('button[type=submit]').click();
      const image = dm.locator('.msg-bubble.mine a.file-image img[alt="screen.png"]');
      await image.waitFor();
      await page.waitForFunction(
        (img) => img !== null && (img as { naturalWidth: number }).naturalWidth === 1,
        await image.elementHandle(),
      );
      await dm.locator('.attached', { hasText: 'screen.png' }).waitFor({ state: 'detached' });
      // A refused type: not sent, and why, in Budi's language (English, as his question was).
      await dm.locator('input[type=file]').setInputFiles({
        name: 'tool.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ'),
      });
      await dm.locator('button[type=submit]').click();
      await dm
        .locator('.limit-row', {
          hasText: t('en', 'file_refused_refused_type', { name: 'tool.exe', type: '.exe' }),
        })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

/** A 1x1 PNG. */
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
