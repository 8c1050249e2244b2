import { MongoBulkWriteError, type Collection, type Document } from 'mongodb';

/** Inserts every document it can; answers the indexes of those whose `_id` was already there. */
export async function insertAll<D extends Document>(
  collection: Collection<D>,
  docs: readonly D[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await collection.insertMany(docs as never[], { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failed = [error.writeErrors].flat();
    if (failed.length === 0 || failed.some((e) => e.code !== 11000)) throw error;
    return new Set(failed.map((e) => e.index));
  }
}
