import path from 'node:path';
import { isFerretdbOn } from './ferretdb-command';
import { LOCK_FILE, ownerIsAlive, readLock, type LockContent } from './ferretdb-lock';
import { isPidAlive, processArgs } from './process-info';
import { waitForPing } from './wait-for-ping';

/** The embedded FerretDB another live Lapis process runs on a data folder. */
export interface RunningServer {
  readonly uri: string;
  readonly lapisPid: number;
  readonly ferretdbPid: number;
}

/** A live Lapis holds the folder, but its server could not be verified and reached in time. */
export class RunningServerUnreachableError extends Error {
  readonly code = 'running_server_unreachable';
  constructor(dataDir: string, lapisPid: number, why: string) {
    super(
      `Lapis (pid ${lapisPid}) is running on the database folder ${dataDir}, but its embedded ` +
        `database could not be reached: ${why}. Try again in a moment, or stop that Lapis.`,
    );
    this.name = 'RunningServerUnreachableError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server of the Lapis process that holds `dataDir` (its lock names the process, the FerretDB
 * and the port), once verified: the owner is alive, the FerretDB pid is a FerretDB serving exactly
 * this folder on exactly that port, and it answers `ping`. Undefined when no live process holds the
 * folder (no lock, or one left by a crashed run: the caller starts a server itself, which replaces
 * the stale lock). While the owner lives but its server is not verified (starting, or restarted by
 * its supervisor) it is asked again until `timeoutMs`, then RunningServerUnreachableError.
 */
export async function findRunningServer(
  dataDir: string,
  options: { readonly timeoutMs: number },
): Promise<RunningServer | undefined> {
  const folder = path.resolve(dataDir);
  const lockPath = path.join(folder, LOCK_FILE);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const held = readLock(lockPath);
    // Our own server is reached through the handle that started it, not found again.
    if (!held || held.lapisPid === process.pid || !ownerIsAlive(held)) return undefined;
    const found = await verify(held, folder, Math.min(2000, options.timeoutMs));
    if (typeof found !== 'string') return found;
    if (Date.now() >= deadline)
      throw new RunningServerUnreachableError(folder, held.lapisPid, found);
    await sleep(200);
  }
}

/** The verified server, or why it is not (yet) one to connect to. */
async function verify(
  held: LockContent,
  dataDir: string,
  pingMs: number,
): Promise<RunningServer | string> {
  const { ferretdbPid: pid, port } = held;
  if (!pid || !port) return 'its server has not started yet';
  if (!isPidAlive(pid)) return `its FerretDB (pid ${pid}) is not running`;
  const args = processArgs(pid);
  if (!isFerretdbOn(args, dataDir) || !args?.includes(`--listen-addr=127.0.0.1:${port}`))
    return `pid ${pid} is not a FerretDB serving this folder on port ${port}`;
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitForPing(uri, pingMs, () => isPidAlive(pid));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return { uri, lapisPid: held.lapisPid, ferretdbPid: pid };
}
