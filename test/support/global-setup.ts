import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../src/store/embedded/start-embedded-database';
import type { EmbeddedDatabase } from '../../src/store/embedded/embedded-database';

declare global {
  var __LAPIS_TEST_DB__: { db: EmbeddedDatabase; dir: string } | undefined;
}

/**
 * Integration tests talk to a real MongoDB-wire server: MONGODB_URI when given, else an embedded
 * FerretDB started here in a throw-away folder and stopped in global-teardown.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.LAPIS_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-test-db-'));
  const db = await startEmbeddedDatabase(dir, (msg) => process.stderr.write(`[test db] ${msg}\n`));
  globalThis.__LAPIS_TEST_DB__ = { db, dir };
  process.env.LAPIS_TEST_MONGODB_URI = db.uri;
}
