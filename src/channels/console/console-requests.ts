import { z } from 'zod';
import { ACTION_IDS } from '../../core/messages';
import type { ConversationName } from '../../core/ports/console-messages';
import { CONVERSATION_NAME, MESSAGE_ID } from './console-conversations';
import type { Level } from '../../core/ticket';
import { CONSOLE_USER_ID } from './console-users';
import { BadRequestError } from './console-refusals';

/**
 * One zod schema per console endpoint. Everything that reaches the core or a database filter comes
 * out of these as plain strings: an object where a string belongs (`{"$ne": null}`) is a 400.
 */

/** The longest message or form value a person may send; the page reads it from /api/desk. */
export const MAX_TEXT = 4000;
const tooLong = `at most ${MAX_TEXT} characters`;

const userId = z.string().regex(CONSOLE_USER_ID, 'a console user id such as "budi"');
/** The most files one message carries. */
export const MAX_FILES_PER_MESSAGE = 10;
/** An upload's id (`upload:<uuid>`, POST /api/files). */
export const UPLOAD_ID = /^upload:[0-9a-f-]{36}$/;

/** With files, the words may be left out (a screenshot alone). */
const caption = z.string().trim().max(MAX_TEXT, tooLong).default('');
const uploads = z
  .array(z.string().regex(UPLOAD_ID, 'the id of an upload (POST /api/files)'))
  .max(MAX_FILES_PER_MESSAGE, `at most ${MAX_FILES_PER_MESSAGE} files`)
  .optional();
const saysSomething = (body: { text: string; files?: readonly string[] | undefined }) =>
  body.text !== '' || (body.files?.length ?? 0) > 0;
const empty = { message: 'the message is empty', path: ['text'] };
const conversation = z
  .string()
  .regex(CONVERSATION_NAME, 'a conversation: dm:<userId> or level:1, level:2, level:3')
  .transform((c) => c as ConversationName);
/** Form field names as the core declares them; `__proto__` and friends cannot match. */
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'a form field name');
/** z.record silently drops a `__proto__` key; refuse it instead, like any other bad name. */
const noProtoKey = (value: unknown) =>
  !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__'));
const formValues = z
  .unknown()
  .refine(noProtoKey, 'form field names are words such as "details"')
  .pipe(
    z
      .record(fieldName, z.string().max(MAX_TEXT, tooLong))
      .refine((f) => Object.keys(f).length <= 20, 'at most 20 form fields'),
  );

export const conversationQuery = z.object({ c: conversation, viewer: userId });

/** GET /api/queue: one level's active tickets. */
export const queueQuery = z.object({
  level: z.enum(['1', '2', '3'], 'a level: 1, 2 or 3').transform((l) => Number(l) as Level),
});

/** GET /api/my-tickets: the tickets a console user asked for. */
export const myTicketsQuery = z.object({ as: userId });

export const dmBody = z
  .strictObject({ as: userId, text: caption, files: uploads })
  .refine(saysSomething, empty);

export const threadBody = z
  .strictObject({
    as: userId,
    channel: z
      .string()
      .regex(/^level:[123]$/, 'a level channel: level:1, level:2 or level:3')
      .transform((c) => c as ConversationName),
    threadId: z.string().regex(MESSAGE_ID, 'the id of a ticket card'),
    text: caption,
    files: uploads,
  })
  .refine(saysSomething, empty);

export const actionBody = z.strictObject({
  as: userId,
  action: z.enum(ACTION_IDS),
  payload: z.string().max(2000, 'at most 2000 characters'),
  form: formValues.optional(),
  /** The id of the message the button was on (in the presser's DM), updated once the press is honoured. */
  message: z.string().regex(MESSAGE_ID, 'the id of a message').optional(),
});

/** "Create ticket" on a person's message in a level channel: a ticket for its author. */
export const ticketRequestBody = z.strictObject({
  as: userId,
  channel: z
    .string()
    .regex(/^level:[123]$/, 'a level channel: level:1, level:2 or level:3')
    .transform((c) => c as ConversationName),
  messageId: z.string().regex(MESSAGE_ID, 'the id of a message'),
});

/** Parses `input` or throws a BadRequestError naming every bad field. */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new BadRequestError(
      `${what}: expected a JSON object (send it with Content-Type: application/json)`,
    );
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  // Text over the limit is the one problem a person can fix by themselves (the page says how).
  const tooLong = result.error.issues.some((issue) => issue.code === 'too_big');
  throw new BadRequestError(
    `${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    problems,
    400,
    tooLong ? 'too_long' : 'bad_request',
  );
}
