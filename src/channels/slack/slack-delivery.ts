import { z } from 'zod';
import type { ActionId, FormField } from '../../core/messages';
import { actionOfButton, BUTTON_ACTION_PATTERN, decodeButtonValue } from './slack-button-value';
import {
  parseBlockAction,
  parseCommand,
  parseHomeOpened,
  parseMentionEvent,
  parseMessageEvent,
  parseMessageShortcut,
  parseReactionEvent,
  parseViewSubmission,
  type SlackButtonInput,
  type SlackCommandInput,
  type SlackMentionInput,
  type SlackMessageInput,
  type SlackReactionInput,
  type SlackShortcutInput,
} from './slack-inbound';
import { SLASH_COMMAND, TICKET_SHORTCUT } from './slack-command-names';
import {
  blankRequired,
  decodeMetadata,
  FORM_CALLBACK_ID,
  formValues,
  type FormOrigin,
} from './slack-modal';

/** A press of a Lapis button, its value read: the core's action, opaque payload and form. */
export interface SlackPress extends Omit<SlackButtonInput, 'actionId' | 'value'> {
  readonly action: ActionId;
  /** Exactly what the core put on the button; the channel never reads it. */
  readonly payload: string;
  readonly form: readonly FormField[] | undefined;
}

/** A submitted Lapis form: where its button was, what was typed, which required ones are blank. */
export interface SlackFormSubmission {
  readonly viewId: string;
  readonly userId: string;
  readonly origin: FormOrigin;
  readonly values: Readonly<Record<string, string>>;
  readonly blank: readonly string[];
}

/** What Lapis takes from Slack, read once: each listener gets its own kind. */
export type SlackInput =
  | { readonly kind: 'message'; readonly message: SlackMessageInput }
  | { readonly kind: 'mention'; readonly mention: SlackMentionInput }
  | { readonly kind: 'home_opened'; readonly userId: string }
  | { readonly kind: 'press'; readonly press: SlackPress }
  | { readonly kind: 'form'; readonly submission: SlackFormSubmission }
  | { readonly kind: 'command'; readonly command: SlackCommandInput }
  | { readonly kind: 'shortcut'; readonly shortcut: SlackShortcutInput }
  | { readonly kind: 'reaction'; readonly reaction: SlackReactionInput };

/**
 * What to do with a verified body: hand it to Bolt with what was read of it (`take`), answer
 * Slack's URL check, answer at once what no listener of Lapis takes (`ignore`: another app's
 * button, a closed modal, a bot's message; `note` says why, when Slack should not have sent it), or
 * refuse what Lapis cannot read (`malformed`).
 */
export type SlackDelivery =
  | {
      readonly verdict: 'take';
      readonly input: SlackInput;
      /** The body as it came, for Bolt to route. */
      readonly body: Record<string, unknown>;
    }
  | { readonly verdict: 'challenge'; readonly challenge: string }
  | { readonly verdict: 'ignore'; readonly note?: string }
  | { readonly verdict: 'malformed' };

/** How the body came: Events API, an interaction (`payload`), a slash command (form fields). */
export type SlackBodyKind = 'event' | 'interaction' | 'command';

const MALFORMED: SlackDelivery = { verdict: 'malformed' };
const IGNORE: SlackDelivery = { verdict: 'ignore' };

/**
 * Reads a verified Slack body once, for either transport (HTTP, Socket Mode): what Lapis takes,
 * parsed with zod into plain values, or the answer it gets at once. What goes to Bolt is only what
 * Bolt routes to a listener of Lapis, so nothing waits for its 3-second give-up.
 */
export function classifySlackBody(
  kind: SlackBodyKind,
  body: unknown,
  levelChannels: ReadonlySet<string>,
): SlackDelivery {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return MALFORMED;
  const fields = body as Record<string, unknown>;
  if (kind === 'command') return classifyCommand(fields);
  if (kind === 'interaction') return classifyInteraction(fields);
  return classifyEvent(fields, levelChannels);
}

const commandShape = z.looseObject({
  command: z.string(),
  user_id: z.string(),
  trigger_id: z.string(),
});

function classifyCommand(body: Record<string, unknown>): SlackDelivery {
  // Bolt takes any body with an `event` for an event, whatever else it holds.
  if (!commandShape.safeParse(body).success || 'event' in body) return MALFORMED;
  if (body.command !== SLASH_COMMAND) return IGNORE;
  const command = parseCommand(body);
  return command ? take(body, { kind: 'command', command }) : IGNORE;
}

