import type { TeamsPingTarget } from './teams-settings';
import { LapisError } from '../../core/errors';
import { GiveUp } from '../../core/pipeline/work-runner';
import type { Locale } from '../../core/locale';
import type { OutboundMessage } from '../../core/messages';
import type { ConversationRef, MessageRef, ThreadRef, UserRef } from '../../core/people';
import { displayName } from '../../core/people';
import type { ChatSurface } from '../../core/ports/chat-surface';
import { channelOfLevel } from '../../core/level-channels';
import type { Level } from '../../core/ticket';
import { renderCardActivity } from './adaptive-card';
import type { CardActivity } from './card-types';
import { createTeamsFileFetcher } from './fetch-teams-file';
import { renderFileActivity, type FileLinks } from './file-card';
import type { ConversationTarget, TeamsConnector } from './teams-connector';
import type { ConversationStore, TeamsReference } from '../../core/ports/teams-references';
import { ServiceUrlRefused, type ServiceUrlPolicy } from './service-url-policy';
import { splitConversationId } from './teams-ids';

/**
 * The core's chat surface on Teams. Every message is an Adaptive Card, sent proactively with the
 * stored conversation reference's service URL: DMs go to the person's personal chat, a ticket card
 * starts a new thread in its level's channel (the card is the thread's root message), replies go into
 * that thread, and cards are updated in place.
 */
export interface TeamsSurfaceDeps {
  readonly connector: TeamsConnector;
  readonly store: ConversationStore;
  readonly channels: Readonly<Record<Level, string | undefined>>;
  readonly pings: Readonly<Record<Level, readonly TeamsPingTarget[]>>;
  /** The bot's home tenant (TEAMS_APP_TENANT_ID), where its level channels are. */
  readonly tenantId?: string;
  readonly files: {
    /** Which connectors may be sent the bot's token for a pasted image. */
    readonly serviceUrls: ServiceUrlPolicy;
    /** Deadline of one download (TEAMS_FILE_TIMEOUT_MS). */
    readonly timeoutMs: number;
    /** Links to the files Lapis serves; without them a file is named, not linked. */
    readonly links?: FileLinks;
    /** The words around a file whose caption names no language (DEFAULT_LOCALE), and TIME_ZONE. */
    readonly locale: Locale;
    readonly timeZone: string;
  };
}

