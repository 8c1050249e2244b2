import pRetry from 'p-retry';
import { z } from 'zod';

/**
 * Retries a Bot Connector call that Teams turned away, and only those: 429 (throttled), 412
 * (precondition failed), 502 and 504 (gateway) mean the request was not carried out, so sending it
 * again cannot post twice. Anything else (including timeouts and dropped connections, where the
 * message may well have been posted) is thrown at once. Waits grow exponentially with full jitter
 * and honour Retry-After.
 */
export const RETRIABLE_STATUSES: readonly number[] = [429, 412, 502, 504];

export interface RetryOptions {
  /** Tries in all, the first included (default 4). */
  readonly attempts?: number;
  /** First backoff ceiling in ms (default 500), doubling each time up to `maxDelayMs` (8 s). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRetry?: (info: { attempt: number; status: number; delayMs: number }) => void;
}

const statusError = z.object({ statusCode: z.number().int() });
interface WithHeaders {
  readonly response: { readonly headers: { get(name: string): unknown } };
}
const withHeaders = z.object({
  response: z.object({
    headers: z.object({ get: z.custom((value) => typeof value === 'function') }),
  }),
});
/** Checked with zod, but read from the error itself: `get` is a method of the headers object. */
const hasHeaders = (error: unknown): error is WithHeaders => withHeaders.safeParse(error).success;

/** The HTTP status of a failed connector call (RestError.statusCode), if it had one. */
export function statusOf(error: unknown): number | undefined {
  const parsed = statusError.safeParse(error);
  return parsed.success ? parsed.data.statusCode : undefined;
}

/** Retry-After in ms (seconds or an HTTP date), capped at 60 s. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (!hasHeaders(error)) return undefined;
  const value = error.response.headers.get('retry-after');
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : undefined;
}

export async function retryTransient<T>(
  operation: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8000;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  return pRetry(() => operation(), {
    retries: attempts - 1,
    // The waits are decided below (full jitter, Retry-After), so p-retry adds none of its own.
    minTimeout: 0,
    maxTimeout: 0,
    onFailedAttempt: async (error) => {
      const status = statusOf(error);
      // Thrown from here, the error itself is what retryTransient rejects with: the last one.
      if (error.retriesLeft <= 0 || status === undefined || !RETRIABLE_STATUSES.includes(status))
        throw error;
      const attempt = error.attemptNumber;
      const jittered = Math.round(random() * Math.min(max, base * 2 ** (attempt - 1)));
      const delayMs = Math.max(jittered, retryAfterMs(error) ?? 0);
      options.onRetry?.({ attempt, status, delayMs });
      await sleep(delayMs);
    },
  });
}
