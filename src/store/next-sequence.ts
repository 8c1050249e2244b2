import { MongoServerError, type Db } from 'mongodb';
import { COLLECTIONS } from './collections';

interface CounterDoc {
  _id: string;
  seq?: number;
}

/**
 * Next number of a named sequence (ticket keys IT-1042...), unique across instances.
 *
 * A plain findOneAndUpdate + $inc is atomic on MongoDB but not on FerretDB 1.24 (its SQLite backend
 * reads, then writes: ten concurrent calls returned duplicates in our tests). Unique-key inserts are
 * atomic on both, so each number is claimed by inserting `name#n`; the `name` document only holds a
 * hint of the last number handed out, so a claim usually succeeds at the first try.
 */
export async function nextSequence(db: Db, name: string, start = 1): Promise<number> {
  const counters = db.collection<CounterDoc>(COLLECTIONS.counters);
  const hint = (await counters.findOne({ _id: name }))?.seq ?? start - 1;
  let n = Math.max(hint + 1, start);
  for (let attempt = 0; attempt < 1000; attempt++, n++) {
    try {
      await counters.insertOne({ _id: `${name}#${n}` });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) continue;
      throw error;
    }
    // The hint may briefly go backwards under races; that only costs a few extra claims later.
    await counters
      .updateOne({ _id: name }, { $max: { seq: n } }, { upsert: true })
      .catch(() => undefined);
    return n;
  }
  throw new Error(`sequence ${name}: no free number after 1000 tries from ${hint + 1}`);
}
