import type { BusinessHours } from '../core/sla/business-calendar';
import type { SlaTarget } from '../core/sla/sla-policy';
import { DEFAULT_SLA_TARGETS } from '../core/sla/sla-policy';
import type { Priority } from '../core/ticket';

/** Parsers for the human-friendly SLA settings; each returns a value or a message saying what was expected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "Mon-Fri 08:00-17:00" (days as a range or a comma list). */
export function parseBusinessHours(
  text: string,
): Parsed<Pick<BusinessHours, 'days' | 'open' | 'close'>> {
  const match =
    /^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?((?:\s*,\s*[a-z]{3})*)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/i.exec(
      text,
    );
  const fail = {
    ok: false as const,
    message: 'expected days and hours like "Mon-Fri 08:00-17:00"',
  };
  if (!match) return fail;
  const day = (name: string | undefined) => DAY_NAMES.indexOf((name ?? '').toLowerCase());
  const first = day(match[1]);
  const last = match[2] ? day(match[2]) : first;
  const extra = (match[3] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(day);
  if (first < 0 || last < 0 || extra.some((d) => d < 0)) return fail;
  const days = new Set<number>(extra);
  for (let d = first; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === last) break;
  }
  const open = Number(match[4]) * 60 + Number(match[5]);
  const close = Number(match[6]) * 60 + Number(match[7]);
  if (open >= close || close > 24 * 60)
    return { ok: false, message: 'the closing time must come after the opening time' };
  return { ok: true, value: { days: [...days].sort(), open, close } };
}

/** "2026-12-25,2027-01-01" */
export function parseHolidays(text: string): Parsed<string[]> {
  const dates = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = dates.filter(
    (d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)),
  );
  return bad.length
    ? { ok: false, message: `expected dates as YYYY-MM-DD, got ${bad.join(', ')}` }
    : { ok: true, value: dates };
}

function minutes(text: string, dayMinutes: number): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.round(m[2] === 'm' ? n : m[2] === 'h' ? n * 60 : n * dayMinutes);
}

/** "P1=15m/4h,P2=1h/8h" (first response / resolution; m, h or business days d); unnamed priorities keep their defaults. */
export function parseSlaTargets(
  text: string,
  dayMinutes: number,
): Parsed<Record<Priority, SlaTarget>> {
  const targets: Record<Priority, SlaTarget> = { ...DEFAULT_SLA_TARGETS };
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(P[1-4])\s*=\s*([^/]+)\/(.+)$/.exec(part);
    const firstResponse = m ? minutes(m[2] ?? '', dayMinutes) : undefined;
    const resolution = m ? minutes(m[3] ?? '', dayMinutes) : undefined;
    if (!m || !firstResponse || !resolution) {
      return {
        ok: false,
        message: `expected entries like "P1=15m/4h" (first response/resolution in m, h or d), got "${part}"`,
      };
    }
    targets[m[1] as Priority] = { firstResponse, resolution };
  }
  return { ok: true, value: targets };
}
