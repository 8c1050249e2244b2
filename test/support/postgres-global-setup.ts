import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startFerretdbPostgres,
  type FerretdbOnPostgres,
} from '../../scripts/postgres/start-ferretdb-postgres';

declare global {
  var __LAPIS_TEST_PG_DB__: { db: FerretdbOnPostgres; dir: string } | undefined;
}

/** Where the `postgres` project's server is handed to its tests (see postgres-test-env.ts). */
const FERRETDB_POSTGRES_URI_VAR = 'LAPIS_TEST_FERRETDB_POSTGRES_URI';

/**
 * The `postgres` project: FerretDB with its PostgreSQL backend, on a throw-away PostgreSQL cluster
 * started here (or on LAPIS_TEST_POSTGRESQL_URL, a PostgreSQL database of your own), stopped in
 * postgres-global-teardown. Not MONGODB_URI: this project exists to test this backend.
 *
 * Its URI goes into its own variable, not LAPIS_TEST_MONGODB_URI: jest runs every project's global
 * setup in one process before any test, so that name would be overwritten for the other projects.
 * The project's setup file copies it into LAPIS_TEST_MONGODB_URI inside each of its test files.
 */
export default async function postgresGlobalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-test-pg-'));
  const postgresUrl = process.env.LAPIS_TEST_POSTGRESQL_URL;
  const db = await startFerretdbPostgres({
    dataDir: dir,
    log: (msg) => process.stderr.write(`[test db: postgresql] ${msg}\n`),
    ...(postgresUrl && { postgresUrl }),
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  globalThis.__LAPIS_TEST_PG_DB__ = { db, dir };
  process.env[FERRETDB_POSTGRES_URI_VAR] = db.uri;
}
