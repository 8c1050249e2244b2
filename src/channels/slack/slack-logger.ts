import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logging/logger';

/** Bolt's (and the WebClient's) logger interface on top of Lapis's structured pino logger. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const write =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]): void => {
      const err = messages.find((m): m is Error => m instanceof Error);
      const text = messages
        .filter((m) => m !== err)
        .map((m) => (typeof m === 'string' ? m : describe(m)))
        .join(' ');
      child[method](err ? { err } : {}, text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => undefined, // LOG_LEVEL decides, for Slack's messages as for everything else
    getLevel: () => {
      const level = child.level;
      if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => undefined,
  };
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
