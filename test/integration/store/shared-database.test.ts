import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { projectRoot } from '../../../src/util/project-root';
import { isFerretdbOn } from '../../../src/store/embedded/ferretdb-command';
import { LOCK_FILE, readLock, type LockContent } from '../../../src/store/embedded/ferretdb-lock';
import { RunningServerUnreachableError } from '../../../src/store/embedded/find-running-server';
import { processArgs, terminatePid } from '../../../src/store/embedded/process-info';
import { openSharedDatabase } from '../../../src/store/open-shared-database';

interface ChildInfo {
  readonly lapisPid: number;
  readonly ferretdbPid: number;
  readonly uri: string;
}

/**
 * An admin command's database beside a running Lapis on the embedded FerretDB: the running server
 * is found through the folder's lock, verified and shared; without one (or after a crash) a server
 * is started for the command.
 */
describe('the database of a command run beside the bot (embedded FerretDB)', () => {
  let dataDir: string;
  let folder: string;
  let logs: string[];
  const children: ChildProcess[] = [];
  const servers: number[] = [];
  const open = (timeoutMs = 5000) =>
    openSharedDatabase({
      uri: undefined,
      dbName: 'lapis',
      timeoutMs,
      dataDir,
      log: (msg) => logs.push(msg),
    });

  /** Another Lapis on the folder: a Node process that starts the embedded database there. */
  async function startOtherLapis(): Promise<ChildInfo> {
    const script = path.join('test', 'support', 'embedded-db-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, folder], {
      cwd: projectRoot(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] as string);
      });
      child.once('exit', (code) => reject(new Error(`the child exited (code ${code})`)));
    });
    const info = JSON.parse(line) as ChildInfo;
    servers.push(info.ferretdbPid);
    return info;
  }

  async function count(uri: string): Promise<number> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 3000 });
    try {
      return await client.db('lapis').collection('notes').countDocuments();
    } finally {
      await client.close();
    }
  }

  const writeLock = (content: LockContent) =>
    writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify(content));

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'lapis-shared-'));
    folder = path.join(dataDir, 'db');
    logs = [];
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    const left = servers.splice(0).filter((pid) => isFerretdbOn(processArgs(pid), folder));
    await Promise.all(left.map((pid) => terminatePid(pid, 1000)));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects to the running Lapis’s server and leaves it running', async () => {
    const other = await startOtherLapis();
    const db = await open();
    try {
      expect(db.description).toContain(`running Lapis (pid ${other.lapisPid}) at ${other.uri}`);
      await db.db.collection('notes').insertOne({ from: 'the report' });
    } finally {
      await db.close();
    }
    // The same server saw the write, still runs, and its Lapis still holds the folder.
    expect(await count(other.uri)).toBe(1);
    expect(readLock(path.join(folder, LOCK_FILE))).toMatchObject({
      lapisPid: other.lapisPid,
      ferretdbPid: other.ferretdbPid,
    });
    expect(logs.join('\n')).toContain(`running Lapis (pid ${other.lapisPid})`);
  });

  it('starts a server for the command when no Lapis runs, and gives the folder back after', async () => {
    const db = await open();
    try {
      expect(db.description).toMatch(/^embedded ferretdb at mongodb:\/\/127\.0\.0\.1:\d+\//);
      expect(readLock(path.join(folder, LOCK_FILE))?.lapisPid).toBe(process.pid);
    } finally {
      await db.close();
    }
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false);
  });

  it('starts its own over a stale lock left by a crashed Lapis', async () => {
    const other = await startOtherLapis();
    process.kill(other.lapisPid, 'SIGKILL');
    // The lock stays behind, naming the dead process (its server dies with it, or is stopped).
    expect(readLock(path.join(folder, LOCK_FILE))?.lapisPid).toBe(other.lapisPid);
    const db = await open();
    try {
      expect(db.description).not.toContain('running Lapis');
      expect(readLock(path.join(folder, LOCK_FILE))?.lapisPid).toBe(process.pid);
      await db.db.collection('notes').insertOne({ after: 'the crash' });
    } finally {
      await db.close();
    }
  });

  it('refuses a server it cannot verify as that folder’s, naming the Lapis that holds it', async () => {
    // A live process holds the lock, and the "server" it names is not a FerretDB on this folder.
    const impostor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    children.push(impostor);
    const pid = impostor.pid as number;
    mkdirSync(folder, { recursive: true });
    writeLock({ lapisPid: pid, ferretdbPid: pid, port: 27017, startedAt: 'now' });
    const refused = open(600);
    await expect(refused).rejects.toThrow(RunningServerUnreachableError);
    await expect(refused).rejects.toThrow(
      new RegExp(`Lapis \\(pid ${pid}\\) is running .* pid ${pid} is not a FerretDB serving`),
    );
  });
});
