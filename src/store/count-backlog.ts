import type { Db } from 'mongodb';
import { ACTIVE_STATUSES, LEVELS, type Level } from '../core/ticket';
import { COLLECTIONS } from './collections';

/**
 * Active tickets by level, for the lapis_backlog gauge: one query returning only the `level` field
 * (FerretDB 1.24 reads the collection for any filter but `_id`, so one read serves all three levels).
 */
export function createBacklogCounter(db: Db): () => Promise<Record<Level, number>> {
  const tickets = db.collection<{ level: number; status: string }>(COLLECTIONS.tickets);
  return async () => {
    const counts: Record<Level, number> = { 1: 0, 2: 0, 3: 0 };
    const active = tickets.find(
      { status: { $in: [...ACTIVE_STATUSES] } },
      { projection: { _id: 0, level: 1 } },
    );
    for await (const { level } of active)
      if (LEVELS.includes(level as Level)) counts[level as Level]++;
    return counts;
  };
}
