import type { DeliveryLog } from '../ports/delivery-log';

/** In-memory DeliveryLog for unit tests of the core (same contract as the MongoDB one; never pruned). */
export function createMemoryDeliveryLog(): DeliveryLog {
  const seen = new Set<string>();
  return {
    firstDelivery(deliveryId: string): Promise<boolean> {
      if (seen.has(deliveryId)) return Promise.resolve(false);
      seen.add(deliveryId);
      return Promise.resolve(true);
    },
    release(deliveryId: string): Promise<void> {
      seen.delete(deliveryId);
      return Promise.resolve();
    },
  };
}
