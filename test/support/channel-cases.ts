import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createConsoleChannel } from '../../src/channels/console/console-channel';
import type { ConsoleMessages } from '../../src/core/ports/console-messages';
import { createSlackChannel } from '../../src/channels/slack/create-slack-channel';
import type { TeamsSdk } from '../../src/channels/teams/bot-host';
import { TEAMS_MESSAGES_PATH } from '../../src/channels/teams/teams-channel';
import { loadConfig } from '../../src/config/config';
import type { Helpdesk, Inbound } from '../../src/core/inbound';
import type { OutboundMessage } from '../../src/core/messages';
import type { Platform, UserRef } from '../../src/core/people';
import type { Channel } from '../../src/core/ports/channel';
import type { Level } from '../../src/core/ticket';
import { createLogger } from '../../src/logging/logger';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { trustOutboundToken } from './bot-outbound-token';
import { startBotTokenIssuer } from './bot-token-issuer';
import { startSlackApiStub, type SlackCall } from './slack-api-stub';
import { CHANNELS, dmChannelOf, PEOPLE, SIGNING_SECRET } from './slack-cast';
import { shownText } from './slack-calls';
import { createSlackSender } from './slack-requests';
import { cardOf, cardText, personalMessage, teamsPerson, TENANT_ID } from './teams-activities';
import { buildTeamsChannel } from './teams-app';
import { startConnectorStub, type ConnectorCall } from './teams-connector-stub';
import { openTestDatabase } from './test-database';
import { slackSettingsOf } from '../../src/config/channel-settings';

/**
 * The channels of the contract tests (test/e2e/channel-contract.test.ts), each built as main builds
 * it, over real HTTP on 127.0.0.1 with its loopback stand-in for the platform and a fresh test
 * database, and NOT attached: the test drives the lifecycle. What reached the platform is read back
 * in one neutral shape (`Delivered`), so the same assertions hold for every channel.
 */

/** One thing that reached the platform, in terms every channel shares. */
export interface Delivered {
  /** A new message, an edit of one, or a message one person alone sees in a shared place. */
  readonly kind: 'message' | 'update' | 'private';
  /** The conversation (a DM, a level's channel); for `private`, the person who sees it. */
  readonly to: string;
  /** Everything it shows, one piece per line. */
  readonly text: string;
  /** A reply: its thread's root message id. */
  readonly thread?: string;
  /** The message's id (an update: the message it replaced). */
  readonly id?: string;
}

export interface ChannelRig {
  readonly channel: Channel;
  /** The HTTP server's address as main hands it to `describe` (ends in `/`). */
  readonly http: string;
  /** Where the platform posts the employee's messages. */
  readonly endpoint: string;
  /** Budi, the employee who writes to the bot, as the core knows him (his name filled in). */
  readonly employee: UserRef;
  /** A configured L1 agent (by the id the platform gives them). */
  readonly l1Agent: UserRef;
  /** Where each level's card lands: its own channel, or the nearest lower level's. */
  readonly levelChannels: Readonly<Record<Level, string>>;
  /** The service-desk lead's channel, named by its id (where the weekly digest goes). */
  readonly leadChannel: string;
  /**
   * The employee's DM as the platform sends it (signed, authenticated); its HTTP status. `again`
   * sends the same delivery once more, as the platform does when it got no answer in time.
   */
  dm(text: string): Promise<{ status: number; again(): Promise<number> }>;
  delivered(): Delivered[];
  close(): Promise<void>;
}

export interface ChannelCase {
  readonly name: string;
  readonly platform: Platform;
  /** Whether the platform redelivers an event (same delivery id) when unanswered. */
  readonly redelivers: boolean;
  /** The status of an event before `attach`, where it is not a 5xx (see the console). */
  readonly notAttachedStatus?: number;
  start(): Promise<ChannelRig>;
}

