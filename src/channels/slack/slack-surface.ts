import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { isLapisError, LapisError } from '../../core/errors';
import { GiveUp } from '../../core/pipeline/work-runner';
import type { OutboundMessage } from '../../core/messages';
import type { MessageRef } from '../../core/people';
import type { ChatSurface } from '../../core/ports/chat-surface';
import { renderMessage } from './slack-blocks';
import { createSlackFileFetch } from './slack-file-fetch';
import { createFileInfo } from './slack-file-info';
import { createSlackFileUpload } from './slack-file-upload';
import { finalSlackRefusal } from './slack-refusal';
import { channelOfLevel, type LevelChannelConfig } from './slack-level-channels';
import type { SlackPeople } from './slack-people';
import type { LevelPings } from './slack-pings';

/**
 * The core's chat surface on Slack's Web API: DMs and thread replies are chat.postMessage, card
 * updates chat.update, private notes chat.postEphemeral. A ticket's thread is its card's `ts` in
 * the level's channel. Link previews are off, so a relayed link never unfurls someone's page.
 * Files come from Slack's file hosts with the bot token (slack-file-fetch.ts) and go out with the
 * external upload (slack-file-upload.ts).
 */
const posted = z.looseObject({
  channel: z.string().regex(/^[CGD][A-Z0-9]{2,}$/),
  ts: z.string().regex(/^\d{1,12}\.\d{1,9}$/),
});

/** Kept here too for callers that know it from the surface. */
export { channelOfLevel };

export function createSlackSurface(options: {
  client: webApi.WebClient;
  config: LevelChannelConfig;
  pings: LevelPings;
  people: SlackPeople;
  /** Test knobs: the download and upload deadlines. */
  fileDeadlineMs?: number;
}): ChatSurface {
  const { client, people } = options;
  const render = (message: OutboundMessage) => renderMessage(message, options.pings);
  const deadline = options.fileDeadlineMs !== undefined && { deadlineMs: options.fileDeadlineMs };
  const fetchFile = createSlackFileFetch({
    token: client.token ?? '',
    apiUrl: client.slackApiUrl,
    fileInfo: createFileInfo(client),
    ...deadline,
  });
  const upload = createSlackFileUpload(client, { apiUrl: client.slackApiUrl, ...deadline });

  async function post(channel: string, message: OutboundMessage, threadTs?: string) {
    const result = posted.parse(
      await client.chat.postMessage({
        channel,
        ...render(message),
        ...(threadTs && { thread_ts: threadTs }),
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    return { platform: 'slack' as const, channelId: result.channel, messageId: result.ts };
  }

  function requireSlack(platform: string, what: string): void {
    if (platform !== 'slack')
      throw new LapisError('invalid_input', `a ${platform} ${what} on Slack`);
  }

  return refusalsAreFinal({
    fetchFile,

    async sendFile(where, file, bytes, caption) {
      if ('dm' in where) {
        requireSlack(where.dm.platform, 'conversation');
        return upload({ channelId: await people.dmChannel(where.dm.id) }, file, bytes, caption);
      }
      requireSlack(where.thread.platform, 'thread');
      const { channelId, threadId } = where.thread;
      return upload({ channelId, threadTs: threadId }, file, bytes, caption);
    },

    async sendDirect(dm, message) {
      requireSlack(dm.platform, 'conversation');
      return post(await people.dmChannel(dm.id), message);
    },

    async postCard(level, message) {
      const card = await post(channelOfLevel(options.config, level), message);
      return {
        thread: { platform: 'slack', channelId: card.channelId, threadId: card.messageId },
        card,
      };
    },

    postToChannel: (channelId, message) => post(channelId, message),

    async replyInThread(thread, message): Promise<MessageRef> {
      requireSlack(thread.platform, 'thread');
      return post(thread.channelId, message, thread.threadId);
    },

    async update(ref, message) {
      requireSlack(ref.platform, 'message');
      await client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...render(message) });
    },

    async sendEphemeral(user, where, message) {
      requireSlack(user.platform, 'user');
      const thread = where.thread;
      if (thread) requireSlack(thread.platform, 'thread');
      if (!thread && !where.dm)
        throw new LapisError('invalid_input', 'an ephemeral message needs a thread or a dm');
      const channel = thread ? thread.channelId : await people.dmChannel(where.dm?.id ?? user.id);
      await client.chat.postEphemeral({
        channel,
        user: user.id,
        ...render(message),
        ...(thread && { thread_ts: thread.threadId }),
      });
    },
  });
}

/**
 * A call Slack refused for good (an unknown user, an archived channel, blocks it will not take) is
 * given up at once with that reason, instead of being retried for minutes by the outbox.
 */
function refusalsAreFinal(surface: ChatSurface): ChatSurface {
  const finalOrNot = (error: unknown): never => {
    const code = finalSlackRefusal(error);
    if (code) throw new GiveUp(`Slack refused the call: ${code}`);
    if (isLapisError(error, 'invalid_input')) throw new GiveUp(error.message);
    throw error;
  };
  return {
    sendDirect: (dm, message) => surface.sendDirect(dm, message).catch(finalOrNot),
    postCard: (level, message) => surface.postCard(level, message).catch(finalOrNot),
    replyInThread: (thread, message) => surface.replyInThread(thread, message).catch(finalOrNot),
    postToChannel: (channelId, message) =>
      surface.postToChannel(channelId, message).catch(finalOrNot),
    update: (ref, message) => surface.update(ref, message).catch(finalOrNot),
    sendEphemeral: (user, where, message) =>
      surface.sendEphemeral(user, where, message).catch(finalOrNot),
    fetchFile: (file, maxBytes) => surface.fetchFile(file, maxBytes),
    sendFile: (where, file, bytes, caption) =>
      surface.sendFile(where, file, bytes, caption).catch(finalOrNot),
  };
}
