import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectMongo, type MongoConnection } from '../../../src/store/connect-mongo';

/**
 * A loopback TCP proxy in front of the test server that can stop passing the client's bytes on
 * (`hold`: a command then waits for its answer) and close every client connection at once, oldest
 * first (`hangUp`), the way a database that stops closes them.
 */
async function startHangUpProxy(target: URL) {
  const open: { client: net.Socket; upstream: net.Socket }[] = [];
  let holding = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    open.push({ client, upstream });
    client.on('data', (data) => void (holding || upstream.write(data)));
    upstream.on('data', (data) => void client.write(data));
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on('error', () => undefined);
      a.on('close', () => b.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    hold: () => (holding = true),
    resume: () => (holding = false),
    hangUp() {
      for (const { client, upstream } of open.splice(0)) {
        client.end();
        upstream.destroy();
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first answer of `read` within `ms`, retrying on errors; the last error when none came. */
async function firstAnswer<T>(read: () => Promise<T>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(100);
    }
  }
}

describe('connectMongo when the database closes every connection (a restart)', () => {
  it('answers again once the database is back (no command left waiting on a closed socket)', async () => {
    const testUri = process.env.LAPIS_TEST_MONGODB_URI;
    if (!testUri) throw new Error('LAPIS_TEST_MONGODB_URI is unset: run through jest');
    const proxy = await startHangUpProxy(new URL(testUri));
    const dbName = `lapis_test_${randomBytes(4).toString('hex')}`;
    let conn: MongoConnection | undefined;
    try {
      conn = await connectMongo({ uri: proxy.uri, dbName, timeoutMs: 1000 });
      const notes = conn.db.collection<{ _id: string }>('hang_up_notes');
      await notes.insertOne({ _id: 'a' });
      // The driver checks the server at most twice a second: past that, the failure of the command
      // below makes it check at once, while the server's hang-up is still being taken in.
      await sleep(700);
      proxy.hold();
      const waiting = notes.findOne({ _id: 'a' }).catch((error: unknown) => error);
      await sleep(100);
      proxy.hangUp();
      await waiting;
      proxy.resume();
      // Without the guard (guarded-connection.ts) the monitor's `hello` waits forever on a closed
      // socket and every command fails server selection from then on.
      await expect(firstAnswer(() => notes.findOne({ _id: 'a' }), 8000)).resolves.toEqual({
        _id: 'a',
      });
      await conn.db.dropDatabase();
    } finally {
      await conn?.close();
      await proxy.close();
    }
  }, 20_000);
});
