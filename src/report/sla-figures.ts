import type { ReportOptions } from './report-input';
import { inPeriod } from './report-math';
import type { Level } from '../core/ticket';
import type { Report } from './report-types';
import type { ReadTicket } from './level-figures';

type SlaRow = Report['sla']['warnings'][number];

/**
 * SLA warnings and breaches recorded in the period (the sweep writes each once on the ticket), by
 * the level the ticket was at, its priority and the clock (`first_response` or `resolution`).
 */
export function slaFigures(read: readonly ReadTicket[], options: ReportOptions): Report['sla'] {
  const counts = { warning: new Map<string, SlaRow>(), breach: new Map<string, SlaRow>() };
  for (const { ticket, history } of read) {
    for (const event of history.sla) {
      if (!inPeriod(event.at, options.from, options.to)) continue;
      const key = `${event.level}|${ticket.priority}|${event.clock}`;
      const rows = counts[event.kind];
      const row = rows.get(key);
      rows.set(key, {
        level: event.level,
        priority: ticket.priority,
        kind: event.clock,
        count: (row?.count ?? 0) + 1,
      });
    }
  }
  return { warnings: sorted(counts.warning), breaches: sorted(counts.breach) };
}

function sorted(rows: Map<string, SlaRow>): SlaRow[] {
  return [...rows.values()].sort(
    (a, b) =>
      a.level - b.level || a.priority.localeCompare(b.priority) || a.kind.localeCompare(b.kind),
  );
}

const DAY_MS = 86_400_000;

/** Tickets active at `to`, by the level they were at and their age then. */
export function backlogFigures(read: readonly ReadTicket[], to: Date): Report['backlog'] {
  const rows = ([1, 2, 3] as const).map((level: Level) => ({
    level,
    total: 0,
    byAge: { under1d: 0, d1to3: 0, d3to7: 0, over7d: 0 },
  }));
  for (const { ticket, history } of read) {
    if (!history.activeAtEnd) continue;
    const row = rows[history.levelAtEnd - 1];
    if (!row) continue;
    const days = (to.getTime() - ticket.createdAt.getTime()) / DAY_MS;
    row.total += 1;
    if (days < 1) row.byAge.under1d += 1;
    else if (days < 3) row.byAge.d1to3 += 1;
    else if (days < 7) row.byAge.d3to7 += 1;
    else row.byAge.over7d += 1;
  }
  return rows;
}
