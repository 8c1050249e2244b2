import type { Db } from 'mongodb';
import { ACTIVE_STATUSES, LEVELS, type Level } from '../core/ticket';
import { COLLECTIONS } from './collections';

/**
 * Active tickets by level, for the lapis_backlog gauge: read from the active-ticket summaries
 * (ticket-refs.ts), a collection the size of the backlog, never the whole tickets collection. A
 * summary a crash left behind counts until the hourly reconcile removes it.
 */
export function createBacklogCounter(db: Db): () => Promise<Record<Level, number>> {
  const summaries = db.collection<{ level: number; status: string }>(COLLECTIONS.activeTickets);
  return async () => {
    const counts: Record<Level, number> = { 1: 0, 2: 0, 3: 0 };
    const active = summaries.find(
      { status: { $in: [...ACTIVE_STATUSES] } },
      { projection: { _id: 0, level: 1 } },
    );
    for await (const { level } of active)
      if (LEVELS.includes(level as Level)) counts[level as Level]++;
    return counts;
  };
}
