import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Db } from 'mongodb';
import {
  createSlackChannel,
  type SlackChannel,
} from '../../src/channels/slack/create-slack-channel';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { loadConfig, type Config } from '../../src/config/config';
import type { Helpdesk } from '../../src/core/inbound';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import type { KnowledgeBase } from '../../src/core/ports/knowledge-base';
import type { Clock } from '../../src/core/ports/clock';
import { projectRoot } from '../../src/util/project-root';
import { createLogger, secretValues } from '../../src/logging/logger';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoTicketStore } from '../../src/store/mongo-ticket-store';
import { startSlackApiStub, type SlackApiStub, type SlackCall } from './slack-api-stub';
import { createSlackSender, type SendOptions, type SlackSender } from './slack-requests';
import { findButton, shownText, type FoundButton } from './slack-calls';
import { CHANNELS, dmChannelOf, L2_GROUP, PEOPLE, SIGNING_SECRET, type Person } from './slack-cast';
import { openTestDatabase } from './test-database';
import { slackSettingsOf } from '../../src/config/channel-settings';

export * from './slack-calls';
export * from './slack-cast';

export interface SlackHarness {
  readonly url: string;
  readonly stub: SlackApiStub;
  readonly send: SlackSender;
  readonly channel: SlackChannel;
  readonly helpdesk: Helpdesk;
  readonly config: Config;
  readonly db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  readonly logs: { level: number; msg: string }[];
  /** The raw log lines, as they would reach stdout. */
  readonly lines: string[];
  readonly tickets: ReturnType<typeof createMongoTicketStore>;
  dm(
    person: Person,
    text: string,
    options?: SendOptions & { eventId?: string },
  ): ReturnType<SlackSender['event']>;
  reply(
    person: Person,
    channel: string,
    threadTs: string,
    text: string,
  ): ReturnType<SlackSender['event']>;
  /** The newest button of this core action in what the bot posted or updated (optionally in one channel). */
  button(action: string, channel?: string, label?: string): FoundButton;
  press(
    person: Person,
    button: FoundButton,
    options?: { actionTs?: string },
  ): ReturnType<SlackSender['interaction']>;
  /** Submits the modal a views.open call opened, with these values by field name. */
  submit(
    person: Person,
    opened: SlackCall,
    values: Record<string, string>,
  ): ReturnType<SlackSender['interaction']>;
  /** chat.postMessage calls that succeeded, to one channel. */
  posted(channel: string): SlackCall[];
  close(): Promise<void>;
}

let clock = 0;
const nextTs = () => `${1_800_000_000 + ++clock}.${String(clock).padStart(6, '0')}`;

