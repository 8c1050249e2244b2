import { z } from 'zod';
import { LapisError } from '../errors';

/** The longest KB area (category id) a button carries; longer ones are not offered. */
export const MAX_AREA_ID = 200;

/**
 * What a button carries back: which ticket (and the level of the card it was on) or which L0 session
 * version, and a CSAT score. Parsed with zod on the way in: a forged or mangled payload is refused.
 */
const payloadSchema = z.strictObject({
  ticket: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  session: z.number().int().nonnegative().optional(),
  score: z.number().int().min(1).max(5).optional(),
  /** An article offered among "is it one of these?". */
  article: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional(),
  /** A KB area (category id) offered after a vague question; checked against the session's. */
  area: z.string().min(1).max(MAX_AREA_ID).optional(),
  /** The language the employee was answered in, so the follow-up speaks it too. */
  lang: z.enum(['en', 'id']).optional(),
});

export type Payload = z.output<typeof payloadSchema>;

export function encodePayload(payload: Payload): string {
  return JSON.stringify(payload);
}

export function decodePayload(raw: string): Payload {
  try {
    return payloadSchema.parse(JSON.parse(raw));
  } catch {
    throw new LapisError('invalid_input', 'unreadable button payload');
  }
}
