import { z } from 'zod';
import { LOCALES } from '../core/locale';
import type { Platform } from '../core/people';
import {
  CATEGORIES,
  CLOSED_REASONS,
  LEVELS,
  PRIORITIES,
  type ClosedReason,
  type Level,
  type Ticket,
  type TicketStatus,
} from '../core/ticket';

/**
 * The tickets collection's document: the core Ticket with `id` stored as `_id`, plus `threadIds`
 * (`${platform}:${threadId}` of every thread, indexed, for getByThread). This one schema is the
 * boundary both ways: documents read from the database are parsed with it (Dates stay Dates, absent
 * optional fields come back undefined, a malformed document is a clear error naming the field), and
 * tickets are checked with it before they are written. Parsing copies (objects, arrays and Dates),
 * so what it returns never aliases its input.
 */

export const PLATFORMS = ['slack', 'teams', 'console'] as const satisfies readonly Platform[];
export const TICKET_STATUSES = [
  'open',
  'claimed',
  'waiting_on_requester',
  'resolved',
  'closed',
  'cancelled',
] as const satisfies readonly TicketStatus[];
// Compile-time checks that the lists above name every member of the core's unions.
type Missing<Union, List extends readonly unknown[]> = Exclude<Union, List[number]>;
const everyPlatform: Missing<Platform, typeof PLATFORMS> extends never ? true : never = true;
const everyStatus: Missing<TicketStatus, typeof TICKET_STATUSES> extends never ? true : never =
  true;
void everyPlatform;
void everyStatus;

/** A field the core types as `T | undefined` (the key always exists): absent in the document. */
const maybe = <T extends z.ZodType>(schema: T) => schema.optional().transform((value) => value);

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';
const kindOf = (value: unknown): string =>
  isDate(value) ? 'Invalid Date' : value === null ? 'null' : typeof value;

/**
 * A valid Date from any realm (z.date() checks `instanceof`, which fails for Dates that
 * structuredClone makes under jest), copied: a parse result never shares a Date with its source.
 */
export const dateSchema = z
  .custom<Date>((value) => isDate(value) && !Number.isNaN(value.getTime()), {
    error: (issue) => `expected a valid Date, got ${kindOf(issue.input)}`,
  })
  .transform((value) => new Date(value.getTime()));
const platform = z.enum(PLATFORMS);
const level = z.custom<Level>((value) => LEVELS.includes(value as Level), {
  error: `expected a level: ${LEVELS.join(', ')}`,
});
const slaKind = z.enum(['first_response', 'resolution']);

export const userRefSchema = z.object({
  platform,
  id: z.string(),
  name: z.string().optional(),
});
export const conversationRefSchema = z.object({ platform, id: z.string() });
const threadRef = z.object({ platform, channelId: z.string(), threadId: z.string() });
const messageRef = z.object({ platform, channelId: z.string(), messageId: z.string() });

export const categorySchema = z.enum(CATEGORIES);
export const prioritySchema = z.enum(PRIORITIES);

export const l0AttemptSchema = z.object({
  question: z.string(),
  articleId: maybe(z.string()),
  articleTitle: maybe(z.string()),
  score: maybe(z.number()),
  feedback: z.enum(['solved', 'not_solved', 'none']),
  suggestions: z.array(z.string()).optional(),
  picked: z.boolean().optional(),
  area: z.string().optional(),
  since: z.number().int().nonnegative().optional(),
});

// FerretDB refuses field names with '.' or a leading '$' (MongoDB 5+ takes them): say so before writing.
const storableKeys = (record: Record<string, unknown>): boolean =>
  Object.keys(record).every((key) => !key.includes('.') && !key.startsWith('$'));

const auditEntry = z.object({
  at: dateSchema,
  actor: z.union([z.literal('system'), userRefSchema]),
  action: z.string(),
  detail: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .refine(storableKeys, { error: 'a detail key must not contain "." or start with "$"' })
    .optional(),
});

/** A kept file where it is listed (a transcript entry, an L0 session). */
export const fileMentionSchema = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
});

