import { TZDate } from '@date-fns/tz';

/**
 * Business-time arithmetic for SLA clocks: working days and hours in one time zone, minus holidays.
 * (@date-fns/tz is pure date maths with no I/O, so the core may use it.)
 */
export interface BusinessCalendar {
  /** The instant `minutes` business minutes after `from`. */
  addMinutes(from: Date, minutes: number): Date;
  /** Business minutes between two instants (0 when `to` is not after `from`). */
  minutesBetween(from: Date, to: Date): number;
}

export interface BusinessHours {
  readonly timeZone: string;
  /** Working weekdays, 0 = Sunday ... 6 = Saturday. */
  readonly days: readonly number[];
  /** Minutes after local midnight when the desk opens and closes. */
  readonly open: number;
  readonly close: number;
  /** Local dates (YYYY-MM-DD) the desk is closed. */
  readonly holidays: readonly string[];
}

const MINUTE = 60_000;
const MAX_DAYS = 3660;

/** Around the clock: P1 incidents usually are. */
export const ALWAYS_OPEN: BusinessCalendar = {
  addMinutes: (from, minutes) => new Date(from.getTime() + minutes * MINUTE),
  minutesBetween: (from, to) => Math.max(0, (to.getTime() - from.getTime()) / MINUTE),
};

export function createBusinessCalendar(hours: BusinessHours): BusinessCalendar {
  const holidays = new Set(hours.holidays);
  const days = new Set(hours.days);

  /** The working window of the local day containing `instant`, and the start of the next day. */
  const dayOf = (instant: number) => {
    const local = new TZDate(instant, hours.timeZone);
    const y = local.getFullYear();
    const m = local.getMonth();
    const d = local.getDate();
    const next = new TZDate(y, m, d + 1, 0, 0, hours.timeZone).getTime();
    const date = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!days.has(local.getDay()) || holidays.has(date)) return { window: undefined, next };
    const at = (minutes: number) =>
      new TZDate(y, m, d, Math.floor(minutes / 60), minutes % 60, hours.timeZone).getTime();
    return { window: [at(hours.open), at(hours.close)] as const, next };
  };

  return {
    addMinutes(from, minutes) {
      let cursor = from.getTime();
      let remaining = minutes * MINUTE;
      for (let i = 0; i < MAX_DAYS; i++) {
        const { window, next } = dayOf(cursor);
        if (window) {
          const start = Math.max(cursor, window[0]);
          if (start < window[1]) {
            if (remaining <= window[1] - start) return new Date(start + remaining);
            remaining -= window[1] - start;
          }
        }
        cursor = next;
      }
      throw new Error('business calendar has no working time in the next ten years');
    },
    minutesBetween(from, to) {
      let cursor = from.getTime();
      const end = to.getTime();
      let total = 0;
      for (let i = 0; i < MAX_DAYS && cursor < end; i++) {
        const { window, next } = dayOf(cursor);
        if (window) {
          const start = Math.max(cursor, window[0]);
          const stop = Math.min(end, window[1]);
          if (stop > start) total += stop - start;
        }
        cursor = next;
      }
      return total / MINUTE;
    },
  };
}
