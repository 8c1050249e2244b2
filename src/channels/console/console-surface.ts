import { ObjectId, type Db, type Filter } from 'mongodb';
import { LapisError } from '../../core/errors';
import { COLLECTIONS } from '../../store/collections';
import type { OutboundMessage } from '../../core/messages';
import type { MessageRef, ThreadRef } from '../../core/people';
import type { ChatSurface } from '../../core/ports/chat-surface';
import type { Level } from '../../core/ticket';
import {
  conversationOfDm,
  conversationOfMessage,
  conversationOfThread,
  levelConversation,
  type ConversationName,
} from './console-conversations';

/** The console's collection (its index is created with the store's others, see ensure-indexes). */
export const CONSOLE_MESSAGES = COLLECTIONS.consoleMessages;

/** Who typed a message in the console; absent on the bot's own messages. */
export interface ConsoleAuthor {
  readonly id: string;
  readonly name: string;
}

/** One stored console message: a root (no threadId) or a reply in the thread of a root. */
export interface ConsoleMessageDoc {
  _id: string;
  conversation: ConversationName;
  threadId?: string;
  message: OutboundMessage;
  at: Date;
  updatedAt: Date;
  /** Only this user sees the message. */
  ephemeralFor?: string;
  from?: ConsoleAuthor;
}

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
  }): Promise<MessageRef>;
}

/** Roots shown per conversation; older ones stay in the database. */
const MAX_ROOTS = 200;

/** The local console's chat surface: every message lives in `console_messages`, so it survives restarts. */
export function createConsoleSurface(db: Db): ChatSurface & ConsoleFeed {
  const messages = db.collection<ConsoleMessageDoc>(CONSOLE_MESSAGES);

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
    await messages.insertOne(doc);
    return { platform: 'console', channelId: doc.conversation, messageId: doc._id };
  }

  async function hasThread(conversation: ConversationName, threadId: string): Promise<boolean> {
    const root = await messages.findOne(
      { _id: threadId, conversation, threadId: { $exists: false } },
      { projection: { _id: 1 } },
    );
    return root !== null;
  }

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

    async replyInThread(thread, message) {
      const { conversation, threadId } = await requireThread(thread);
      return insert({ conversation, threadId, message: stored(message) });
    },

    async update(ref, message) {
      const { conversation, messageId } = conversationOfMessage(ref);
      const result = await messages.updateOne(
        { _id: messageId, conversation },
        { $set: { message: stored(message), updatedAt: new Date() } },
      );
      if (result.matchedCount === 0) {
        throw new LapisError('not_found', `no console message ${messageId} in ${conversation}`);
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
      const visible: Filter<ConsoleMessageDoc> = {
        $or: [{ ephemeralFor: { $exists: false } }, { ephemeralFor: viewer }],
      };
      const roots = await messages
        .find({ conversation, threadId: { $exists: false }, ...visible })
        .sort({ at: -1, _id: -1 })
        .limit(MAX_ROOTS)
        .toArray();
      roots.reverse();
      const replies = roots.length
        ? await messages
            .find({ conversation, threadId: { $in: roots.map((r) => r._id) }, ...visible })
            .sort({ at: 1, _id: 1 })
            .toArray()
        : [];
      return roots.map((root) =>
        toEntry(
          root,
          replies.filter((r) => r.threadId === root._id).map((r) => toEntry(r, [])),
        ),
      );
    },

    hasThread,

    async recordPost({ conversation, threadId, from, text }) {
      const message: OutboundMessage = {
        text,
        blocks: [{ kind: 'text', spans: [{ text, user: true }] }],
      };
      const author = { id: from.id, name: from.name };
      return threadId === undefined
        ? insert({ conversation, from: author, message })
        : insert({ conversation, threadId, from: author, message });
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
    replies,
  };
}