export function createTeamsSurface(deps: TeamsSurfaceDeps): ChatSurface {
  const { store } = deps;
  const connector = refusalsAreFinal(deps.connector);
  const render = (message: OutboundMessage, addressTo?: UserRef) =>
    renderCardActivity(message, {
      pings: deps.pings,
      ...(addressTo ? { addressTo: { id: addressTo.id, name: displayName(addressTo) } } : {}),
    });

  const target = (ref: TeamsReference, conversationId: string): ConversationTarget => ({
    serviceUrl: ref.serviceUrl,
    conversationId,
    ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
    ...(ref.botId ? { botId: ref.botId } : {}),
  });

  /**
   * A personal chat by its conversation id, or by the person's id: someone Lapis has not heard from
   * in their own chat (the author of a message a ticket was made from) is named by their user id,
   * and reached once their chat with the bot is known.
   */
  async function personalTarget(conversationId: string): Promise<ConversationTarget> {
    const ref =
      (await store.find('personal', conversationId)) ?? (await store.personalOf(conversationId));
    if (!ref)
      throw new LapisError('not_found', `no Teams conversation reference for ${conversationId}`);
    return target(ref, ref.conversationId);
  }

  /**
   * A channel's (or one of its threads') target: its own reference, else the service URL of the bot's
   * own tenant. Never another tenant's: a message for this company's channel must not be handed to
   * a service URL some other tenant's activity brought.
   */
  async function channelTarget(conversationId: string): Promise<ConversationTarget> {
    const { channelId } = splitConversationId(conversationId);
    const ref =
      (await store.find('channel', channelId)) ??
      (deps.tenantId ? await store.tenant(deps.tenantId) : await store.tenant());
    if (!ref)
      throw new LapisError(
        'unavailable',
        'Teams has not contacted Lapis yet, so it knows no service URL: add the app to the team first',
      );
    return target(ref, conversationId);
  }

  /** A conversation the bot wrote in: a channel thread, or a personal chat. */
  const anyTarget = (conversationId: string) =>
    splitConversationId(conversationId).rootId || conversationId.startsWith('19:')
      ? channelTarget(conversationId)
      : personalTarget(conversationId);

  const levelChannel = (level: Level) =>
    channelOfLevel(deps.channels, level, 'TEAMS_L1_CHANNEL_ID');

  function requireTeams(platform: string, what: string): void {
    if (platform !== 'teams')
      throw new LapisError('invalid_input', `a ${platform} ${what} on Teams`);
  }

  async function postInThread(thread: ThreadRef, activity: CardActivity): Promise<MessageRef> {
    requireTeams(thread.platform, 'thread');
    const to = await channelTarget(thread.threadId);
    const messageId = await connector.send(to, activity);
    return { platform: 'teams' as const, channelId: thread.threadId, messageId };
  }

  async function postDirect(dm: ConversationRef, activity: CardActivity): Promise<MessageRef> {
    requireTeams(dm.platform, 'conversation');
    const messageId = await connector.send(await personalTarget(dm.id), activity);
    return { platform: 'teams', channelId: dm.id, messageId };
  }

  const reply = (thread: ThreadRef, message: OutboundMessage, addressTo?: UserRef) =>
    postInThread(thread, render(message, addressTo));
  const sendDirect = (dm: ConversationRef, message: OutboundMessage) =>
    postDirect(dm, render(message));

  return {
    sendDirect,
    fetchFile: createTeamsFileFetcher({
      connector,
      serviceUrls: deps.files.serviceUrls,
      timeoutMs: deps.files.timeoutMs,
    }),

    /**
     * Teams bots cannot upload into channels (and in personal chats only after the person accepts
     * a consent card), so a file goes as a message: its caption, the image, a link Lapis serves.
     */
    async sendFile(where, file, bytes, caption) {
      const activity = renderFileActivity(caption, file, bytes, deps.files.links?.linkTo(file.id), {
        pings: deps.pings,
        locale: caption.locale ?? deps.files.locale,
        timeZone: deps.files.timeZone,
      });
      return 'dm' in where ? postDirect(where.dm, activity) : postInThread(where.thread, activity);
    },

    async postCard(level, message) {
      const channelId = levelChannel(level);
      const created = await connector.createThread(await channelTarget(channelId), render(message));
      return {
        thread: { platform: 'teams', channelId, threadId: created.conversationId },
        card: {
          platform: 'teams',
          channelId: created.conversationId,
          messageId: created.activityId,
        },
      };
    },

    /** A new conversation in the channel, as a ticket card starts one (the lead's: the digest). */
    async postToChannel(channelId, message) {
      const created = await connector.createThread(await channelTarget(channelId), render(message));
      return {
        platform: 'teams' as const,
        channelId: created.conversationId,
        messageId: created.activityId,
      };
    },

    replyInThread: (thread, message) => reply(thread, message),

    async update(ref, message) {
      requireTeams(ref.platform, 'message');
      await connector.update(await anyTarget(ref.channelId), ref.messageId, render(message));
    },

    /**
     * Teams has no ephemeral messages in channels, so a private notice goes to the person's personal
     * chat with the bot, which only they see. Only for someone who has never opened that chat (Lapis
     * has no reference to it) does a notice about a thread become a reply there that @mentions them,
     * which everyone in the thread can read.
     */
    async sendEphemeral(user, where, message) {
      requireTeams(user.platform, 'user');
      if (where.dm) {
        await sendDirect(where.dm, message);
        return;
      }
      const personal = await store.personalOf(user.id);
      if (!personal && where.thread) {
        await reply(where.thread, message, user);
        return;
      }
      if (!personal) throw new LapisError('not_found', `no personal chat with ${user.id} on Teams`);
      await connector.send(target(personal, personal.conversationId), render(message));
    },
  };
}

/**
 * A target refused for its service URL is given up at once: trying again cannot change the stored
 * reference. Everything else (a timeout included) is thrown as it is, and the outbox tries again.
 */
function refusalsAreFinal(connector: TeamsConnector): TeamsConnector {
  const final = (error: unknown): never => {
    throw error instanceof ServiceUrlRefused ? new GiveUp(error.message) : error;
  };
  return {
    send: (target, activity) => connector.send(target, activity).catch(final),
    update: (target, activityId, activity) =>
      connector.update(target, activityId, activity).catch(final),
    createThread: (target, activity) => connector.createThread(target, activity).catch(final),
    authorization: (serviceUrl) => connector.authorization(serviceUrl),
  };
}
