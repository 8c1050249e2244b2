import { ChannelSetupError } from '../../core/ports/channel';
import type { Locale } from '../../core/locale';
import type { Level } from '../../core/ticket';
import type { AdmissionRules } from './activity-admission';
import type { BotCredentials, TeamsSdk } from './bot-host';
import type { ConnectorOptions } from './teams-connector';

/**
 * What the Teams channel is given: its own settings, resolved once at start-up from the environment
 * (src/config/channel-settings.ts), nothing else of the configuration.
 */
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
  /** Files passed on: a download's deadline, the words and time zone of their messages. */
  readonly files: {
    readonly timeoutMs: number;
    readonly locale: Locale;
    readonly timeZone: string;
  };
}

export class TeamsSetupError extends ChannelSetupError {
  readonly code = 'teams_setup';
  constructor(message: string) {
    super(message);
    this.name = 'TeamsSetupError';
  }
}

export interface TeamsPingTarget {
  /** AAD object id, user principal name (or Teams user id); a tag's id for `kind: 'tag'`. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'person' | 'tag';
}
