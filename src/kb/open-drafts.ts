import path from 'node:path';
import { loadConfig } from '../config';
import type { KbDrafts } from '../core/ports/kb-drafts';
import { projectRoot } from '../project-root';
import { createMongoKbDrafts } from '../store/mongo-kb-drafts';
import { openDatabase } from '../store/open-database';

/** The variables the `kb drafts` commands read: the database's, as the bot reads them. */
const DATABASE_VARIABLES = [
  'MONGODB_URI',
  'MONGODB_DB',
  'MONGODB_TIMEOUT_MS',
  'LAPIS_DATA_DIR',
] as const;

export interface OpenDrafts {
  readonly drafts: KbDrafts;
  close(): Promise<void>;
}

/**
 * Opens the bot's database as src/main.ts does (MONGODB_URI, else the embedded server on the data
 * folder), reading only the database variables, as `kb learned` does (open-learning.ts).
 */
export async function openDrafts(env: NodeJS.ProcessEnv = process.env): Promise<OpenDrafts> {
  const picked = Object.fromEntries(DATABASE_VARIABLES.map((name) => [name, env[name]]));
  const config = loadConfig(picked);
  const db = await openDatabase({
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    timeoutMs: config.MONGODB_TIMEOUT_MS,
    dataDir: path.resolve(projectRoot(), config.LAPIS_DATA_DIR),
    log: (msg) => process.stderr.write(`[database] ${msg}\n`),
  });
  return { drafts: createMongoKbDrafts(db.db), close: () => db.close() };
}
