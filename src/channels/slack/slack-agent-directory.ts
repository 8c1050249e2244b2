import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { SlackSettings } from './slack-settings';
import type { AgentDirectory } from '../../core/ports/agent-directory';
import { levelChannelsOf } from './slack-level-channels';
import { createTtlCache } from './ttl-cache';

/**
 * Slack agents of a level: the configured `L{n}_AGENT_IDS`, and (unless SLACK_AGENTS_FROM_CHANNELS
 * is off) the members of that level's own channel, from conversations.members cached for
 * SLACK_CACHE_SECONDS. A level without a channel of its own has only its configured agents.
 */
const membersPage = z.looseObject({
  members: z.array(z.string()),
  response_metadata: z.looseObject({ next_cursor: z.string().optional() }).optional(),
});

const MAX_PAGES = 50;

export function createSlackAgentDirectory(options: {
  client: webApi.WebClient;
  config: Pick<
    SlackSettings,
    | 'agentIds'
    | 'SLACK_L1_CHANNEL_ID'
    | 'SLACK_L2_CHANNEL_ID'
    | 'SLACK_L3_CHANNEL_ID'
    | 'SLACK_AGENTS_FROM_CHANNELS'
  >;
  ttlMs: number;
  botUserId: () => string | undefined;
  onError?: (error: unknown, channel: string) => void;
}): AgentDirectory & { clear(): void } {
  const { client, config } = options;
  const members = createTtlCache<ReadonlySet<string>>(options.ttlMs);
  const configured = config.agentIds;
  const channels = levelChannelsOf(config);

  async function fetchMembers(channel: string): Promise<ReadonlySet<string>> {
    const all = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = membersPage.parse(
        await client.conversations.members({ channel, limit: 200, ...(cursor && { cursor }) }),
      );
      for (const id of result.members) all.add(id);
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return all;
  }

  async function inChannel(userId: string, channel: string): Promise<boolean> {
    try {
      const set = await members.get(channel, () => fetchMembers(channel));
      return set.has(userId) && userId !== options.botUserId();
    } catch (error) {
      options.onError?.(error, channel);
      return false;
    }
  }

  return {
    async isAgent(user, level) {
      if (user.platform !== 'slack') return false;
      if (configured[level].includes(user.id)) return true;
      const channel = channels[level];
      if (!config.SLACK_AGENTS_FROM_CHANNELS || !channel) return false;
      return inChannel(user.id, channel);
    },
    clear: () => members.clear(),
  };
}
