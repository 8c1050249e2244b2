/** Idempotency: remembers platform delivery ids (Slack event_id, Teams activity id). */
export interface DeliveryLog {
  /** True the first time an id is seen, false for every redelivery. */
  firstDelivery(deliveryId: string): Promise<boolean>;
  /** Forgets an id whose processing failed, so the platform's retry is processed instead of dropped. */
  release(deliveryId: string): Promise<void>;
}
