import pino, { type DestinationStream, type Logger } from 'pino';
import { createValueRedactor, redactFields } from './redact-secrets';

export type { Logger };

/**
 * Structured JSON logs (pino): one line per event, machine-readable in production. Credentials never
 * reach a line: fields named like one are replaced at any depth, and the configured secret values
 * (`secrets`) are replaced wherever they appear, also inside messages and error stacks.
 */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  secrets: readonly (string | undefined)[] = [],
  destination?: DestinationStream,
): Logger {
  const redactValues = createValueRedactor(secrets);
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'lapis' },
    formatters: { log: (object) => redactFields(object) as Record<string, unknown> },
    hooks: { streamWrite: redactValues },
  };
  return destination ? pino(options, destination) : pino(options);
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
