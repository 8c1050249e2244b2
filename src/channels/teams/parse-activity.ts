import type { Inbound } from '../../core/inbound';
import type { Locale } from '../../core/locale';
import type { ActionId } from '../../core/messages';
import type { UserRef } from '../../core/people';
import {
  executeValueSchema,
  FIELD_NAME,
  MAX_FIELD_LENGTH,
  messageActionSchema,
  submitDataSchema,
  TICKET_COMMAND_ID,
  type TeamsActivity,
} from './activity-schema';
import { filesOf } from './activity-files';
import { messageBodyText, plainText } from './activity-text';
import { inputId } from './adaptive-card';
import { splitConversationId } from './teams-ids';

/**
 * Turns a (zod-parsed) activity into the core's Inbound: a personal-chat message is a
 * direct_message, a reply in a channel message's reply chain a thread_message, an Adaptive Card
 * Action.Submit / Action.Execute an action. Everything else (typing, reactions, conversation updates,
 * the bot's own messages, top-level channel posts) is ignored with a reason.
 */
export type Classified =
  | { readonly kind: 'inbound'; readonly event: Inbound }
  | { readonly kind: 'ignored'; readonly reason: string };

const ignored = (reason: string): Classified => ({ kind: 'ignored', reason });

export const TEAMS_CHANNELS = ['msteams', 'emulator'] as const;

/** Teams locales are BCP 47 tags: `id-ID` is Indonesian, everything else is answered in English. */
export function localeOf(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  return /^id([-_]|$)/i.test(tag.trim()) ? 'id' : 'en';
}

/** The person: their AAD object id when Teams gives it (stable, what admins configure), else the Teams id. */
export function userOf(activity: TeamsActivity): UserRef {
  const name = activity.from.name?.trim();
  return {
    platform: 'teams',
    id: activity.from.aadObjectId?.trim() || activity.from.id,
    ...(name ? { name: name.slice(0, 200) } : {}),
  };
}

/** Where the activity happened: a 1:1 chat, a channel's reply chain, a channel's top level, elsewhere. */
export function scopeOf(activity: TeamsActivity): 'personal' | 'thread' | 'channel' | 'other' {
  const type = activity.conversation.conversationType;
  const { rootId } = splitConversationId(activity.conversation.id);
  if (type === 'channel') return rootId ? 'thread' : 'channel';
  // The Bot Framework Emulator leaves conversationType out of its 1:1 conversations.
  if (type === 'personal' || (type === undefined && activity.channelId === 'emulator'))
    return 'personal';
  return 'other';
}

export function classifyActivity(activity: TeamsActivity): Classified {
  if (!(TEAMS_CHANNELS as readonly string[]).includes(activity.channelId))
    return ignored(`channel ${activity.channelId}`);
  if (activity.recipient && activity.from.id === activity.recipient.id)
    return ignored('the bot itself');
  if (!activity.id) return ignored('no activity id');
  if (activity.type === 'invoke') return classifyInvoke(activity, deliveryIdOf(activity));
  if (activity.type !== 'message') return ignored(activity.type);
  if (activity.value !== undefined && activity.value !== null)
    return actionOf(activity, deliveryIdOf(activity), submitDataSchema.safeParse(activity.value));
  const text = plainText(activity);
  const deliveryId = deliveryIdOf(activity);
  // A screenshot sent without a word is a message too.
  const files = filesOf(activity, deliveryId);
  if (!text && !files.length) return ignored('no text');
  const withFiles = files.length ? { files } : {};
  const user = userOf(activity);
  const scope = scopeOf(activity);
  if (scope === 'personal') {
    const locale = localeOf(activity.locale);
    return inbound({
      kind: 'direct_message',
      deliveryId,
      user,
      dm: { platform: 'teams', id: activity.conversation.id },
      text,
      ...withFiles,
      ...(locale ? { locale } : {}),
    });
  }
  if (scope === 'thread') {
    const { channelId } = splitConversationId(activity.conversation.id);
    return inbound({
      kind: 'thread_message',
      deliveryId,
      user,
      thread: { platform: 'teams', channelId, threadId: activity.conversation.id },
      text,
      ...withFiles,
    });
  }
  return ignored(scope === 'channel' ? 'a top-level channel post' : 'a group chat');
}

