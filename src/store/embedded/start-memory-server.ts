import type { EmbeddedDatabase } from './embedded-database';

/**
 * Fallback for machines without Go: a real mongod managed by mongodb-memory-server (an optional
 * dependency, which downloads mongod on first use, so it needs the internet once).
 */
export async function startMemoryServer(dataDir: string): Promise<EmbeddedDatabase> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({ instance: { dbPath: dataDir, ip: '127.0.0.1' } });
  let stopped = false;
  return {
    uri: server.getUri(),
    kind: 'mongodb-memory-server',
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop({ doCleanup: false });
    },
  };
}
