import { z } from 'zod';
import { LOCALES } from '../core/locale';
import type { L0OutcomeKind, LearnedPhrasing } from '../core/ports/l0-learning';
import { dateSchema, userRefSchema } from './ticket-document';

/** The documents of the L0 learning collections (see collections.ts), parsed on the way in and out. */

export const L0_OUTCOME_KINDS = [
  'answered',
  'suggested',
  'no_answer',
  'clarified',
  'off_topic',
  'solved',
  'not_solved',
  'suggestion_picked',
  'ticket_opened',
] as const satisfies readonly L0OutcomeKind[];
// Compile-time check that the list names every kind of the port.
const everyKind: Exclude<L0OutcomeKind, (typeof L0_OUTCOME_KINDS)[number]> extends never
  ? true
  : never = true;
void everyKind;

export const CONFIRMATION_SOURCES = ['requester', 'agent'] as const;
export const PHRASING_MARKS = ['removed', 'approved', 'exported'] as const;
export type PhrasingMark = (typeof PHRASING_MARKS)[number];

export const outcomeDocumentSchema = z.object({
  _id: z.string().min(1),
  at: dateSchema,
  kind: z.enum(L0_OUTCOME_KINDS),
  user: userRefSchema,
  locale: z.enum(LOCALES),
  question: z.string(),
  articleId: z.string().optional(),
  score: z.number().optional(),
  suggestions: z.array(z.string()).optional(),
  ticketId: z.string().optional(),
});
export type OutcomeDocument = z.output<typeof outcomeDocumentSchema>;

/** One per phrasing, inserted by its first confirmation (the first insert wins; never updated). */
export const phrasingDocumentSchema = z.object({
  _id: z.string().min(1),
  articleId: z.string().min(1),
  text: z.string().min(1),
  lang: z.enum(LOCALES).optional(),
  at: dateSchema,
});
export type PhrasingDocument = z.output<typeof phrasingDocumentSchema>;

/** `_id` `${phrasingId}:${key}`: a redone confirmation is a duplicate insert, so it counts once. */
export const confirmationDocumentSchema = z.object({
  _id: z.string().min(1),
  phrasingId: z.string().min(1),
  source: z.enum(CONFIRMATION_SOURCES),
  at: dateSchema,
  user: userRefSchema.optional(),
});
export type ConfirmationDocument = z.output<typeof confirmationDocumentSchema>;

/** `_id` `${phrasingId}#${mark}`: insert-only, because FerretDB's conditional updates race. */
export const markDocumentSchema = z.object({
  _id: z.string().min(1),
  phrasingId: z.string().min(1),
  mark: z.enum(PHRASING_MARKS),
  at: dateSchema,
});
export type MarkDocument = z.output<typeof markDocumentSchema>;

/** Parses a document read from `collection`, or throws naming the document and the field. */
export function parseDocument<T>(schema: z.ZodType<T>, collection: string, document: unknown): T {
  const result = schema.safeParse(document);
  if (result.success) return result.data;
  const id = String((document as { _id?: unknown } | null)?._id);
  throw new Error(`${collection}: malformed document ${id}:\n${z.prettifyError(result.error)}`);
}

/**
 * The learned phrasings from the three collections: removed ones left out, as are phrasings with no
 * confirmation and no approval (left by a step that died between its two inserts; redoing it adds the
 * confirmation). Sorted by article, then text.
 */
export function tallyPhrasings(
  phrasings: readonly PhrasingDocument[],
  confirmations: readonly Pick<ConfirmationDocument, 'phrasingId' | 'source' | 'at'>[],
  marks: readonly MarkDocument[],
): LearnedPhrasing[] {
  const markAt = new Map(marks.map((m) => [`${m.phrasingId}#${m.mark}`, m.at]));
  const counts = new Map<string, { n: number; agent: boolean; first: Date; last: Date }>();
  for (const c of confirmations) {
    const tally = counts.get(c.phrasingId);
    if (!tally) {
      counts.set(c.phrasingId, { n: 1, agent: c.source === 'agent', first: c.at, last: c.at });
      continue;
    }
    tally.n += 1;
    tally.agent ||= c.source === 'agent';
    if (c.at < tally.first) tally.first = c.at;
    if (c.at > tally.last) tally.last = c.at;
  }
  const learned: LearnedPhrasing[] = [];
  for (const p of phrasings) {
    if (markAt.has(`${p._id}#removed`)) continue;
    const tally = counts.get(p._id);
    const approved = Boolean(tally?.agent) || markAt.has(`${p._id}#approved`);
    if (!tally && !approved) continue;
    const exportedAt = markAt.get(`${p._id}#exported`);
    learned.push({
      id: p._id,
      articleId: p.articleId,
      text: p.text,
      lang: p.lang,
      confirmations: tally?.n ?? 0,
      approved,
      firstAt: tally?.first ?? p.at,
      lastAt: tally?.last ?? p.at,
      ...(exportedAt ? { exportedAt } : {}),
    });
  }
  return learned.sort(
    (a, b) =>
      compare(a.articleId, b.articleId) || compare(a.text.toLowerCase(), b.text.toLowerCase()),
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