/** A core stand-in that records what the channel handed it; the channel is what is under test. */
export interface RecordingHelpdesk extends Helpdesk {
  readonly accepted: { readonly event: Inbound; readonly outcome: 'accepted' | 'duplicate' }[];
}

export function recordingHelpdesk(): RecordingHelpdesk {
  const accepted: RecordingHelpdesk['accepted'] = [];
  const seen = new Set<string>();
  const notHere = (what: string) => () => {
    throw new Error(`the channel contract tests give the channel no ${what}`);
  };
  return {
    accepted,
    accept(event) {
      const outcome = seen.has(event.deliveryId) ? 'duplicate' : 'accepted';
      seen.add(event.deliveryId);
      accepted.push({ event, outcome });
      return Promise.resolve(outcome);
    },
    firstSeen(deliveryId) {
      const first = !seen.has(deliveryId);
      seen.add(deliveryId);
      return Promise.resolve(first);
    },
    admission: () => undefined,
    handle: notHere('handle'),
    start: notHere('start'),
    stop: notHere('stop'),
    idle: notHere('idle'),
    sweepSla: notHere('sweepSla'),
    queueEffects: notHere('queueEffects'),
    effectQueued: notHere('effectQueued'),
    views: { myTickets: notHere('views'), levelQueue: notHere('views') },
  };
}

const silent = createLogger('silent');

/** express on 127.0.0.1 and a free port; `mount` adds the channel's routes first. */
async function listen<Mounted extends { channel: Channel }>(
  mount: (app: express.Express) => Mounted,
): Promise<Mounted & { http: string; close(): Promise<void> }> {
  const app = express();
  const mounted = mount(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    ...mounted,
    http: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function testDatabase() {
  const conn = await openTestDatabase();
  await ensureIndexes(conn.db);
  return conn;
}

// --- Slack (HTTP mode) ---------------------------------------------------------------------

/** Slack's Events API over HTTP, its Web API a loopback stub; L1 and L2 have channels, L3 not. */
export function slackCase(env: Record<string, string> = {}, name = 'slack'): ChannelCase {
  return {
    name,
    platform: 'slack',
    redelivers: true,
    async start() {
      const stub = await startSlackApiStub({
        people: Object.values(PEOPLE),
        members: { [CHANNELS.l1]: ['UBOT00001'], [CHANNELS.l2]: ['UBOT00001'] },
      });
      const config = loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: stub.url,
        SLACK_L1_CHANNEL_ID: CHANNELS.l1,
        SLACK_L2_CHANNEL_ID: CHANNELS.l2,
        L1_AGENT_IDS: PEOPLE.ayu.id,
        ...env,
      });
      const server = await listen((expressApp) => ({
        channel: createSlackChannel({
          settings: slackSettingsOf(config),
          expressApp,
          log: silent,
          tuning: { retryMinTimeoutMs: 10 },
        }),
      }));
      const endpoint = `${server.http}slack/events`;
      const send = createSlackSender(endpoint, SIGNING_SECRET);
      const budi = PEOPLE.budi;
      let ts = 0;
      return {
        channel: server.channel,
        http: server.http,
        endpoint,
        employee: { platform: 'slack', id: budi.id, name: budi.name },
        l1Agent: { platform: 'slack', id: PEOPLE.ayu.id },
        levelChannels: { 1: CHANNELS.l1, 2: CHANNELS.l2, 3: CHANNELS.l2 },
        leadChannel: 'C0LEAD00001',
        async dm(text) {
          const event = {
            type: 'message',
            channel_type: 'im',
            channel: dmChannelOf(budi),
            user: budi.id,
            text,
            ts: `1800000000.${String(++ts).padStart(6, '0')}`,
          };
          const eventId = `EvContract${String(ts).padStart(6, '0')}`;
          const first = await send.event(event, { eventId });
          return {
            status: first.status,
            again: async () => (await send.event(event, { eventId, retryNum: 1 })).status,
          };
        },
        delivered: () => stub.calls.filter(succeeded).flatMap(slackDelivered),
        async close() {
          await server.close();
          await stub.close();
        },
      };
    },
  };
}

