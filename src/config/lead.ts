import { z } from 'zod';
import { emptyToUndefined } from './fields';

/**
 * The service-desk lead's part of the environment (src/config/config.ts spreads it in): who may open
 * /dashboard and /metrics when a chat platform is configured, and the optional metrics listener.
 */

/** A moment of the week in TIME_ZONE: `day` 0 = Sunday ... 6 = Saturday, `minutes` after midnight. */
export interface WeeklyTime {
  readonly day: number;
  readonly minutes: number;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "Mon 09:00" (a day and a 24-hour time), or "off": when the weekly digest is posted, if at all. */
export function parseWeeklyTime(
  text: string,
): { ok: true; value: WeeklyTime | undefined } | { ok: false; message: string } {
  if (/^\s*off\s*$/i.test(text)) return { ok: true, value: undefined };
  const m = /^\s*([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})\s*$/i.exec(text);
  const day = DAY_NAMES.indexOf((m?.[1] ?? '').toLowerCase());
  const hours = Number(m?.[2]);
  const minutes = Number(m?.[3]);
  if (!m || day < 0 || hours > 23 || minutes > 59)
    return {
      ok: false,
      message: `expected a day and a time in TIME_ZONE like "Mon 09:00" (Mon...Sun, 00:00-23:59), or "off"; got "${text}"`,
    };
  return { ok: true, value: { day, minutes: hours * 60 + minutes } };
}

/** Shorter tokens are guessable; 24 characters of `openssl rand -base64 18` carry 144 bits. */
export const MIN_DASHBOARD_TOKEN = 24;

export const leadEnvShape = {
  DASHBOARD_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine(
        (token) => token.length >= MIN_DASHBOARD_TOKEN,
        `at least ${MIN_DASHBOARD_TOKEN} characters (e.g. \`openssl rand -base64 24\`); it guards /dashboard and /metrics`,
      )
      .optional(),
  ),
  /** Force the Secure flag on the session cookie (it is set anyway on requests that came over https). */
  DASHBOARD_COOKIE_SECURE: z.preprocess(
    emptyToUndefined,
    z
      .stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'] })
      .default(false),
  ),
  METRICS_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  METRICS_HOST: z.preprocess(emptyToUndefined, z.string().trim().default('127.0.0.1')),
  /** When the weekly digest goes to the lead's channels (SLACK_/TEAMS_LEAD_CHANNEL_ID); "off": never. */
  DIGEST_SCHEDULE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('Mon 09:00')
      .transform((text, ctx) => {
        const parsed = parseWeeklyTime(text);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
  ),
  /** The dashboard's address as the lead opens it, linked from the weekly digest. */
  DASHBOARD_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: 'an http(s) address such as https://lapis.example.com/dashboard',
      })
      .optional(),
  ),
};

type LeadEnv = z.output<z.ZodObject<typeof leadEnvShape>>;

/** Cross-variable rules; `problem(name, message)` reports one on a variable. */
export function checkLeadEnv(
  env: LeadEnv & { PORT: number },
  problem: (name: keyof LeadEnv, message: string) => void,
): void {
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT)
    problem('METRICS_PORT', 'must differ from PORT (it is a listener of its own)');
}
