import { z } from 'zod';
import { ACTION_IDS } from '../../core/messages';

/**
 * What Lapis reads of a Bot Framework Activity, parsed with zod before anything else sees it: a body
 * that is not an Activity (`{}`, a missing conversation, an object where a string belongs) is a 400,
 * and everything that reaches the core or a database filter comes out of here as plain strings.
 * Bot Framework serialisers send `null` for absent fields, so optional fields accept it too.
 */

const id = z.string().trim().min(1).max(512);
const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v) => v ?? undefined);

const account = z.object({
  id,
  name: optional(z.string().max(256)),
  aadObjectId: optional(z.string().max(128)),
});

const idOnly = z.object({ id });

/**
 * What Lapis reads of an attachment: files in a personal chat (`file.download.info`), pasted images
 * (`image/*` with a contentUrl), the `text/html` copy of the message, SharePoint references. Its
 * `content` is whatever the attachment type says; only a string or a download info is kept, anything
 * else (a card someone forwarded) reads as none, so an unexpected shape never loses the message.
 */
const attachmentSchema = z.object({
  contentType: z.string().trim().min(1).max(255),
  contentUrl: optional(z.string().max(4096)),
  name: optional(z.string().max(512)),
  content: z
    .union([
      z.string().max(200_000),
      z.object({
        downloadUrl: optional(z.string().max(4096)),
        fileType: optional(z.string().max(32)),
      }),
    ])
    .optional()
    .catch(undefined),
});

export type ActivityAttachment = z.output<typeof attachmentSchema>;

/** At most this many attachments of a message are read; an unreadable one is left out, not fatal. */
export const MAX_ATTACHMENTS = 20;

export const activitySchema = z.object({
  type: z.string().min(1).max(64),
  id: optional(id),
  /** The message an activity answers: for a card's button, the card it was on. */
  replyToId: optional(id),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(1024),
  from: account,
  recipient: optional(account),
  conversation: z.object({
    id,
    conversationType: optional(z.string().max(32)),
    tenantId: optional(z.string().max(128)),
  }),
  channelData: optional(
    z.object({
      tenant: optional(idOnly),
      team: optional(idOnly),
      channel: optional(idOnly),
    }),
  ),
  text: optional(z.string().max(200_000)),
  attachments: optional(
    z
      .array(z.unknown())
      .max(100)
      .transform((items) =>
        items.slice(0, MAX_ATTACHMENTS).flatMap((item) => {
          const parsed = attachmentSchema.safeParse(item);
          return parsed.success ? [parsed.data] : [];
        }),
      ),
  ),
  locale: optional(z.string().max(35)),
  name: optional(z.string().max(256)),
  value: z.unknown().optional(),
  entities: optional(
    z
      .array(
        z.object({
          type: optional(z.string().max(64)),
          text: optional(z.string().max(1024)),
          mentioned: optional(z.object({ id: optional(id) })),
        }),
      )
      .max(200),
  ),
});

export type TeamsActivity = z.output<typeof activitySchema>;

/** What an Action.Submit / Action.Execute sends: the button's data with the card's inputs merged in. */
export const submitDataSchema = z.looseObject({
  action: z.enum(ACTION_IDS),
  payload: z.string().max(2000),
});

/** The value of an `adaptiveCard/action` invoke (Action.Execute). */
export const executeValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), data: submitDataSchema }),
});

/** The message action's command id (manifest/teams/manifest.json, composeExtensions). */
export const TICKET_COMMAND_ID = 'createItTicket';

/**
 * The value of a `composeExtension/submitAction` invoke: a message action used on a message, which
 * Teams sends whole (`messagePayload`: its id, HTML body, author, link), with the dialog's fields.
 */
export const messageActionSchema = z.object({
  commandId: z.string().max(64),
  commandContext: optional(z.string().max(32)),
  data: optional(z.looseObject({ note: optional(z.string().max(4000)) })),
  messagePayload: z.object({
    id,
    body: optional(
      z.object({
        contentType: optional(z.string().max(32)),
        content: optional(z.string().max(200_000)),
      }),
    ),
    from: optional(
      z.object({
        user: optional(z.object({ id, displayName: optional(z.string().max(256)) })),
        application: optional(z.object({ id: optional(id) })),
      }),
    ),
    linkToMessage: optional(z.url({ protocol: /^https$/ }).max(2048)),
  }),
});

/** Form field names as the core declares them; `__proto__` and friends cannot match. */
export const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const MAX_FIELD_LENGTH = 4000;
export const MAX_TEXT_LENGTH = 4000;
