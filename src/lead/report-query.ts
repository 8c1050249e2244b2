import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import type { ReportFilters, ReportQuery } from '../report/report-types';

const DAY_MS = 86_400_000;
/** The longest period one request may ask for (a report reads every ticket of the period). */
export const MAX_PERIOD_DAYS = 400;
const DEFAULT_DAYS = 30;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const instant = z
  .string()
  .max(40)
  .refine((text) => DATE_ONLY.test(text) || DATE_TIME.test(text), {
    message: 'a date (YYYY-MM-DD, the start of that day at the desk) or an ISO time with its zone',
  });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const reportQuerySchema = z.strictObject({
  from: optional(instant),
  to: optional(instant),
  channel: optional(z.enum(['slack', 'teams', 'console'])),
  category: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a category name')),
  language: optional(z.enum(['en', 'id'])),
  level: optional(z.enum(['1', '2', '3']).transform((v) => Number(v) as 1 | 2 | 3)),
});

export type ParsedReportQuery =
  { ok: true; query: ReportQuery } | { ok: false; problems: { field: string; message: string }[] };

/**
 * Parses the query string (each field once, plain strings only): a date alone is the start of that
 * day in the desk's time zone; without `to` the period ends now, without `from` it is the 30 days
 * before `to`.
 */
export function parseReportQuery(
  raw: unknown,
  timeZone: string,
  now: Date = new Date(),
): ParsedReportQuery {
  const parsed = reportQuerySchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(query)',
        message: i.message,
      })),
    };
  const { from, to, ...rest } = parsed.data;
  const end = to ? toInstant(to, timeZone) : now;
  const start = from ? toInstant(from, timeZone) : new Date(end.getTime() - DEFAULT_DAYS * DAY_MS);
  const problem = (field: string, message: string): ParsedReportQuery => ({
    ok: false,
    problems: [{ field, message }],
  });
  if (Number.isNaN(start.getTime())) return problem('from', 'not a real date');
  if (Number.isNaN(end.getTime())) return problem('to', 'not a real date');
  if (start >= end) return problem('from', 'must come before to');
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    return problem('from', `the period is at most ${MAX_PERIOD_DAYS} days`);
  const filters: ReportFilters = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  );
  return { ok: true, query: { from: start, to: end, filters } };
}

function toInstant(text: string, timeZone: string): Date {
  if (!DATE_ONLY.test(text)) return new Date(text);
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const local = new TZDate(y, m - 1, d, timeZone);
  // new TZDate rolls 2026-02-31 over into March: such a date is refused instead.
  return local.getDate() === d ? new Date(local.getTime()) : new Date(NaN);
}
