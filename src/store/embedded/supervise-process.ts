import type { ChildProcess } from 'node:child_process';

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A process that ran this long counts as healthy: its next restart is quick again. */
  readonly resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 10_000, resetAfterMs: 30_000 };

export interface SuperviseOptions {
  /** For log lines, e.g. "FerretDB". */
  readonly name: string;
  spawn(): ChildProcess;
  /** Resolves once the process serves; rejects when it does not (or when `isAlive` turns false). */
  ready(isAlive: () => boolean): Promise<void>;
  readonly log: (msg: string) => void;
  readonly backoff?: Backoff;
  /** Between SIGTERM and SIGKILL on stop. */
  readonly stopGraceMs?: number;
}

export interface Supervisor {
  pid(): number | undefined;
  /** Stops restarting, then stops the process; idempotent. */
  stop(): Promise<void>;
  /** Synchronous last resort for a process 'exit' handler. */
  killNow(): void;
}

/** One spawned process and what we know of it. */
interface Run {
  readonly child: ChildProcess;
  running: boolean;
  startedAt: number;
  exitReason: string;
  readonly exited: Promise<void>;
}

function track(child: ChildProcess): Run {
  let markExited = () => {};
  const run: Run = {
    child,
    running: true,
    startedAt: Date.now(),
    exitReason: '',
    exited: new Promise<void>((resolve) => (markExited = resolve)),
  };
  const done = (reason: string) => {
    run.running = false;
    run.exitReason ||= reason;
    markExited();
  };
  child.once('exit', (code, signal) => done(signal ?? `exit code ${code}`));
  // 'error' without a pid means it never started (e.g. ENOENT), and 'exit' will not follow.
  child.on('error', (error) => child.pid === undefined && done(error.message));
  return run;
}

async function stopRun(run: Run, graceMs: number): Promise<void> {
  if (!run.running) return;
  run.child.kill('SIGTERM');
  const timer = setTimeout(() => run.child.kill('SIGKILL'), graceMs);
  await run.exited;
  clearTimeout(timer);
}

/**
 * Starts a process and restarts it whenever it dies on its own, with exponential backoff; a failed
 * restart (e.g. its port is taken meanwhile) is retried the same way. The first start throws instead,
 * so that a broken setup fails loudly.
 */
export async function superviseProcess(options: SuperviseOptions): Promise<Supervisor> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const graceMs = options.stopGraceMs ?? 5000;
  let current: Run | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delayMs = backoff.initialMs;

  const launch = async (): Promise<Run> => {
    const run = track(options.spawn());
    current = run;
    try {
      await options.ready(() => run.running);
    } catch (error) {
      await stopRun(run, graceMs);
      throw error;
    }
    if (!stopping) void run.exited.then(() => onUnexpectedExit(run));
    return run;
  };

  const onUnexpectedExit = (run: Run) => {
    if (stopping || current !== run) return;
    options.log(`${options.name} (pid ${run.child.pid}) exited unexpectedly (${run.exitReason})`);
    if (Date.now() - run.startedAt >= backoff.resetAfterMs) delayMs = backoff.initialMs;
    scheduleRestart();
  };

  const scheduleRestart = () => {
    const wait = delayMs;
    delayMs = Math.min(delayMs * 2, backoff.maxMs);
    options.log(`restarting ${options.name} in ${wait} ms`);
    timer = setTimeout(() => void restart(), wait);
  };

  const restart = async () => {
    timer = undefined;
    if (stopping) return;
    try {
      const run = await launch();
      if (!stopping) options.log(`${options.name} restarted (pid ${run.child.pid})`);
    } catch (error) {
      if (stopping) return;
      options.log(
        `${options.name} restart failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      scheduleRestart();
    }
  };

  await launch();
  return {
    pid: () => (current?.running ? current.child.pid : undefined),
    stop: () => {
      stopping = true;
      clearTimeout(timer);
      stopped ??= current ? stopRun(current, graceMs) : Promise.resolve();
      return stopped;
    },
    killNow: () => {
      stopping = true;
      clearTimeout(timer);
      if (current?.running) current.child.kill('SIGKILL');
    },
  };
}
