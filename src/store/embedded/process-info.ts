import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Fields of /proc/<pid>/stat after the command name (which may itself hold spaces and parentheses). */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Only real pids: 0 and negative numbers would address whole process groups in kill(). */
function isPid(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0;
}

/** True while the process exists and is not a zombie (a killed orphan can linger unreaped). */
export function isPidAlive(pid: number): boolean {
  if (!isPid(pid)) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.[0] !== 'Z';
}

/**
 * Start time in clock ticks since boot (Linux only). With the pid it tells a process from a later one
 * that reuses its pid, as happens when a container restarts with the same data volume.
 */
export function processStartTicks(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** A process's command line: /proc on Linux, else `ps` (split on blanks: good enough for a check). */
export function processArgs(pid: number): string[] | undefined {
  if (!isPid(pid)) return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      const out = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
      return out.trim().split(/\s+/).filter(Boolean);
    } catch {
      return undefined;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls, since a process that is not our child gives no exit event. */
export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isPidAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves true once the process is gone. */
export async function terminatePid(pid: number, graceMs = 3000): Promise<boolean> {
  const signal = (name: NodeJS.Signals) => {
    try {
      if (isPid(pid)) process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  if (await waitForPidExit(pid, graceMs)) return true;
  signal('SIGKILL');
  return waitForPidExit(pid, 2000);
}
