import { readFileSync } from 'node:fs';
import type { Config } from '../../config/config';
import { ChannelSetupError } from '../../core/ports/channel';
import type { TeamsPingTarget } from '../../config/teams';
import { isLoopbackAddress } from '../../util/loopback';
import type { Level } from '../../core/ticket';
import type { AdmissionRules } from './activity-admission';
import type { BotCredentials, TeamsSdk } from './bot-host';
import type { ConnectorOptions } from './teams-connector';

/** What the Teams channel takes from the configuration, resolved once at start-up. */
export interface TeamsSettings {
  /** The SDK underneath (TEAMS_SDK): botbuilder-host.ts or agents-host.ts. */
  readonly sdk: TeamsSdk;
  readonly credentials: BotCredentials;
  /** Off only without TEAMS_APP_ID: local use with the Bot Framework Emulator. */
  readonly authEnabled: boolean;
  readonly channels: Readonly<Record<Level, string | undefined>>;
  readonly pings: Readonly<Record<Level, readonly TeamsPingTarget[]>>;
  readonly agents: Readonly<Record<Level, readonly string[]>>;
  readonly tenantId?: string;
  /** Which activities are taken: their service URL and tenant. */
  readonly admission: AdmissionRules;
  /** Deadline, concurrency and service URLs of outgoing connector calls. */
  readonly connector: Omit<ConnectorOptions, 'retry'>;
}

export class TeamsSetupError extends ChannelSetupError {
  readonly code = 'teams_setup';
  constructor(message: string) {
    super(message);
    this.name = 'TeamsSetupError';
  }
}

export function teamsSettings(
  config: Config,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): TeamsSettings {
  const appId = config.TEAMS_APP_ID;
  if (!appId && !isLoopbackAddress(config.HOST))
    throw new TeamsSetupError(
      `The Teams endpoint has no authentication without TEAMS_APP_ID (it would accept anyone as anyone), ` +
        `so it only runs on loopback for the Bot Framework Emulator; HOST=${config.HOST} is not loopback. ` +
        `Set TEAMS_APP_ID (and its secret, certificate or managed identity) or HOST=127.0.0.1.`,
    );
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
