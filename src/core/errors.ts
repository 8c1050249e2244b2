/** Why the core refused or could not do something; channels turn each code into a polite, localised reply. */
export type ErrorCode =
  | 'not_allowed'
  | 'stale_action'
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'unavailable'
  /** A write kept losing (or a dead writer's claim still blocks it): redo the event later. */
  | 'contended';

export class LapisError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LapisError';
  }
}

export function isLapisError(error: unknown, code?: ErrorCode): error is LapisError {
  return error instanceof LapisError && (code === undefined || error.code === code);
}
