import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogFormat } from './log-format';
import { createValueRedactor, redactFields } from './redact-secrets';

export type { Logger };

/**
 * Logs (pino), one line per event: JSON for machines, or pretty for a person at a terminal (time,
 * level, message, then the fields on the same line; pino-pretty in this thread, written at once so
 * that the last lines before an exit are not lost). Credentials never reach a line: fields named
 * like one are replaced at any depth, and the configured secret values (`secrets`) are replaced
 * wherever they appear, also inside messages and error stacks (before either format is applied).
 */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  secrets: readonly (string | undefined)[] = [],
  destination?: DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const redactValues = createValueRedactor(secrets);
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'lapis' },
    formatters: { log: (object) => redactFields(object) as Record<string, unknown> },
    hooks: { streamWrite: redactValues },
  };
  if (format === 'pretty') return pino(options, prettyStream(destination));
  return destination ? pino(options, destination) : pino(options);
}

/**
 * One line per event: `[12:03:04] INFO: ticket opened {"ticket":"IT-1001",...}`, colours on a
 * terminal. Line breaks in a message are folded, and errors are fields like any other (their stack
 * inside the line's JSON), so that no event spreads over several lines. Formatted in this thread and
 * written at once (as pino's own destination does), so the last lines before an exit are kept.
 */
function prettyStream(destination: DestinationStream | undefined): DestinationStream {
  const format = prettyFactory({
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,app',
    errorLikeObjectKeys: [],
    colorize: destination === undefined && process.stdout.isTTY === true,
    messageFormat: (log, messageKey) => {
      const message = log[messageKey];
      return (typeof message === 'string' ? message : '').replace(/\s*\n\s*/g, ' ');
    },
  });
  const out = destination ?? pino.destination({ dest: 1, sync: true });
  return { write: (line: string) => void out.write(format(line)) };
}

/** The configured values that must never be logged. */
export function secretValues(config: {
  readonly SLACK_BOT_TOKEN?: string | undefined;
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
  readonly TEAMS_APP_PASSWORD?: string | undefined;
  readonly MONGODB_URI?: string | undefined;
  readonly DASHBOARD_TOKEN?: string | undefined;
}): (string | undefined)[] {
  const mongoPassword = config.MONGODB_URI
    ? /^mongodb(?:\+srv)?:\/\/[^:/@]*:([^@/]+)@/.exec(config.MONGODB_URI)?.[1]
    : undefined;
  return [
    config.SLACK_BOT_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_APP_TOKEN,
    config.TEAMS_APP_PASSWORD,
    config.DASHBOARD_TOKEN,
    mongoPassword,
    mongoPassword ? decodeURIComponent(mongoPassword) : undefined,
  ];
}
