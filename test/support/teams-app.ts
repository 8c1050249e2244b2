import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Db } from 'mongodb';
import pino from 'pino';
import type { AuthEndpoints, TeamsSdk } from '../../src/channels/teams/bot-host';
import type { RetryOptions } from '../../src/channels/teams/retry-transient';
import { createTeamsChannel, type TeamsChannel } from '../../src/channels/teams/teams-channel';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { serveFileLinks } from '../../src/app/serve-file-links';
import type { FileStore } from '../../src/core/ports/file-store';
import { loadConfig, type Config } from '../../src/config/config';
import type { Helpdesk } from '../../src/core/inbound';
import type { KnowledgeBase } from '../../src/core/ports/knowledge-base';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import type { Logger } from '../../src/logging/logger';
import { projectRoot } from '../../src/util/project-root';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoConversationStore } from '../../src/store/mongo-conversation-store';
import { createMongoFileStore } from '../../src/store/mongo-file-store';
import { startConnectorStub, type ConnectorStub } from './teams-connector-stub';
import { openTestDatabase } from './test-database';
import { teamsSettingsOf } from '../../src/config/channel-settings';

/** Both SDKs under the Teams channel: every Teams end-to-end file runs on each (describe.each). */
export const TEAMS_SDKS: readonly TeamsSdk[] = ['botbuilder', 'agents'];

/**
 * The Teams channel as main would run it, for end-to-end tests: express on 127.0.0.1 and a free
 * port with POST /api/messages, the REAL core (composeHelpdesk on the test database and the
 * project's kb/), the configuration from `env` through loadConfig, on `sdk` (TEAMS_SDK; default
 * botbuilder). Logs are kept in `logs`.
 */
export interface TeamsApp {
  readonly url: string;
  readonly config: Config;
  readonly channel: TeamsChannel;
  readonly helpdesk: Helpdesk;
  readonly logs: { level: number; msg: string; [key: string]: unknown }[];
  post(
    activity: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string }>;
  postRaw(
    body: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

let sharedKb: ReturnType<typeof createKnowledgeBase> | undefined;
export function projectKnowledgeBase() {
  sharedKb ??= createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')));
  return sharedKb;
}

/** What a Teams channel under test is built from. */
export interface TeamsChannelSetup {
  env: NodeJS.ProcessEnv;
  db: Db;
  sdk?: TeamsSdk;
  authEndpoints?: AuthEndpoints;
  retry?: RetryOptions;
  /** Kept files served at GET /files/:id and linked by the channel (default: GridFS in `db`, as main). */
  files?: FileStore;
}

/**
 * The Teams channel as main builds it, mounted on `expressApp` and not attached: the configuration
 * from `env` through loadConfig, on `sdk` (TEAMS_SDK; default botbuilder), its conversation
 * references in `db`; retried connector calls back off briefly unless `retry` says otherwise.
 */
export function buildTeamsChannel(
  setup: TeamsChannelSetup,
  expressApp: express.Express,
  log: Logger,
): { config: Config; channel: TeamsChannel } {
  const config = loadConfig({
    // Without an app id the channel runs as for the Emulator (authentication off, on loopback).
    ...(setup.env?.TEAMS_APP_ID ? {} : { TEAMS_EMULATOR: 'true' }),
    ...setup.env,
    ...(setup.sdk ? { TEAMS_SDK: setup.sdk } : {}),
  });
  const files = setup.files ?? createMongoFileStore(setup.db);
  const fileLinks = serveFileLinks(config, expressApp, files, log);
  const channel = createTeamsChannel({
    settings: teamsSettingsOf(config),
    expressApp,
    references: createMongoConversationStore(setup.db),
    log,
    fileLinks,
    ...(setup.authEndpoints ? { authEndpoints: setup.authEndpoints } : {}),
    retry: setup.retry ?? { baseDelayMs: 5, maxDelayMs: 20 },
  });
  return { config, channel };
}

export interface TeamsAppOptions extends TeamsChannelSetup {
  /** The knowledge base to search (default: the project's kb/, shared by the tests). */
  kb?: KnowledgeBase;
}

export async function startTeamsApp(options: TeamsAppOptions): Promise<TeamsApp> {
  const logs: TeamsApp['logs'] = [];
  const log: Logger = pino(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as TeamsApp['logs'][number]) },
  );
  const app = express();
  const { config, channel } = buildTeamsChannel(options, app, log);
  const helpdesk = composeHelpdesk({
    config,
    db: options.db,
    kb: options.kb ?? projectKnowledgeBase(),
    channels: [channel],
    log,
  });
  channel.attach(helpdesk);
  helpdesk.start();
  await channel.start();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Each request, then the work it queued: tests read what reached the connector stub right after.
  const postRaw = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const answer = { status: response.status, body: await response.text() };
    await helpdesk.idle();
    return answer;
  };
  return {
    url,
    config,
    channel,
    helpdesk,
    logs,
    post: (activity, headers) => postRaw(JSON.stringify(activity), headers),
    postRaw,
    close: async () => {
      await helpdesk.stop(2000);
      await channel.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * What most Teams end-to-end files start with: a fresh test database (indexed), a connector stub
 * and the app on `sdk`, before the file's (or the describe block's) tests, all closed after them.
 * Its fields are there once the tests run.
 */
export interface TeamsBed {
  readonly db: Db;
  readonly connector: ConnectorStub;
  readonly app: TeamsApp;
}

export function useTeamsBed(
  options: Omit<TeamsAppOptions, 'db' | 'env'> & {
    sdk: TeamsSdk;
    env?: NodeJS.ProcessEnv;
  },
): TeamsBed {
  let conn: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  let connector: ConnectorStub | undefined;
  let app: TeamsApp | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the Teams test bed has no ${what} yet`);
    return value;
  };
  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    connector = await startConnectorStub();
    app = await startTeamsApp({ ...options, env: options.env ?? {}, db: conn.db });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    await conn?.dispose();
  });
  return {
    get db() {
      return ready(conn, 'database').db;
    },
    get connector() {
      return ready(connector, 'connector stub');
    },
    get app() {
      return ready(app, 'app');
    },
  };
}
