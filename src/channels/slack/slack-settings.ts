import type { Locale } from '../../core/locale';
import type { Level } from '../../core/ticket';

/**
 * What the Slack channel is given: its own variables, parsed and checked with the rest of the
 * environment (src/config/config.ts; src/config/channel-settings.ts picks them), and nothing else.
 */
export interface SlackSettings {
  readonly SLACK_BOT_TOKEN: string;
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
  readonly SLACK_SOCKET_MODE: boolean;
  readonly SLACK_API_URL: string;
  readonly SLACK_L1_CHANNEL_ID?: string | undefined;
  readonly SLACK_L2_CHANNEL_ID?: string | undefined;
  readonly SLACK_L3_CHANNEL_ID?: string | undefined;
  /** User group (S...) or user (U...) ids pinged when a ticket reaches the level. */
  readonly SLACK_L1_PING: readonly string[];
  readonly SLACK_L2_PING: readonly string[];
  readonly SLACK_L3_PING: readonly string[];
  readonly SLACK_AGENTS_FROM_CHANNELS: boolean;
  readonly SLACK_CACHE_SECONDS: number;
  /** The reaction that makes a ticket of a message for its author; `ticket` when not given. */
  readonly TICKET_REACTION?: string | undefined;
  readonly DEFAULT_LOCALE: Locale;
  readonly AGENT_LOCALE: Locale;
  /** L1_AGENT_IDS..L3_AGENT_IDS by level. */
  readonly agentIds: Readonly<Record<Level, readonly string[]>>;
}
