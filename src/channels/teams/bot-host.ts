import type { ConnectorOptions, TeamsConnector } from './teams-connector';

/**
 * The one part of the Teams channel that depends on the SDK underneath (TEAMS_SDK): authenticating an
 * inbound request and running its turn, and the outbound connector. Two implementations, with the
 * same guarantees: botbuilder-host.ts (botbuilder 4.23.3) and agents-host.ts (the Microsoft 365
 * Agents SDK). Everything else (the request guard, parsing, admission, the surface, the stored
 * conversation references) is shared and knows only this interface.
 */
/** The SDK under the Teams channel: botbuilder 4.23.3, or its successor, the Microsoft 365 Agents SDK. */
export const TEAMS_SDK_NAMES = ['botbuilder', 'agents'] as const;
export type TeamsSdk = (typeof TEAMS_SDK_NAMES)[number];

export interface TeamsBotHost {
  readonly authEnabled: boolean;
  /**
   * Validates the request's token for `activity` (signature, issuer, audience, expiry, and that it
   * was issued for the activity's service URL); rejects when it is not a valid Bot Framework call.
   */
  authenticate(
    activity: Readonly<Record<string, unknown>>,
    authHeader: string,
  ): Promise<AuthenticatedTurn>;
  readonly connector: TeamsConnector;
}

export interface AuthenticatedTurn {
  /** Runs `turn` as the SDK's turn for the activity; its result or error is passed through. */
  run<T>(turn: () => Promise<T>): Promise<T>;
}

/** The bot's identity, from TEAMS_APP_* (the same variables for both SDKs). */
export interface BotCredentials {
  readonly appId?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly password?: string;
  readonly tenantId?: string;
  readonly certificate?: {
    readonly thumbprint: string;
    /** The PEM text of TEAMS_APP_CERT_KEY_FILE. */
    readonly privateKey: string;
    /** TEAMS_APP_CERT_KEY_FILE itself: the Agents SDK reads the file. */
    readonly keyFile: string;
  };
}

/**
 * Where inbound tokens' signing keys are published. The defaults are the public cloud's; tests
 * point them at a loopback server (and a sovereign cloud would set its own). Each SDK reads its own:
 * botbuilder the OpenID metadata URLs, the Agents SDK the Entra authority.
 */
export interface AuthEndpoints {
  readonly openIdMetadataUrl?: string;
  readonly emulatorOpenIdMetadataUrl?: string;
  /**
   * Agents SDK: the authority (`https://login.microsoftonline.com/<tenant>`) whose keys
   * (`<authority>/discovery/v2.0/keys`) sign tokens that do not come from api.botframework.com (the
   * SDK takes that issuer's keys from login.botframework.com, which no setting moves), and from
   * which the bot gets its own tokens.
   */
  readonly authority?: string;
}

export interface BotHostOptions {
  readonly credentials: BotCredentials;
  readonly endpoints?: AuthEndpoints;
  readonly connector: ConnectorOptions;
}
