import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { assertLoopback } from '../../src/channels/console/console-server';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { t } from '../../src/core/i18n/translate';
import type { Helpdesk } from '../../src/core/inbound';
import { fromUser, plain, type Block } from '../../src/core/messages';
import { IntakeRefused } from '../../src/core/pipeline/intake';
import { startConsoleApp } from '../support/console-app';
import { consoleWord } from '../support/console-words';
import { openTestDatabase } from '../support/test-database';
import { actAs, launchBrowser, openConsole, pane, sendDm, type PageElement } from './browser';
import { createFakeHelpdesk } from './fake-helpdesk';

describe('local console: escaping, ephemerals, bad input, loopback only', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;
  let helpdesk: ReturnType<typeof createFakeHelpdesk>;

  beforeAll(async () => {
    conn = await openTestDatabase();
    helpdesk = createFakeHelpdesk(createConsoleSurface(createMongoConsoleMessages(conn.db)));
    [app, browser] = await Promise.all([
      startConsoleApp({ helpdesk, db: conn.db }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await conn?.dispose();
  });

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(new URL(path, app.url), {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });

  it('shows markup typed by a person literally, never as HTML', async () => {
    const { page, errors } = await openConsole(browser, app.url);
    const markup = '<img src=x onerror=alert(1)> <b>bold</b>';
    await actAs(page, 'sari');
    await sendDm(page, markup);
    const answer = pane(page, 'dm').locator('.msg-bubble.from-bot', {
      hasText: 'Here is what I found',
    });
    await answer.waitFor();
    expect(await answer.locator('.span-user').textContent()).toBe(markup);
    expect(await pane(page, 'dm').locator('.msg-bubble.mine .b-text').textContent()).toBe(markup);
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links http(s) addresses as new-tab links without referrer, and nothing else', async () => {
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    const article = 'https://kb.example.com/articles/vpn-fix?lang=en&from=lapis';
    await surface.sendDirect(
      { platform: 'console', id: 'dm:budi' },
      {
        text: 'links',
        blocks: [
          { kind: 'context', spans: [plain(`Full article: ${article}.`)] },
          {
            kind: 'text',
            spans: [
              fromUser('javascript:alert(1) <a href="javascript:alert(2)">x</a> '),
              fromUser('data:text/html,hi (see https://example.org/a_(b)) done'),
            ],
          },
        ],
      },
    );
    const { page, errors } = await openConsole(browser, app.url);
    await actAs(page, 'budi');
    const message = pane(page, 'dm').locator('.msg', { hasText: 'Full article' });
    await message.waitFor();
    const links = await message.locator('a').evaluateAll((anchors: PageElement[]) =>
      anchors.map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent,
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
      })),
    );
    const outside = { target: '_blank', rel: 'noopener noreferrer' };
    expect(links).toEqual([
      { href: article, text: article, ...outside },
      { href: 'https://example.org/a_(b)', text: 'https://example.org/a_(b)', ...outside },
    ]);
    expect(await message.locator('.b-text').textContent()).toBe(
      'javascript:alert(1) <a href="javascript:alert(2)">x</a> data:text/html,hi (see https://example.org/a_(b)) done',
    );
    expect(
      await page.locator('main b, main a[href^="javascript"], main a[href^="data"]').count(),
    ).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts characters near the limit and refuses, in words, to send a long paste (never cut)', async () => {
    const { page, errors } = await openConsole(browser, app.url);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await actAs(page, 'sari');
    const input = page.locator('#dm-input');
    const row = pane(page, 'dm').locator('.limit-row');
    await input.fill('a'.repeat(3000));
    expect(await row.isHidden()).toBe(true); // far from the limit: no counter
    await input.fill('a'.repeat(3900));
    expect(await row.locator('.char-count').textContent()).toBe('3,900 / 4,000');

    await input.fill('');
    await input.focus();
    await page.keyboard.insertText('b'.repeat(20000)); // as a paste arrives
    expect((await input.inputValue()).length).toBe(20000);
    expect(await row.locator('.char-count.over').textContent()).toBe('20,000 / 4,000');
    expect(await row.locator('.limit-note').textContent()).toBe(
      'Too long to send: 16,000 over the limit of 4,000 characters. Shorten it or send it in parts.',
    );
    await input.press('Enter');
    await pane(page, 'dm').locator('.composer button:not([disabled])').waitFor();
    expect(posts).toEqual([]);
    expect((await input.inputValue()).length).toBe(20000);

    await input.fill('c'.repeat(4000)); // exactly the limit goes through
    expect(await row.locator('.limit-note').textContent()).toBe('');
    await input.press('Enter');
    await pane(page, 'dm').locator('.msg-bubble.mine', { hasText: 'cccc' }).waitFor();
    expect(posts).toEqual([new URL('/api/dm', app.url).href]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the server's refusal of an over-long message by its box, keeping the text", async () => {
    // A page that believes the limit is higher than the server's: the server's 400 must reach the person.
    const { page, errors } = await openConsole(browser, app.url, {
      prepare: async (page) => {
        await page.route('**/api/desk', async (route) => {
          const response = await route.fetch();
          const desk = (await response.json()) as Record<string, unknown>;
          await route.fulfill({ response, json: { ...desk, maxText: 5000 } });
        });
      },
    });
    await actAs(page, 'sari');
    const before = helpdesk.events.length;
    await sendDm(page, 'd'.repeat(4500));
    const note = pane(page, 'dm').locator('.limit-row .limit-note');
    await note.filter({ hasText: 'Not sent' }).waitFor();
    expect(await note.textContent()).toBe(
      consoleWord('en', 'text_not_sent', { reason: consoleWord('en', 'refusal_too_long') }),
    );
    expect((await page.locator('#dm-input').inputValue()).length).toBe(4500);
    expect(helpdesk.events.length).toBe(before);
    await page.locator('#dm-input').press('Backspace'); // editing clears the refusal
    expect(await note.textContent()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not show a message the core is not taking (backlog full) as sent', async () => {
    const full: Pick<Helpdesk, 'accept' | 'admission'> = {
      admission: () => new IntakeRefused('overloaded', 'backlog of 2000 events; try again shortly'),
      accept: () => Promise.reject(new Error('accept must not be reached')),
    };
    const app = await startConsoleApp({ helpdesk: full, db: conn.db });
    try {
      const sent = await fetch(new URL('/api/dm', app.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: 'budi', text: 'refused while busy' }),
      });
      expect(sent.status).toBe(503);
      expect(await sent.json()).toMatchObject({ code: 'busy' });
      const read = await fetch(new URL('/api/conversation?c=dm:budi&viewer=budi', app.url));
      const { messages } = (await read.json()) as { messages: { message: { text: string } }[] };
      expect(messages.map((m) => m.message.text)).not.toContain('refused while busy');
    } finally {
      await app.close();
    }
  });

  it("says a refusal in the box's language by its code, never the server's English or a failure's detail", async () => {
    // A core that refuses: a DM as intake does with a backlog, a thread reply with a failure inside.
    const refusing: Pick<Helpdesk, 'accept'> = {
      accept(event) {
        if (event.kind === 'thread_message') throw new Error('E11000 secret-collection index');
        if (event.kind === 'direct_message') {
          throw new IntakeRefused('overloaded', 'backlog of 812 events; try again shortly');
        }
        return helpdesk.accept(event);
      },
    };
    const card = await createConsoleSurface(createMongoConsoleMessages(conn.db)).postCard(1, {
      text: 'IT-2001',
      blocks: [{ kind: 'header', text: 'IT-2001 · P3 · L1' }],
    });
    const indonesian = await startConsoleApp({
      helpdesk: refusing,
      db: conn.db,
      locales: { agent: 'id', default: 'id' },
    });
    try {
      const api = (path: string, body: object) =>
        fetch(new URL(path, indonesian.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const busy = await api('/api/dm', { as: 'sari', text: 'halo' });
      expect(busy.status).toBe(503);
      expect(await busy.json()).toMatchObject({ code: 'busy' });
      const reply = { as: 'ayu', channel: 'level:1', threadId: card.thread.threadId, text: 'cek' };
      const failed = await api('/api/thread', reply);
      expect(failed.status).toBe(500);
      const failure = JSON.stringify(await failed.json());
      expect(failure).toContain('"code":"failed"');
      expect(failure).not.toMatch(/E11000|secret/);
      const tooLong = await api('/api/dm', { as: 'sari', text: 'x'.repeat(4001) });
      expect(await tooLong.json()).toMatchObject({ code: 'too_long' });
      const unknown = await api('/api/thread', { ...reply, threadId: '0123456789abcdef01234567' });
      expect(await unknown.json()).toMatchObject({ code: 'not_found' });
      const malformed = await post('/api/action', '{"as": "ayu", "action": "claim"}');
      expect(await malformed.json()).toMatchObject({ code: 'bad_request' });

      const { page, errors } = await openConsole(browser, indonesian.url);
      const notSent = (reason: 'refusal_busy' | 'refusal_failed') =>
        consoleWord('id', 'text_not_sent', { reason: consoleWord('id', reason) });
      await actAs(page, 'sari');
      await sendDm(page, 'printer kantor macet');
      const dmNote = pane(page, 'dm').locator('.limit-row .limit-note');
      await dmNote.filter({ hasText: notSent('refusal_busy') }).waitFor();
      expect(await page.locator('#dm-input').inputValue()).toBe('printer kantor macet');

      await actAs(page, 'ayu');
      const thread = pane(page, 'level:1').locator('.thread', { hasText: 'IT-2001' });
      await thread.locator('.reply-box textarea').fill('sedang saya cek');
      await thread.locator('.reply-box textarea').press('Enter');
      const threadNote = thread.locator('.limit-row .limit-note');
      await threadNote.filter({ hasText: notSent('refusal_failed') }).waitFor();
      const shown = await page.locator('main').innerText();
      expect(shown).not.toMatch(/backlog|E11000|secret|try again shortly|could not handle/);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await indonesian.close();
    }
  });

  it('renders a ping stored before pings carried words: the handle and the catalog’s words', async () => {
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    // As an earlier release stored it: a ping block without `text`.
    const stored = JSON.parse('{ "kind": "ping", "level": 3 }') as Block;
    await surface.postCard(3, {
      text: 'IT-3001 escalated',
      blocks: [{ kind: 'header', text: 'IT-3001 · P2 · L3' }, stored],
    });
    const { page, errors } = await openConsole(browser, app.url);
    await actAs(page, 'hendra');
    const ping = pane(page, 'level:3').locator('.msg-card .b-ping');
    await ping.waitFor();
    expect(await ping.textContent()).toBe(
      `${consoleWord('en', 'ping_handle', { level: 3 })} ${t('en', 'ping_needs_you')}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an ephemeral message to its user alone, marked as such', async () => {
    const { page } = await openConsole(browser, app.url);
    await actAs(page, 'budi');
    await sendDm(page, 'whisper');
    const whisper = pane(page, 'dm').locator('.msg.ephemeral', { hasText: 'Psst' });
    await whisper.waitFor();
    expect(await whisper.locator('.ephemeral-marker').textContent()).toBe(
      'Only you can see this message',
    );
    await page.close();

    const read = async (viewer: string) => {
      const response = await fetch(
        new URL(`/api/conversation?c=dm:budi&viewer=${viewer}`, app.url),
      );
      const body = (await response.json()) as {
        messages: { message: { text: string }; ephemeral: boolean }[];
      };
      return body.messages.filter((m) => m.message.text.startsWith('Psst'));
    };
    expect(await read('budi')).toEqual([expect.objectContaining({ ephemeral: true })]);
    expect(await read('sari')).toEqual([]);
  });

  it('answers bad requests with 400 and a message naming the problem, before the core sees them', async () => {
    const before = helpdesk.events.length;
    const cases: [string, string, string | undefined, RegExp][] = [
      ['/api/dm', '{"as": "budi", "text": ', undefined, /not valid JSON/],
      ['/api/dm', 'as=budi&text=hi', 'application/x-www-form-urlencoded', /expected a JSON object/],
      ['/api/dm', '{"as": "budi"}', undefined, /text/],
      ['/api/dm', '{"as": "budi", "text": "   "}', undefined, /text: the message is empty/],
      ['/api/dm', '{"as": {"$ne": null}, "text": "hi"}', undefined, /as: /],
      ['/api/dm', '{"as": "mallory", "text": "hi"}', undefined, /unknown user "mallory"/],
      ['/api/dm', '{"as": "budi", "text": "hi", "admin": true}', undefined, /admin/],
      [
        '/api/thread',
        '{"as": "ayu", "channel": "level:9", "threadId": "x", "text": "hi"}',
        undefined,
        /channel: .*threadId: /,
      ],
      [
        '/api/thread',
        '{"as": "ayu", "channel": "level:1", "threadId": {"$gt": ""}, "text": "hi"}',
        undefined,
        /threadId/,
      ],
      [
        '/api/action',
        '{"as": "ayu", "action": "drop_tables", "payload": "{}"}',
        undefined,
        /action/,
      ],
      ['/api/action', '{"as": "ayu", "action": "claim", "payload": 1}', undefined, /payload/],
      [
        '/api/action',
        '{"as": "ayu", "action": "claim", "payload": "{}", "form": {"__proto__": "x"}}',
        undefined,
        /form/,
      ],
      [
        '/api/action',
        '{"as": "ayu", "action": "claim", "payload": "{}", "form": {"a": {"$ne": 1}}}',
        undefined,
        /form\.a/,
      ],
    ];
    for (const [path, body, contentType, message] of cases) {
      const response = await post(path, body, contentType);
      const json = (await response.json()) as { error: string };
      expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
      expect(json.error).toMatch(message);
    }

    const missing = await post(
      '/api/thread',
      '{"as": "ayu", "channel": "level:1", "threadId": "0123456789abcdef01234567", "text": "hi"}',
    );
    expect(missing.status).toBe(404);
    for (const query of [
      'c[$ne]=x&viewer=budi',
      'c=dm:budi&viewer=nobody',
      'c=level:4&viewer=budi',
      'viewer=budi',
    ]) {
      const response = await fetch(new URL(`/api/conversation?${query}`, app.url));
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    expect(helpdesk.events.length).toBe(before);
  });

  it('serves only requests addressed to a loopback host, and only starts on one', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.get(
          new URL('/api/users', app.url),
          { headers: { host } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
      });
    expect(await status('evil.example:80')).toBe(403);
    expect(await status('localhost:3000')).toBe(200);

    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      expect(() => assertLoopback(host)).not.toThrow();
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'lapis.example.com', '']) {
      expect(() => assertLoopback(host)).toThrow(
        /must only listen on loopback.*HOST=127\.0\.0\.1/s,
      );
    }
  });
});
