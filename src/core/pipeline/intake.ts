import pTimeout from 'p-timeout';
import type { Inbound } from '../inbound';
import type { WorkQueue } from '../ports/work-queue';
import { withoutNul } from '../text/without-nul';
import { laneOfWork, workIdOf, type QueuedWork } from './queued-work';

/** Why an event was not taken: the HTTP status a channel answers with, so the platform retries. */
export class IntakeRefused extends Error {
  constructor(
    readonly reason: 'stopping' | 'overloaded' | 'unavailable',
    message: string,
    readonly status: 503 | 500 = 503,
  ) {
    super(message);
    this.name = 'IntakeRefused';
  }
}

/** A write that landed this recently shows the database is up (see timedOut). */
const BUSY_WINDOW_MS = 3000;

export interface IntakeOptions {
  readonly inbox: WorkQueue<QueuedWork>;
  readonly timeoutMs: number;
  readonly maxBacklog: number;
  readonly wake: (lane: string) => void;
  readonly log: { warn(data: object, msg: string): void };
}

/**
 * Records an event before the platform gets its 2xx. The record (unique by delivery id) is both the
 * dedupe and the work item; a redelivery changes nothing. The write has its own short budget: when
 * the database does not answer within it the channel answers 5xx and the platform retries (should
 * the write land after all, the retry is then recognised as a duplicate).
 */
export function createIntake(options: IntakeOptions) {
  let stopping = false;
  let backlog = 0;
  /** When the database last answered: a timeout soon after means "busy", not "down". */
  let lastAnswerAt = 0;

  function admission(): IntakeRefused | undefined {
    if (stopping) return new IntakeRefused('stopping', 'Lapis is shutting down; try again shortly');
    if (backlog >= options.maxBacklog)
      return new IntakeRefused('overloaded', `backlog of ${backlog} events; try again shortly`);
    return undefined;
  }

  async function accept(received: Inbound): Promise<'accepted' | 'duplicate'> {
    const refused = admission();
    if (refused) throw refused;
    const event = withoutNul(received);
    const work: QueuedWork = { kind: 'inbound', event };
    const lane = laneOfWork(work);
    try {
      const fresh = await pTimeout(
        options.inbox.enqueue([{ id: workIdOf(event), lane, payload: work }]),
        options.timeoutMs,
        () => {
          throw refusedAfter('the database did not answer in time');
        },
      );
      lastAnswerAt = Date.now();
      if (fresh.length === 0) return 'duplicate';
      backlog++;
      options.wake(lane);
      return 'accepted';
    } catch (error) {
      if (error instanceof IntakeRefused) throw error;
      options.log.warn({ err: error }, 'could not record an event; the platform will retry');
      throw refusedAfter('the database is unavailable');
    }
  }

  /**
   * A write that failed or timed out while the database still answers other calls means it is busy
   * (503, retry later, nobody is told it is down); with no answer for a while, it is down (500).
   */
  function refusedAfter(what: string): IntakeRefused {
    if (Date.now() - lastAnswerAt < BUSY_WINDOW_MS)
      return new IntakeRefused('overloaded', 'the database is busy; try again shortly');
    return new IntakeRefused('unavailable', what, 500);
  }

  return {
    accept,
    admission,
    /** The backlog as last counted (the runner recounts it as it polls). */
    setBacklog(count: number) {
      backlog = count;
    },
    backlog: () => backlog,
    /** The database answered something else (a look at the queue): it is up, if busy. */
    databaseAnswered() {
      lastAnswerAt = Date.now();
    },
    close() {
      stopping = true;
    },
  };
}
