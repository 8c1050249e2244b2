import type { OutboundMessage } from './messages';
import type { ConversationRef, MessageRef, Platform, ThreadRef, UserRef } from './people';
import type { Level } from './ticket';

/**
 * Everything the core makes happen on a chat platform, as data: each one becomes an outbox entry with
 * a deterministic key, so a retried step never sends twice what was already sent.
 */
export type Effect =
  | {
      readonly kind: 'direct';
      readonly dm: ConversationRef;
      readonly message: OutboundMessage;
      /** The ticket it is about, for the audit trail when it cannot be delivered. */
      readonly ticketId?: string;
    }
  | {
      readonly kind: 'ephemeral';
      readonly user: UserRef;
      readonly where: { readonly thread?: ThreadRef; readonly dm?: ConversationRef };
      readonly message: OutboundMessage;
    }
  /** The ticket's card at a level: posted when missing (the root of its thread), else updated. */
  | { readonly kind: 'card'; readonly ticketId: string; readonly level: Level }
  /** A reply in the ticket's thread at a level; waits until that card (and so the thread) exists. */
  | {
      readonly kind: 'thread';
      readonly ticketId: string;
      readonly level: Level;
      readonly message: OutboundMessage;
    }
  /**
   * A kept file sent into a DM or a ticket's thread at a level (that one waits for the card, as a
   * thread reply does), under `caption`.
   */
  | {
      readonly kind: 'file';
      readonly fileId: string;
      readonly to:
        { readonly dm: ConversationRef } | { readonly ticketId: string; readonly level: Level };
      readonly caption: OutboundMessage;
      readonly ticketId?: string;
    }
  /** A message whose button was used, replaced in place: what it said, no live buttons, what was chosen. */
  | { readonly kind: 'retire'; readonly ref: MessageRef; readonly message: OutboundMessage }
  /** A new message in a named channel of a platform (the lead's: the weekly digest). */
  | {
      readonly kind: 'channel_post';
      readonly platform: Platform;
      readonly channelId: string;
      readonly message: OutboundMessage;
    };

/** Effects of one destination are sent one at a time, in order. */
export function laneOfEffect(effect: Effect): string {
  switch (effect.kind) {
    case 'direct':
      return `dm:${effect.dm.platform}:${effect.dm.id}`;
    case 'ephemeral':
      return effect.where.thread
        ? `thread:${effect.where.thread.platform}:${effect.where.thread.threadId}`
        : `dm:${effect.user.platform}:${effect.where.dm?.id ?? effect.user.id}`;
    case 'card':
      return `card:${effect.ticketId}:${effect.level}`;
    case 'thread':
      return `ticket-thread:${effect.ticketId}:${effect.level}`;
    case 'file':
      return 'dm' in effect.to
        ? `dm:${effect.to.dm.platform}:${effect.to.dm.id}`
        : `ticket-thread:${effect.to.ticketId}:${effect.to.level}`;
    case 'retire':
      return `message:${effect.ref.platform}:${effect.ref.channelId}:${effect.ref.messageId}`;
    case 'channel_post':
      return `channel:${effect.platform}:${effect.channelId}`;
  }
}
