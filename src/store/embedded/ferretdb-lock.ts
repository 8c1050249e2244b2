import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isFerretdbOn } from './ferretdb-command';
import { isPidAlive, processArgs, processStartTicks, terminatePid } from './process-info';

export const LOCK_FILE = 'lapis-db.lock';

const LockContent = z.object({
  lapisPid: z.number().int().positive(),
  /** Tells this Lapis from a later process reusing its pid (Linux only). */
  lapisStartTicks: z.string().optional(),
  ferretdbPid: z.number().int().positive().nullable(),
  port: z.number().int().positive().nullable(),
  startedAt: z.string(),
});
export type LockContent = z.infer<typeof LockContent>;

/** Another live process runs the embedded database on this folder; falling back would not help. */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(dataDir: string, pid: number) {
    super(
      pid === process.pid
        ? `This process already runs an embedded database on ${dataDir}; stop it before starting another.`
        : `Another Lapis process (pid ${pid}) is using the database folder ${dataDir}. ` +
            'Stop it first (a report or kb command lets go when it ends), or set MONGODB_URI to ' +
            'one database server that both processes share.',
    );
    this.name = 'DataDirInUseError';
  }
}

/** The data folder's lock, held by this process until `release()`. */
export interface DataDirLock {
  readonly path: string;
  /** Records the current server, so that a later run can stop it if this one is killed. */
  update(server: { ferretdbPid: number; port: number }): void;
  /** Synchronous, so that a process 'exit' handler can call it; only removes a lock that is ours. */
  release(): void;
}

/**
 * Takes `<dataDir>/lapis-db.lock` or throws DataDirInUseError. A lock left by a killed run is replaced,
 * after stopping the FerretDB it names if that one still serves this folder.
 */
export async function acquireDataDirLock(
  dataDir: string,
  log: (msg: string) => void,
): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  let content: LockContent = {
    lapisPid: process.pid,
    lapisStartTicks: processStartTicks(process.pid),
    ferretdbPid: null,
    port: null,
    startedAt: new Date().toISOString(),
  };
  // A few rounds: another starter may replace the stale lock at the same moment.
  for (let round = 0; round < 5; round++) {
    if (tryCreate(lockPath, content)) {
      return {
        path: lockPath,
        update: (server) => {
          content = { ...content, ...server };
          replace(lockPath, content);
        },
        release: () => {
          const current = readLock(lockPath);
          const ours = current?.lapisPid === process.pid && current.startedAt === content.startedAt;
          if (ours) rmSync(lockPath, { force: true });
        },
      };
    }
    const text = readText(lockPath);
    if (text === undefined) continue;
    const held = parseLock(text);
    if (held && ownerIsAlive(held)) throw new DataDirInUseError(dataDir, held.lapisPid);
    if (held) await stopStaleServer(held, dataDir, log);
    else log(`replacing the unreadable lock ${lockPath}`);
    removeStale(lockPath, text);
  }
  throw new Error(`could not take ${lockPath}: other processes keep replacing it`);
}

/**
 * Whether the process a lock names still runs (not a later process reusing its pid). Our own live
 * process counts too: two servers from one process would still share the files.
 */
export function ownerIsAlive(held: LockContent): boolean {
  if (!isPidAlive(held.lapisPid)) return false;
  const ticks = processStartTicks(held.lapisPid);
  return !held.lapisStartTicks || !ticks || ticks === held.lapisStartTicks;
}

async function stopStaleServer(held: LockContent, dataDir: string, log: (msg: string) => void) {
  const pid = held.ferretdbPid;
  // A reused pid that is not a FerretDB on this folder is someone else's process: leave it alone.
  if (!pid || !isPidAlive(pid) || !isFerretdbOn(processArgs(pid), dataDir)) return;
  log(
    `stopping a stale FerretDB (pid ${pid}) on ${dataDir}, left running by a killed Lapis run (pid ${held.lapisPid})`,
  );
  if (!(await terminatePid(pid))) throw new Error(`could not stop the stale FerretDB (pid ${pid})`);
  log(`stopped the stale FerretDB (pid ${pid})`);
}

/** Atomic create with content: a hard link fails if the lock exists and is never seen half-written. */
function tryCreate(lockPath: string, content: LockContent): boolean {
  const tmp = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(content));
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function replace(lockPath: string, content: LockContent): void {
  const tmp = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(content));
  renameSync(tmp, lockPath);
}

/**
 * Moves the stale lock aside before deleting it, so that a racing starter's fresh lock is never
 * deleted: if what was moved is not the stale one we read, it is linked back.
 */
function removeStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  try {
    if (readText(aside) !== staleText) linkSync(aside, lockPath);
  } catch {
    // Someone took the lock meanwhile; the next round reads it.
  } finally {
    rmSync(aside, { force: true });
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The lock's content, or undefined when it is missing or not ours to understand (treated as stale). */
export function readLock(lockPath: string): LockContent | undefined {
  const text = readText(lockPath);
  return text === undefined ? undefined : parseLock(text);
}

function parseLock(text: string): LockContent | undefined {
  try {
    return LockContent.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}
