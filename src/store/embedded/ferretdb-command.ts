import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/**
 * FerretDB's flags for the SQLite backend on a loopback port. The debug listener is disabled (it
 * defaults to a fixed port that two instances would fight over), the state file goes to the data
 * folder, and telemetry is off (it would phone home).
 */
export function ferretdbArgs(dataDir: string, port: number): string[] {
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--state-dir=${dataDir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=warn',
  ];
}

/**
 * The same, for FerretDB's PostgreSQL backend: the documents live in the PostgreSQL database named by
 * `postgresUrl` (e.g. `postgres://postgres@127.0.0.1:5432/ferretdb`), only the state file in `stateDir`.
 */
export function ferretdbPostgresArgs(
  postgresUrl: string,
  stateDir: string,
  port: number,
): string[] {
  return [
    '--handler=postgresql',
    `--postgresql-url=${postgresUrl}`,
    `--state-dir=${stateDir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=warn',
  ];
}

/** Whether a command line is a FerretDB serving `dataDir` (also matches the setpriv wrapper). */
export function isFerretdbOn(args: readonly string[] | undefined, dataDir: string): boolean {
  if (!args) return false;
  return (
    args.some((arg) => path.basename(arg) === 'ferretdb') && args.includes(`--state-dir=${dataDir}`)
  );
}

let setpriv: string | null | undefined;

/** util-linux setpriv with --pdeathsig (2.33+), or undefined off Linux or where it is missing. */
function findSetpriv(): string | undefined {
  if (setpriv !== undefined) return setpriv ?? undefined;
  setpriv = null;
  if (process.platform !== 'linux') return undefined;
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  const found = dirs.map((dir) => path.join(dir, 'setpriv')).find((file) => existsSync(file));
  try {
    if (found && execFileSync(found, ['--help'], { encoding: 'utf8' }).includes('--pdeathsig')) {
      setpriv = found;
    }
  } catch {
    // An unusable setpriv: spawn directly.
  }
  return setpriv ?? undefined;
}

/**
 * The kernel's parent-death signal kills the server even when Lapis is SIGKILLed. It fires when the
 * spawning *thread* ends, so it is only used from the main thread (a worker would take the server
 * down with it when it finishes).
 */
export function ferretdbCommand(binary: string, args: string[]): [string, string[]] {
  const wrapper = isMainThread ? findSetpriv() : undefined;
  return wrapper ? [wrapper, ['--pdeathsig', 'SIGKILL', '--', binary, ...args]] : [binary, args];
}

/** Spawns one FerretDB with stdout and stderr appended to `logPath`. */
export function spawnFerretdb(binary: string, args: string[], logPath: string): ChildProcess {
  const [command, commandArgs] = ferretdbCommand(binary, args);
  // The child writes to the file itself: no pipes for Lapis to drain, and nothing to re-wire on restart.
  const logFd = openSync(logPath, 'a');
  try {
    // Own process group: a Ctrl-C in the terminal reaches Lapis, which then stops the server in order
    // (closing its connections first) instead of both dying at once.
    return spawn(command, commandArgs, { stdio: ['ignore', logFd, logFd], detached: true });
  } finally {
    closeSync(logFd);
  }
}
