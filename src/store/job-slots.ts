import type { Db } from 'mongodb';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './version-guard';

interface SlotDocument {
  _id: string;
  owner: string;
  at: Date;
}

/**
 * One instance at a time for a periodic job: the period's slot (`${job}#${n}`, n = time / period) is
 * claimed by a unique insert, so of several instances exactly one runs the job each period; should it
 * die, the next period's slot is free for any of them.
 */
export function createJobSlots(db: Db, owner: string, now: () => Date = () => new Date()) {
  const slots = db.collection<SlotDocument>(COLLECTIONS.jobSlots);
  return {
    async claim(job: string, periodMs: number): Promise<boolean> {
      const at = now();
      try {
        await slots.insertOne({
          _id: `${job}#${Math.floor(at.getTime() / periodMs)}`,
          owner,
          at,
        });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    /** Slots older than a day guard nothing any more. */
    async prune(): Promise<void> {
      await slots.deleteMany({ at: { $lt: new Date(now().getTime() - 24 * 3600_000) } });
    },
  };
}
