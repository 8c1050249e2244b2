import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedDatabase } from './embedded-database';
import { ensureFerretdbBinary } from './ferretdb-binary';
import { freePort } from './free-port';
import { waitForPing } from './wait-for-ping';

export interface StartFerretdbOptions {
  /** Folder for the SQLite files, the state file and the server log; created if missing. */
  readonly dataDir: string;
  readonly port?: number;
  readonly startTimeoutMs?: number;
  readonly log?: (msg: string) => void;
}

/**
 * Starts FerretDB (SQLite backend) on a free loopback port and resolves once it answers `ping`.
 * The debug listener is disabled (it defaults to a fixed port that two instances would fight over),
 * the state file goes to the data folder, and telemetry is off (it would phone home).
 */
export async function startFerretdb(options: StartFerretdbOptions): Promise<EmbeddedDatabase> {
  const binary = await ensureFerretdbBinary(options.log);
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const logFile = createWriteStream(path.join(dataDir, 'ferretdb.log'), { flags: 'a' });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    // Own process group: a Ctrl-C in the terminal reaches Lapis, which then stops the server in order
    // (closing its connections first) instead of both dying at once.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // Never leave an orphan server behind, even when the parent exits without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const uri = `mongodb://127.0.0.1:${port}/`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    }
    logFile.end();
  };
  try {
    await waitForPing(uri, options.startTimeoutMs ?? 20000, () => !exited);
  } catch (error) {
    await stop();
    throw new Error(
      `FerretDB did not start (see ${path.join(dataDir, 'ferretdb.log')}): ${String(error)}`,
    );
  }
  return { uri, kind: 'ferretdb', stop };
}
