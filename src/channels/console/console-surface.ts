import { GiveUp } from '../../core/pipeline/work-runner';
import { FileRefused, type FileMention } from '../../core/files';
import type { FileStore } from '../../core/ports/file-store';
import { ObjectId } from 'mongodb';
import { LapisError } from '../../core/errors';
import type { OutboundMessage } from '../../core/messages';
import type { MessageRef, ThreadRef } from '../../core/people';
import type { ChatSurface } from '../../core/ports/chat-surface';
import type { Level } from '../../core/ticket';
import {
  conversationOfChannel,
  conversationOfDm,
  conversationOfMessage,
  conversationOfThread,
  levelConversation,
} from './console-conversations';
import type {
  ConsoleAuthor,
  ConsoleMessageDoc,
  ConsoleMessages,
  ConversationName,
} from '../../core/ports/console-messages';

export type { ConsoleAuthor, ConsoleMessageDoc } from '../../core/ports/console-messages';

export interface ConsoleFeedEntry {
  readonly id: string;
  readonly conversation: ConversationName;
  readonly threadId?: string;
  readonly message: OutboundMessage;
  readonly at: Date;
  readonly updatedAt: Date;
  /** Shown to the viewer alone ("only you can see this"). */
  readonly ephemeral: boolean;
  readonly from?: ConsoleAuthor;
  /** Files shown with it (GET /api/files/:id). */
  readonly files?: readonly FileMention[];
  /** Replies in this message's thread, oldest first. */
  readonly replies: readonly ConsoleFeedEntry[];
}

/** What the console's web server needs besides the core: reading conversations, recording posts. */
export interface ConsoleFeed {
  /** A conversation's messages with their replies nested, oldest first, without others' ephemerals. */
  read(conversation: ConversationName, viewer: string): Promise<ConsoleFeedEntry[]>;
  hasThread(conversation: ConversationName, threadId: string): Promise<boolean>;
  /** Stores what a person typed, so it shows in the conversation as in any chat client. */
  recordPost(post: {
    conversation: ConversationName;
    threadId?: string;
    from: ConsoleAuthor;
    text: string;
    files?: readonly FileMention[];
  }): Promise<MessageRef>;
}

/** Roots shown per conversation; older ones stay in the database. */
const MAX_ROOTS = 200;

/**
 * The local console's chat surface: every message is stored (ConsoleMessages), so it survives
 * restarts. Files are read from and shown out of `files` (the uploads and the files Lapis keeps);
 * without it, files are refused.
 */
