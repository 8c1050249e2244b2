import type { webApi } from '@slack/bolt';

/**
 * The WebClient's retry policy. A 429 (Slack did nothing, and says when to come back) is retried
 * after its Retry-After, as is a connection that never reached Slack. Anything else (a timeout, a
 * 5xx, a reset connection) may have been carried out already, so it is not retried: a
 * chat.postMessage sent twice would post twice.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

const RATE_LIMITED = 'A rate limit was exceeded'; // the WebClient's own error after waiting Retry-After

export function isSafeToRetry(error: unknown): boolean {
  const original = field(error, 'original');
  const message = field(original, 'message') ?? field(error, 'message');
  if (typeof message === 'string' && message.startsWith(RATE_LIMITED)) return true;
  const code = field(field(original, 'cause'), 'code') ?? field(original, 'code');
  return typeof code === 'string' && NEVER_SENT.has(code);
}

export function slackRetryPolicy(
  options: { retries?: number; minTimeoutMs?: number } = {},
): webApi.RetryOptions {
  const policy = {
    retries: options.retries ?? 5,
    factor: 2,
    minTimeout: options.minTimeoutMs ?? 500,
    maxTimeout: 30_000,
    randomize: true,
    // p-retry (which the WebClient uses) stops retrying when this throws.
    onFailedAttempt: (error: unknown) => {
      if (!isSafeToRetry(error)) throw error;
    },
  };
  return policy;
}
