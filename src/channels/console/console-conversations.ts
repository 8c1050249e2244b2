import { LapisError } from '../../core/errors';
import type { ConversationRef, MessageRef, ThreadRef } from '../../core/people';
import type { ConversationName } from '../../core/ports/console-messages';
import type { Level } from '../../core/ticket';

/**
 * The console's conversation names: `dm:<userId>` (an employee's chat with the bot), `level:<n>`
 * (a level's channel) and `lead` (the service-desk lead's channel). Every name that reaches a
 * database filter goes through these checks first.
 */

export const CONVERSATION_NAME = /^(dm:[a-z0-9][a-z0-9._-]{0,63}|level:[123]|lead)$/;
/** The lead's channel: where the weekly digest is posted in the console. */
export const LEAD_CONVERSATION = 'lead';
/** Message ids are ObjectId hex strings: sortable by creation, safe in a filter. */
export const MESSAGE_ID = /^[a-f0-9]{24}$/;

export function isConversationName(value: string): value is ConversationName {
  return CONVERSATION_NAME.test(value);
}

export function levelConversation(level: Level): ConversationName {
  return `level:${level}`;
}

export function dmConversation(userId: string): ConversationName {
  return checkName(`dm:${userId}`);
}

/** The conversation a DM reference names, refusing references of other platforms. */
export function conversationOfDm(dm: ConversationRef): ConversationName {
  checkPlatform(dm.platform);
  if (!dm.id.startsWith('dm:')) {
    throw new LapisError('invalid_input', `not a console DM: "${dm.id}" (expected dm:<userId>)`);
  }
  return checkName(dm.id);
}

/** A channel the bot posts into by name (the lead's, a level's); never a person's DM. */
export function conversationOfChannel(channelId: string): ConversationName {
  const name = checkName(channelId);
  if (name.startsWith('dm:'))
    throw new LapisError('invalid_input', `not a console channel: "${channelId}" (a DM)`);
  return name;
}

export function conversationOfThread(thread: ThreadRef): {
  conversation: ConversationName;
  threadId: string;
} {
  checkPlatform(thread.platform);
  return { conversation: checkName(thread.channelId), threadId: checkId(thread.threadId) };
}

export function conversationOfMessage(ref: MessageRef): {
  conversation: ConversationName;
  messageId: string;
} {
  checkPlatform(ref.platform);
  return { conversation: checkName(ref.channelId), messageId: checkId(ref.messageId) };
}

function checkPlatform(platform: string): void {
  if (platform !== 'console') {
    throw new LapisError(
      'invalid_input',
      `the console channel got a ${platform} reference; it only handles platform "console"`,
    );
  }
}

function checkName(name: string): ConversationName {
  if (!isConversationName(name)) {
    throw new LapisError(
      'invalid_input',
      `not a console conversation: "${name}" (expected dm:<userId>, level:1..3 or lead)`,
    );
  }
  return name;
}

function checkId(id: string): string {
  if (!MESSAGE_ID.test(id)) {
    throw new LapisError('invalid_input', `not a console message id: "${id}"`);
  }
  return id;
}
