/** Slack errors that say "not now" (the rest, such as user_not_found or is_archived, mean "never"). */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

/**
 * The error code of a Web API call Slack refused for good (an unknown user, an archived channel,
 * blocks it will not take, a file it will not show), or undefined for anything worth trying again
 * (an outage, a timeout, a rate limit).
 */
export function finalSlackRefusal(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  const platform = (error as { code?: unknown } | null)?.code === 'slack_webapi_platform_error';
  return platform && typeof code === 'string' && !TRANSIENT.has(code) ? code : undefined;
}
