import { mkdirSync } from 'node:fs';
import type { EmbeddedDatabase } from './embedded-database';
import { hasGo } from './ferretdb-binary';
import { DataDirInUseError } from './ferretdb-lock';
import { startFerretdb } from './start-ferretdb';
import { startMemoryServer } from './start-memory-server';

export class NoEmbeddedDatabaseError extends Error {
  readonly code = 'no_database';
  constructor(reasons: readonly string[]) {
    super(
      'No MONGODB_URI is set and no embedded database could be started:\n' +
        reasons.map((r) => `  - ${r}`).join('\n') +
        '\nSet MONGODB_URI to a MongoDB 5.0+ (or FerretDB) server, for example\n' +
        '  MONGODB_URI=mongodb://127.0.0.1:27017/ npm start\n' +
        'or install Go (https://go.dev/dl/) so Lapis can build its embedded FerretDB.',
    );
    this.name = 'NoEmbeddedDatabaseError';
  }
}

/** FerretDB when Go is available, else mongodb-memory-server, else a clear error on how to proceed. */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (msg: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const reasons: string[] = [];
  if (await hasGo()) {
    try {
      return await startFerretdb({ dataDir, log });
    } catch (error) {
      // Another process owns the folder: a fallback server on the same files would be just as wrong.
      if (error instanceof DataDirInUseError) throw error;
      reasons.push(`FerretDB: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    reasons.push('FerretDB: the `go` command was not found, so it cannot be built');
  }
  try {
    log('falling back to mongodb-memory-server');
    return await startMemoryServer(dataDir);
  } catch (error) {
    reasons.push(
      `mongodb-memory-server: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  throw new NoEmbeddedDatabaseError(reasons);
}
