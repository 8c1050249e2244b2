import { MongoServerError, type Db } from 'mongodb';
import { z } from 'zod';
import type { UserRef } from '../core/people';
import type { L0Session, SessionStore } from '../core/ports/session-store';
import { COLLECTIONS } from './collections';
import { filterOneOf, filterString, filterVersion } from './filter-values';
import {
  conversationRefSchema,
  dateSchema,
  fileMentionSchema,
  l0AttemptSchema,
  PLATFORMS,
  userRefSchema,
} from './ticket-document';
import { createGroupCommit } from './group-commit';
import { insertAll } from './insert-all';
import { createVersionGuard } from './version-guard';

/**
 * The l0_sessions document: one per user, `_id` `${platform}:${userId}`. Fields it does not name
 * (`draft`, which older versions stored and never used) are dropped on reading and gone after the
 * next save.
 */
const sessionDocumentSchema = z.object({
  _id: z.string().min(1),
  platform: z.enum(PLATFORMS),
  userId: z.string(),
  user: userRefSchema,
  dm: conversationRefSchema,
  state: z.enum(['idle', 'awaiting_feedback', 'collecting_details', 'clarifying']),
  question: z.string(),
  areas: z.array(z.string()).optional(),
  attempts: z.array(l0AttemptSchema),
  files: z.array(fileMentionSchema).optional(),
  updatedAt: dateSchema,
  savedBy: z.string().optional(),
  version: z.number().int().nonnegative(),
});
type SessionDocument = z.output<typeof sessionDocumentSchema>;

/**
 * L0 sessions in MongoDB (or FerretDB). The first save of a user's session is a unique insert; later
 * saves go through the same version guard as tickets (version-guard.ts): on FerretDB a conditional
 * replace alone let several concurrent saves of one version all succeed.
 */
export function createMongoSessionStore(db: Db): SessionStore {
  const sessions = db.collection<SessionDocument>(COLLECTIONS.sessions, { ignoreUndefined: true });
  const guard = createVersionGuard(db, COLLECTIONS.sessionVersions);
  const idOf = (user: UserRef): string =>
    `${filterOneOf(user.platform, PLATFORMS, 'user platform')}:${filterString(user.id, 'user id')}`;

  // First saves made at once share one insert. (Reads stay one per id: FerretDB answers a query by
  // `_id` alone in SQL, but decodes every document of the collection for `$in`.)
  const insertBatch = createGroupCommit<SessionDocument, boolean>(async (documents) => {
    const taken = await insertAll(sessions, documents);
    return documents.map((_, i) => !taken.has(i));
  });

  return {
    async get(user: UserRef): Promise<L0Session | undefined> {
      const document = await sessions.findOne({ _id: idOf(user) });
      if (!document) return undefined;
      const result = sessionDocumentSchema.safeParse(document);
      if (!result.success)
        throw new Error(
          `l0_sessions: malformed document ${String(document._id)}:\n${z.prettifyError(result.error)}`,
        );
      // The store's own fields (_id, platform, userId) are not part of the session.
      const { _id, platform, userId, savedBy, ...session } = result.data;
      void [_id, platform, userId];
      return { ...session, ...(savedBy ? { savedBy } : {}) };
    },

    async save(session: L0Session, expectedVersion: number): Promise<boolean> {
      const _id = idOf(session.user);
      const version = filterVersion(expectedVersion, 'expected version');
      const candidate = {
        ...session,
        _id,
        platform: session.user.platform,
        userId: session.user.id,
        version: version + 1,
      };
      const result = sessionDocumentSchema.safeParse(candidate);
      if (!result.success)
        throw new Error(`l0_sessions: invalid session ${_id}:\n${z.prettifyError(result.error)}`);
      const document = result.data;

      if (version === 0) return insertBatch(document);

      const claim = await guard.claim(
        _id,
        version,
        async () =>
          (await sessions.findOne({ _id }, { projection: { version: 1 } }))?.version === version,
      );
      if (!claim) return false;
      let matched: boolean;
      try {
        matched = (await sessions.replaceOne({ _id, version }, document)).matchedCount > 0;
      } catch (error) {
        if (error instanceof MongoServerError) await claim.abandoned();
        throw error;
      }
      await (matched ? claim.moved() : claim.abandoned());
      return matched;
    },
  };
}
