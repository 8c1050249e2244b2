import { z } from 'zod';
import { LapisError } from '../errors';
import type { Locale } from '../locale';

/** The longest KB area (category id) a button carries; longer ones are not offered. */
export const MAX_AREA_ID = 200;

/**
 * What a button carries back: which ticket (and the level of the card it was on) or which L0 session
 * version, and a CSAT score. Parsed with zod on the way in: a forged or mangled payload is refused.
 * Channels carry it as an opaque string; only the core reads it, through `readPayload`.
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
  /** Pressed on the notice of a ticket a timer closed (timer-messages.ts), not on its resolution. */
  notice: z.literal('auto_closed').optional(),
});

export type Payload = z.output<typeof payloadSchema>;

export function encodePayload(payload: Payload): string {
  return JSON.stringify(payload);
}

/** The payload, or undefined for one Lapis did not write. The one place a payload is decoded. */
export function readPayload(raw: string): Payload | undefined {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The payload, for the flow that handles the press (action-flow.ts, once a press): one Lapis did not
 * write is refused.
 */
export function decodePayload(raw: string): Payload {
  const payload = readPayload(raw);
  if (!payload) throw new LapisError('invalid_input', 'unreadable button payload');
  return payload;
}

/**
 * The language a press is answered in: employee buttons carry the one they were shown in; agent
 * buttons carry none, and `otherwise` decides (the agents' language, as a rule).
 */
export function pressLocale(payload: Payload | undefined, otherwise: Locale): Locale {
  return payload?.lang ?? otherwise;
}

/**
 * pressLocale from the payload as carried, for channels: what they show before the core has the
 * press (a form's words).
 */
export function payloadLocale(raw: string, otherwise: Locale): Locale {
  return pressLocale(readPayload(raw), otherwise);
}
