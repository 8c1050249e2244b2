import pTimeout from 'p-timeout';
import type { ClaimedWork, LaneHead, WorkItem, WorkQueue } from '../ports/work-queue';
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
  /** Told the number of pending items at every look at the queue (the backlog). */
  readonly onLook?: (pending: number) => void;
  readonly log: {
    warn(data: object, msg: string): void;
    error(data: object, msg: string): void;
  };
}

export interface WorkRunner {
  /** Something was just enqueued (on this lane): look for work soon. */
  wake(lane: string): void;
  start(): void;
  /** Stops taking work; waits for work in hand up to `deadlineMs`, then lets go of the rest. */
  stop(deadlineMs: number): Promise<void>;
  /** Resolves when nothing is in hand here and no due item is left in the queue (tests). */
  idle(timeoutMs?: number): Promise<void>;
  /** Items being worked on by this process right now. */
  inHand(): number;
}

/**
 * Works a WorkQueue: up to `concurrency` lanes at once, each lane's items one at a time in order.
 * One look at the queue (`dueHeads`) gives the next item of many lanes; it is taken when something
 * was enqueued here (`wake`), when a slot frees up, and every `pollMs` (other instances' work, items
 * put back, what a crashed process left). Leases are renewed while an item is worked, so only a dead
 * worker's items are taken over.
 */
export function createWorkRunner<T>(options: WorkRunnerOptions<T>): WorkRunner {
  const { queue, log } = options;
  const busy = new Set<string>();
  const inHandNow = new Map<string, ClaimedWork<T>>();
  /** Heads from the last look not yet tried: used before looking again. */
  let ready: LaneHead[] = [];
  let running = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let looking = false;
  let lookAgain = false;
  /** The last look saw items it did not hand out (a lane's next item, one not yet due...). */
  let moreWaiting = true;
  const laneTasks = new Set<Promise<void>>();

  function pump(): void {
    while (running && busy.size < options.concurrency) {
      const head = ready.shift();
      if (!head) break;
      if (busy.has(head.lane)) continue;
      busy.add(head.lane);
      const task = workHead(head)
        .catch((err: unknown) =>
          log.error({ err, lane: head.lane, queue: queue.name }, 'work lane failed'),
        )
        .finally(() => {
          busy.delete(head.lane);
          laneTasks.delete(task);
          // The lane's next item, if the last look saw one, shows up in the next look; what is
          // enqueued later wakes the runner, what other instances enqueue is found by the poll.
          if (ready.length > 0) pump();
          else if (moreWaiting) void look();
        });
      laneTasks.add(task);
    }
  }

  async function workHead(head: LaneHead): Promise<void> {
    const claim = await queue.claim(head.id, options.owner, options.leaseMs);
    if (claim) await workItem(claim);
  }

  async function workItem(claim: ClaimedWork<T>): Promise<void> {
    const { item } = claim;
    inHandNow.set(item.id, claim);
    const renewer = setInterval(
      () => void claim.renew().catch(() => undefined),
      Math.max(100, options.leaseMs / 3),
    );
    try {
      try {
        await options.handle(item);
      } catch (error) {
        await putBack(claim, error).catch((err: unknown) =>
          // The database is gone too: the lease runs out and the item is tried again then.
          log.warn({ err, id: item.id, queue: queue.name }, 'could not put an item back'),
        );
        return;
      }
      await finish(claim);
    } finally {
      clearInterval(renewer);
      inHandNow.delete(item.id);
    }
  }

  /**
   * Records a handled item as finished. A failure here is no reason to handle it again (an outbox
   * entry would be sent twice): the record is tried again, the lease still renewed, for as long as
   * the lease could still be this worker's (`leaseMs`). Past that another worker may have taken it
   * over, and the item is left to its lease: redone, so delivered at least once.
   */
  async function finish(claim: ClaimedWork<T>): Promise<void> {
    const until = Date.now() + options.leaseMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await claim.done();
      } catch (err) {
        const pause = Math.min(2000, 100 * 2 ** attempt);
        if (Date.now() + pause > until) {
          const id = claim.item.id;
          log.warn({ err, id, queue: queue.name }, 'could not record a finished item');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
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

  /** One look at the queue at a time; asks made meanwhile are served by one more look after it. */
  async function look(): Promise<void> {
    if (!running) return;
    if (looking) {
      lookAgain = true;
      return;
    }
    if (busy.size >= options.concurrency) return; // a freed slot looks again
    looking = true;
    lookAgain = false;
    try {
      const due = await queue.dueHeads(options.concurrency * 4);
      options.onLook?.(due.pending);
      moreWaiting = due.pending > due.heads.length;
      ready = due.heads.filter((h) => !busy.has(h.lane));
      pump();
    } catch (err) {
      log.warn({ err, queue: queue.name }, 'could not look for work');
    } finally {
      looking = false;
    }
    if (lookAgain) void look();
  }

  return {
    wake() {
      void look();
    },
    start() {
      if (running) return;
      running = true;
      pollTimer = setInterval(() => void look(), options.pollMs);
      pollTimer.unref();
      void look();
    },
    async stop(deadlineMs) {
      running = false;
      if (pollTimer) clearInterval(pollTimer);
      ready = [];
      await pTimeout(Promise.allSettled([...laneTasks]), deadlineMs, () => undefined);
      // What is still in hand is let go, so another instance (or the next start) takes it now.
      await Promise.allSettled([...inHandNow.values()].map((c) => c.release()));
    },
    async idle(timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        if (busy.size === 0 && ready.length === 0 && !looking) {
          const due = await queue.dueHeads(1);
          if (due.heads.length === 0 && busy.size === 0 && ready.length === 0) return;
          void look();
        }
        if (Date.now() > until) throw new Error(`${queue.name} did not become idle`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    inHand: () => inHandNow.size,
  };
}
