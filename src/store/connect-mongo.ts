import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';
import { GuardedConnection } from './guarded-connection';

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

export interface ConnectOptions {
  readonly uri: string;
  readonly dbName: string;
  /** Server selection and connect timeout: short, so a down database is reported within seconds. */
  readonly timeoutMs: number;
}

/**
 * Connects with explicit, short timeouts and an explicit write concern: `majority` with journaling, so
 * an acknowledged ticket change survives a primary failover (a single FerretDB treats it as w:1).
 */
export async function connectMongo(options: ConnectOptions): Promise<MongoConnection> {
  const clientOptions: MongoClientOptions & { connectionType: typeof GuardedConnection } = {
    serverSelectionTimeoutMS: options.timeoutMs,
    connectTimeoutMS: options.timeoutMs,
    socketTimeoutMS: Math.max(options.timeoutMs * 6, 30000),
    writeConcern: { w: 'majority', journal: true, wtimeoutMS: options.timeoutMs * 2 },
    readConcern: { level: 'local' },
    retryWrites: true,
    appName: 'lapis',
    // Command events feed lapis_db_commands_total (round trips per event are the rate limit).
    monitorCommands: true,
    // The driver's own (internal) option: its connections, for the pool and the monitor, are made
    // with this class, which fails a write to a socket already closed instead of hanging on it.
    connectionType: GuardedConnection,
  };
  const client = new MongoClient(options.uri, clientOptions);
  await client.connect();
  const db = client.db(options.dbName);
  await db.command({ ping: 1 });
  return { client, db, close: () => client.close() };
}
