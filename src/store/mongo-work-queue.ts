import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type {
  ClaimedWork,
  LaneHead,
  NewWorkItem,
  WorkItem,
  WorkQueue,
} from '../core/ports/work-queue';
import { COLLECTIONS } from './collections';
import { filterString } from './filter-values';
import { createGroupCommit } from './group-commit';
import { insertAll } from './insert-all';
import { isDuplicateKey } from './version-guard';

/** A pending item: only pending items live in the queue's own collection, so it stays small. */
interface ItemDocument {
  _id: string;
  lane: string;
  /** Arrival order: milliseconds x 1000 plus a per-process counter. */
  seq: number;
  attempts: number;
  /** The claim chain starts here (see claim); moved on when an item is put back. */
  claimBase: number;
  notBefore: Date;
  receivedAt: Date;
  payload: unknown;
  /** Set when an item is stored again to recover it (see recover): identifies that insert. */
  nonce?: string;
  lastError?: string;
}

/** `${queue}:${id}` once an id is recorded, `${queue}:${id}#done` once it is finished (or failed). */
interface SeenDocument {
  _id: string;
  q: string;
  at: Date;
}

/** An item given up for good, kept for the record. */
interface FailedDocument {
  _id: string;
  q: string;
  lane: string;
  attempts: number;
  payload: unknown;
  lastError: string;
  receivedAt: Date;
  failedAt: Date;
}

interface ClaimDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/** After this many dead claims in a row an item is failed: it keeps killing its workers. */
const MAX_TAKEOVERS = 5;

export interface MongoWorkQueueOptions {
  readonly now?: () => Date;
  /** How long the dedupe record of an id is kept: 7 days, platforms redeliver within hours. */
  readonly retentionMs?: number;
  /** How long failed items are kept for the record. */
  readonly failedRetentionMs?: number;
}

export interface MongoWorkQueue<T> extends WorkQueue<T> {
  /** Deletes dedupe records, failed items and dead claims older than their retention. */
  prune(): Promise<number>;
}

let counter = 0;
/** Arrival order across processes: wall-clock milliseconds, then arrival within this process. */
function nextSeq(now: Date): number {
  counter = (counter + 1) % 1000;
  return now.getTime() * 1000 + counter;
}

/**
 * A WorkQueue in MongoDB, shaped by what FerretDB 1.24 (SQLite) does fast and what it does not: an
 * insert costs the same at any size; a find by `_id` alone is answered in SQL (a scan there, but
 * without decoding documents); any other query, and every update or delete, decodes the whole
 * collection. So:
 * - the queue's collection holds only pending items (finished ones are deleted), and lanes are found
 *   by one read of it (`dueHeads`) instead of a query per lane;
 * - the dedupe record is insert-only (`work_seen`): `${q}:${id}` when recorded, `#done` when finished;
 * - claims are unique inserts into `work_claims` (FerretDB's conditional updates are not atomic),
 *   `${q}:${id}#${n}`: a worker that dies leaves a claim that expires, and the next worker takes over
 *   with `#n+1` (one rescuer wins). A finished item's claims are deleted with it;
 * - what many workers do at once goes in one round trip (group-commit.ts): recording items, claiming
 *   heads (one insert of the claims), finishing (one insert of the `#done` records, one delete of the
 *   items, one of the claims). Alone, a call waits for nothing.
 */