const eventEnvelope = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string() }),
});

function classifyEvent(
  body: Record<string, unknown>,
  levelChannels: ReadonlySet<string>,
): SlackDelivery {
  if (body.type === 'url_verification') {
    const challenge = typeof body.challenge === 'string' ? body.challenge : '';
    return { verdict: 'challenge', challenge };
  }
  if (body.type === 'app_rate_limited') return IGNORE;
  if (!eventEnvelope.safeParse(body).success) return MALFORMED;
  const message = parseMessageEvent(body, levelChannels);
  if (message) return take(body, { kind: 'message', message });
  const mention = parseMentionEvent(body, levelChannels);
  if (mention) return take(body, { kind: 'mention', mention });
  const reaction = parseReactionEvent(body);
  if (reaction) return take(body, { kind: 'reaction', reaction });
  const home = parseHomeOpened(body);
  return home ? take(body, { kind: 'home_opened', userId: home.userId }) : IGNORE;
}

/** The least each interaction needs for Bolt to route it; anything short of it is malformed. */
const user = z.looseObject({ id: z.string() });
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  actions: z.array(z.looseObject({ action_id: z.string() })).min(1),
});
const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user,
  view: z.looseObject({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.looseObject({ values: z.looseObject({}) }),
  }),
});
const shortcut = z.looseObject({
  type: z.enum(['message_action', 'shortcut']),
  callback_id: z.string(),
  trigger_id: z.string(),
  user,
});

/** Fields Bolt routes on before `type`, and objects it reads fields of whenever present. */
const ROUTING = ['actions', 'event', 'command', 'name'];
const OBJECTS = ['user', 'view', 'message', 'channel', 'team', 'container'];

function classifyInteraction(body: Record<string, unknown>): SlackDelivery {
  const type = body.type;
  // Outside the shape that owns them these would make Bolt route it elsewhere, or throw.
  if (type !== 'block_actions' && ROUTING.some((key) => key in body)) return MALFORMED;
  const notObject = OBJECTS.some(
    (key) => key in body && (body[key] === null || typeof body[key] !== 'object'),
  );
  if (notObject) return MALFORMED;
  if (type === 'block_actions') return classifyPress(body);
  if (type === 'view_submission') return classifyForm(body);
  if (type === 'message_action' || type === 'shortcut') return classifyShortcut(body);
  return typeof type === 'string' ? IGNORE : MALFORMED; // view_closed, block_suggestion...
}

function classifyPress(body: Record<string, unknown>): SlackDelivery {
  const shape = blockActions.safeParse(body);
  if (!shape.success) return MALFORMED;
  // Bolt routes a press by its first action only: a Lapis button behind another goes unanswered.
  if (!BUTTON_ACTION_PATTERN.test(shape.data.actions[0]?.action_id ?? '')) return IGNORE;
  const button = parseBlockAction(body);
  if (!button) return IGNORE;
  const action = actionOfButton(button.actionId);
  const value = decodeButtonValue(button.value);
  if (!action || !value) return { verdict: 'ignore', note: 'a Slack button Lapis cannot read' };
  const { userId, triggerId, actionTs, label, channelId, message } = button;
  const press = { userId, triggerId, actionTs, label, channelId, message, action, ...value };
  return take(body, { kind: 'press', press });
}

function classifyForm(body: Record<string, unknown>): SlackDelivery {
  const shape = viewSubmission.safeParse(body);
  if (!shape.success) return MALFORMED;
  if (shape.data.view.callback_id !== FORM_CALLBACK_ID) return IGNORE;
  const input = parseViewSubmission(body);
  const origin = input && decodeMetadata(input.view.private_metadata);
  if (!input || !origin) return IGNORE;
  const values = formValues(input.view.state.values);
  const submission = {
    viewId: input.view.id,
    userId: input.user.id,
    origin,
    values,
    blank: blankRequired(input.view, values),
  };
  return take(body, { kind: 'form', submission });
}

function classifyShortcut(body: Record<string, unknown>): SlackDelivery {
  const shape = shortcut.safeParse(body);
  if (!shape.success) return MALFORMED;
  // Bolt matches a callback id in `view` first when there is one (as for a modal's submission).
  if ('view' in body || shape.data.callback_id !== TICKET_SHORTCUT) return IGNORE;
  const input = parseMessageShortcut(body);
  return input ? take(body, { kind: 'shortcut', shortcut: input }) : IGNORE;
}

function take(body: Record<string, unknown>, input: SlackInput): SlackDelivery {
  return { verdict: 'take', input, body };
}
