/**
 * Teams conversation ids. A channel is `19:...@thread.tacv2`; the reply chain of one of its messages
 * is the same id with `;messageid=<id of the root message>`. Lapis uses that full id as the ticket's
 * thread id (unique across channels) and the root message id as the card's message id.
 */
const THREAD = /^(.*);messageid=([^;]+)$/;

export function splitConversationId(conversationId: string): {
  channelId: string;
  rootId?: string;
} {
  const match = THREAD.exec(conversationId);
  return match?.[1] && match[2]
    ? { channelId: match[1], rootId: match[2] }
    : { channelId: conversationId };
}

export function threadConversationId(channelId: string, rootId: string): string {
  return `${channelId};messageid=${rootId}`;
}
