import path from 'node:path';
import { loadConfig, type Config } from '../config/config';
import { projectRoot } from '../util/project-root';
import type { OpenDatabase } from '../store/open-database';
import { openSharedDatabase } from '../store/open-shared-database';

/** What every admin command reads to reach the bot's database, as the bot reads them. */
export const DATABASE_VARIABLES = [
  'MONGODB_URI',
  'MONGODB_DB',
  'MONGODB_TIMEOUT_MS',
  'LAPIS_DATA_DIR',
] as const;

/**
 * Opens the bot's database for a command line tool, beside the bot: MONGODB_URI, else the embedded
 * server of the Lapis running on the data folder, else one started for the command (see
 * store/open-shared-database.ts). Only the database variables and the `extra` ones are passed to the
 * bot's config schema, so a half-set Slack or Teams configuration does not stop an admin command.
 */
export async function openAdminDatabase(
  env: NodeJS.ProcessEnv = process.env,
  extra: readonly string[] = [],
): Promise<{ db: OpenDatabase; config: Config }> {
  const names = [...DATABASE_VARIABLES, ...extra];
  const config = loadConfig(Object.fromEntries(names.map((name) => [name, env[name]])));
  const db = await openSharedDatabase({
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    timeoutMs: config.MONGODB_TIMEOUT_MS,
    dataDir: path.resolve(projectRoot(), config.LAPIS_DATA_DIR),
    log: (msg) => process.stderr.write(`[database] ${msg}\n`),
  });
  return { db, config };
}
