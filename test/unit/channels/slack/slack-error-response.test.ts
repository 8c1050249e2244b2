import type { ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { IntakeRefused } from '../../../../src/core/pipeline/intake';
import { slackProcessEventError } from '../../../../src/channels/slack/slack-error-response';

/** A ServerResponse stand-in recording what Bolt's error handler writes. */
function answer(error: unknown) {
  const written: { status?: number; headers: Record<string, string>; ended: boolean } = {
    headers: {},
    ended: false,
  };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => void (written.headers[name] = value),
    writeHead: (status: number) => void (written.status = status),
    end: () => void (written.ended = true),
  };
  const logger = { error: jest.fn(), debug: jest.fn(), warn: jest.fn(), info: jest.fn() };
  const args = { error, response, logger, request: {}, storedResponse: undefined };
  return slackProcessEventError(args as unknown as ReceiverProcessEventErrorHandlerArgs).then(
    () => written,
  );
}

describe("Bolt's answer when a listener could not record an event", () => {
  it('keeps the intake refusal status: 503 with Retry-After while busy, 500 when the database is down', async () => {
    const busy = new IntakeRefused('overloaded', 'the database is busy');
    expect(await answer(busy)).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    // Bolt hands its error handlers the listener's error wrapped in its own.
    expect(await answer({ original: busy, message: 'wrapped' })).toMatchObject({ status: 503 });
    const down = new IntakeRefused('unavailable', 'the database is unavailable', 500);
    expect(await answer(down)).toMatchObject({ status: 500, headers: {} });
  });

  it('leaves any other error to Bolt (500)', async () => {
    expect(await answer(new Error('boom'))).toMatchObject({ status: 500, ended: true });
  });
});
