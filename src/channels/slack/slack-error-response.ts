import { HTTPModuleFunctions, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { IntakeRefused } from '../../core/pipeline/intake';

/** The IntakeRefused behind an error Bolt passes on (it wraps listener errors in its own). */
export function intakeRefusalOf(error: unknown): IntakeRefused | undefined {
  if (error instanceof IntakeRefused) return error;
  const original = (error as { original?: unknown } | null)?.original;
  return original instanceof IntakeRefused ? original : undefined;
}

/**
 * Bolt answers every listener error with 500. An event the intake refused keeps its own status
 * (503 with Retry-After while busy or stopping, 500 when the database is down), so Slack and the
 * logs see why; anything else gets Bolt's own handling.
 */
export async function slackProcessEventError(
  args: ReceiverProcessEventErrorHandlerArgs,
): Promise<boolean> {
  const refused = intakeRefusalOf(args.error);
  if (!refused || args.response.headersSent)
    return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  if (refused.status === 503) args.response.setHeader('Retry-After', '5');
  args.response.writeHead(refused.status);
  args.response.end();
  return false;
}
