import type { webApi } from '@slack/bolt';
import type { SlackSettings } from './slack-settings';
import type { Helpdesk, TicketViews, Inbound } from '../../core/inbound';
import { IntakeRefused } from '../../core/pipeline/intake';
import type { ConversationRef } from '../../core/people';
import type { AgentDirectory } from '../../core/ports/agent-directory';
import type { ChatSurface } from '../../core/ports/chat-surface';
import { workIdFor } from '../../core/pipeline/queued-work';
import type { Logger } from '../../logging/logger';
import { createSlackAgentDirectory } from './slack-agent-directory';
import { levelChannelIds } from './slack-level-channels';
import type { BotIdentity } from './slack-client';
import { createSlackPeople, type SlackPeople } from './slack-people';
import { levelPings } from './slack-pings';
import { createSlackSurface } from './slack-surface';

/** What the Slack listeners share: the core's intake (once attached) and Slack lookups. */
export interface SlackRuntime {
  /** The languages the listeners need; the tokens and secrets stay where the clients are built. */
  readonly config: Pick<SlackSettings, 'DEFAULT_LOCALE' | 'AGENT_LOCALE'> & {
    /** The reaction that makes a ticket of a message (TICKET_REACTION). */
    readonly TICKET_REACTION: string;
  };
  readonly client: webApi.WebClient;
  readonly people: SlackPeople;
  readonly agents: AgentDirectory & { clear(): void };
  readonly surface: ChatSurface;
  /** The core's ticket views (App Home), once attached. */
  tickets(): TicketViews | undefined;
  readonly log: Logger;
  /** The L1/L2/L3 channels: thread replies there are ticket conversations. */
  readonly levelChannels: ReadonlySet<string>;
  /**
   * Records an event in the core's inbox; throws (a 5xx for Slack) until `attach`, while stopped
   * and when it fails.
   */
  accept(event: Inbound): Promise<void>;
  /** True the first time this delivery id is seen (a press that opens a modal). */
  firstSeen(deliveryId: string): Promise<boolean>;
  botUserId(): string | undefined;
}

/**
 * The employee's DM for an interaction: the DM itself when the press came from one, nothing in a
 * level channel (refusals go to the ticket's thread there), else their DM with the bot, by user id.
 */
export function dmOf(
  rt: Pick<SlackRuntime, 'levelChannels'>,
  channelId: string | undefined,
  userId: string,
): ConversationRef | undefined {
  if (channelId?.startsWith('D')) return { platform: 'slack', id: channelId };
  if (channelId && rt.levelChannels.has(channelId)) return undefined;
  return { platform: 'slack', id: userId };
}

/**
 * Wires the Slack lookups, the surface and the work runner; `attach` connects the core later, and
 * `refuseEvents` closes (or reopens) the intake when the channel stops (or starts again).
 */
export function createSlackRuntime(options: {
  config: SlackSettings;
  log: Logger;
  client: webApi.WebClient;
  identity: BotIdentity;
}): SlackRuntime & { attach(helpdesk: Helpdesk): void; refuseEvents(refuse: boolean): void } {
  const { config, log, client } = options;
  const ttlMs = config.SLACK_CACHE_SECONDS * 1000;
  const people = createSlackPeople(client, {
    ttlMs: Math.max(ttlMs, 60_000),
    onError: (err, userId) => log.warn({ err, userId }, 'users.info failed; using the user id'),
  });
  const agents = createSlackAgentDirectory({
    client,
    config,
    ttlMs,
    botUserId: options.identity.userId,
    onError: (err, channel) => log.warn({ err, channel }, 'conversations.members failed'),
  });
  let helpdesk: Helpdesk | undefined;
  let refusing = false;
  const intake = (): Helpdesk => {
    // 503 with Retry-After (slack-error-response.ts): Slack delivers it again, maybe elsewhere.
    if (refusing) throw new IntakeRefused('stopping', 'the Slack channel is stopped');
    if (!helpdesk) throw new Error('the Slack channel is not attached to the helpdesk yet');
    return helpdesk;
  };
  return {
    config: {
      DEFAULT_LOCALE: config.DEFAULT_LOCALE,
      AGENT_LOCALE: config.AGENT_LOCALE,
      TICKET_REACTION: config.TICKET_REACTION ?? 'ticket',
    },
    client,
    people,
    agents,
    surface: createSlackSurface({ client, config, pings: levelPings(config), people }),
    tickets: () => helpdesk?.views,
    log,
    levelChannels: levelChannelIds(config),
    async accept(event) {
      await intake().accept(event);
    },
    firstSeen: (deliveryId) => intake().firstSeen(workIdFor('slack', deliveryId)),
    botUserId: options.identity.userId,
    attach: (core) => void (helpdesk = core),
    refuseEvents: (refuse) => void (refusing = refuse),
  };
}
