import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedDatabase } from './embedded-database';
import { ensureFerretdbBinary } from './ferretdb-binary';
import { ferretdbArgs, spawnFerretdb } from './ferretdb-command';
import { acquireDataDirLock, type DataDirLock } from './ferretdb-lock';
import { freePort } from './free-port';
import { superviseProcess, type Backoff, type Supervisor } from './supervise-process';
import { waitForPing } from './wait-for-ping';

export interface StartFerretdbOptions {
  /** Folder for the SQLite files, the state file, the lock and the server log; created if missing. */
  readonly dataDir: string;
  readonly port?: number;
  readonly startTimeoutMs?: number;
  readonly log?: (msg: string) => void;
  /** Restart delays after an unexpected exit; the default suits production. */
  readonly restartBackoff?: Backoff;
}

export interface FerretdbDatabase extends EmbeddedDatabase {
  readonly kind: 'ferretdb';
  /** The current server process, undefined while it is being restarted. */
  pid(): number | undefined;
}

/**
 * Starts FerretDB (SQLite backend) on a loopback port and resolves once it answers `ping`. It holds the
 * data folder's lock (one server per folder), dies with Lapis (parent-death signal where available),
 * and is restarted on the same port if it dies on its own, so that the URI stays valid.
 */
export async function startFerretdb(options: StartFerretdbOptions): Promise<FerretdbDatabase> {
  const log = options.log ?? (() => {});
  const binary = await ensureFerretdbBinary(options.log);
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir, log);
  let supervisor: Supervisor;
  let uri: string;
  try {
    const port = options.port ?? (await freePort());
    uri = ferretdbUri(port);
    supervisor = await superviseFerretdb(binary, dataDir, port, lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  // Never leave an orphan server or our lock behind, even when Lapis exits without calling stop().
  const onExit = () => {
    supervisor.killNow();
    lock.release();
  };
  process.once('exit', onExit);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener('exit', onExit);
      await supervisor.stop();
      lock.release();
    })());
  return { uri, kind: 'ferretdb', stop, pid: () => supervisor.pid() };
}

const ferretdbUri = (port: number) => `mongodb://127.0.0.1:${port}/`;

async function superviseFerretdb(
  binary: string,
  dataDir: string,
  port: number,
  lock: DataDirLock,
  options: StartFerretdbOptions,
): Promise<Supervisor> {
  const logPath = path.join(dataDir, 'ferretdb.log');
  const uri = ferretdbUri(port);
  const timeoutMs = options.startTimeoutMs ?? 20000;
  try {
    return await superviseProcess({
      name: 'FerretDB',
      spawn: () => {
        const child = spawnFerretdb(binary, ferretdbArgs(dataDir, port), logPath);
        if (child.pid) lock.update({ ferretdbPid: child.pid, port });
        return child;
      },
      ready: (isAlive) => waitForPing(uri, timeoutMs, isAlive),
      log: options.log ?? (() => {}),
      backoff: options.restartBackoff,
    });
  } catch (error) {
    throw new Error(`FerretDB did not start (see ${logPath}): ${String(error)}`);
  }
}
