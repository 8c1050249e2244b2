import { LRUCache } from 'lru-cache';
import type { Effect } from '../core/effects';
import type { QueuedWork } from '../core/pipeline/queued-work';
import type { ClaimedWork, WorkQueue } from '../core/ports/work-queue';
import type { HelpdeskMeter } from './helpdesk-meter';

interface Arrival {
  readonly at: number;
  readonly platform: string;
  readonly kind: string;
}

/** Events whose first reply has not been seen yet; an event that causes none is forgotten with age. */
const MAX_WAITING = 10_000;

/**
 * The inbox and outbox, watched for the time from an event's arrival to its first reply.
 * - The intake records each event with `inbox.enqueue`: its arrival is noted then (an event taken by
 *   another instance or before a restart is noted when claimed, from its stored `receivedAt`).
 * - The core keys the effects an inbox item causes `${itemId}#${n}` (create-helpdesk.ts `flush`); when
 *   the first of them is marked done in the outbox, it has been sent: the time is observed once.
 * Measured where the effect is sent by this process; effects sent by another instance are not seen here.
 */
export function meterReplies(
  queues: { readonly inbox: WorkQueue<QueuedWork>; readonly outbox: WorkQueue<Effect> },
  meter: HelpdeskMeter,
  now: () => number = Date.now,
): { inbox: WorkQueue<QueuedWork>; outbox: WorkQueue<Effect> } {
  const waiting = new LRUCache<string, Arrival>({ max: MAX_WAITING });
  const note = (id: string, work: QueuedWork, at: number) => {
    if (work.kind === 'inbound' && !waiting.has(id))
      waiting.set(id, { at, platform: work.event.user.platform, kind: work.event.kind });
  };
  const sent = (effectId: string) => {
    const hash = effectId.lastIndexOf('#');
    if (hash < 0) return;
    const origin = effectId.slice(0, hash);
    const arrival = waiting.get(origin);
    if (!arrival) return;
    waiting.delete(origin);
    meter.replied(Math.max(0, now() - arrival.at) / 1000, arrival);
  };
  const { inbox, outbox } = queues;

  return {
    inbox: {
      ...passThrough(inbox),
      async enqueue(items) {
        const at = now();
        const fresh = await inbox.enqueue(items);
        for (const item of items) if (fresh.includes(item.id)) note(item.id, item.payload, at);
        return fresh;
      },
      async claim(id, owner, leaseMs) {
        const claim = await inbox.claim(id, owner, leaseMs);
        if (claim) note(claim.item.id, claim.item.payload, claim.item.receivedAt.getTime());
        return claim;
      },
    },
    outbox: {
      ...passThrough(outbox),
      async claim(id, owner, leaseMs) {
        const claim = await outbox.claim(id, owner, leaseMs);
        return claim && onDone(claim, () => sent(claim.item.id));
      },
    },
  };
}

function passThrough<T>(queue: WorkQueue<T>): WorkQueue<T> {
  return {
    name: queue.name,
    enqueue: (items) => queue.enqueue(items),
    dueHeads: (limit) => queue.dueHeads(limit),
    claim: (id, owner, leaseMs) => queue.claim(id, owner, leaseMs),
    status: (id) => queue.status(id),
  };
}

function onDone<T>(claim: ClaimedWork<T>, then: () => void): ClaimedWork<T> {
  return {
    item: claim.item,
    renew: () => claim.renew(),
    async done() {
      await claim.done();
      then();
    },
    retryLater: (delayMs, reason, options) => claim.retryLater(delayMs, reason, options),
    fail: (reason) => claim.fail(reason),
    release: () => claim.release(),
  };
}
