import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { freePort } from '../../src/store/embedded/free-port';

const run = promisify(execFile);

/** The cluster's superuser; with trust authentication it needs no password. */
export const POSTGRES_SUPERUSER = 'postgres';
const DATABASE = 'ferretdb';

export interface StartPostgresOptions {
  /**
   * Folder for the cluster (`pgdata/`), its Unix socket (`socket/`) and the server log
   * (`postgres.log`); created if missing. A cluster already there is reused, else initdb makes one.
   */
  readonly dataDir: string;
  /** A loopback TCP port; a free one by default. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
  readonly log?: (msg: string) => void;
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/ferretdb`, for FerretDB's `--postgresql-url`. */
  readonly url: string;
  readonly port: number;
  /** Where initdb, postgres, psql etc. were found. */
  readonly binDir: string;
  readonly logPath: string;
  pid(): number | undefined;
  /** Fast shutdown (clients disconnected, clean checkpoint); idempotent. */
  stop(): Promise<void>;
}

/** PostgreSQL's server programs are not installed (or not where we look). */
export class PostgresNotFoundError extends Error {
  readonly code = 'postgres_not_found';
  constructor(looked: readonly string[]) {
    super(
      'PostgreSQL was not found: no initdb and postgres in ' +
        (looked.length ? looked.join(', ') : '/usr/lib/postgresql/*/bin or on PATH') +
        '.\nInstall PostgreSQL (`npm run setup:postgres` runs `apt-get install -y postgresql` on ' +
        'Debian and Ubuntu), or set LAPIS_POSTGRES_BIN to the folder holding initdb and postgres.',
    );
    this.name = 'PostgresNotFoundError';
  }
}

/**
 * The folder with initdb and postgres: LAPIS_POSTGRES_BIN, else Debian's /usr/lib/postgresql/<newest>/bin
 * (not on PATH there), else the first PATH entry that has both.
 */
export function findPostgresBinDir(): string {
  const looked: string[] = [];
  const has = (dir: string) =>
    existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'));
  const fromEnv = process.env.LAPIS_POSTGRES_BIN;
  if (fromEnv) {
    if (has(fromEnv)) return fromEnv;
    throw new PostgresNotFoundError([`${fromEnv} (LAPIS_POSTGRES_BIN)`]);
  }
  const debian = '/usr/lib/postgresql';
  looked.push(`${debian}/*/bin`);
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = path.join(debian, version, 'bin');
      if (has(dir)) return dir;
    }
  }
  looked.push('PATH');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (has(dir)) return dir;
  }
  throw new PostgresNotFoundError(looked);
}

/** Who runs initdb and postgres: ourselves, or (as root, which PostgreSQL refuses) a system user. */
interface Account {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

function lookupAccount(name: string): Account | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }));
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * As root: LAPIS_POSTGRES_USER, else `postgres` (created by Debian's package), else `nobody`.
 * Otherwise undefined: the server runs as the current user.
 */
function serverAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const wanted = process.env.LAPIS_POSTGRES_USER;
  if (wanted) {
    const account = lookupAccount(wanted);
    if (!account) throw new Error(`LAPIS_POSTGRES_USER=${wanted}: no such user`);
    return account;
  }
  const account = lookupAccount('postgres') ?? lookupAccount('nobody');
  if (!account) {
    throw new Error(
      'PostgreSQL refuses to run as root, and neither a `postgres` nor a `nobody` user exists: ' +
        'create one, or set LAPIS_POSTGRES_USER to an unprivileged user',
    );
  }
  return account;
}

