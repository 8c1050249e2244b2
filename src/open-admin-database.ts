import path from 'node:path';
import { loadConfig, type Config } from './config';
import { projectRoot } from './project-root';
import { openDatabase, type OpenDatabase } from './store/open-database';

/** What every admin command reads to reach the bot's database, as the bot reads them. */
export const DATABASE_VARIABLES = [
  'MONGODB_URI',
  'MONGODB_DB',
  'MONGODB_TIMEOUT_MS',
  'LAPIS_DATA_DIR',
] as const;

/**
 * Opens the bot's database as src/main.ts does (MONGODB_URI, else the embedded server on the data
 * folder) for a command line tool. Only the database variables and the `extra` ones are passed to the
 * bot's config schema, so a half-set Slack or Teams configuration does not stop an admin command.
 */
export async function openAdminDatabase(
  env: NodeJS.ProcessEnv = process.env,
  extra: readonly string[] = [],
): Promise<{ db: OpenDatabase; config: Config }> {
  const names = [...DATABASE_VARIABLES, ...extra];
  const config = loadConfig(Object.fromEntries(names.map((name) => [name, env[name]])));
  const db = await openDatabase({
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    timeoutMs: config.MONGODB_TIMEOUT_MS,
    dataDir: path.resolve(projectRoot(), config.LAPIS_DATA_DIR),
    log: (msg) => process.stderr.write(`[database] ${msg}\n`),
  });
  return { db, config };
}
