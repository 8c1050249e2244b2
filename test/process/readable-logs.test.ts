import { randomBytes } from 'node:crypto';
import { waitFor } from '../support/faults/wait';
import type { Action, OutboundMessage } from '../../src/core/messages';
import { disposeAllBots, startBot, type BotLog, type BotProcess } from '../support/bot-process';

const INFO = 30;

interface FeedMessage {
  readonly message: OutboundMessage;
}

/**
 * What a person running `npm start` reads: the bot as a child process in console mode, its output a
 * pipe (not a terminal), so JSON lines. The first lines after "Lapis is running" say where the
 * console, dashboard and metrics are; a ticket opened through the console's API is logged at info
 * with its key and level; the queue's chatter stays below info.
 */
describe('the log of a started bot', () => {
  let bot: BotProcess;
  const as = 'budi';

  async function post(path: string, body: object): Promise<void> {
    const res = await fetch(new URL(path, bot.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as, ...body }),
    });
    expect(res.status).toBe(200);
  }

  /** The newest button of one of these actions in Budi's DM, once the bot has shown one. */
  async function button(...actions: string[]): Promise<Action> {
    let found: Action | undefined;
    await waitFor(
      `a button: ${actions.join(' or ')}`,
      async () => {
        const res = await fetch(new URL(`/api/conversation?c=dm:${as}&viewer=${as}`, bot.url));
        const { messages } = (await res.json()) as { messages: FeedMessage[] };
        found = messages
          .flatMap((m) => m.message.blocks)
          .flatMap((b) => (b.kind === 'actions' ? b.actions : []))
          .filter((a) => actions.includes(a.id))
          .at(-1);
        return found !== undefined;
      },
      30_000,
    );
    return found!;
  }

  beforeAll(async () => {
    const mongoUri = process.env.LAPIS_TEST_MONGODB_URI;
    if (!mongoUri) throw new Error('LAPIS_TEST_MONGODB_URI is unset: run through jest');
    bot = await startBot({
      console: true,
      slackApiUrl: '',
      mongoUri,
      mongoDb: `lapis_logs_${randomBytes(4).toString('hex')}`,
      env: { L0_SEMANTIC: 'off' },
    });
  }, 60_000);
  afterAll(disposeAllBots);

  it('says where things are, logs the ticket opened at info, and no queue chatter', async () => {
    // Its output is a pipe, so every line is JSON (`output` keeps the lines that are not).
    expect(bot.output).toEqual([]);
    const running = bot.logs.findIndex((l) => l.msg.startsWith('Lapis is running'));
    const base = `http://127.0.0.1:${bot.port}/`;
    expect(bot.logs.slice(running + 1, running + 4).map((l) => [l.level, l.msg])).toEqual([
      [INFO, `Console: ${base} (open it in a browser)`],
      [INFO, `Dashboard: ${base}dashboard`],
      [INFO, `Metrics: ${base}metrics`],
    ]);
    expect((await fetch(`${base}dashboard`)).status).toBe(200);

    // Budi asks, needs more help, and opens a ticket through the console's API.
    await post('/api/dm', { text: 'the printer on floor 3 shows error E-42 on every page' });
    // An article comes with "Still need help"; no confident answer with the form's button.
    let form = await button('l0_need_help', 'ticket_form');
    if (form.id === 'l0_need_help') {
      await post('/api/action', { action: form.id, payload: form.payload });
      form = await button('ticket_form');
    }
    await post('/api/action', {
      action: form.id,
      payload: form.payload,
      form: { category: 'printing', impact: 'me', urgency: 'low' },
    });
    let opened: BotLog | undefined;
    await waitFor(
      'a "ticket opened" line',
      () => Boolean((opened = bot.logs.find((l) => l.msg === 'ticket opened'))),
      30_000,
    );
    expect(opened).toMatchObject({ level: INFO, ticketLevel: 'L1', channel: 'console' });
    expect(opened?.ticket).toMatch(/^IT-\d+$/);

    const info = bot.logs.filter((l) => l.level >= INFO);
    expect(info.filter((l) => /waiting|backlog|outbox|inbox/i.test(l.msg))).toEqual([]);
  }, 90_000);
});