export async function startSlackHarness(
  options: {
    env?: Record<string, string>;
    answers?: Parameters<typeof startSlackApiStub>[0]['answers'];
    /** The knowledge base to search (default: the project's kb/ at KB_ANSWER_THRESHOLD). */
    kb?: KnowledgeBase;
    /** People the Web API knows besides the cast (a bot user, say). */
    people?: Parameters<typeof startSlackApiStub>[0]['people'];
    /** The core's clock (SLA, reminders, hours notices); the system's by default. */
    clock?: Clock;
  } = {},
): Promise<SlackHarness> {
  const stub = await startSlackApiStub({
    people: [...Object.values(PEOPLE), ...(options.people ?? [])],
    members: {
      [CHANNELS.l1]: ['UBOT00001', PEOPLE.rudi.id],
      [CHANNELS.l2]: ['UBOT00001', PEOPLE.dewi.id],
      [CHANNELS.l3]: ['UBOT00001'],
    },
    pageSize: 1,
    ...(options.answers && { answers: options.answers }),
  });
  const config = harnessConfig(stub.url, options.env);
  const conn = await openTestDatabase();
  await ensureIndexes(conn.db);
  const expressApp = express();
  const { channel, helpdesk, logs, lines, tickets } = wireCore(
    config,
    conn.db,
    expressApp,
    options.kb,
    options.clock,
  );
  await channel.start();
  const server = await new Promise<ReturnType<typeof expressApp.listen>>((resolve) => {
    const s = expressApp.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  // Each request, then the work it queued: tests read what reached the Slack API stub right after.
  const send = settling(createSlackSender(url, SIGNING_SECRET), () => helpdesk.idle());
  return buildHarness(
    { url, stub, send, channel, helpdesk, config, db: conn.db, logs, lines, tickets },
    async () => {
      await helpdesk.stop(2000);
      await channel.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stub.close();
      await conn.dispose();
    },
  );
}

/** The sender, waiting after each request until the core has worked what it queued. */
function settling(send: SlackSender, idle: () => Promise<void>): SlackSender {
  const settled = { ...send };
  for (const name of Object.keys(send) as (keyof SlackSender)[]) {
    // The sender's members are plain closures (no `this`), so calling one detached is safe.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const fn = send[name] as (...args: unknown[]) => Promise<unknown>;
    (settled as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const result = await fn(...args);
      await idle();
      return result;
    };
  }
  return settled;
}

/** The Slack settings of the tests: the loopback Web API, the three channels, pings and agents. */
function harnessConfig(apiUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_L1_CHANNEL_ID: CHANNELS.l1,
    SLACK_L2_CHANNEL_ID: CHANNELS.l2,
    SLACK_L3_CHANNEL_ID: CHANNELS.l3,
    SLACK_L2_PING: L2_GROUP,
    SLACK_L3_PING: PEOPLE.hendra.id,
    L1_AGENT_IDS: PEOPLE.ayu.id,
    L3_AGENT_IDS: PEOPLE.hendra.id,
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** The real core (composeHelpdesk on the test database, the project's kb/) wired to the Slack channel. */
function wireCore(
  config: Config,
  db: Db,
  expressApp: express.Express,
  given?: KnowledgeBase,
  clock?: Clock,
) {
  const kb =
    given ??
    createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
      answerThreshold: config.KB_ANSWER_THRESHOLD,
    });
  const logs: { level: number; msg: string }[] = [];
  const lines: string[] = [];
  // Everything down to debug, through the production logger: tests look for secrets in it.
  const log = createLogger('debug', secretValues(config), {
    write: (line: string) => {
      lines.push(line);
      logs.push(JSON.parse(line) as { level: number; msg: string });
    },
  });
  const tickets = createMongoTicketStore(db);
  const channel = createSlackChannel({
    settings: slackSettingsOf(config),
    expressApp,
    log,
    tuning: { retryMinTimeoutMs: 10 },
  });
  const helpdesk = composeHelpdesk({
    config,
    db,
    kb,
    channels: [channel],
    ...(clock ? { clock } : {}),
    log: {
      info: (data, msg) => log.info(data, msg),
      warn: (data, msg) => log.warn(data, msg),
      error: (data, msg) => log.error(data, msg),
    },
  });
  channel.attach(helpdesk);
  helpdesk.start();
  return { channel, helpdesk, logs, lines, tickets };
}

function buildHarness(
  base: Omit<SlackHarness, 'dm' | 'reply' | 'button' | 'press' | 'submit' | 'posted' | 'close'>,
  close: () => Promise<void>,
): SlackHarness {
  const { send, stub } = base;
  return {
    ...base,
    close,
    dm: (person, text, options) =>
      send.event(
        {
          type: 'message',
          channel_type: 'im',
          channel: dmChannelOf(person),
          user: person.id,
          text,
          ts: nextTs(),
        },
        options,
      ),
    reply: (person, channel, threadTs, text) =>
      send.event({
        type: 'message',
        channel_type: 'channel',
        channel,
        user: person.id,
        text,
        ts: nextTs(),
        thread_ts: threadTs,
      }),
    button: (action, channel, label) => findButton(stub.calls, action, channel, label),
    press: (person, button, options = {}) =>
      send.interaction({
        type: 'block_actions',
        user: { id: person.id, username: person.name },
        trigger_id: `trig.${nextTs()}`,
        container: { type: 'message', message_ts: button.messageTs, channel_id: button.channel },
        channel: {
          id: button.channel,
          name: button.channel.startsWith('D') ? 'directmessage' : 'it',
        },
        message: { ts: button.messageTs },
        actions: [
          {
            type: 'button',
            action_id: button.actionId,
            block_id: 'b',
            value: button.value,
            text: { type: 'plain_text', text: button.text },
            action_ts: options.actionTs ?? nextTs(),
          },
        ],
      }),
    submit: (person, opened, values) => {
      const view = opened.args.view as { private_metadata: string; blocks: { block_id: string }[] };
      const state: Record<string, Record<string, unknown>> = {};
      for (const [name, value] of Object.entries(values)) {
        const block = view.blocks.find((b) => b.block_id === name) as
          { element?: { type?: string } } | undefined;
        state[name] = {
          value:
            block?.element?.type === 'static_select'
              ? { type: 'static_select', selected_option: { value } }
              : { type: 'plain_text_input', value },
        };
      }
      const viewId = String((opened.response.view as { id: string }).id);
      return send.interaction({
        type: 'view_submission',
        user: { id: person.id, username: person.name },
        trigger_id: `trig.${nextTs()}`,
        view: {
          id: viewId,
          type: 'modal',
          callback_id: 'lapis_form',
          private_metadata: view.private_metadata,
          blocks: view.blocks,
          state: { values: state },
        },
      });
    },
    posted: (channel) => stub.ok('chat.postMessage').filter((c) => c.args.channel === channel),
  };
}

/** Opens a ticket the way an employee does (question, "Still need help" if answered, the modal). */
export async function openTicket(
  h: SlackHarness,
  person: Person,
  question: string,
  form: Record<string, string> = { category: 'network', impact: 'me', urgency: 'low' },
): Promise<{ key: string; cardTs: string }> {
  const dm = dmChannelOf(person);
  await h.dm(person, question);
  const answer = h.posted(dm).at(-1);
  if (answer && JSON.stringify(answer.args.blocks).includes('lapis:l0_need_help:'))
    await h.press(person, h.button('l0_need_help', dm));
  await h.press(person, h.button('ticket_form', dm));
  await h.submit(person, h.stub.ok('views.open').at(-1)!, form);
  const card = h.posted(CHANNELS.l1).at(-1)!;
  const key = /IT-\d+/.exec(shownText(card))?.[0];
  if (!key) throw new Error('no ticket card was posted');
  return { key, cardTs: String(card.response.ts) };
}