/** Our environment without PG* variables (PGOPTIONS, PGHOST, ...), which would redirect the tools. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
}

/** Runs one of PostgreSQL's programs, as `account` when given, and returns its stdout. */
async function tool(
  binDir: string,
  name: string,
  args: string[],
  options: { account?: Account; cwd?: string } = {},
): Promise<string> {
  try {
    const { stdout } = await run(path.join(binDir, name), args, {
      env: cleanEnv(),
      ...(options.cwd && { cwd: options.cwd }),
      ...(options.account && { uid: options.account.uid, gid: options.account.gid }),
      maxBuffer: 8 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const detail =
      error instanceof Error && 'stderr' in error && String(error.stderr).trim()
        ? String(error.stderr)
        : String(error);
    throw new Error(`${name} ${args.join(' ')} failed:\n${detail.trim()}`);
  }
}

/**
 * As root, adds search (x) permission for others to a folder we own, so that the unprivileged server
 * can reach the folders below it (mkdtemp makes 0700 folders). Nothing is made readable.
 */
export function openForTraversal(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const mode = statSync(dir).mode & 0o7777;
  if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o111);
}

/**
 * Makes the folders the server writes to its account's, and checks that the account can reach them
 * (a 0700 parent, such as mkdtemp's, is opened to others for traversal only).
 */
function prepareFolders(dataDir: string, dirs: string[], account: Account | undefined): void {
  mkdirSync(dataDir, { recursive: true });
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  if (!account) return;
  openForTraversal(dataDir);
  for (const dir of dirs) chownSync(dir, account.uid, account.gid);
  const probe = spawnSync('test', ['-w', dirs[0]!], { uid: account.uid, gid: account.gid });
  if (probe.status !== 0) {
    throw new Error(
      `the user ${account.name} (who runs PostgreSQL, since it refuses root) cannot write to ` +
        `${dirs[0]}: a parent folder is closed to others. Use a data folder under /tmp.`,
    );
  }
}

let setprivPath: string | null | undefined;

/** util-linux setpriv with --pdeathsig (see ferretdb-command.ts), or undefined. */
function findSetpriv(): string | undefined {
  if (setprivPath === undefined) {
    setprivPath = null;
    const candidate = '/usr/bin/setpriv';
    try {
      if (
        process.platform === 'linux' &&
        existsSync(candidate) &&
        execFileSync(candidate, ['--help'], { encoding: 'utf8' }).includes('--pdeathsig')
      ) {
        setprivPath = candidate;
      }
    } catch {
      // Unusable: spawn directly.
    }
  }
  return setprivPath ?? undefined;
}

/**
 * Starts the postmaster in its own process group, with its output appended to `logPath`. From the
 * main thread it gets SIGQUIT (immediate shutdown) when we die, even by SIGKILL: setpriv sets the
 * parent-death signal after the switch of user (which would clear it), since Node switches first.
 */
function spawnPostmaster(
  binDir: string,
  args: string[],
  logPath: string,
  account: Account | undefined,
  cwd: string,
): ChildProcess {
  const postgres = path.join(binDir, 'postgres');
  const setpriv = isMainThread ? findSetpriv() : undefined;
  const [command, commandArgs] = setpriv
    ? [setpriv, ['--pdeathsig', 'SIGQUIT', '--', postgres, ...args]]
    : [postgres, args];
  const logFd = openSync(logPath, 'a');
  try {
    return spawn(command, commandArgs, {
      stdio: ['ignore', logFd, logFd],
      detached: true,
      cwd,
      env: cleanEnv(),
      ...(account && { uid: account.uid, gid: account.gid }),
    });
  } finally {
    closeSync(logFd);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function logTail(logPath: string, lines = 15): string {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts a throw-away (or reused) PostgreSQL cluster in `dataDir` on a free loopback port, waits until
 * it accepts connections and makes sure the database `ferretdb` exists. As root, initdb and postgres
 * run as the `postgres` system user (or `nobody`), who then owns `pgdata/`. Authentication is `trust`
 * for local connections: fine for tests and trials, not for data that matters.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresServer> {
  const log = options.log ?? (() => {});
  const binDir = findPostgresBinDir();
  const account = serverAccount();
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const socketDir = path.join(dataDir, 'socket');
  const logPath = path.join(dataDir, 'postgres.log');
  prepareFolders(dataDir, [pgdata, socketDir], account);

  if (existsSync(path.join(pgdata, 'PG_VERSION'))) {
    log(`reusing the PostgreSQL cluster in ${pgdata}`);
  } else {
    log(`initdb: a new PostgreSQL cluster in ${pgdata}${account ? ` (as ${account.name})` : ''}`);
    await tool(
      binDir,
      'initdb',
      [
        `--pgdata=${pgdata}`,
        `--username=${POSTGRES_SUPERUSER}`,
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { account, cwd: dataDir },
    );
  }

  const timeoutMs = options.startTimeoutMs ?? 30_000;
  // A free port can be taken between asking and binding: then try another (unless one was given).
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    // Socket paths are limited to 107 bytes; a deep folder gets TCP only.
    const socketArg = `${socketDir}/.s.PGSQL.${port}`.length < 100 ? socketDir : '';
    const child = spawnPostmaster(
      binDir,
      [
        '-D',
        pgdata,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketArg}`,
      ],
      logPath,
      account,
      dataDir,
    );
    let exited = false;
    const exit = new Promise<void>((resolve) => {
      child.once('exit', () => {
        exited = true;
        resolve();
      });
      child.once('error', () => {
        exited = true;
        resolve();
      });
    });
    try {
      await waitForAccept(binDir, port, timeoutMs, () => !exited);
    } catch (error) {
      if (!exited) child.kill('SIGQUIT');
      await exit;
      const tail = logTail(logPath);
      if (options.port === undefined && attempt < 3 && /could not bind|in use/i.test(tail)) {
        log(`PostgreSQL could not bind port ${port}; trying another`);
        continue;
      }
      throw new Error(
        `PostgreSQL did not start (${error instanceof Error ? error.message : String(error)}); ` +
          `the end of ${logPath}:\n${tail}`,
      );
    }
    const server = managed(child, exit, () => exited, { binDir, port, logPath });
    try {
      await createDatabase(binDir, port);
    } catch (error) {
      await server.stop();
      throw error;
    }
    log(`PostgreSQL (pid ${child.pid}) accepts connections on 127.0.0.1:${port}`);
    return server;
  }
}

/** pg_isready until it says yes, the process dies or the deadline passes. */
async function waitForAccept(
  binDir: string,
  port: number,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the postgres process exited');
    try {
      await tool(binDir, 'pg_isready', [
        '--host=127.0.0.1',
        `--port=${port}`,
        `--username=${POSTGRES_SUPERUSER}`,
        '--dbname=postgres',
        '--timeout=2',
      ]);
      return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
      await sleep(100);
    }
  }
  throw new Error(`not accepting connections within ${timeoutMs} ms: ${last}`);
}

async function createDatabase(binDir: string, port: number): Promise<void> {
  try {
    await tool(binDir, 'createdb', [
      '--host=127.0.0.1',
      `--port=${port}`,
      `--username=${POSTGRES_SUPERUSER}`,
      DATABASE,
    ]);
  } catch (error) {
    if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
  }
}

function managed(
  child: ChildProcess,
  exit: Promise<void>,
  hasExited: () => boolean,
  info: { binDir: string; port: number; logPath: string },
): PostgresServer {
  const onExit = () => {
    if (!hasExited()) child.kill('SIGQUIT');
  };
  process.once('exit', onExit);
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${POSTGRES_SUPERUSER}@127.0.0.1:${info.port}/${DATABASE}`,
    ...info,
    pid: () => (hasExited() ? undefined : child.pid),
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', onExit);
        if (hasExited()) return;
        // SIGINT: fast shutdown. SIGQUIT (immediate) and SIGKILL only if it hangs.
        child.kill('SIGINT');
        const quit = setTimeout(() => child.kill('SIGQUIT'), 10_000);
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(quit);
        clearTimeout(kill);
      })()),
  };
}
