import type { IncomingFile, KeptFile } from '../files';
import type { OutboundMessage } from '../messages';
import type { ConversationRef, MessageRef, ThreadRef, UserRef } from '../people';
import type { Level } from '../ticket';

/** What the core needs from a chat platform; each channel implements it. */
export interface ChatSurface {
  /** Sends a message into an employee's direct conversation. */
  sendDirect(dm: ConversationRef, message: OutboundMessage): Promise<MessageRef>;
  /** Posts a ticket card into a level's channel; the card becomes the root of the ticket's thread. */
  postCard(
    level: Level,
    message: OutboundMessage,
  ): Promise<{ thread: ThreadRef; card: MessageRef }>;
  replyInThread(thread: ThreadRef, message: OutboundMessage): Promise<MessageRef>;
  /**
   * Posts a new message (not a reply) into a channel named by its id on this platform: the lead's
   * channel, where the weekly digest goes. On Teams it starts a new conversation there, as a card does.
   */
  postToChannel(channelId: string, message: OutboundMessage): Promise<MessageRef>;
  /** Replaces a message the bot sent (a ticket card as the ticket changes). */
  update(ref: MessageRef, message: OutboundMessage): Promise<void>;
  /**
   * A message only `user` sees (refusals, confirmations): in Slack an ephemeral message in the
   * thread or DM; in Teams, which has no such thing in channels, their personal chat with the bot
   * (a reply @mentioning them in the thread only when Lapis knows no personal chat of theirs).
   */
  sendEphemeral(
    user: UserRef,
    where: { thread?: ThreadRef; dm?: ConversationRef },
    message: OutboundMessage,
  ): Promise<void>;
  /**
   * The bytes of a file a person sent on this platform, at most `maxBytes`. Throws FileRefused when
   * it will never be had (too large, empty, the platform refuses the bot: 403); anything else thrown
   * is retried.
   */
  fetchFile(file: IncomingFile, maxBytes: number): Promise<Uint8Array>;
  /**
   * Sends a kept file into an employee's DM or a ticket's thread, under `caption` (who sent it):
   * uploaded where the platform takes uploads from bots, else shown as a link Lapis serves.
   */
  sendFile(
    where: { readonly dm: ConversationRef } | { readonly thread: ThreadRef },
    file: KeptFile,
    bytes: Uint8Array,
    caption: OutboundMessage,
  ): Promise<MessageRef>;
}
