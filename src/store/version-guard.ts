import { MongoServerError, type Db } from 'mongodb';

interface GuardDocument {
  _id: string;
  at: Date;
}

/** The right to move one document from one version; release it once the conditional write is done. */
export interface VersionClaim {
  /** The write succeeded: every guard of the old version is dead now, so all are removed. */
  moved(): Promise<void>;
  /** The write changed nothing (the filter matched nothing, or the server refused it). */
  abandoned(): Promise<void>;
}

export interface VersionGuard {
  /**
   * Claims "move `subject` from `version`": undefined when someone else holds (or held) that claim.
   * `stillAt` tells whether the document is still at `version` (read only to recover a stale claim).
   */
  claim(
    subject: string,
    version: number,
    stillAt: () => Promise<boolean>,
  ): Promise<VersionClaim | undefined>;
}

/** A claim older than this was left by a writer that died between claiming and writing. */
export const STALE_CLAIM_MS = 30_000;
const MAX_TAKEOVERS = 5;

/**
 * Serialises conditional writes through unique inserts. On FerretDB 1.24 (SQLite) a conditional
 * `replaceOne({_id, version})` is not atomic (it reads, filters, then writes by _id: ten concurrent
 * calls can all match), but inserting a duplicate `_id` always fails with E11000. So a writer first
 * inserts `${subject}@${version}`; only the one whose insert succeeds may run the conditional write.
 *
 * Crash window: a writer that dies after claiming leaves the claim behind, and the document would stay
 * stuck at that version. When the claim is older than 30 s and the document is still at that version,
 * a writer takes it over by inserting the next link of a chain (`@v#1`, `@v#2`...), again a unique
 * insert, so only one of several concurrent rescuers wins. (Deleting the stale claim and re-inserting
 * it would not be safe on FerretDB: deleteOne({_id, at}) also reads, then deletes by _id alone, so a
 * slower rescuer could delete the claim a faster one had just re-inserted.)
 *
 * Claims are removed once the write is done (a claim of a version the document has left guards
 * nothing: any write conditional on that version matches nothing), so the collection stays small.
 */
export function createVersionGuard(
  db: Db,
  collection: string,
  now: () => Date = () => new Date(),
): VersionGuard {
  const guards = db.collection<GuardDocument>(collection);

  const release = async (ids: string[]): Promise<void> => {
    // Best effort: a claim left behind only costs a 30 s wait should the document return to it.
    await guards.deleteMany({ _id: { $in: ids } }).catch(() => undefined);
  };

  return {
    async claim(subject, version, stillAt) {
      const base = `${subject}@${version}`;
      const chain: string[] = [];
      let id = base;
      let vanished = 0;
      for (let link = 0; link <= MAX_TAKEOVERS;) {
        try {
          await guards.insertOne({ _id: id, at: now() });
          const own = id;
          return {
            moved: () => release([...chain, own]),
            abandoned: () => release([own]),
          };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        const existing = await guards.findOne({ _id: id });
        if (!existing) {
          // Released between our insert and our read: its owner finished, so try again.
          if (++vanished > 3 || !(await stillAt())) return undefined;
          continue;
        }
        const at = new Date(existing.at).getTime() || 0; // an unreadable `at` counts as stale
        if (now().getTime() - at < STALE_CLAIM_MS || !(await stillAt())) return undefined;
        chain.push(id);
        link++;
        id = `${base}#${link}`;
      }
      return undefined;
    },
  };
}

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
