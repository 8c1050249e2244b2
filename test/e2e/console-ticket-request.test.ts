import { t } from '../../src/core/i18n/translate';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { say } from '../../src/core/workflow/render';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { createMongoTicketStore } from '../../src/store/mongo-ticket-store';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { actAs, openConsole, pane, showColumn } from './browser';

/** What `get` answers once it is not empty (the page's press is worked in the background). */
async function until<T>(get: () => Promise<T[]>, timeoutMs = 5000): Promise<T[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await get();
    if (found.length || Date.now() > end) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Entry {
  id: string;
  from?: { id: string };
  ephemeral: boolean;
  message: { text: string };
  replies: Entry[];
}

/**
 * "Create ticket" on a person's message in a level channel (the console's place outside DMs), on the
 * REAL core over HTTP: a ticket for the message's author with the message and its link, the author
 * told in their DM and the presser privately; a second press, or anyone's, opens nothing; the bot's
 * own messages and DMs are refused. In the page, the button is on people's messages only, in the
 * levels the acting user works.
 */
describe('local console: a ticket from a message', () => {
  let world: RealConsole | undefined;
  let app: RealConsole['app'];
  let thread: string;
  let message: string;

  const post = async (path: string, body: unknown) => {
    const response = await fetch(new URL(path, app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await world!.helpdesk.idle();
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const read = async (c: string, viewer: string) => {
    const url = new URL(`/api/conversation?c=${encodeURIComponent(c)}&viewer=${viewer}`, app.url);
    return ((await (await fetch(url)).json()) as { messages: Entry[] }).messages;
  };
  const tickets = (id: string) =>
    createMongoTicketStore(world!.conn.db).listByRequester({ platform: 'console', id });

  beforeAll(async () => {
    world = await startRealConsole({ env: { DEFAULT_LOCALE: 'en', AGENT_LOCALE: 'en' } });
    ({ app } = world);
    // A ticket card in L1 to talk under, as one the bot posted earlier.
    const surface = createConsoleSurface(createMongoConsoleMessages(world.conn.db));
    thread = (await surface.postCard(1, say('IT-0999 · P3 · L1: the shared drive'))).thread
      .threadId;
    const text = 'my own laptop will not boot either since the update';
    expect(
      (await post('/api/thread', { as: 'ayu', channel: 'level:1', threadId: thread, text })).status,
    ).toBe(200);
    const root = (await read('level:1', 'rudi')).find((m) => m.id === thread)!;
    message = root.replies.find((r) => r.from?.id === 'ayu')!.id;
  });
  afterAll(() => world?.close());

  it('opens one ticket for the author with the message and its link; again opens nothing', async () => {
    const press = { as: 'rudi', channel: 'level:1', messageId: message };
    expect((await post('/api/ticket-request', press)).status).toBe(200);
    const [ticket, ...more] = await tickets('ayu');
    expect(more).toEqual([]);
    const link = `${app.url.replace(/\/$/, '')}/#msg-${message}`;
    expect(ticket).toMatchObject({
      requester: { platform: 'console', id: 'ayu' },
      question: `my own laptop will not boot either since the update\n\n${link}`,
    });
    expect(await tickets('rudi')).toEqual([]);
    const dm = await read('dm:ayu', 'ayu');
    expect(dm.map((m) => m.message.text)).toEqual([
      t('en', 'ticket_from_message', { asker: 'Rudi Hartono', key: ticket!.key, priority: 'P3' }),
    ]);
    const told = (await read('dm:rudi', 'rudi')).filter((m) => m.ephemeral);
    expect(told.map((m) => m.message.text)).toEqual([
      t('en', 'ticket_from_message_asker_opened', { author: 'Ayu Lestari', key: ticket!.key }),
    ]);
    const cards = (await read('level:1', 'rudi')).filter((m) => !m.from);
    expect(cards.some((c) => c.message.text.includes(ticket!.key))).toBe(true);

    // The same press again is the same delivery; Sari's finds the ticket it already is.
    expect((await post('/api/ticket-request', press)).status).toBe(200);
    expect((await post('/api/ticket-request', { ...press, as: 'sari' })).status).toBe(200);
    expect(await tickets('ayu')).toHaveLength(1);
    expect(await read('dm:ayu', 'ayu')).toHaveLength(1);
    const status = t('en', 'status_open');
    expect((await read('dm:sari', 'sari')).map((m) => m.message.text)).toEqual([
      t('en', 'ticket_from_message_exists', { key: ticket!.key, status }),
    ]);
    expect((await read('dm:rudi', 'rudi')).filter((m) => m.ephemeral)).toHaveLength(1);
  });

  it('refuses the bot’s own messages, DMs and messages it does not have', async () => {
    const on = (channel: string, messageId: string) =>
      post('/api/ticket-request', { as: 'rudi', channel, messageId });
    expect((await on('level:1', thread)).status).toBe(400);
    expect((await on('dm:ayu', message)).status).toBe(400);
    expect((await on('level:2', message)).status).toBe(404);
    expect((await on('level:1', 'f'.repeat(24))).status).toBe(404);
    expect(await tickets('ayu')).toHaveLength(1);
  });

  it('offers the button on people’s messages in the page, not on the bot’s', async () => {
    const { page, errors, failed } = await openConsole(world!.browser, app.url);
    await actAs(page, 'ayu');
    await showColumn(page, 'level:1');
    const level = pane(page, 'level:1');
    const reply = level.locator(`.msg[data-id="${message}"]`);
    await reply.locator('.msg-ticket').waitFor();
    expect(await level.locator(`.msg[data-id="${thread}"] .msg-ticket`).count()).toBe(0);
    await reply.locator('.msg-ticket').click();
    const told = await until(async () => (await read('dm:ayu', 'ayu')).filter((m) => m.ephemeral));
    expect(told.map((m) => m.message.text)).toEqual([
      expect.stringContaining('That message already has a ticket'),
    ]);
    // Where the acting user only reads (another level's agent), the page does not offer it.
    await actAs(page, 'dewi');
    await level.locator('.msg-card .read-only').first().waitFor();
    expect(await reply.locator('.msg-ticket').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
