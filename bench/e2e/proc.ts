import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What Linux says about a process: CPU time (utime + stime from /proc/<pid>/stat, in clock ticks)
 * and resident memory (VmRSS). Undefined once the process is gone.
 */
export const CLOCK_TICKS = clockTicks();

function clockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/** CPU seconds the process has used so far (user + system). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 (state) on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return (utime + stime) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

export function rssMbOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A process the bench measures: its pid (which may change, e.g. a restarted FerretDB) and RSS. */
export interface Measured {
  readonly pid: () => number | undefined;
  readonly rssMb: () => number | undefined;
}

/**
 * CPU used between start and stop, in cores (CPU seconds per wall second), summed over processes;
 * undefined when there is nothing to measure or a process changed (restarted) meanwhile.
 */
export function cpuClock(processes: readonly Measured[]) {
  const pids = processes.map((p) => p.pid());
  const before = pids.map((pid) => (pid === undefined ? undefined : cpuSeconds(pid)));
  const ownBefore = process.cpuUsage();
  const startedAt = performance.now();
  return {
    /** Cores used by the processes, and by this process (the load driver and the Slack stub). */
    stop(): { cores: number | undefined; driverCores: number } {
      const wall = (performance.now() - startedAt) / 1000;
      const own = process.cpuUsage(ownBefore);
      const driverCores = (own.user + own.system) / 1e6 / wall;
      let used = 0;
      for (const [i, p] of processes.entries()) {
        const pid = p.pid();
        const b = before[i];
        const a = pid === undefined ? undefined : cpuSeconds(pid);
        if (pid !== pids[i] || a === undefined || b === undefined)
          return { cores: undefined, driverCores };
        used += a - b;
      }
      return { cores: processes.length ? used / wall : undefined, driverCores };
    },
  };
}

/** Peak RSS of each process, sampled every `everyMs` until stop. */
export function rssPeaks(processes: readonly Measured[], everyMs = 250) {
  const peaks = processes.map(() => 0);
  const sample = () =>
    processes.forEach((p, i) => (peaks[i] = Math.max(peaks[i]!, p.rssMb() ?? 0)));
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): number[] {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