function classifyInvoke(activity: TeamsActivity, deliveryId: string): Classified {
  if (activity.name === MESSAGE_ACTION_INVOKE) return ticketRequestOf(activity, deliveryId);
  if (activity.name !== 'adaptiveCard/action') return ignored(`invoke ${activity.name ?? ''}`);
  const parsed = executeValueSchema.safeParse(activity.value);
  return actionOf(
    activity,
    deliveryId,
    parsed.success ? { success: true, data: parsed.data.action.data } : { success: false },
  );
}

/** The invoke of a message action ("Create IT ticket" on a message's "..." menu). */
export const MESSAGE_ACTION_INVOKE = 'composeExtension/submitAction';

/**
 * "Create IT ticket" used on a message: a ticket for the message's author, with its text (the HTML
 * body as plain text) and link. Outside a personal chat only; a bot's message (Lapis's own included)
 * is ignored. The message is in the invoke whole, so nothing is read later.
 */
function ticketRequestOf(activity: TeamsActivity, deliveryId: string): Classified {
  const parsed = messageActionSchema.safeParse(activity.value);
  if (!parsed.success || parsed.data.commandId !== TICKET_COMMAND_ID)
    return ignored('not the Create IT ticket action');
  if (scopeOf(activity) === 'personal') return ignored('a message action in a personal chat');
  const message = parsed.data.messagePayload;
  const author = message.from?.user;
  if (!author || message.from?.application) return ignored('a message action on a bot’s message');
  const user = userOf(activity);
  const name = author.displayName?.trim();
  const locale = localeOf(activity.locale);
  const body = message.body?.content ?? '';
  const note = parsed.data.data?.note?.trim().slice(0, MAX_FIELD_LENGTH);
  return inbound({
    kind: 'ticket_request',
    deliveryId,
    user,
    replyTo: { platform: 'teams', id: user.id },
    message: {
      platform: 'teams',
      channelId: splitConversationId(activity.conversation.id).channelId,
      messageId: message.id,
    },
    author: { platform: 'teams', id: author.id, ...(name ? { name: name.slice(0, 200) } : {}) },
    authorDm: { platform: 'teams', id: author.id },
    text: messageBodyText(body, message.body?.contentType),
    ...(message.linkToMessage ? { link: message.linkToMessage } : {}),
    ...(note ? { note } : {}),
    ...(locale ? { locale } : {}),
  });
}

type SubmitData = { action: ActionId; payload: string } & Record<string, unknown>;

function actionOf(
  activity: TeamsActivity,
  deliveryId: string,
  parsed: { success: true; data: SubmitData } | { success: false },
): Classified {
  if (!parsed.success) return ignored('card data that is not a Lapis button');
  const { action, payload } = parsed.data;
  const form = formOf(parsed.data, action);
  if (form === 'invalid') return ignored('unreadable form values');
  const locale = localeOf(activity.locale);
  const personal = scopeOf(activity) === 'personal';
  return inbound({
    kind: 'action',
    deliveryId,
    user: userOf(activity),
    action,
    payload,
    ...(form ? { form } : {}),
    ...(personal ? { dm: { platform: 'teams' as const, id: activity.conversation.id } } : {}),
    ...messageOf(activity),
    ...(locale ? { locale } : {}),
  });
}

/** The card a button was on (Teams names it as the activity replied to), to update it in place. */
function messageOf(activity: TeamsActivity) {
  const messageId = activity.replyToId;
  return messageId
    ? { message: { platform: 'teams' as const, channelId: activity.conversation.id, messageId } }
    : {};
}

/** The card's inputs for this button (`<action>.<field>`), as plain strings. */
function formOf(
  data: Record<string, unknown>,
  action: ActionId,
): Record<string, string> | undefined | 'invalid' {
  const prefix = inputId(action, '');
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (!FIELD_NAME.test(name) || typeof value !== 'string' || value.length > MAX_FIELD_LENGTH)
      return 'invalid';
    entries.push([name, value]);
  }
  if (entries.length > 20) return 'invalid';
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function inbound(event: Inbound): Classified {
  return { kind: 'inbound', event };
}

/**
 * Activity ids are unique only within a conversation (in channels they are millisecond timestamps),
 * so the conversation is part of the delivery id.
 */
function deliveryIdOf(activity: TeamsActivity): string {
  return `${activity.conversation.id}|${activity.id}`;
}
