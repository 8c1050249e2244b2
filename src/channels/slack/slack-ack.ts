/**
 * Slack wants every request acknowledged within 3 seconds. Over HTTP Lapis runs Bolt with
 * `processBeforeResponse`, so the reply waits for the listener: the work is awaited up to a budget
 * (2.5 s by default) and, if it takes longer, carries on after the reply. Quick work therefore
 * finishes before Slack hears back (and a failure of an event becomes a 500 that Slack retries),
 * and slow work never makes Slack wait past its deadline.
 */
export const DEFAULT_ACK_BUDGET_MS = 2500;

export type Outcome = 'done' | 'late';

export interface WorkRunner {
  /**
   * Runs `work`, resolving when it is done or when the budget is spent, whichever is first. A failure
   * within the budget rejects (the caller decides whether Slack should retry); a failure after it is
   * only reported to `onLateError`, since Slack has its answer by then.
   */
  within(work: () => Promise<void>): Promise<Outcome>;
  /** Resolves when every piece of work started so far has settled (for tests and shutdown). */
  idle(): Promise<void>;
}

export function createWorkRunner(
  budgetMs: number,
  onLateError: (error: unknown) => void,
): WorkRunner {
  const running = new Set<Promise<void>>();

  return {
    async within(work) {
      const task = work();
      const tracked = task.then(
        () => undefined,
        () => undefined,
      );
      running.add(tracked);
      void tracked.finally(() => running.delete(tracked));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), budgetMs);
      });
      try {
        const outcome = await Promise.race([task.then(() => 'done' as const), late]);
        if (outcome === 'late') task.catch(onLateError);
        return outcome;
      } finally {
        clearTimeout(timer);
      }
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
