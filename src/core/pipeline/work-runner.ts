import type { ClaimedWork, WorkItem, WorkQueue } from '../ports/work-queue';
import { retryDelayMs } from './retry-delay';

/** What a handler tells the runner about an item it could not finish. */
export class RetryLater extends Error {
  constructor(
    message: string,
    /** Overrides the usual backoff (e.g. "the card is not posted yet: look again in 1 s"). */
    readonly delayMs?: number,
    /** False for waiting on something else, which is not a failure of this item. */
    readonly countAttempt = true,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

export class GiveUp extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GiveUp';
  }
}

export interface WorkRunnerOptions<T> {
  readonly queue: WorkQueue<T>;
  /** Does the item's work; throwing puts it back (RetryLater, or any error) or fails it (GiveUp). */
  readonly handle: (item: WorkItem<T>) => Promise<void>;
  /** Called once when an item is failed for good (after maxAttempts, or GiveUp), before it is failed. */
  readonly onGiveUp?: (item: WorkItem<T>, reason: string) => Promise<void>;
  /** Identifies this process in claims. */
  readonly owner: string;
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly maxAttempts: number;
  readonly log: {
    warn(data: object, msg: string): void;
    error(data: object, msg: string): void;
  };
}

export interface WorkRunner {
  /** Work on this lane soon (something was just enqueued for it). */
  wake(lane: string): void;
  start(): void;
  /** Stops taking work; waits for work in hand up to `deadlineMs`, then lets go of the rest. */
  stop(deadlineMs: number): Promise<void>;
  /** Resolves when nothing is in hand here and no due item is left in the queue (tests). */
  idle(timeoutMs?: number): Promise<void>;
  /** Items being worked on by this process right now. */
  inHand(): number;
}

/** Items of one lane worked in a row before the slot goes to another lane (fairness). */
const BATCH_PER_LANE = 20;

/**
 * Works a WorkQueue: up to `concurrency` lanes at once, each lane's items one at a time in order.
 * Lanes come from `wake` (this process enqueued something) and from a poll of the queue (other
 * instances' work, items put back, what a crashed process left). Leases are renewed while an item is
 * worked, so only a dead worker's items are taken over.
 */
export function createWorkRunner<T>(options: WorkRunnerOptions<T>): WorkRunner {
  const { queue, log } = options;
  const wanted = new Set<string>();
  const busy = new Set<string>();
  const inHandNow = new Map<string, ClaimedWork<T>>();
  let running = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let polling = false;
  const laneTasks = new Set<Promise<void>>();

  function pump(): void {
    if (!running) return;
    for (const lane of wanted) {
      if (busy.size >= options.concurrency) return;
      if (busy.has(lane)) continue;
      wanted.delete(lane);
      busy.add(lane);
      const task = workLane(lane)
        .catch((err: unknown) => log.error({ err, lane, queue: queue.name }, 'work lane failed'))
        .finally(() => {
          busy.delete(lane);
          laneTasks.delete(task);
          pump();
        });
      laneTasks.add(task);
    }
  }

  async function workLane(lane: string): Promise<void> {
    for (let n = 0; n < BATCH_PER_LANE && running; n++) {
      const claim = await queue.claimHead(lane, options.owner, options.leaseMs);
      if (!claim) return;
      await workItem(claim);
    }
    if (running) wanted.add(lane); // more may wait: give other lanes a turn first
  }

  async function workItem(claim: ClaimedWork<T>): Promise<void> {
    const { item } = claim;
    inHandNow.set(item.id, claim);
    const renewer = setInterval(
      () => void claim.renew().catch(() => undefined),
      Math.max(100, options.leaseMs / 3),
    );
    try {
      await options.handle(item);
      await claim.done();
    } catch (error) {
      await putBack(claim, error).catch((err: unknown) =>
        // The database is gone too: the lease runs out and the item is tried again then.
        log.warn({ err, id: item.id, queue: queue.name }, 'could not put an item back'),
      );
    } finally {
      clearInterval(renewer);
      inHandNow.delete(item.id);
    }
  }

  async function putBack(claim: ClaimedWork<T>, error: unknown): Promise<void> {
    const { item } = claim;
    const reason = error instanceof Error ? error.message : String(error);
    const retry = error instanceof RetryLater ? error : undefined;
    const counts = retry?.countAttempt ?? true;
    if (error instanceof GiveUp || (counts && item.attempts + 1 >= options.maxAttempts)) {
      log.error({ err: error, id: item.id, queue: queue.name }, 'giving up on a work item');
      await options.onGiveUp?.(item, reason);
      await claim.fail(reason);
      return;
    }
    if (!retry)
      log.warn({ err: error, id: item.id, queue: queue.name }, 'work item failed; retrying');
    const delay = retry?.delayMs ?? retryDelayMs(item.attempts);
    await claim.retryLater(delay, reason, { countAttempt: counts });
  }

  async function poll(): Promise<void> {
    if (polling || !running) return;
    polling = true;
    try {
      for (const lane of await queue.dueLanes(options.concurrency * 4)) wanted.add(lane);
      pump();
    } catch (err) {
      log.warn({ err, queue: queue.name }, 'could not look for work');
    } finally {
      polling = false;
    }
  }

  return {
    wake(lane) {
      wanted.add(lane);
      pump();
    },
    start() {
      if (running) return;
      running = true;
      pollTimer = setInterval(() => void poll(), options.pollMs);
      pollTimer.unref();
      void poll();
    },
    async stop(deadlineMs) {
      running = false;
      if (pollTimer) clearInterval(pollTimer);
      wanted.clear();
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref());
      await Promise.race([Promise.allSettled([...laneTasks]), deadline]);
      // What is still in hand is let go, so another instance (or the next start) takes it now.
      await Promise.allSettled([...inHandNow.values()].map((c) => c.release()));
    },
    async idle(timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        if (busy.size === 0 && wanted.size === 0 && !polling) {
          const due = await queue.dueLanes(1);
          if (due.length === 0 && busy.size === 0 && wanted.size === 0) return;
          for (const lane of due) wanted.add(lane);
          pump();
        }
        if (Date.now() > until) throw new Error(`${queue.name} did not become idle`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    inHand: () => inHandNow.size,
  };
}
