import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino): one line per event, machine-readable in production. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'lapis' }, redact: ['*.token', '*.password', '*.secret'] });
}