export function createMongoWorkQueue<T>(
  db: Db,
  name: 'inbox' | 'outbox',
  options: MongoWorkQueueOptions = {},
): MongoWorkQueue<T> {
  const items = db.collection<ItemDocument>(COLLECTIONS[name], { ignoreUndefined: true });
  const seen = db.collection<SeenDocument>(COLLECTIONS.workSeen);
  const failed = db.collection<FailedDocument>(COLLECTIONS.workFailed);
  const claims = db.collection<ClaimDocument>(COLLECTIONS.workClaims);
  const now = options.now ?? (() => new Date());
  const retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;
  const failedRetentionMs = options.failedRetentionMs ?? 30 * 24 * 3600_000;
  const seenId = (id: string) => `${name}:${id}`;
  const doneId = (id: string) => `${name}:${id}#done`;
  const claimId = (id: string, n: number) => `${name}:${id}#${n}`;

  async function insertIgnoringDuplicate(insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Heads the last look found due, with their claim base (what `claim` would read first). */
  const heads = new Map<string, number>();
  const isDone = async (id: string) => (await seen.findOne({ _id: doneId(id) })) !== null;

  /** Deletes the item and every claim made on it (claims below `claimBase` went with put-backs). */
  async function forget(id: string, upTo: number): Promise<void> {
    await items.deleteOne({ _id: id });
    await claims.deleteMany({
      _id: { $in: Array.from({ length: upTo + 1 }, (_, n) => claimId(id, n)) },
    });
  }

  function newItemDocument(item: NewWorkItem<T>, at: Date): ItemDocument {
    return {
      _id: item.id,
      lane: item.lane,
      seq: nextSeq(at),
      attempts: 0,
      claimBase: 0,
      notBefore: at,
      receivedAt: at,
      payload: item.payload,
    };
  }

  /**
   * The id was recorded before. Usually that is a redelivery (a duplicate); but a process that died
   * between recording the id and storing the item left no item, and the platform (which got no 2xx)
   * is delivering it again: then the item is stored now.
   */
  async function recover(item: NewWorkItem<T>): Promise<boolean> {
    if (item.done || (await isDone(item.id))) return false;
    const nonce = randomUUID();
    try {
      await items.insertOne({ ...newItemDocument(item, now()), nonce });
    } catch (error) {
      if (isDuplicateKey(error)) return false; // pending: a plain duplicate
      throw error;
    }
    // Finished between our look and our insert: the insert was a second copy, take it back.
    if (await isDone(item.id)) {
      await items.deleteOne({ _id: item.id, nonce });
      return false;
    }
    return true;
  }

  /**
   * Records new items, many per round trip under load: the dedupe records of the batch in one
   * insert, then its new items in another. An id seen before goes through `recover`.
   */
  const enqueueBatch = createGroupCommit<{ item: NewWorkItem<T>; at: Date }, boolean>(
    async (entries) => {
      const fresh = new Array<boolean>(entries.length).fill(false);
      const seenBefore = await insertAll(
        seen,
        entries.map(({ item, at }) => ({ _id: seenId(item.id), q: name, at })),
      );
      const firsts = entries.flatMap((e, i) => (seenBefore.has(i) ? [] : [{ ...e, i }]));
      const alreadyDone = firsts.filter((e) => e.item.done);
      await insertAll(
        seen,
        alreadyDone.map(({ item, at }) => ({ _id: doneId(item.id), q: name, at })),
      );
      for (const { i } of alreadyDone) fresh[i] = true;
      const toStore = firsts.filter((e) => !e.item.done);
      // Pending for longer than its dedupe record is kept (see prune): still the same event.
      const pending = await insertAll(
        items,
        toStore.map(({ item, at }) => newItemDocument(item, at)),
      );
      toStore.forEach(({ i }, k) => (fresh[i] = !pending.has(k)));
      await Promise.all(
        entries.map(async ({ item }, i) => {
          if (seenBefore.has(i)) fresh[i] = await recover(item);
        }),
      );
      return fresh;
    },
  );

  /**
   * Claims, many per round trip under load: one insert of the claims, then a read of each item
   * whose claim went in (what `claim` checks after claiming).
   */
  const claimBatch = createGroupCommit<
    { key: string; n: number; owner: string; leaseMs: number },
    { won: boolean; item: ItemDocument | null }
  >(async (asked) => {
    const at = now().getTime();
    const taken = await insertAll(
      claims,
      asked.map(({ key, n, owner, leaseMs }) => ({
        _id: claimId(key, n),
        owner,
        expiresAt: new Date(at + leaseMs),
      })),
    );
    // One read per item: FerretDB answers a find by `_id` alone in SQL, but decodes every pending
    // item for `$in`, which under a backlog costs more than the reads it saves.
    return Promise.all(
      asked.map(async ({ key }, i) => ({
        won: !taken.has(i),
        item: taken.has(i) ? null : await items.findOne({ _id: key }),
      })),
    );
  });

  /**
   * Finishes items, many per round trip under load. The `#done` records first: from then on an item
   * is finished, even if the deletes never run (its claims go after it, see `claim`).
   */
  const finishBatch = createGroupCommit<{ id: string; upTo: number }, void>(async (finished) => {
    await insertAll(
      seen,
      finished.map(({ id }) => ({ _id: doneId(id), q: name, at: now() })),
    );
    await items.deleteMany({ _id: { $in: finished.map((f) => f.id) } });
    await claims.deleteMany({
      _id: {
        $in: finished.flatMap(({ id, upTo }) =>
          Array.from({ length: upTo + 1 }, (_, n) => claimId(id, n)),
        ),
      },
    });
    return finished.map(() => undefined);
  });

  function claimed(doc: ItemDocument, n: number, leaseMs: number): ClaimedWork<T> {
    const item: WorkItem<T> = {
      id: doc._id,
      lane: doc.lane,
      payload: doc.payload as T,
      attempts: doc.attempts,
      receivedAt: doc.receivedAt,
    };
    const myClaim = claimId(doc._id, n);
    return {
      item,
      async renew() {
        await claims.updateOne(
          { _id: myClaim },
          { $set: { expiresAt: new Date(now().getTime() + leaseMs) } },
        );
      },
      done: () => finishBatch({ id: doc._id, upTo: n }),
      async fail(reason) {
        await insertIgnoringDuplicate(() =>
          failed.insertOne({
            _id: seenId(doc._id),
            q: name,
            lane: doc.lane,
            attempts: doc.attempts,
            payload: doc.payload,
            lastError: reason.slice(0, 500),
            receivedAt: doc.receivedAt,
            failedAt: now(),
          }),
        );
        await insertIgnoringDuplicate(() =>
          seen.insertOne({ _id: doneId(doc._id), q: name, at: now() }),
        );
        await forget(doc._id, n);
      },
      async retryLater(delayMs, reason, opts) {
        await items.updateOne(
          { _id: doc._id },
          {
            $set: {
              notBefore: new Date(now().getTime() + delayMs),
              claimBase: n + 1,
              lastError: reason.slice(0, 500),
            },
            ...(opts?.countAttempt === false ? {} : { $inc: { attempts: 1 } }),
          },
        );
        await claims.deleteOne({ _id: myClaim });
      },
      async release() {
        await claims.updateOne({ _id: myClaim }, { $set: { expiresAt: new Date(0) } });
      },
    };
  }

  async function failAbandoned(doc: ItemDocument): Promise<void> {
    const reason = `abandoned by ${MAX_TAKEOVERS + 1} workers in a row`;
    const n = doc.claimBase + MAX_TAKEOVERS;
    await claimed(doc, n, 0).fail(reason);
  }

  return {
    name,
    async enqueue(newItems: readonly NewWorkItem<T>[]) {
      const at = now();
      for (const item of newItems) {
        filterString(item.id, 'work item id');
        filterString(item.lane, 'lane');
      }
      const stored = await Promise.all(newItems.map((item) => enqueueBatch({ item, at })));
      return newItems.filter((_, i) => stored[i]).map((item) => item.id);
    },

    async dueHeads(limit) {
      const docs = await items
        .find({}, { projection: { lane: 1, seq: 1, notBefore: 1, claimBase: 1 } })
        .sort({ seq: 1 })
        .toArray();
      heads.clear();
      const lanes = new Set<string>();
      const due: LaneHead[] = [];
      const at = now().getTime();
      for (const doc of docs) {
        if (lanes.has(doc.lane)) continue;
        lanes.add(doc.lane);
        if (due.length < limit && new Date(doc.notBefore).getTime() <= at) {
          due.push({ id: doc._id, lane: doc.lane });
          heads.set(doc._id, doc.claimBase);
        }
      }
      return { heads: due, pending: docs.length };
    },

    async claim(id, owner, leaseMs) {
      const key = filterString(id, 'work item id');
      // The last look saw this head due, with its claim base: no need to read it again first.
      let base = heads.get(key);
      heads.delete(key);
      if (base === undefined) {
        const doc = await items.findOne(
          { _id: key },
          { projection: { claimBase: 1, notBefore: 1 } },
        );
        if (!doc || doc.notBefore.getTime() > now().getTime()) return undefined;
        base = doc.claimBase;
      }
      for (let n = base; n <= base + MAX_TAKEOVERS; n++) {
        const attempt = await claimBatch({ key, n, owner, leaseMs });
        if (!attempt.won) {
          const existing = await claims.findOne({ _id: claimId(key, n) });
          if (existing && new Date(existing.expiresAt).getTime() > now().getTime())
            return undefined;
          continue; // that worker died (or let go): take over with the next link
        }
        // Between the look and our claim the item may have been finished, or put back (a claim
        // below its new base is one that was already used and deleted). The first link of the
        // current base being free means nobody worked the item under it, so it cannot be done; a
        // later link (a takeover) may follow a worker that finished it and died before deleting it.
        const fresh = attempt.item;
        const done = fresh !== null && n > fresh.claimBase && (await isDone(key));
        if (!fresh || fresh.claimBase > n || done) {
          await claims.deleteOne({ _id: claimId(key, n) });
          // Finished, but its process died before deleting it: finish deleting it.
          if (done) await forget(key, n);
          return undefined;
        }
        return claimed(fresh, n, leaseMs);
      }
      const doc = await items.findOne({ _id: key });
      if (doc) await failAbandoned(doc);
      return undefined;
    },

    async status(id) {
      const key = filterString(id, 'work item id');
      if (await items.findOne({ _id: key }, { projection: { _id: 1 } })) return 'pending';
      if (await failed.findOne({ _id: seenId(key) }, { projection: { _id: 1 } })) return 'failed';
      if (await isDone(key)) return 'done';
      return undefined;
    },

    async prune() {
      const at = now().getTime();
      const old = await seen.deleteMany({ q: name, at: { $lt: new Date(at - retentionMs) } });
      await failed.deleteMany({ q: name, failedAt: { $lt: new Date(at - failedRetentionMs) } });
      await claims.deleteMany({
        _id: { $regex: `^${name}:` },
        expiresAt: { $lt: new Date(at - retentionMs) },
      });
      return old.deletedCount;
    },
  };
}
