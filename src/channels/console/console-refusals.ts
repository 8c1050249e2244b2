import type { NextFunction, Request, Response } from 'express';
import { isLapisError, type ErrorCode } from '../../core/errors';
import { IntakeRefused } from '../../core/pipeline/intake';

/**
 * Why the console refused a request, as a code the page says in its reader's language (the
 * `refusal_<code>` console labels). The `error` message beside it is for whoever calls the API by
 * hand; the page never shows it, since it is English and may name fields.
 */
export const REFUSAL_CODES = [
  'too_long',
  'busy',
  'bad_request',
  'not_found',
  'failed',
  'file_refused',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

interface Refusal {
  readonly status: number;
  readonly code: RefusalCode;
  readonly error: string;
  readonly problems?: readonly { field: string; message: string }[];
  /** What to tell the person, already in their language (a refused file's reason). */
  readonly told?: string;
}

const FROM_CORE: Record<ErrorCode, { status: number; code: RefusalCode }> = {
  invalid_input: { status: 400, code: 'bad_request' },
  not_allowed: { status: 403, code: 'bad_request' },
  not_found: { status: 404, code: 'not_found' },
  stale_action: { status: 409, code: 'bad_request' },
  conflict: { status: 409, code: 'busy' },
  contended: { status: 503, code: 'busy' },
  unavailable: { status: 503, code: 'busy' },
};

/** What an unexpected failure answers: nothing of its cause, which goes to the log alone. */
export const FAILED: Refusal = {
  status: 500,
  code: 'failed',
  error: 'Lapis could not handle that; the reason is in its log',
};

function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof IntakeRefused) {
    // Shutting down, a backlog, the database busy or down: the same "try again" to the person.
    return { status: error.status, code: 'busy', error: error.message };
  }
  if (error instanceof BadRequestError) {
    return {
      status: error.status,
      code: error.code,
      error: error.message,
      problems: error.problems,
      ...(error.told !== undefined && { told: error.told }),
    };
  }
  if (isLapisError(error)) return { ...FROM_CORE[error.code], error: error.message };
  if (isBodyParserError(error)) {
    const code = error.status === 413 ? 'too_long' : 'bad_request';
    const message =
      error.type === 'entity.parse.failed' ? 'the body is not valid JSON' : error.message;
    return { status: error.status, code, error: message };
  }
  return undefined;
}

/** The console API's error handler: every refusal as `{ error, code, problems? }`. */
export function refusalHandler(logError?: (error: unknown, context: string) => void) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const refusal = refusalOf(error);
    if (!refusal) logError?.(error, 'console request failed');
    const { status, ...body } = refusal ?? FAILED;
    res.status(status).json(body);
  };
}

/** express.json's errors carry an HTTP status (400 bad JSON, 413 too large, 415 bad charset). */
function isBodyParserError(error: unknown): error is Error & { status: number; type?: string } {
  const status: unknown = error instanceof Error ? Reflect.get(error, 'status') : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export class BadRequestError extends Error {
  constructor(
    message: string,
    readonly problems: readonly { field: string; message: string }[] = [],
    readonly status = 400,
    /** What the page says (console-refusals.ts): by default what the status means. */
    readonly code: RefusalCode = refusalOfStatus(status),
    /** What to tell the person, in their language, where the page's own words do not say it. */
    readonly told?: string,
  ) {
    super(message);
    this.name = 'BadRequestError';
  }
}

function refusalOfStatus(status: number): RefusalCode {
  if (status === 404) return 'not_found';
  return status >= 500 ? 'failed' : 'bad_request';
}
