import type { ConsoleSettings } from '../channels/console/console-channel';
import type { SlackSettings } from '../channels/slack/slack-settings';
import { readFileSync } from 'node:fs';
import type { BotCredentials } from '../channels/teams/bot-host';
import { TeamsSetupError, type TeamsSettings } from '../channels/teams/teams-settings';
import type { Config } from './config';

/**
 * Each channel's own settings, picked from the environment parsed once (config.ts): a channel is
 * given these and nothing else of the configuration.
 */
export function slackSettingsOf(config: Config): SlackSettings {
  if (!config.SLACK_BOT_TOKEN) throw new Error('the Slack channel needs SLACK_BOT_TOKEN');
  return {
    SLACK_BOT_TOKEN: config.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: config.SLACK_SIGNING_SECRET,
    SLACK_APP_TOKEN: config.SLACK_APP_TOKEN,
    SLACK_SOCKET_MODE: config.SLACK_SOCKET_MODE,
    SLACK_API_URL: config.SLACK_API_URL,
    SLACK_L1_CHANNEL_ID: config.SLACK_L1_CHANNEL_ID,
    SLACK_L2_CHANNEL_ID: config.SLACK_L2_CHANNEL_ID,
    SLACK_L3_CHANNEL_ID: config.SLACK_L3_CHANNEL_ID,
    SLACK_L1_PING: config.SLACK_L1_PING,
    SLACK_L2_PING: config.SLACK_L2_PING,
    SLACK_L3_PING: config.SLACK_L3_PING,
    SLACK_AGENTS_FROM_CHANNELS: config.SLACK_AGENTS_FROM_CHANNELS,
    SLACK_CACHE_SECONDS: config.SLACK_CACHE_SECONDS,
    TICKET_REACTION: config.TICKET_REACTION,
    DEFAULT_LOCALE: config.DEFAULT_LOCALE,
    AGENT_LOCALE: config.AGENT_LOCALE,
    agentIds: config.agentIds,
  };
}

export function consoleSettingsOf(config: Config): ConsoleSettings {
  return {
    host: config.HOST,
    timeZone: config.TIME_ZONE,
    locales: { agent: config.AGENT_LOCALE, default: config.DEFAULT_LOCALE },
  };
}

export function teamsSettingsOf(
  config: Config,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): TeamsSettings {
  const appId = config.TEAMS_APP_ID;
  // Without an app id only the Emulator mode runs, which config.ts allows on loopback alone.
  if (!config.teamsEnabled)
    throw new TeamsSetupError('the Teams channel needs TEAMS_APP_ID (or TEAMS_EMULATOR=true)');
  // Loopback without listing it only for the Emulator (authentication off, on this machine).
  const serviceUrls = { hosts: config.TEAMS_SERVICE_URL_HOSTS, loopbackAllowed: !appId };
  return {
    sdk: config.TEAMS_SDK,
    credentials: {
      appType: config.TEAMS_APP_TYPE,
      ...(appId ? { appId } : {}),
      ...(config.TEAMS_APP_PASSWORD ? { password: config.TEAMS_APP_PASSWORD } : {}),
      ...(config.TEAMS_APP_TENANT_ID ? { tenantId: config.TEAMS_APP_TENANT_ID } : {}),
      ...certificateOf(config, readFile),
    },
    authEnabled: Boolean(appId),
    channels: {
      1: config.TEAMS_L1_CHANNEL_ID,
      2: config.TEAMS_L2_CHANNEL_ID,
      3: config.TEAMS_L3_CHANNEL_ID,
    },
    pings: { 1: config.TEAMS_L1_PING, 2: config.TEAMS_L2_PING, 3: config.TEAMS_L3_PING },
    agents: config.agentIds,
    ...(config.TEAMS_APP_TENANT_ID ? { tenantId: config.TEAMS_APP_TENANT_ID } : {}),
    admission: { serviceUrls, allowedTenants: allowedTenantsOf(config) },
    connector: {
      serviceUrls,
      timeoutMs: config.TEAMS_CONNECTOR_TIMEOUT_MS,
      concurrency: config.TEAMS_CONNECTOR_CONCURRENCY,
    },
    files: {
      timeoutMs: config.TEAMS_FILE_TIMEOUT_MS,
      locale: config.DEFAULT_LOCALE,
      timeZone: config.TIME_ZONE,
    },
  };
}

/**
 * A SingleTenant or managed-identity bot serves its own tenant; a MultiTenant one those of
 * TEAMS_ALLOWED_TENANTS (none listed: any). Without authentication anyone can claim any tenant, so
 * none is checked: the Emulator sends none.
 */
function allowedTenantsOf(config: Config): readonly string[] {
  if (!config.TEAMS_APP_ID) return [];
  if (config.TEAMS_APP_TYPE === 'MultiTenant') return config.TEAMS_ALLOWED_TENANTS;
  return config.TEAMS_APP_TENANT_ID ? [config.TEAMS_APP_TENANT_ID.toLowerCase()] : [];
}

function certificateOf(
  config: Config,
  readFile: (path: string) => string,
): Pick<BotCredentials, 'certificate'> {
  const thumbprint = config.TEAMS_APP_CERT_THUMBPRINT;
  const keyFile = config.TEAMS_APP_CERT_KEY_FILE;
  if (!thumbprint || !keyFile) return {};
  let privateKey: string;
  try {
    privateKey = readFile(keyFile);
  } catch (error) {
    throw new TeamsSetupError(
      `TEAMS_APP_CERT_KEY_FILE: cannot read ${keyFile} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
    throw new TeamsSetupError(
      `TEAMS_APP_CERT_KEY_FILE: ${keyFile} holds no PEM private key ("-----BEGIN PRIVATE KEY-----")`,
    );
  return { certificate: { thumbprint: thumbprint.toUpperCase(), privateKey, keyFile } };
}
