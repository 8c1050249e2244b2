import { z } from 'zod';
import { emptyToUndefined } from './fields';

/**
 * The service-desk lead's part of the environment (src/config/config.ts spreads it in): who may open
 * /dashboard and /metrics when a chat platform is configured, and the optional metrics listener.
 */

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
