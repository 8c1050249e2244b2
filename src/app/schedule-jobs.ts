import type { Logger } from '../logging/logger';

export interface PeriodicJob {
  readonly name: string;
  readonly periodMs: number;
  readonly run: () => Promise<unknown>;
  /** Runs on every instance each period (no slot is claimed): for per-process state such as caches. */
  readonly perInstance?: boolean;
}

/**
 * Runs each job once a period on one instance: `claim` (a unique slot in the database) decides which.
 * Returns a stop function. A failed run is logged and the next period tries again.
 */
export function scheduleJobs(
  jobs: readonly PeriodicJob[],
  claim: (job: string, periodMs: number) => Promise<boolean>,
  log: Logger,
): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        if (job.perInstance || (await claim(job.name, job.periodMs))) await job.run();
      } catch (err) {
        log.error({ err, job: job.name }, 'periodic job failed');
      } finally {
        running = false;
      }
    };
    // Ticks more often than the period, so a slot is taken soon after it opens on some instance.
    const timer = setInterval(() => void tick(), Math.max(250, Math.min(job.periodMs / 4, 15_000)));
    timer.unref();
    return timer;
  });
  return () => timers.forEach((timer) => clearInterval(timer));
}
