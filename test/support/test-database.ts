import { randomBytes } from 'node:crypto';
import { connectMongo, type MongoConnection } from '../../src/store/connect-mongo';

/** A connection to a fresh, uniquely named database on the test server; drop it with `dispose`. */
export async function openTestDatabase(): Promise<MongoConnection & { dispose(): Promise<void> }> {
  const uri = process.env.LAPIS_TEST_MONGODB_URI;
  if (!uri)
    throw new Error(
      'LAPIS_TEST_MONGODB_URI is unset: run integration tests through jest (global setup)',
    );
  const dbName = `lapis_test_${randomBytes(4).toString('hex')}`;
  const connection = await connectMongo({ uri, dbName, timeoutMs: 5000 });
  return {
    ...connection,
    dispose: async () => {
      await connection.db.dropDatabase();
      await connection.close();
    },
  };
}
