import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { LOCK_FILE, readLock } from '../../../src/store/embedded/ferretdb-lock';
import { isPidAlive } from '../../../src/store/embedded/process-info';
import { startFerretdb, type FerretdbDatabase } from '../../../src/store/embedded/start-ferretdb';

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
async function pollUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function pings(client: MongoClient): Promise<boolean> {
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}

async function answers(uri: string): Promise<boolean> {
  const fresh = new MongoClient(uri, { serverSelectionTimeoutMS: 500 });
  try {
    return await pings(fresh);
  } finally {
    await fresh.close();
  }
}

/** Takes the port as soon as the killed server has released it; connections to it are dropped. */
async function occupy(port: number): Promise<net.Server> {
  let server: net.Server | undefined;
  await pollUntil(`port ${port} to be free`, async () => {
    const candidate = net.createServer((socket) => socket.destroy());
    const bound = await new Promise<boolean>((resolve) => {
      candidate.once('error', () => resolve(false));
      candidate.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) server = candidate;
    return bound;
  });
  return server as net.Server;
}

describe('embedded FerretDB supervision', () => {
  let dataDir: string;
  let db: FerretdbDatabase | undefined;
  let client: MongoClient | undefined;
  let logs: string[];
  const log = (msg: string) => logs.push(msg);

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'lapis-supervision-'));
    logs = [];
  });
  afterEach(async () => {
    await client?.close();
    await db?.stop();
    client = db = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const currentPid = (server: FerretdbDatabase) => server.pid() ?? 0;

  it('restarts a SIGKILLed server on the same URI and keeps the lock current', async () => {
    db = await startFerretdb({ dataDir, log });
    const server = db;
    client = new MongoClient(db.uri, { serverSelectionTimeoutMS: 500 });
    expect(await pings(client)).toBe(true);
    const first = currentPid(server);
    expect(readLock(path.join(dataDir, LOCK_FILE))).toMatchObject({
      lapisPid: process.pid,
      ferretdbPid: first,
    });

    process.kill(first, 'SIGKILL');
    const open = client;
    await pollUntil('the restarted server to answer', async () => {
      const pid = server.pid();
      return pid !== undefined && pid !== first && (await pings(open));
    });
    await pollUntil('the restart to be logged', () => logs.some((line) => /restarted/.test(line)));

    expect(isPidAlive(first)).toBe(false);
    expect(readLock(path.join(dataDir, LOCK_FILE))?.ferretdbPid).toBe(currentPid(server));
    expect(logs.join('\n')).toMatch(/exited unexpectedly \(SIGKILL\)[\s\S]*restarted \(pid \d+\)/);
  });

  it('keeps retrying with growing delays while the port is taken, then comes back', async () => {
    db = await startFerretdb({ dataDir, log });
    const server = db;
    const port = Number(new URL(db.uri).port);
    process.kill(currentPid(server), 'SIGKILL');
    const blocker = await occupy(port);
    try {
      await pollUntil('two failed restarts', () => logs.filter(isFailedRestart).length >= 2);
    } finally {
      blocker.close();
    }
    // A fresh client per try: one whose first connection failed stays closed for good (driver behaviour).
    await pollUntil('the server to come back on its port', () => answers(server.uri));

    const delays = logs.flatMap((line) => /restarting FerretDB in (\d+) ms/.exec(line)?.[1] ?? []);
    expect(delays.slice(0, 3).map(Number)).toEqual([250, 500, 1000]);
  });

  it('stop() ends supervision first: the server stays down and the lock is gone', async () => {
    db = await startFerretdb({ dataDir, log });
    const pid = currentPid(db);
    const stopping = db.stop();
    await db.stop(); // idempotent
    await stopping;

    expect(isPidAlive(pid)).toBe(false);
    expect(db.pid()).toBeUndefined();
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(logs.filter((line) => /restart/.test(line))).toEqual([]);
  });
});

function isFailedRestart(line: string): boolean {
  return /restart failed/.test(line);
}
