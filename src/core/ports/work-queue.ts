/**
 * A durable queue of work items in lanes: items of one lane are worked one at a time, in arrival
 * order (a lane is a conversation, a ticket, a destination). The store makes claims exclusive across
 * processes and lets a claim expire when its worker dies, so another instance takes the item over.
 */
export interface WorkItem<T> {
  /** Deterministic: the platform's delivery id, an effect's key. A second enqueue is a no-op. */
  readonly id: string;
  readonly lane: string;
  readonly payload: T;
  /** Times this item was tried and put back (retryLater); 0 on its first run. */
  readonly attempts: number;
  readonly receivedAt: Date;
}

export interface NewWorkItem<T> {
  readonly id: string;
  readonly lane: string;
  readonly payload: T;
  /** Stored as already done: a record that the id was seen, with no work to do. */
  readonly done?: boolean;
}

/** An item this worker holds until its lease runs out; every call settles the item or the lease. */
export interface ClaimedWork<T> {
  readonly item: WorkItem<T>;
  /** Pushes the lease's expiry forward (long work). */
  renew(): Promise<void>;
  /** Finished: the lane moves on. */
  done(): Promise<void>;
  /** Not now: the item (and its lane behind it) waits `delayMs`, then is tried again. */
  retryLater(delayMs: number, reason: string, options?: { countAttempt?: boolean }): Promise<void>;
  /** Given up for good: kept for the record, and the lane moves on. */
  fail(reason: string): Promise<void>;
  /** Lets another worker take it now (shutdown). */
  release(): Promise<void>;
}

/** The oldest pending item of a lane, as seen by `dueHeads`. */
export interface LaneHead {
  readonly id: string;
  readonly lane: string;
}

export interface DueWork {
  /** Each lane's oldest pending item, when it is due; oldest first, up to the limit asked for. */
  readonly heads: readonly LaneHead[];
  /** Items pending in all, due or not (the backlog). */
  readonly pending: number;
}

export interface WorkQueue<T> {
  readonly name: string;
  /** Stores new items; returns the ids that were new (the others were already there). */
  enqueue(items: readonly NewWorkItem<T>[]): Promise<string[]>;
  /**
   * One look at the whole queue. Lanes are found this way rather than one query per lane because a
   * query other than by id reads the whole collection on FerretDB 1.24: one read serves many lanes.
   */
  dueHeads(limit: number): Promise<DueWork>;
  /**
   * Claims a head that `dueHeads` returned, for `owner`, when it is still pending and due and nobody
   * holds it. (A head stays the head until it is finished: later items always sort after it.)
   */
  claim(id: string, owner: string, leaseMs: number): Promise<ClaimedWork<T> | undefined>;
  /** Whether this id was stored (and its status). */
  status(id: string): Promise<'pending' | 'done' | 'failed' | undefined>;
}
