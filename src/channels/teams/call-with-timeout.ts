import pTimeout from 'p-timeout';

/**
 * A connector call that got no answer in time. It is not retried where it happened (retry-transient
 * retries only what Teams turned away): a timed-out POST may well have been posted. It surfaces as an
 * ordinary error, which the outbox puts back and tries again later; delivery is at-least-once.
 */
export class ConnectorTimeoutError extends Error {
  readonly code = 'teams_connector_timeout';
  constructor(timeoutMs: number) {
    super(`the Teams connector did not answer within ${timeoutMs} ms`);
    this.name = 'ConnectorTimeoutError';
  }
}

/**
 * Runs `call` with a signal that aborts after `timeoutMs`, and rejects then whatever `call` does: the
 * HTTP client's own timeout stops counting once headers arrive, and a token fetch inside the call
 * does not take the signal, so the deadline is kept here.
 */
export async function callWithTimeout<T>(
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  return pTimeout(call(controller.signal), timeoutMs, () => {
    const error = new ConnectorTimeoutError(timeoutMs);
    controller.abort(error);
    throw error;
  });
}
