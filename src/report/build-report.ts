import { groupGaps, unsettledQuestions } from './gaps';
import { l0Figures, weakArticles } from './l0-figures';
import { l1Target, levelFigures, type ReadTicket } from './level-figures';
import { closureFigures } from './closure-figures';
import { csatFigures } from './csat-figures';
import type { ReportDraft, ReportInput, ReportOptions, ReportOutcome } from './report-input';
import { inPeriod } from './report-math';
import { REPORT_VERSION, type Report, type ReportFilters } from './report-types';
import { backlogFigures, slaFigures } from './sla-figures';
import { readHistory } from './ticket-history';

export const DEFAULT_L1_TARGET = { low: 0.7, high: 0.8 } as const;
const MAX_DRAFT_ITEMS = 100;

/**
 * The lead's report for [from, to) from plain records: a pure function (no I/O, no clock unless
 * `generatedAt` is left out). Filters: channel (the requester's platform), category (tickets only:
 * L0 outcomes carry none), language (ticket or outcome locale), level (tickets that reached it).
 */
export function buildReport(input: ReportInput, options: ReportOptions): Report {
  const filters = cleanFilters(options.filters ?? {});
  const notes = [...(options.notes ?? [])];
  if (filters.category)
    notes.push('L0 figures are not filtered by category: L0 outcomes carry none.');
  if (filters.level) notes.push('L0 figures are not filtered by level: L0 comes before any level.');
  const read: ReadTicket[] = [];
  for (const ticket of input.tickets) {
    if (ticket.createdAt.getTime() >= options.to.getTime()) continue;
    if (filters.channel && ticket.requester.platform !== filters.channel) continue;
    if (filters.category && ticket.category !== filters.category) continue;
    if (filters.language && ticket.locale !== filters.language) continue;
    const history = readHistory(ticket, options.to);
    if (filters.level && history.maxLevel < filters.level) continue;
    read.push({ ticket, history });
  }
  const outcomes = input.outcomes.filter((o) => keepOutcome(o, filters, options));
  const l0 = l0Figures(outcomes);
  const levels = levelFigures(read, options);
  return {
    version: REPORT_VERSION,
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    period: { from: options.from.toISOString(), to: options.to.toISOString() },
    filters,
    l0,
    levels,
    l1Target: l1Target(levels, options.l1Target ?? DEFAULT_L1_TARGET),
    sla: slaFigures(read, options),
    csat: csatFigures(read, options),
    backlog: backlogFigures(read, options.to),
    closures: closureFigures(read, options),
    gaps: {
      groups: groupGaps(unsettledQuestions(outcomes), input.drafts, options.questionTerms),
      weakArticles: weakArticles(l0.articles),
    },
    notes,
    drafts: draftFigures(input.drafts),
  };
}

function keepOutcome(o: ReportOutcome, filters: ReportFilters, options: ReportOptions): boolean {
  if (!inPeriod(o.at, options.from, options.to)) return false;
  if (filters.channel && o.user.platform !== filters.channel) return false;
  return !filters.language || o.locale === filters.language;
}

/** Only the filters that are set, so the JSON shows exactly what was asked. */
function cleanFilters(filters: ReportFilters): ReportFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  );
}

function draftFigures(drafts: readonly ReportDraft[]): Report['drafts'] {
  const order = { draft: 0, approved: 1, exported: 2 } as const;
  const byStatus = { draft: 0, approved: 0, exported: 0 };
  for (const d of drafts) byStatus[d.status] += 1;
  return {
    waiting: byStatus.draft + byStatus.approved,
    total: drafts.length,
    byStatus,
    items: [...drafts]
      .sort((a, b) => order[a.status] - order[b.status] || a.id.localeCompare(b.id))
      .slice(0, MAX_DRAFT_ITEMS)
      .map(({ id, title, ticketKey, lang, status }) => ({ id, title, ticketKey, lang, status })),
  };
}
