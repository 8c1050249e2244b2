import type { webApi } from '@slack/bolt';
import { z } from 'zod';

/**
 * A message someone reacted to, read from Slack: conversations.history (latest = its ts, inclusive,
 * one message) finds a channel's message; a reply in a thread is not in the history, so
 * conversations.replies finds it; chat.getPermalink gives its link. A message the bot may not read
 * (it is not in the channel, the channel is gone or private to it, a scope is missing) is said so,
 * not thrown: nothing is opened and the person who reacted is told why. Any other failure is
 * thrown, and the event is tried again.
 */
export type ReadMessage =
  | {
      readonly kind: 'read';
      readonly text: string;
      readonly userId: string | undefined;
      /** A bot's message (an integration's, or Lapis's own). */
      readonly fromBot: boolean;
      readonly link: string | undefined;
    }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Slack's answers that mean "never", for this bot and this message. */
const UNREADABLE = new Set([
  'not_in_channel',
  'channel_not_found',
  'missing_scope',
  'not_allowed_token_type',
  'thread_not_found',
  'message_not_found',
]);

const message = z.looseObject({
  ts: z.string(),
  text: z.string().max(40_000).optional(),
  user: z.string().optional(),
  bot_id: z.string().nullish(),
  subtype: z.string().optional(),
});
const messages = z.looseObject({ messages: z.array(message).max(1000).default([]) });
const permalink = z.looseObject({ permalink: z.url({ protocol: /^https?$/ }).max(2000) });

function slackError(error: unknown): string | undefined {
  const parsed = z.looseObject({ data: z.looseObject({ error: z.string() }) }).safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
}

export function createSlackMessageReader(client: webApi.WebClient) {
  async function find(channel: string, ts: string) {
    const window = { channel, latest: ts, inclusive: true, limit: 1 };
    const history = messages.parse(await client.conversations.history(window));
    const top = history.messages.find((m) => m.ts === ts);
    if (top) return top;
    const replies = messages.parse(await client.conversations.replies({ ...window, ts }));
    return replies.messages.find((m) => m.ts === ts);
  }

  async function linkOf(channel: string, ts: string): Promise<string | undefined> {
    try {
      return permalink.parse(await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
    } catch (error) {
      const code = slackError(error);
      if (code && UNREADABLE.has(code)) return undefined;
      throw error;
    }
  }

  return {
    async read(channel: string, ts: string): Promise<ReadMessage> {
      try {
        const found = await find(channel, ts);
        if (!found) return { kind: 'unreadable', reason: 'message_not_found' };
        return {
          kind: 'read',
          text: found.text ?? '',
          userId: found.user,
          fromBot: !!found.bot_id || found.subtype === 'bot_message',
          link: await linkOf(channel, ts),
        };
      } catch (error) {
        const code = slackError(error);
        if (code && UNREADABLE.has(code)) return { kind: 'unreadable', reason: code };
        throw error;
      }
    },
    /** Whether a user is a bot (users.info); unknown users are taken as people. */
    async isBot(userId: string): Promise<boolean> {
      const info = z
        .looseObject({ user: z.looseObject({ is_bot: z.boolean().optional() }).optional() })
        .safeParse(await client.users.info({ user: userId }).catch(() => ({})));
      return info.success && info.data.user?.is_bot === true;
    },
  };
}

export type SlackMessageReader = ReturnType<typeof createSlackMessageReader>;
