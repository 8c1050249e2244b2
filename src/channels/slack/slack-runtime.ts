import type { webApi } from '@slack/bolt';
import type { Config } from '../../config';
import type { Helpdesk } from '../../core/inbound';
import type { ConversationRef } from '../../core/people';
import type { AgentDirectory } from '../../core/ports/agent-directory';
import type { ChatSurface } from '../../core/ports/chat-surface';
import type { Logger } from '../../logger';
import { createWorkRunner, DEFAULT_ACK_BUDGET_MS, type WorkRunner } from './slack-ack';
import { createSlackAgentDirectory } from './slack-agent-directory';
import type { BotIdentity } from './slack-client';
import type { TicketReader } from './slack-home';
import { createSlackPeople, type SlackPeople } from './slack-people';
import { levelPings } from './slack-pings';
import { createSlackSurface } from './slack-surface';

/** What the Slack listeners share: the core (once attached), Slack lookups and the work runner. */
export interface SlackRuntime {
  readonly config: Config;
  readonly client: webApi.WebClient;
  readonly people: SlackPeople;
  readonly agents: AgentDirectory & { clear(): void };
  readonly surface: ChatSurface;
  readonly tickets: TicketReader | undefined;
  readonly runner: WorkRunner;
  readonly log: Logger;
  /** The L1/L2/L3 channels: thread replies there are ticket conversations. */
  readonly levelChannels: ReadonlySet<string>;
  /** The core; throws until `attach` was called, so Slack retries what arrives before. */
  helpdesk(): Helpdesk;
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
 * Runs an interaction's work within the ack budget. Slack does not retry interactions, so a failure
 * is logged (the core has already told the person what it could) instead of becoming an error reply.
 */
export async function runLogged(
  rt: Pick<SlackRuntime, 'runner' | 'log'>,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  await rt.runner
    .within(work)
    .catch((err: unknown) => rt.log.error({ err, what }, 'Slack interaction failed'));
}

/** Wires the Slack lookups, the surface and the work runner; `attach` connects the core later. */
export function createSlackRuntime(options: {
  config: Config;
  log: Logger;
  client: webApi.WebClient;
  identity: BotIdentity;
  tickets: TicketReader | undefined;
  ackBudgetMs: number | undefined;
}): SlackRuntime & { attach(helpdesk: Helpdesk): void } {
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
  const levels = [
    config.SLACK_L1_CHANNEL_ID,
    config.SLACK_L2_CHANNEL_ID,
    config.SLACK_L3_CHANNEL_ID,
  ];
  let helpdesk: Helpdesk | undefined;
  return {
    config,
    client,
    people,
    agents,
    surface: createSlackSurface({ client, config, pings: levelPings(config), people }),
    tickets: options.tickets,
    runner: createWorkRunner(options.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS, (err) =>
      log.error({ err }, 'Slack work failed after the request was acknowledged'),
    ),
    log,
    levelChannels: new Set(levels.filter((c): c is string => Boolean(c))),
    helpdesk: () => {
      if (!helpdesk) throw new Error('the Slack channel is not attached to the helpdesk yet');
      return helpdesk;
    },
    botUserId: options.identity.userId,
    attach: (core) => void (helpdesk = core),
  };
}