export function createConsoleSurface(
  messages: ConsoleMessages,
  files?: FileStore,
): ChatSurface & ConsoleFeed {
  async function insert(
    fields: Omit<ConsoleMessageDoc, '_id' | 'at' | 'updatedAt'>,
  ): Promise<MessageRef> {
    const now = new Date();
    const doc: ConsoleMessageDoc = {
      _id: new ObjectId().toHexString(),
      ...fields,
      at: now,
      updatedAt: now,
    };
    await messages.insert(doc);
    return { platform: 'console', channelId: doc.conversation, messageId: doc._id };
  }

  const hasThread = (conversation: ConversationName, threadId: string): Promise<boolean> =>
    messages.isRoot(conversation, threadId);

  async function requireThread(thread: ThreadRef) {
    const target = conversationOfThread(thread);
    if (!(await hasThread(target.conversation, target.threadId))) {
      throw new LapisError(
        'not_found',
        `no console thread ${target.threadId} in ${target.conversation}`,
      );
    }
    return target;
  }

  return {
    /** An upload (`source` its id), read back from the store it was put in. */
    async fetchFile(file, maxBytes) {
      if (!files) throw new FileRefused('unreadable', 'this console keeps no files');
      const upload = await files.get(file.source);
      if (!upload) throw new FileRefused('forbidden', `no upload ${file.source}`);
      if (upload.size > maxBytes) throw new FileRefused('too_large', 'larger than allowed');
      const bytes = await files.read(file.source);
      if (!bytes) throw new FileRefused('forbidden', `no upload ${file.source}`);
      return bytes;
    },

    /** The caption, with the kept file shown under it (the page fetches it from /api/files). */
    async sendFile(where, file, _bytes, caption) {
      if (!files) throw new GiveUp('this console keeps no files');
      const shown: FileMention[] = [
        { id: file.id, name: file.name, mimeType: file.mimeType, size: file.size },
      ];
      if ('dm' in where)
        return insert({
          conversation: conversationOfDm(where.dm),
          message: stored(caption),
          files: shown,
        });
      const { conversation, threadId } = await requireThread(where.thread);
      return insert({ conversation, threadId, message: stored(caption), files: shown });
    },
    async sendDirect(dm, message) {
      return insert({ conversation: conversationOfDm(dm), message: stored(message) });
    },

    async postCard(level: Level, message) {
      const card = await insert({
        conversation: levelConversation(level),
        message: stored(message),
      });
      return {
        thread: { platform: 'console', channelId: card.channelId, threadId: card.messageId },
        card,
      };
    },

    async postToChannel(channelId, message) {
      return insert({ conversation: conversationOfChannel(channelId), message: stored(message) });
    },

    async replyInThread(thread, message) {
      const { conversation, threadId } = await requireThread(thread);
      return insert({ conversation, threadId, message: stored(message) });
    },

    async update(ref, message) {
      const { conversation, messageId } = conversationOfMessage(ref);
      const found = await messages.update(conversation, messageId, stored(message), new Date());
      if (!found) {
        throw new LapisError(
          'not_found',
          `no bot message ${messageId} to update in ${conversation}`,
        );
      }
    },

    /** Stored with `ephemeralFor`: `read` shows it to that user alone. */
    async sendEphemeral(user, where, message) {
      if (user.platform !== 'console') {
        throw new LapisError('invalid_input', `an ephemeral for a ${user.platform} user`);
      }
      const ephemeralFor = user.id;
      if (where.thread) {
        const { conversation, threadId } = await requireThread(where.thread);
        await insert({ conversation, threadId, ephemeralFor, message: stored(message) });
      } else if (where.dm) {
        await insert({
          conversation: conversationOfDm(where.dm),
          ephemeralFor,
          message: stored(message),
        });
      } else {
        throw new LapisError('invalid_input', 'an ephemeral message needs a thread or a dm');
      }
    },

    async read(conversation, viewer) {
      const roots = (await messages.roots(conversation, viewer, MAX_ROOTS)).reverse();
      const replies = await messages.replies(
        conversation,
        roots.map((r) => r._id),
        viewer,
      );
      return roots.map((root) =>
        toEntry(
          root,
          replies.filter((r) => r.threadId === root._id).map((r) => toEntry(r, [])),
        ),
      );
    },

    hasThread,

    async recordPost({ conversation, threadId, from, text, files: sent }) {
      const message: OutboundMessage = {
        text,
        blocks: text ? [{ kind: 'text', spans: [{ text, user: true }] }] : [],
      };
      const author = { id: from.id, name: from.name };
      const attached = sent?.length ? { files: sent.map((f) => ({ ...f })) } : {};
      return threadId === undefined
        ? insert({ conversation, from: author, message, ...attached })
        : insert({ conversation, threadId, from: author, message, ...attached });
    },
  };
}

/** A plain-data copy: no undefined fields (the driver would store them as null), no shared references. */
function stored(message: OutboundMessage): OutboundMessage {
  return JSON.parse(JSON.stringify(message)) as OutboundMessage;
}

function toEntry(doc: ConsoleMessageDoc, replies: ConsoleFeedEntry[]): ConsoleFeedEntry {
  return {
    id: doc._id,
    conversation: doc.conversation,
    ...(doc.threadId !== undefined && { threadId: doc.threadId }),
    message: doc.message,
    at: doc.at,
    updatedAt: doc.updatedAt,
    ephemeral: doc.ephemeralFor !== undefined,
    ...(doc.from && { from: { id: doc.from.id, name: doc.from.name } }),
    ...(doc.files?.length ? { files: doc.files } : {}),
    replies,
  };
}
