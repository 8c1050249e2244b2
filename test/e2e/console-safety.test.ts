import http from 'node:http';
import type { Browser } from 'playwright-core';
import { assertLoopback } from '../../src/channels/console/console-server';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { startConsoleApp } from '../support/console-app';
import { openTestDatabase } from '../support/test-database';
import { actAs, launchBrowser, openConsole, pane, sendDm } from './browser';
import { createFakeHelpdesk } from './fake-helpdesk';

describe('local console: escaping, ephemerals, bad input, loopback only', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let browser: Browser;
  let helpdesk: ReturnType<typeof createFakeHelpdesk>;

  beforeAll(async () => {
    conn = await openTestDatabase();
    helpdesk = createFakeHelpdesk(createConsoleSurface(conn.db));
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
