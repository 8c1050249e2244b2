import type { Db } from 'mongodb';
import type { ClaimedWork, NewWorkItem, WorkItem, WorkQueue } from '../core/ports/work-queue';
import { COLLECTIONS } from './collections';
import { filterString } from './filter-values';
import { isDuplicateKey } from './version-guard';

interface ItemDocument {
  _id: string;
  lane: string;
  /** Arrival order: milliseconds x 1000 plus a per-process counter. */
  seq: number;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  /** The claim chain starts here (see claimHead); moved on when an item is put back. */
  claimBase: number;
  notBefore: Date;
  receivedAt: Date;
  payload: unknown;
  lastError?: string;
  finishedAt?: Date;
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
  /** How long finished items (the dedupe record) are kept: 7 days, platforms redeliver within hours. */
  readonly retentionMs?: number;
}

export interface MongoWorkQueue<T> extends WorkQueue<T> {
  /** Deletes finished items and dead claims older than the retention. */
  prune(): Promise<number>;
}

let counter = 0;
/** Arrival order across processes: wall-clock milliseconds, then arrival within this process. */
function nextSeq(now: Date): number {
  counter = (counter + 1) % 1000;
  return now.getTime() * 1000 + counter;
}

/**
 * A WorkQueue in MongoDB that is exclusive on FerretDB 1.24, whose conditional updates are not atomic:
 * every claim is a unique insert into `work_claims`, `${queue}:${itemId}#${n}`. A worker that dies
 * leaves a claim that expires; the next worker takes the item over by inserting `#n+1` (one rescuer
 * wins). Claims are never deleted while they could matter: a claim that ran out is simply passed by.
 */
export function createMongoWorkQueue<T>(
  db: Db,
  name: 'inbox' | 'outbox',
  options: MongoWorkQueueOptions = {},
): MongoWorkQueue<T> {
  const items = db.collection<ItemDocument>(COLLECTIONS[name], { ignoreUndefined: true });
  const claims = db.collection<ClaimDocument>(COLLECTIONS.workClaims);
  const now = options.now ?? (() => new Date());
  const retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;

  function claimed(doc: ItemDocument, claimId: string, n: number, leaseMs: number) {
    const item: WorkItem<T> = {
      id: doc._id,
      lane: doc.lane,
      payload: doc.payload as T,
      attempts: doc.attempts,
      receivedAt: doc.receivedAt,
    };
    const finish = (status: 'done' | 'failed', reason?: string) =>
      items.updateOne(
        { _id: doc._id },
        {
          $set: {
            status,
            finishedAt: now(),
            ...(reason ? { lastError: reason.slice(0, 500) } : {}),
          },
        },
      );
    const expireClaim = () =>
      claims.updateOne({ _id: claimId }, { $set: { expiresAt: new Date(0) } });
    const work: ClaimedWork<T> = {
      item,
      async renew() {
        await claims.updateOne(
          { _id: claimId },
          { $set: { expiresAt: new Date(now().getTime() + leaseMs) } },
        );
      },
      async done() {
        await finish('done');
      },
      async fail(reason) {
        await finish('failed', reason);
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
      },
      async release() {
        await expireClaim();
      },
    };
    return work;
  }

  return {
    name,
    async enqueue(newItems: readonly NewWorkItem<T>[]) {
      if (newItems.length === 0) return [];
      const at = now();
      const docs: ItemDocument[] = newItems.map((i) => ({
        _id: filterString(i.id, 'work item id'),
        lane: filterString(i.lane, 'lane'),
        seq: nextSeq(at),
        status: i.done ? 'done' : 'pending',
        attempts: 0,
        claimBase: 0,
        notBefore: at,
        receivedAt: at,
        payload: i.payload,
        ...(i.done ? { finishedAt: at } : {}),
      }));
      if (docs.length === 1) {
        try {
          await items.insertOne(docs[0]!);
          return [docs[0]!._id];
        } catch (error) {
          if (isDuplicateKey(error)) return [];
          throw error;
        }
      }
      // Unordered: a duplicate does not stop the others; which ones were new is read back.
      try {
        await items.insertMany(docs, { ordered: false });
        return docs.map((d) => d._id);
      } catch (error) {
        const inserted = (error as { insertedIds?: Record<string, string> }).insertedIds;
        const writeErrors = (error as { writeErrors?: { code?: number }[] | { code?: number } })
          .writeErrors;
        const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        if (!list.length || list.some((e) => e.code !== 11000)) throw error;
        return Object.values(inserted ?? {});
      }
    },

    async claimHead(lane, owner, leaseMs) {
      const head = await items.findOne(
        { lane: filterString(lane, 'lane'), status: 'pending' },
        { sort: { seq: 1 } },
      );
      if (!head || head.notBefore.getTime() > now().getTime()) return undefined;
      for (let n = head.claimBase; n <= head.claimBase + MAX_TAKEOVERS; n++) {
        const claimId = `${name}:${head._id}#${n}`;
        try {
          await claims.insertOne({
            _id: claimId,
            owner,
            expiresAt: new Date(now().getTime() + leaseMs),
          });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          const existing = await claims.findOne({ _id: claimId });
          if (existing && new Date(existing.expiresAt).getTime() > now().getTime())
            return undefined;
          continue; // that worker died (or let go): take over with the next link
        }
        // The head may have been finished between our read and our claim.
        const fresh = await items.findOne({ _id: head._id });
        if (!fresh || fresh.status !== 'pending') {
          await claims.updateOne({ _id: claimId }, { $set: { expiresAt: new Date(0) } });
          return undefined;
        }
        return claimed(fresh, claimId, n, leaseMs);
      }
      // Every claim in reach was left by a worker that died: this item kills its workers.
      await items.updateOne(
        { _id: head._id, status: 'pending' },
        {
          $set: {
            status: 'failed',
            finishedAt: now(),
            lastError: `abandoned by ${MAX_TAKEOVERS + 1} workers in a row`,
          },
        },
      );
      return undefined;
    },

    async dueLanes(limit) {
      const docs = await items
        .find({ status: 'pending', notBefore: { $lte: now() } }, { projection: { lane: 1 } })
        .sort({ seq: 1 })
        .limit(Math.max(1, Math.floor(limit)))
        .toArray();
      return [...new Set(docs.map((d) => d.lane))];
    },

    pendingCount: () => items.countDocuments({ status: 'pending' }),

    async status(id) {
      const doc = await items.findOne(
        { _id: filterString(id, 'work item id') },
        { projection: { status: 1 } },
      );
      return doc?.status;
    },

    async prune() {
      const before = new Date(now().getTime() - retentionMs);
      const old = await items.deleteMany({
        status: { $in: ['done', 'failed'] },
        finishedAt: { $lt: before },
      });
      await claims.deleteMany({ _id: { $regex: `^${name}:` }, expiresAt: { $lt: before } });
      return old.deletedCount;
    },
  };
}
