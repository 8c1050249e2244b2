import path from 'node:path';
import { connectMongo } from './connect-mongo';
import { DataDirInUseError } from './embedded/ferretdb-lock';
import { findRunningServer, type RunningServer } from './embedded/find-running-server';
import {
  embeddedFolder,
  openDatabase,
  type OpenDatabase,
  type OpenDatabaseOptions,
} from './open-database';

/**
 * The bot's database for a command run beside it (the report, `kb learned`, `kb drafts`):
 * MONGODB_URI when set; else the embedded server of the Lapis running on the data folder (found
 * through the folder's lock and verified, see find-running-server.ts), which the command only
 * connects to and leaves running; else, when no Lapis runs there (or one crashed), a server started
 * for the command, holding the folder until the command ends.
 */
export async function openSharedDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.uri) return openDatabase(options);
  const folder = embeddedFolder(options.dataDir);
  for (let round = 0; ; round++) {
    const running = await findRunningServer(folder, { timeoutMs: options.timeoutMs });
    if (running) return attach(running, folder, options);
    try {
      return await openDatabase(options);
    } catch (error) {
      // A Lapis took the folder between the look and the start: its server is the one to use.
      if (error instanceof DataDirInUseError && round === 0) continue;
      throw error;
    }
  }
}

/** A connection to the running server; closing it leaves the server (and its indexes) to its Lapis. */
async function attach(
  running: RunningServer,
  folder: string,
  options: OpenDatabaseOptions,
): Promise<OpenDatabase> {
  options.log?.(
    `using the embedded database of the running Lapis (pid ${running.lapisPid}) at ${running.uri}`,
  );
  const connection = await connectMongo({
    uri: running.uri,
    dbName: options.dbName,
    timeoutMs: options.timeoutMs,
  });
  return {
    ...connection,
    description: `embedded ferretdb of the running Lapis (pid ${running.lapisPid}) at ${running.uri} (data in ${path.resolve(folder)})`,
  };
}
