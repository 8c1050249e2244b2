import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectMongo } from '../../../src/store/connect-mongo';
import { freePort } from '../../../src/store/embedded/free-port';
import { openDatabase } from '../../../src/store/open-database';

describe('openDatabase without MONGODB_URI (embedded FerretDB)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'lapis-embedded-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts its own server, keeps data across restarts and stops cleanly', async () => {
    const first = await openDatabase({ uri: undefined, dbName: 'lapis', timeoutMs: 3000, dataDir });
    expect(first.description).toMatch(/^embedded ferretdb at mongodb:\/\/127\.0\.0\.1:\d+\//);
    await first.db.collection('notes').insertOne({ text: 'survives a restart' });
    const uri = first.description.split(' ')[3] as string;
    await first.close();
    // The server is gone once close() resolves.
    await expect(connectMongo({ uri, dbName: 'lapis', timeoutMs: 500 })).rejects.toThrow();

    const second = await openDatabase({
      uri: undefined,
      dbName: 'lapis',
      timeoutMs: 3000,
      dataDir,
    });
    try {
      expect(await second.db.collection('notes').findOne({}, { projection: { _id: 0 } })).toEqual({
        text: 'survives a restart',
      });
    } finally {
      await second.close();
    }
  });

  it('fails fast with a clear error when the given server is down', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(
      openDatabase({
        uri: `mongodb://127.0.0.1:${port}/`,
        dbName: 'lapis',
        timeoutMs: 800,
        dataDir,
      }),
    ).rejects.toThrow(/ECONNREFUSED|Server selection timed out/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
