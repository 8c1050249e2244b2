import type { ReportOptions } from './report-input';
import { average, inPeriod } from './report-math';
import type { Report } from './report-types';
import type { ReadTicket } from './level-figures';

/**
 * Ratings given in the period that still stand (a reopen withdraws the rating it followed): by the
 * agent who resolved the ticket, and by day (the desk's local date).
 */
export function csatFigures(read: readonly ReadTicket[], options: ReportOptions): Report['csat'] {
  const agents = new Map<string, { name: string; scores: number[] }>();
  const days = new Map<string, number[]>();
  const dayOf = dayFormatter(options.timeZone ?? 'UTC');
  for (const { history } of read) {
    const rating = history.rating;
    if (!rating || !inPeriod(rating.at, options.from, options.to)) continue;
    const agent = rating.of.agent ?? { id: 'system', name: 'system' };
    const entry = agents.get(agent.id) ?? { name: agent.name, scores: [] };
    entry.scores.push(rating.score);
    agents.set(agent.id, entry);
    const day = dayOf(rating.at);
    days.set(day, [...(days.get(day) ?? []), rating.score]);
  }
  return {
    byAgent: [...agents]
      .map(([agentId, { name, scores }]) => ({
        agent: name,
        agentId,
        count: scores.length,
        average: average(scores) ?? 0,
      }))
      .sort((a, b) => b.count - a.count || a.agentId.localeCompare(b.agentId)),
    trend: [...days]
      .map(([day, scores]) => ({ day, count: scores.length, average: average(scores) ?? 0 }))
      .sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** YYYY-MM-DD of an instant in a time zone. */
export function dayFormatter(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (at) => format.format(at);
}
