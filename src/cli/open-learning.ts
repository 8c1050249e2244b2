import { loadConfig } from '../config/config';
import type { L0LearningAdmin } from '../core/ports/l0-learning';
import { createMongoL0Learning } from '../store/mongo-l0-learning';
import { openAdminDatabase } from './open-admin-database';

export interface OpenLearning {
  readonly learning: L0LearningAdmin;
  close(): Promise<void>;
}

/** The bot's database (see open-admin-database.ts), for this command. */
export async function openLearning(env: NodeJS.ProcessEnv = process.env): Promise<OpenLearning> {
  const { db } = await openAdminDatabase(env);
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
