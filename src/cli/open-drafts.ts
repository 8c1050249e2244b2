import type { KbDrafts } from '../core/ports/kb-drafts';
import { createMongoKbDrafts } from '../store/mongo-kb-drafts';
import { openAdminDatabase } from './open-admin-database';

export interface OpenDrafts {
  readonly drafts: KbDrafts;
  close(): Promise<void>;
}

/** The bot's database (see open-admin-database.ts), for this command. */
export async function openDrafts(env: NodeJS.ProcessEnv = process.env): Promise<OpenDrafts> {
  const { db } = await openAdminDatabase(env);
  return { drafts: createMongoKbDrafts(db.db), close: () => db.close() };
}
