import { FileRefused, type IncomingFile, type KeptFile } from '../../src/core/files';
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
  readonly kind: 'direct' | 'card' | 'reply' | 'update' | 'ephemeral' | 'file' | 'channel';
  readonly to: string;
  readonly message: OutboundMessage;
  readonly ref?: string;
  /** Updates: the conversation of the message updated (`to` is its id). */
  readonly channel?: string;
  /** Files sent: the kept file and its bytes (`message` is its caption). */
  readonly file?: KeptFile;
  readonly bytes?: Uint8Array;
}

/** A ChatSurface that records what the core sent, for unit tests of the core. */
export function createRecordingSurface(platform: Platform = 'console') {
  const sent: Recorded[] = [];
  let failDirect = 0;
  let failCard = 0;
  let n = 0;
  /** What the platform holds by a file's source: its bytes, or what fetching it throws. */
  const platformFiles = new Map<string, Uint8Array | Error>();
  /** Every fetch the core made, by the file's source. */
  const fetched: string[] = [];
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
    fetchFile(file: IncomingFile, maxBytes: number): Promise<Uint8Array> {
      fetched.push(file.source);
      const held = platformFiles.get(file.source);
      if (held === undefined) return Promise.reject(new FileRefused('forbidden', 'not shared'));
      if (held instanceof Error) return Promise.reject(held);
      if (held.byteLength > maxBytes)
        return Promise.reject(new FileRefused('too_large', 'larger than allowed'));
      return Promise.resolve(held);
    },
    sendFile(where, file, bytes, caption): Promise<MessageRef> {
      const messageId = id();
      const to = 'dm' in where ? where.dm.id : `${where.thread.channelId}/${where.thread.threadId}`;
      sent.push({ kind: 'file', to, message: caption, ref: messageId, file, bytes });
      const channelId = 'dm' in where ? where.dm.id : where.thread.channelId;
      return Promise.resolve({ platform, channelId, messageId });
    },
  };
  /** The next `count` direct messages fail, as a platform outage would. */
  const failNextDirect = (count = 1) => {
    failDirect = count;
  };
  /** The next `count` card posts fail. */
  const failNextCard = (count = 1) => {
    failCard = count;
  };
  /** A file the platform holds under `source` (bytes), or fails to give (an Error, e.g. FileRefused). */
  const holdFile = (source: string, content: Uint8Array | Error) => {
    platformFiles.set(source, content);
  };
  return { surface, sent, failNextDirect, failNextCard, holdFile, fetched };
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
