import path from 'node:path';
import { connectMongo, type MongoConnection } from './connect-mongo';
import type { EmbeddedDatabase } from './embedded/embedded-database';
import { startEmbeddedDatabase } from './embedded/start-embedded-database';
import { ensureIndexes } from './ensure-indexes';
import { createTicketRefs } from './ticket-refs';

export interface OpenDatabaseOptions {
  readonly uri: string | undefined;
  readonly dbName: string;
  readonly timeoutMs: number;
  /** Where the embedded server keeps its files when no URI is given. */
  readonly dataDir: string;
  readonly log?: (msg: string) => void;
}

export interface OpenDatabase extends MongoConnection {
  /** Where the data lives, for the start-up banner (never includes credentials). */
  readonly description: string;
}

/** Where the embedded server keeps its files (and its lock) under the data folder. */
export function embeddedFolder(dataDir: string): string {
  return path.resolve(dataDir, 'db');
}

/**
 * Connects to MONGODB_URI, or starts the embedded server first; then makes sure the indexes and the
 * ticket lookup documents exist.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = options.uri;
  if (!uri) {
    embedded = await startEmbeddedDatabase(embeddedFolder(options.dataDir), options.log);
    uri = embedded.uri;
  }
  let connection: MongoConnection;
  try {
    connection = await connectMongo({ uri, dbName: options.dbName, timeoutMs: options.timeoutMs });
    await ensureIndexes(connection.db);
    // A database from before the ticket lookup documents gets them once, before they are relied on.
    await createTicketRefs(connection.db).migrate();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    ...connection,
    description: embedded
      ? `embedded ${embedded.kind} at ${embedded.uri} (data in ${embeddedFolder(options.dataDir)})`
      : `${redact(uri)}, database ${options.dbName}`,
    close: async () => {
      await connection.close();
      await embedded?.stop();
    },
  };
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
