import { TZDate } from '@date-fns/tz';
import type { WeeklyTime } from '../config/lead';

const DAY_MS = 24 * 3600_000;

/** The latest instant at or before `at` that is `time` in `timeZone` (e.g. the last Monday 09:00 there). */
export function latestWeeklyTime(time: WeeklyTime, at: Date, timeZone: string): Date {
  const local = new TZDate(at.getTime(), timeZone);
  for (let back = 0; back <= 7; back++) {
    const candidate = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() - back,
      Math.floor(time.minutes / 60),
      time.minutes % 60,
      timeZone,
    );
    if (candidate.getDay() === time.day && candidate.getTime() <= at.getTime())
      return new Date(candidate.getTime());
  }
  // Unreachable: one of the last eight days is the day, and a week back its time has passed.
  return new Date(at.getTime() - 7 * DAY_MS);
}

/**
 * The week a digest posted at `at` sums up: the seven whole days before the day it is posted, in
 * `timeZone` ([from, to) from midnight to midnight), so consecutive digests cover every day once.
 */
export function weekBefore(at: Date, timeZone: string): { from: Date; to: Date; day: string } {
  const local = new TZDate(at.getTime(), timeZone);
  const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
  const to = new TZDate(y, m, d, 0, 0, timeZone);
  const from = new TZDate(y, m, d - 7, 0, 0, timeZone);
  const day = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { from: new Date(from.getTime()), to: new Date(to.getTime()), day };
}
