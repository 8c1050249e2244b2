import { MongoClient } from 'mongodb';

/** Polls `ping` until the server answers or the deadline passes. */
export async function waitForPing(
  uri: string,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the database process exited before answering ping`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 150));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new Error(`no answer to ping from ${uri} within ${timeoutMs} ms: ${String(lastError)}`);
}
