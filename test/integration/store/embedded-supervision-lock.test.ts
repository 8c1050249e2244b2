import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { projectRoot } from '../../../src/util/project-root';
import { ferretdbBinaryPath } from '../../../src/store/embedded/ferretdb-binary';
import { ferretdbArgs, isFerretdbOn } from '../../../src/store/embedded/ferretdb-command';
import { LOCK_FILE, readLock, type LockContent } from '../../../src/store/embedded/ferretdb-lock';
import { freePort } from '../../../src/store/embedded/free-port';
import { isPidAlive, processArgs, terminatePid } from '../../../src/store/embedded/process-info';
import { startEmbeddedDatabase } from '../../../src/store/embedded/start-embedded-database';
import { startFerretdb } from '../../../src/store/embedded/start-ferretdb';
import { waitForPing } from '../../../src/store/embedded/wait-for-ping';

interface ChildInfo {
  readonly lapisPid: number;
  readonly ferretdbPid: number;
  readonly uri: string;
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
async function pollUntil(what: string, check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function pings(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

/** A pid that surely belongs to no process: a child that has already exited and been reaped. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('embedded FerretDB data folder lock and parent death', () => {
  let dataDir: string;
  let logs: string[];
  const log = (msg: string) => logs.push(msg);
  const leftovers: number[] = [];
  const children: ChildProcess[] = [];

  /** Another Lapis: a Node process that starts the embedded database and reports its pids. */
  async function startOtherLapis(): Promise<ChildInfo> {
    const script = path.join('test', 'support', 'embedded-db-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
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
    leftovers.push(info.ferretdbPid);
    return info;
  }

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'lapis-lock-'));
    logs = [];
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    // Only FerretDBs on this folder: a pid that died during the test may have been reused already.
    const servers = leftovers.splice(0).filter((pid) => isFerretdbOn(processArgs(pid), dataDir));
    await Promise.all(servers.map((pid) => terminatePid(pid, 1000)));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes FerretDB down when its Lapis is SIGKILLed, and the folder can be reused', async () => {
    const other = await startOtherLapis();
    expect(isPidAlive(other.ferretdbPid)).toBe(true);

    process.kill(other.lapisPid, 'SIGKILL');
    await pollUntil('FerretDB to die with its parent', () => !isPidAlive(other.ferretdbPid));

    const db = await startFerretdb({ dataDir, log });
    try {
      await pings(db.uri);
      expect(readLock(path.join(dataDir, LOCK_FILE))?.lapisPid).toBe(process.pid);
      expect(logs.join('\n')).not.toMatch(/stale FerretDB/);
    } finally {
      await db.stop();
    }
  });

  it('refuses a folder that a live Lapis process uses, without falling back', async () => {
    const other = await startOtherLapis();
    const refusal = new RegExp(
      `Another Lapis process \\(pid ${other.lapisPid}\\) is using the database folder.*MONGODB_URI`,
    );
    await expect(startEmbeddedDatabase(dataDir, log)).rejects.toThrow(refusal);
    expect(logs.join('\n')).not.toMatch(/falling back/);
    await pings(other.uri); // the other process's server is untouched
  });

  it('refuses a second server on the same folder from this very process', async () => {
    const db = await startFerretdb({ dataDir, log });
    try {
      await expect(startFerretdb({ dataDir, log })).rejects.toThrow(
        /This process already runs an embedded database/,
      );
      await pings(db.uri);
    } finally {
      await db.stop();
    }
  });

  it('stops a stale FerretDB left by a killed run, then starts on the folder', async () => {
    // As if Lapis had been killed where no parent-death signal exists: its server still runs.
    const port = await freePort();
    const stale = spawn(ferretdbBinaryPath(), ferretdbArgs(dataDir, port), { stdio: 'ignore' });
    const stalePid = stale.pid as number;
    leftovers.push(stalePid);
    await waitForPing(`mongodb://127.0.0.1:${port}/`, 10000, () => stale.exitCode === null);
    writeLock({ lapisPid: deadPid(), ferretdbPid: stalePid, port, startedAt: 'earlier' });

    const db = await startFerretdb({ dataDir, log });
    try {
      expect(isPidAlive(stalePid)).toBe(false);
      expect(logs.join('\n')).toMatch(
        new RegExp(`stopping a stale FerretDB \\(pid ${stalePid}\\)`),
      );
      await pings(db.uri);
      expect(readLock(path.join(dataDir, LOCK_FILE))).toMatchObject({ lapisPid: process.pid });
    } finally {
      await db.stop();
    }
  });

  it('leaves alone a process that merely reuses the stale lock’s FerretDB pid', async () => {
    const bystander = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    children.push(bystander);
    const bystanderPid = bystander.pid as number;
    writeLock({ lapisPid: deadPid(), ferretdbPid: bystanderPid, port: 1, startedAt: 'earlier' });

    const db = await startFerretdb({ dataDir, log });
    try {
      expect(isPidAlive(bystanderPid)).toBe(true);
      await pings(db.uri);
    } finally {
      await db.stop();
    }
  });

  function writeLock(content: LockContent): void {
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(content));
  }
});
