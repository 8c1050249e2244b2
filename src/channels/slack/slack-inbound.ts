import { z } from 'zod';
import { parseEmployeeCommand, type EmployeeCommand } from '../../core/employee-commands';
import type { IncomingFile } from '../../core/files';
import { incomingFileOf, slackFileSchema } from './slack-file-source';

/**
 * Slack payloads parsed with zod into plain strings before anything reaches the core or a database
 * filter. Each parser returns undefined for what Lapis ignores (bot messages, edits, deletions,
 * joins, messages outside the places it listens to) or cannot read.
 */

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);
const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,9}$/);
const triggerId = z.string().regex(/^[\w.-]{1,255}$/);
const text = z.string().max(40000);

/** Message subtypes that are a person writing; every other subtype (edits, joins, bots...) is ignored. */
const PERSON_SUBTYPES: readonly (string | undefined)[] = [
  undefined,
  'file_share',
  'thread_broadcast',
];

const envelope = <T extends z.ZodType>(event: T) =>
  z.looseObject({ event_id: z.string().regex(/^[\w.-]{1,100}$/), event });

const messageEnvelope = envelope(
  z.looseObject({
    type: z.literal('message'),
    subtype: z.string().optional(),
    bot_id: z.string().nullish(),
    user: userId.optional(),
    text: text.optional(),
    channel: channelId,
    channel_type: z.string().optional(),
    ts,
    thread_ts: ts.optional(),
    // Slack puts at most 10 files on a message.
    files: z.array(slackFileSchema).max(20).optional(),
  }),
);

interface MessageBase {
  deliveryId: string;
  userId: string;
  channelId: string;
  /** Empty when the message is only files. */
  text: string;
  /** Present only when the message carries files. */
  files?: readonly IncomingFile[];
}

export type SlackMessageInput =
  ({ kind: 'dm' } & MessageBase) | ({ kind: 'thread'; threadTs: string } & MessageBase);

/**
 * A person's DM to the bot, or their reply in a ticket thread of a level channel, with the files it
 * carries (a screenshot alone is a message too).
 */
export function parseMessageEvent(
  body: unknown,
  levelChannels: ReadonlySet<string>,
): SlackMessageInput | undefined {
  const parsed = messageEnvelope.safeParse(body);
  if (!parsed.success) return undefined;
  const { event_id: deliveryId, event } = parsed.data;
  if (!PERSON_SUBTYPES.includes(event.subtype) || event.bot_id || !event.user) return undefined;
  const files = (event.files ?? []).map(incomingFileOf);
  if (!event.text?.trim() && !files.length) return undefined;
  const base: MessageBase = {
    deliveryId,
    userId: event.user,
    channelId: event.channel,
    text: event.text ?? '',
    ...(files.length && { files }),
  };
  if (event.channel_type === 'im') return { kind: 'dm', ...base };
  const isReply = event.thread_ts !== undefined && event.thread_ts !== event.ts;
  if (isReply && levelChannels.has(event.channel))
    return { kind: 'thread', ...base, threadTs: event.thread_ts ?? '' };
  return undefined;
}

const mentionEnvelope = envelope(
  z.looseObject({
    type: z.literal('app_mention'),
    bot_id: z.string().nullish(),
    user: userId,
    text,
    channel: channelId,
  }),
);

export interface SlackMentionInput {
  deliveryId: string;
  userId: string;
  channelId: string;
  text: string;
}

/** A mention of the bot outside the level channels (there, the thread reply is the message). */
export function parseMentionEvent(
  body: unknown,
  levelChannels: ReadonlySet<string>,
): SlackMentionInput | undefined {
  const parsed = mentionEnvelope.safeParse(body);
  if (!parsed.success || parsed.data.event.bot_id) return undefined;
  const { event_id: deliveryId, event } = parsed.data;
  if (levelChannels.has(event.channel)) return undefined;
  return { deliveryId, userId: event.user, channelId: event.channel, text: event.text };
}

const reactionEnvelope = envelope(
  z.looseObject({
    type: z.literal('reaction_added'),
    user: userId,
    reaction: z.string().max(100),
    item_user: userId.optional(),
    item: z.looseObject({ type: z.literal('message'), channel: channelId, ts }),
  }),
);

export interface SlackReactionInput {
  deliveryId: string;
  /** Who reacted. */
  userId: string;
  reaction: string;
  /** Who wrote the message. */
  authorId: string;
  channelId: string;
  ts: string;
}

/**
 * A reaction on a person's message outside DMs (a DM's reactions, and those on messages of no user,
 * are not Lapis's); which reaction, and who reacted, the listener judges.
 */