const succeeded = (call: SlackCall) => call.status === 200 && call.response.ok === true;

function slackDelivered(call: SlackCall): Delivered[] {
  const { channel, user, thread_ts: thread } = call.args as Record<string, string | undefined>;
  const common = { text: shownText(call), ...(thread && { thread }) };
  switch (call.method) {
    case 'chat.postMessage':
      return [{ kind: 'message', to: String(channel), id: String(call.response.ts), ...common }];
    case 'chat.update':
      return [{ kind: 'update', to: String(channel), id: String(call.args.ts), ...common }];
    case 'chat.postEphemeral':
      return [{ kind: 'private', to: String(user), ...common }];
    default:
      return [];
  }
}

// --- Teams (each SDK) ----------------------------------------------------------------------

const TEAMS_APP_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const TEAMS_L1 = '19:l1-service-desk@thread.tacv2';
const TEAMS_L2 = '19:l2-platform@thread.tacv2';
/** The bot's own token, as Entra ID would have issued it (the connector stub sees it). */
export const TEAMS_OUTBOUND_TOKEN = 'contract-test-outbound-token';

/**
 * Teams on `sdk` (TEAMS_SDK) with authentication on: activities carry tokens signed by a loopback
 * issuer of that SDK's kind (validated for real), the bot's outbound token is put where that SDK
 * keeps it, the connector of their service URL is a loopback stub; L1 and L2 have channels, L3
 * not. The channel is built as the Teams end-to-end tests build it (teams-app.ts).
 */
export function teamsCase(sdk: TeamsSdk, env: Record<string, string> = {}): ChannelCase {
  return {
    name: `teams (${sdk})`,
    platform: 'teams',
    redelivers: true,
    async start() {
      const [conn, connector, issuer] = await Promise.all([
        testDatabase(),
        startConnectorStub(),
        startBotTokenIssuer(sdk),
      ]);
      const server = await listen((expressApp) =>
        buildTeamsChannel(
          {
            sdk,
            db: conn.db,
            env: {
              TEAMS_APP_ID,
              TEAMS_APP_PASSWORD: 'not-a-real-secret',
              TEAMS_APP_TENANT_ID: TENANT_ID,
              // The connector stub is on loopback, which authentication on takes only when listed.
              TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
              TEAMS_L1_CHANNEL_ID: TEAMS_L1,
              TEAMS_L2_CHANNEL_ID: TEAMS_L2,
              L1_AGENT_IDS: AYU.aadObjectId,
              ...env,
            },
            authEndpoints: issuer.endpoints,
          },
          expressApp,
          silent,
        ),
      );
      await trustOutboundToken(server.config, issuer.endpoints, TEAMS_OUTBOUND_TOKEN);
      const endpoint = `${server.http}${TEAMS_MESSAGES_PATH.slice(1)}`;
      const post = async (activity: unknown) => {
        const token = issuer.token(TEAMS_APP_ID, connector.url);
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(activity),
        });
        await response.text();
        return response.status;
      };
      return {
        channel: server.channel,
        http: server.http,
        endpoint,
        employee: { platform: 'teams', id: BUDI.aadObjectId, name: BUDI.name },
        l1Agent: { platform: 'teams', id: AYU.aadObjectId },
        levelChannels: { 1: TEAMS_L1, 2: TEAMS_L2, 3: TEAMS_L2 },
        leadChannel: '19:it-lead@thread.tacv2',
        async dm(text) {
          const activity = personalMessage(connector.url, BUDI, TEAMS_DM, text);
          return { status: await post(activity), again: () => post(activity) };
        },
        delivered: () => connector.succeeded().flatMap(teamsDelivered),
        async close() {
          await server.close();
          await Promise.all([connector.close(), issuer.close()]);
          await conn.dispose();
        },
      };
    },
  };
}

