import type { FileMention } from '../files';
import type { OutboundMessage } from '../messages';
import type { Level } from '../ticket';

/**
 * A console conversation: an employee's DM with the bot, a level's agents' channel, or the
 * service-desk lead's channel (the weekly digest).
 */
export type ConversationName = `dm:${string}` | `level:${Level}` | 'lead';

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
  /** Files shown with the message (a person's uploads, a file the bot sent on). */
  files?: FileMention[];
}

/**
 * The local console's storage (a port, so the store implements it without knowing the channel).
 * Where the console keeps its messages, so they survive restarts (MongoDB:
 * src/store/mongo-console-messages.ts, wired by main). Reads leave out others' ephemerals.
 */
export interface ConsoleMessages {
  insert(doc: ConsoleMessageDoc): Promise<void>;
  /** Whether `threadId` is a root message of the conversation. */
  isRoot(conversation: ConversationName, threadId: string): Promise<boolean>;
  /**
   * Replaces the content of a message the bot sent to everyone in the conversation; false when there
   * is none such (no message by that id, or one a person typed, or an ephemeral).
   */
  update(
    conversation: ConversationName,
    messageId: string,
    message: OutboundMessage,
    at: Date,
  ): Promise<boolean>;
  /** The newest `limit` roots, newest first. */
  roots(
    conversation: ConversationName,
    viewer: string,
    limit: number,
  ): Promise<ConsoleMessageDoc[]>;
  /** Replies in these roots' threads, oldest first. */
  replies(
    conversation: ConversationName,
    rootIds: readonly string[],
    viewer: string,
  ): Promise<ConsoleMessageDoc[]>;
}