const transcriptEntry = z.object({
  at: dateSchema,
  from: z.enum(['requester', 'agent', 'bot']),
  user: maybe(userRefSchema),
  text: z.string(),
  level,
  internal: z.boolean(),
  files: z.array(fileMentionSchema).optional(),
});

const escalation = z.object({
  at: dateSchema,
  by: maybe(userRefSchema),
  from: level,
  to: level,
  reason: z.string(),
  tried: z.string(),
  automatic: z.boolean(),
});

const slaState = z.object({
  firstResponseDue: dateSchema,
  resolutionDue: dateSchema,
  firstResponseAt: maybe(dateSchema),
  pausedAt: maybe(dateSchema),
  pausedMinutes: z.number().nonnegative(),
  warned: z.array(slaKind),
  breached: z.array(slaKind),
  nextCheckAt: maybe(dateSchema),
});

export const ticketDocumentSchema = z.object({
  _id: z.string().min(1),
  key: z.string().min(1),
  version: z.number().int().nonnegative(),
  requester: userRefSchema,
  requesterDm: conversationRefSchema,
  locale: z.enum(LOCALES),
  question: z.string(),
  category: categorySchema,
  priority: prioritySchema,
  impact: maybe(z.string()),
  details: maybe(z.string()),
  level,
  status: z.enum(TICKET_STATUSES),
  assignee: maybe(userRefSchema),
  threads: z.object({
    L1: threadRef.optional(),
    L2: threadRef.optional(),
    L3: threadRef.optional(),
  }),
  cards: z.object({
    L1: messageRef.optional(),
    L2: messageRef.optional(),
    L3: messageRef.optional(),
  }),
  l0: z.array(l0AttemptSchema),
  escalations: z.array(escalation),
  transcript: z.array(transcriptEntry),
  resolution: maybe(z.object({ summary: z.string(), at: dateSchema, by: maybe(userRefSchema) })),
  csat: maybe(z.object({ score: z.number(), at: dateSchema })),
  sla: slaState,
  createdAt: dateSchema,
  updatedAt: dateSchema,
  closedAt: maybe(dateSchema),
  // Both absent on documents from before they were kept: such a ticket reads back without them.
  closedReason: z.enum(CLOSED_REASONS as [ClosedReason, ...ClosedReason[]]).optional(),
  nextTimerAt: dateSchema.optional(),
  audit: z.array(auditEntry),
  followUpOf: z.object({ id: z.string(), key: z.string() }).optional(),
  applied: z.array(z.string()).optional(),
  threadIds: z.array(z.string()),
});

export type TicketDocument = z.output<typeof ticketDocumentSchema>;
// The schema strips unknown fields, so a field added to Ticket but not here would be silently lost:
// fromTicketDocument fails to compile when a required one is missing, this when any top-level one is.
const everyField: Exclude<keyof Ticket, keyof TicketDocument | 'id'> extends never ? true : never =
  true;
void everyField;

/** The document to store for a ticket; throws a clear error when the ticket would not read back. */
export function toTicketDocument(ticket: Ticket, label = `ticket ${ticket.key}`): TicketDocument {
  const { id, ...fields } = ticket;
  const threadIds = [
    ...new Set(
      Object.values(ticket.threads).flatMap((t) => (t ? [`${t.platform}:${t.threadId}`] : [])),
    ),
  ];
  return parse({ ...fields, _id: id, threadIds }, label);
}

/** The core Ticket for a stored document; throws a clear error naming the field when it is malformed. */
export function fromTicketDocument(document: unknown): Ticket {
  const id = (document as { _id?: unknown } | null)?._id;
  const { _id, threadIds, ...fields } = parse(document, `document ${String(id)}`);
  void threadIds; // the store's own index field, not part of the Ticket
  return { id: _id, ...fields };
}

function parse(value: unknown, what: string): TicketDocument {
  const result = ticketDocumentSchema.safeParse(value);
  if (!result.success)
    throw new Error(`tickets: malformed ${what}:\n${z.prettifyError(result.error)}`);
  return result.data;
}