const BUDI = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const AYU = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
const TEAMS_DM = 'a:1budi-personal-chat';

function teamsDelivered(call: ConnectorCall): Delivered[] {
  // Teams takes nothing without the bot's token.
  if (call.authorization !== `Bearer ${TEAMS_OUTBOUND_TOKEN}`)
    throw new Error(`a connector call without the bot's token: ${call.method} ${call.path}`);
  // A thread's conversation id is `<channel>;messageid=<root>`.
  const [to = '', root] = call.conversationId.split(';messageid=');
  switch (call.kind) {
    case 'create': {
      const activity = call.body.activity as Record<string, unknown>;
      return [{ kind: 'message', to, id: String(call.id), text: cardText(cardOf(activity)) }];
    }
    case 'send':
      return [
        {
          kind: 'message',
          to,
          id: String(call.id),
          text: cardText(cardOf(call.body)),
          ...(root && { thread: root }),
        },
      ];
    case 'update':
      return [
        { kind: 'update', to, id: String(call.activityId), text: cardText(cardOf(call.body)) },
      ];
  }
}

// --- the local console ---------------------------------------------------------------------

/**
 * The local console: its page's API on loopback, its messages in the test database. What "reached
 * the platform" is what its surface stored there, as the console's store recorded it.
 */
export function consoleCase(name = 'console'): ChannelCase {
  return {
    name,
    platform: 'console',
    // Every POST is a new message: a browser does not resend one with the same identity.
    redelivers: false,
    // Until `attach` the channel lets requests through (main's admission guard answers 503 in
    // front of it); on its own, express answers 404.
    notAttachedStatus: 404,
    async start() {
      const conn = await testDatabase();
      const delivered: Delivered[] = [];
      const messages = recordingConsoleMessages(createMongoConsoleMessages(conn.db), delivered);
      const server = await listen((expressApp) => ({
        channel: createConsoleChannel({
          settings: {
            host: '127.0.0.1',
            timeZone: 'Asia/Jakarta',
            locales: { agent: 'en', default: 'en' },
          },
          messages,
          mount: (handler) => expressApp.use(handler),
        }),
      }));
      const endpoint = `${server.http}api/dm`;
      const post = async (text: string) => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ as: 'budi', text }),
        });
        await response.text();
        return response.status;
      };
      return {
        channel: server.channel,
        http: server.http,
        endpoint,
        employee: { platform: 'console', id: 'budi', name: 'Budi Santoso' },
        l1Agent: { platform: 'console', id: 'ayu' },
        levelChannels: { 1: 'level:1', 2: 'level:2', 3: 'level:3' },
        leadChannel: 'lead',
        async dm(text) {
          return { status: await post(text), again: () => post(text) };
        },
        delivered: () => [...delivered],
        async close() {
          await server.close();
          await conn.dispose();
        },
      };
    },
  };
}

/** The console's real store, noting each message the bot stored or rewrote (not what people typed). */
function recordingConsoleMessages(store: ConsoleMessages, into: Delivered[]): ConsoleMessages {
  return {
    ...store,
    async insert(doc) {
      await store.insert(doc);
      if (doc.from) return;
      const text = shown(doc.message);
      const thread = doc.threadId !== undefined ? { thread: doc.threadId } : {};
      into.push(
        doc.ephemeralFor !== undefined
          ? { kind: 'private', to: doc.ephemeralFor, text, ...thread }
          : { kind: 'message', to: doc.conversation, id: doc._id, text, ...thread },
      );
    },
    async update(conversation, messageId, message, at) {
      const found = await store.update(conversation, messageId, message, at);
      if (found)
        into.push({ kind: 'update', to: conversation, id: messageId, text: shown(message) });
      return found;
    },
  };
}

function shown(message: OutboundMessage): string {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.kind === 'header') texts.push(block.text);
    if (block.kind === 'text' || block.kind === 'context')
      texts.push(block.spans.map((span) => span.text).join(''));
  }
  return texts.join('\n');
}
