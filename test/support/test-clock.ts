import type { Clock } from '../../src/core/ports/clock';

/** A clock the test moves, for the core's timers (SLA, reminders, auto-close, hours notices). */
export function createTestClock(start: string): Clock & {
  advance(minutes: number): void;
} {
  let now = new Date(start);
  return {
    now: () => now,
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

/** Monday 30 Nov 2026, 09:00 in Jakarta (the default TIME_ZONE): the desk is open. */
export const MONDAY_9_JAKARTA = '2026-11-30T02:00:00Z';
/** Saturday 28 Nov 2026, 10:00 in Jakarta: the desk is closed until Monday 08:00. */
export const SATURDAY_10_JAKARTA = '2026-11-28T03:00:00Z';
/** Reminder after 2 business hours, close after 4; a resolution closes after 3. */
export const TIMER_ENV = {
  WAITING_REMIND_HOURS: '2',
  WAITING_CLOSE_HOURS: '4',
  RESOLVED_CLOSE_HOURS: '3',
} as const;
