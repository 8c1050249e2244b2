import type { Db } from 'mongodb';
import type { DeliveryLog } from '../core/ports/delivery-log';
import { COLLECTIONS } from './collections';
import { filterString } from './filter-values';
import { isDuplicateKey } from './version-guard';

interface DeliveryDocument {
  deliveryId: string;
  at: Date;
}

export interface MongoDeliveryLogOptions {
  readonly now?: () => Date;
  /** How long an id is remembered (7 days: platforms redeliver within minutes). */
  readonly retentionMs?: number;
  /** At most one prune per this interval (an hour). */
  readonly pruneEveryMs?: number;
  readonly onPruneError?: (error: unknown) => void;
}

export interface MongoDeliveryLog extends DeliveryLog {
  /** Resolves once the background prune in flight, if any, has finished (tests, shutdown). */
  settled(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Delivery ids in the deliveries collection, deduplicated by its unique index (an atomic insert on
 * MongoDB and FerretDB alike). FerretDB has no TTL indexes, so old entries are deleted from here:
 * at most once an hour, in the background, never delaying or failing a delivery.
 */
export function createMongoDeliveryLog(
  db: Db,
  options: MongoDeliveryLogOptions = {},
): MongoDeliveryLog {
  const deliveries = db.collection<DeliveryDocument>(COLLECTIONS.deliveries);
  const now = options.now ?? (() => new Date());
  const retentionMs = options.retentionMs ?? 7 * DAY_MS;
  const pruneEveryMs = options.pruneEveryMs ?? DAY_MS / 24;
  let lastPrune = -Infinity;
  let pruning: Promise<void> = Promise.resolve();

  const maybePrune = (at: Date): void => {
    if (at.getTime() - lastPrune < pruneEveryMs) return;
    lastPrune = at.getTime();
    pruning = deliveries.deleteMany({ at: { $lt: new Date(at.getTime() - retentionMs) } }).then(
      () => undefined,
      (error: unknown) => options.onPruneError?.(error),
    );
  };

  return {
    async firstDelivery(deliveryId: string): Promise<boolean> {
      const at = now();
      maybePrune(at);
      try {
        await deliveries.insertOne({ deliveryId: filterString(deliveryId, 'delivery id'), at });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async release(deliveryId: string): Promise<void> {
      await deliveries.deleteOne({ deliveryId: filterString(deliveryId, 'delivery id') });
    },
    settled: () => pruning,
  };
}
