import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdbBinary } from '../../src/store/embedded/ferretdb-binary';
import { ferretdbPostgresArgs, spawnFerretdb } from '../../src/store/embedded/ferretdb-command';
import { freePort } from '../../src/store/embedded/free-port';
import { superviseProcess, type Supervisor } from '../../src/store/embedded/supervise-process';
import { waitForPing } from '../../src/store/embedded/wait-for-ping';
import { openForTraversal, startPostgres, type PostgresServer } from './start-postgres';

export interface StartFerretdbPostgresOptions {
  /**
   * Folder for the PostgreSQL cluster (`postgres/`) and FerretDB's state file and log (`ferretdb/`);
   * created if missing.
   */
  readonly dataDir: string;
  /** Use this PostgreSQL (a `postgres://` URL) instead of starting one in `dataDir`. */
  readonly postgresUrl?: string;
  /** FerretDB's loopback port; a free one by default. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
  readonly log?: (msg: string) => void;
}

export interface FerretdbOnPostgres {
  /** `mongodb://127.0.0.1:PORT/`: what MONGODB_URI should be. */
  readonly uri: string;
  /** The PostgreSQL database FerretDB keeps the documents in. */
  readonly postgresUrl: string;
  /** The PostgreSQL started here, undefined when `postgresUrl` was given. */
  readonly postgres: PostgresServer | undefined;
  readonly ferretdbLogPath: string;
  /** The current FerretDB process, undefined while it is being restarted. */
  pid(): number | undefined;
  /** Stops FerretDB, then PostgreSQL (if started here); idempotent. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL (unless `postgresUrl` is given), then FerretDB with its PostgreSQL backend on a loopback
 * port, supervised like the embedded SQLite one (restarted on the same port if it dies, dies with us),
 * resolved once it answers `ping` (which on this backend asks PostgreSQL for its status).
 */
export async function startFerretdbPostgres(
  options: StartFerretdbPostgresOptions,
): Promise<FerretdbOnPostgres> {
  const log = options.log ?? (() => {});
  const binary = await ensureFerretdbBinary(log);
  const dataDir = path.resolve(options.dataDir);
  const stateDir = path.join(dataDir, 'ferretdb');
  mkdirSync(stateDir, { recursive: true });
  openForTraversal(dataDir);
  const postgres = options.postgresUrl
    ? undefined
    : await startPostgres({ dataDir: path.join(dataDir, 'postgres'), log });
  const postgresUrl = options.postgresUrl ?? postgres!.url;
  const logPath = path.join(stateDir, 'ferretdb.log');
  let supervisor: Supervisor;
  let uri: string;
  try {
    const port = options.port ?? (await freePort());
    uri = `mongodb://127.0.0.1:${port}/`;
    const timeoutMs = options.startTimeoutMs ?? 20_000;
    supervisor = await superviseProcess({
      name: 'FerretDB (PostgreSQL backend)',
      spawn: () =>
        spawnFerretdb(binary, ferretdbPostgresArgs(postgresUrl, stateDir, port), logPath),
      ready: (isAlive) => waitForPing(uri, timeoutMs, isAlive),
      log,
    });
  } catch (error) {
    await postgres?.stop();
    throw new Error(
      `FerretDB (PostgreSQL backend) did not start (see ${logPath}): ${String(error)}`,
    );
  }
  log(`FerretDB (pid ${supervisor.pid()}) serves ${uri} from ${postgresUrl}`);
  const onExit = () => supervisor.killNow();
  process.once('exit', onExit);
  let stopped: Promise<void> | undefined;
  return {
    uri,
    postgresUrl,
    postgres,
    ferretdbLogPath: logPath,
    pid: () => supervisor.pid(),
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', onExit);
        await supervisor.stop();
        await postgres?.stop();
      })()),
  };
}
