import type express from 'express';
import type { Helpdesk } from '../../core/inbound';
import type { Channel } from '../../core/ports/channel';
import { LEVELS } from '../../core/ticket';
import { createLogger, type Logger } from '../../logging/logger';
import type * as AgentsHost from './agents-host';
import type { AuthEndpoints, BotHostOptions, TeamsBotHost, TeamsSdk } from './bot-host';
import type * as BotbuilderHost from './botbuilder-host';
import type { ConversationStore } from '../../core/ports/teams-references';
import { handleActivity } from './handle-activity';
import { messagesEndpoint } from './request-guard';
import type { RetryOptions } from './retry-transient';
import { createTeamsAgentDirectory, createTeamsIdentities } from './teams-agent-directory';
import { createInFlight } from './in-flight';
import type { FileLinks } from './file-card';
import type { TeamsSettings } from './teams-settings';
import { createTeamsSurface } from './teams-surface';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsChannelOptions {
  /** Its own settings (src/config/channel-settings.ts teamsSettingsOf). */
  readonly settings: TeamsSettings;
  /** POST /api/messages is mounted on it; the caller listens (on HOST:PORT). */
  readonly expressApp: express.Express;
  /** Where conversation references are kept (MongoDB: src/store/mongo-conversation-store.ts). */
  readonly references: ConversationStore;
  readonly log?: Logger;
  /** Where inbound tokens' signing keys are published (tests: a loopback server). */
  readonly authEndpoints?: AuthEndpoints;
  /** Backoff of retried connector calls (tests make it short). */
  readonly retry?: RetryOptions;
  /**
   * Links to kept files that Lapis serves (src/http/file-links.ts), for the files it passes on:
   * Teams bots cannot upload into channels. Without them a file is named, not linked.
   */
  readonly fileLinks?: FileLinks;
}

/**
 * Each SDK is loaded only when it is the one chosen (botbuilder's modules take ~50 MB of memory, the
 * Agents SDK's ~16 MB): a Slack or console deployment carries neither.
 */
const HOSTS: Readonly<Record<TeamsSdk, () => (options: BotHostOptions) => TeamsBotHost>> = {
  botbuilder: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./botbuilder-host') as typeof BotbuilderHost).createBotbuilderHost,
  agents: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./agents-host') as typeof AgentsHost).createAgentsHost,
};

/**
 * The channel contract (core/ports/channel.ts) on Teams: until `attach` and `start` requests get a
 * 503; `stop` refuses new requests and waits (up to 10 s) for those in flight.
 */
export type TeamsChannel = Channel;

/**
 * The Microsoft Teams channel: POST /api/messages behind the request guard, the core's chat surface
 * as Adaptive Cards sent with stored conversation references, and the agents of each level. The SDK
 * underneath is TEAMS_SDK's (botbuilder or the Microsoft 365 Agents SDK, bot-host.ts); nothing else
 * here depends on which. Without TEAMS_APP_ID it runs unauthenticated, for the Bot Framework
 * Emulator (the configuration allows that on loopback only).
 */
export function createTeamsChannel(options: TeamsChannelOptions): TeamsChannel {
  const log = options.log ?? createLogger('silent');
  const { settings } = options;
  const host = HOSTS[settings.sdk]()({
    credentials: settings.credentials,
    ...(options.authEndpoints ? { endpoints: options.authEndpoints } : {}),
    connector: {
      ...settings.connector,
      retry: {
        ...options.retry,
        onRetry: (info) => log.warn(info, 'Teams turned a request away; retrying'),
      },
    },
  });
  const store = options.references;
  const identities = createTeamsIdentities();
  const agents = createTeamsAgentDirectory(settings.agents, identities);
  const surface = createTeamsSurface({
    connector: host.connector,
    store,
    channels: settings.channels,
    pings: settings.pings,
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    files: {
      ...settings.files,
      serviceUrls: settings.connector.serviceUrls,
      ...(options.fileLinks ? { links: options.fileLinks } : {}),
    },
  });

  let helpdesk: Helpdesk | undefined;
  let started = false;
  let stopping = false;
  const inFlight = createInFlight();

  options.expressApp.post(
    TEAMS_MESSAGES_PATH,
    ...messagesEndpoint({
      host,
      log,
      admission: settings.admission,
      track: (work) => inFlight.track(work),
      handler: () => {
        const core = helpdesk;
        if (!core || !started || stopping) return undefined;
        return (activity) => handleActivity(activity, { store, identities, helpdesk: core, log });
      },
    }),
  );

  return {
    platform: 'teams',
    surface,
    agents,
    attach(core) {
      helpdesk = core;
    },
    start() {
      stopping = false;
      started = true;
      announce(settings, log);
      return Promise.resolve();
    },
    async stop() {
      stopping = true;
      await inFlight.settled(10_000);
    },
    describe: (http) =>
      `Teams: messages at ${http}${TEAMS_MESSAGES_PATH.slice(1)}` +
      (settings.authEnabled ? '' : ' (unauthenticated: the emulator on this machine)'),
  };
}

function announce(settings: TeamsSettings, log: Logger): void {
  if (!settings.authEnabled)
    log.warn(
      'Teams channel WITHOUT AUTHENTICATION (no TEAMS_APP_ID): it accepts any sender as anyone. ' +
        'This is for the Bot Framework Emulator on this machine only; it listens on loopback.',
    );
  if (
    settings.authEnabled &&
    settings.credentials.appType === 'MultiTenant' &&
    settings.admission.allowedTenants.length === 0
  )
    log.warn(
      'TEAMS_ALLOWED_TENANTS is empty: this MultiTenant bot takes activities from ANY Microsoft 365 ' +
        'tenant that installs it. List the tenants it serves.',
    );
  for (const level of LEVELS) {
    if (!settings.channels[level])
      log.warn(
        { supportLevel: level },
        `no TEAMS_L${level}_CHANNEL_ID: L${level} tickets go to a lower level's channel`,
      );
  }
  log.info(
    { path: TEAMS_MESSAGES_PATH, auth: settings.authEnabled, sdk: settings.sdk },
    'Teams channel ready',
  );
}
