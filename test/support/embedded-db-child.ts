/**
 * A stand-in for a Lapis process, for the embedded-supervision tests: starts the embedded database on
 * the folder given as argument, prints `{"lapisPid":…,"ferretdbPid":…,"uri":…}` on one line and then
 * waits to be killed. Run with `node --import tsx test/support/embedded-db-child.ts <dataDir>`.
 */
import { startEmbeddedDatabase } from '../../src/store/embedded/start-embedded-database';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: embedded-db-child.ts <dataDir>');
  const db = await startEmbeddedDatabase(dataDir);
  process.stdout.write(
    `${JSON.stringify({ lapisPid: process.pid, ferretdbPid: db.pid?.(), uri: db.uri })}\n`,
  );
  // Stay up until killed; SIGTERM stops the server in order, as Lapis does.
  const keepAlive = setInterval(() => {}, 60_000);
  process.once('SIGTERM', () => {
    clearInterval(keepAlive);
    void db.stop();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