export function parseReactionEvent(body: unknown): SlackReactionInput | undefined {
  const parsed = reactionEnvelope.safeParse(body);
  if (!parsed.success) return undefined;
  const { event_id: deliveryId, event } = parsed.data;
  if (!event.item_user || event.item.channel.startsWith('D')) return undefined;
  return {
    deliveryId,
    userId: event.user,
    reaction: event.reaction,
    authorId: event.item_user,
    channelId: event.item.channel,
    ts: event.item.ts,
  };
}

const homeEnvelope = envelope(
  z.looseObject({ type: z.literal('app_home_opened'), user: userId, tab: z.string().optional() }),
);

/** The user who opened the App Home's Home tab (not its Messages tab). */
export function parseHomeOpened(body: unknown): { userId: string } | undefined {
  const parsed = homeEnvelope.safeParse(body);
  if (!parsed.success || parsed.data.event.tab !== 'home') return undefined;
  return { userId: parsed.data.event.user };
}

const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: triggerId,
  user: z.looseObject({ id: userId }),
  channel: z.looseObject({ id: channelId }).nullish(),
  container: z
    .looseObject({
      channel_id: channelId.optional(),
      message_ts: ts.optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .nullish(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string().max(255),
        value: z.string().max(2000).optional(),
        text: z.looseObject({ text: z.string().max(200) }).optional(),
        action_ts: ts,
      }),
    )
    .min(1),
});

export interface SlackButtonInput {
  userId: string;
  triggerId: string;
  actionId: string;
  actionTs: string;
  value: string;
  /** The button's label, as the title of the modal it may open. */
  label: string | undefined;
  channelId: string | undefined;
  /** The message the button was on (not an ephemeral one, which cannot be updated). */
  message: { channelId: string; ts: string } | undefined;
}

export function parseBlockAction(body: unknown): SlackButtonInput | undefined {
  const parsed = blockActionsSchema.safeParse(body);
  const action = parsed.data?.actions[0];
  if (!parsed.success || !action || action.value === undefined) return undefined;
  const data = parsed.data;
  return {
    userId: data.user.id,
    triggerId: data.trigger_id,
    actionId: action.action_id,
    actionTs: action.action_ts,
    value: action.value,
    label: action.text?.text,
    channelId: data.channel?.id ?? data.container?.channel_id,
    message: messageOf(data.container),
  };
}

function messageOf(
  container:
    { channel_id?: string; message_ts?: string; is_ephemeral?: boolean } | null | undefined,
): SlackButtonInput['message'] {
  if (!container?.channel_id || !container.message_ts || container.is_ephemeral) return undefined;
  return { channelId: container.channel_id, ts: container.message_ts };
}

const viewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: userId }),
  view: z.looseObject({
    id: z.string().regex(/^V[A-Z0-9]{2,}$/),
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000),
    blocks: z.array(z.unknown()).optional(),
    state: z.looseObject({ values: z.unknown() }),
  }),
});

export type SlackViewSubmissionInput = z.output<typeof viewSubmissionSchema>;

export function parseViewSubmission(body: unknown): SlackViewSubmissionInput | undefined {
  const parsed = viewSubmissionSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

const commandSchema = z.looseObject({
  command: z.string().max(100),
  text: z.string().max(4000).default(''),
  user_id: userId,
  channel_id: channelId,
  channel_name: z.string().max(200).optional(),
  trigger_id: triggerId,
});

export interface SlackCommandInput {
  userId: string;
  channelId: string;
  inDirectMessage: boolean;
  triggerId: string;
  /** What was typed after the command, trimmed. */
  text: string;
  /** That text read with the core's grammar once (`status`, `ticket IT-1`, nothing for help). */
  command: EmployeeCommand | undefined;
}

export function parseCommand(body: unknown): SlackCommandInput | undefined {
  const parsed = commandSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  return {
    userId: data.user_id,
    channelId: data.channel_id,
    inDirectMessage: data.channel_name === 'directmessage' || data.channel_id.startsWith('D'),
    triggerId: data.trigger_id,
    text: data.text.trim(),
    command: parseEmployeeCommand(data.text, 'command_line'),
  };
}

const shortcutSchema = z.looseObject({
  type: z.literal('message_action'),
  callback_id: z.string().max(255),
  trigger_id: triggerId,
  user: z.looseObject({ id: userId }),
  channel: z.looseObject({ id: channelId }).nullish(),
  message: z.looseObject({ ts, text: text.optional() }),
});

export interface SlackShortcutInput {
  userId: string;
  triggerId: string;
  channelId: string | undefined;
  messageTs: string;
  text: string;
}

export function parseMessageShortcut(body: unknown): SlackShortcutInput | undefined {
  const parsed = shortcutSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  return {
    userId: data.user.id,
    triggerId: data.trigger_id,
    channelId: data.channel?.id,
    messageTs: data.message.ts,
    text: data.message.text ?? '',
  };
}
