import type { OutboundMessage } from '../../src/core/messages';
import type { ChatSurface } from '../../src/core/ports/chat-surface';
import type {
  ConversationRef,
  MessageRef,
  Platform,
  ThreadRef,
  UserRef,
} from '../../src/core/people';
import type { Level } from '../../src/core/ticket';

export interface Recorded {
  readonly kind: 'direct' | 'card' | 'reply' | 'update' | 'ephemeral' | 'channel';
  readonly to: string;
  readonly message: OutboundMessage;
  readonly ref?: string;
  /** Updates: the conversation of the message updated (`to` is its id). */
  readonly channel?: string;
}

/** A ChatSurface that records what the core sent, for unit tests of the core. */
export function createRecordingSurface(platform: Platform = 'console') {
  const sent: Recorded[] = [];
  let failDirect = 0;
  let failCard = 0;
  let n = 0;
  const id = () => `m${++n}`;
  const surface: ChatSurface = {
    sendDirect(dm: ConversationRef, message: OutboundMessage): Promise<MessageRef> {
      if (failDirect > 0) {
        failDirect--;
        return Promise.reject(new Error('platform unavailable'));
      }
      const messageId = id();
      sent.push({ kind: 'direct', to: dm.id, message, ref: messageId });
      return Promise.resolve({ platform, channelId: dm.id, messageId });
    },
    postCard(level: Level, message: OutboundMessage) {
      if (failCard > 0) {
        failCard--;
        return Promise.reject(new Error('channel unavailable'));
      }
      const messageId = id();
      sent.push({ kind: 'card', to: `L${level}`, message, ref: messageId });
      const thread: ThreadRef = { platform, channelId: `L${level}`, threadId: messageId };
      return Promise.resolve({ thread, card: { platform, channelId: `L${level}`, messageId } });
    },
    postToChannel(channelId: string, message: OutboundMessage): Promise<MessageRef> {
      const messageId = id();
      sent.push({ kind: 'channel', to: channelId, message, ref: messageId });
      return Promise.resolve({ platform, channelId, messageId });
    },
    replyInThread(thread: ThreadRef, message: OutboundMessage): Promise<MessageRef> {
      const messageId = id();
      sent.push({
        kind: 'reply',
        to: `${thread.channelId}/${thread.threadId}`,
        message,
        ref: messageId,
      });
      return Promise.resolve({ platform, channelId: thread.channelId, messageId });
    },
    update(ref: MessageRef, message: OutboundMessage): Promise<void> {
      sent.push({ kind: 'update', to: ref.messageId, message, channel: ref.channelId });
      return Promise.resolve();
    },
    sendEphemeral(
      user: UserRef,
      where: { thread?: ThreadRef; dm?: ConversationRef },
      message: OutboundMessage,
    ): Promise<void> {
      sent.push({
        kind: 'ephemeral',
        to: `${user.id}@${where.thread?.threadId ?? where.dm?.id ?? '?'}`,
        message,
      });
      return Promise.resolve();
    },
    fetchFile: () => Promise.reject(new Error('no files on the recording surface')),
    sendFile: () => Promise.reject(new Error('no files on the recording surface')),
  };
  /** The next `count` direct messages fail, as a platform outage would. */
  const failNextDirect = (count = 1) => {
    failDirect = count;
  };
  /** The next `count` card posts fail. */
  const failNextCard = (count = 1) => {
    failCard = count;
  };
  return { surface, sent, failNextDirect, failNextCard };
}

/** All text of a message (spans, fields, header), for assertions. */
export function textOf(message: OutboundMessage): string {
  return message.blocks
    .map((b) => {
      switch (b.kind) {
        case 'header':
          return b.text;
        case 'text':
        case 'context':
          return b.spans.map((s) => s.text).join('');
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value.text}`).join('\n');
        case 'actions':
          return b.actions.map((a) => `[${a.label}]`).join(' ');
        case 'ping':
          return `@L${b.level}`;
      }
    })
    .join('\n');
}
