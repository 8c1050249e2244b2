import path from 'node:path';
import { loadConfig } from '../config';
import { projectRoot } from '../project-root';
import { createMongoL0Learning, type L0LearningAdmin } from '../store/mongo-l0-learning';
import { openDatabase } from '../store/open-database';

/** The variables the `kb learned` commands read: the database's, as the bot reads them. */
const DATABASE_VARIABLES = [
  'MONGODB_URI',
  'MONGODB_DB',
  'MONGODB_TIMEOUT_MS',
  'LAPIS_DATA_DIR',
] as const;

export interface OpenLearning {
  readonly learning: L0LearningAdmin;
  close(): Promise<void>;
}

/**
 * Opens the bot's database the way src/main.ts does (MONGODB_URI, else the embedded server on the
 * data folder). Only the database variables are passed to the bot's config schema, so a half-set
 * Slack or Teams configuration does not stop an admin command.
 */
export async function openLearning(env: NodeJS.ProcessEnv = process.env): Promise<OpenLearning> {
  const picked = Object.fromEntries(DATABASE_VARIABLES.map((name) => [name, env[name]]));
  const config = loadConfig(picked);
  const db = await openDatabase({
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    timeoutMs: config.MONGODB_TIMEOUT_MS,
    dataDir: path.resolve(projectRoot(), config.LAPIS_DATA_DIR),
    log: (msg) => process.stderr.write(`[database] ${msg}\n`),
  });
  return { learning: createMongoL0Learning(db.db), close: () => db.close() };
}

/** Confirmations that make a phrasing used by search: LEARN_MIN_CONFIRMATIONS, default 2. */
export function minConfirmationsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return loadConfig({ LEARN_MIN_CONFIRMATIONS: env.LEARN_MIN_CONFIRMATIONS })
    .LEARN_MIN_CONFIRMATIONS;
}

/** The answer threshold the bot uses (KB_ANSWER_THRESHOLD), so the CLI reports what the bot would do. */
export function answerThresholdFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return loadConfig({ KB_ANSWER_THRESHOLD: env.KB_ANSWER_THRESHOLD }).KB_ANSWER_THRESHOLD;
}
