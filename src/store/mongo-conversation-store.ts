import { LRUCache } from 'lru-cache';
import type { Db } from 'mongodb';
import {
  REFERENCE_KINDS,
  type ConversationStore,
  type TeamsReference,
} from '../core/ports/teams-references';
import { COLLECTIONS } from './collections';
import { filterOneOf, filterString } from './filter-values';
import { isDuplicateKey } from './version-guard';

/**
 * The Teams channel's conversation references in MongoDB (`conversation_refs`), one document per
 * kind and owner. Only plain strings from zod-parsed activities are stored or used in filters.
 */
interface ReferenceDocument extends TeamsReference {
  platform: 'teams';
  updatedAt: Date;
}

const MAX_REMEMBERED = 10_000;

export function createMongoConversationStore(db: Db): ConversationStore {
  const refs = db.collection<ReferenceDocument>(COLLECTIONS.conversations);
  /** What this process last wrote of each reference: an unchanged one is not written again. */
  const written = new LRUCache<string, string>({ max: MAX_REMEMBERED });

  async function upsert(ref: TeamsReference): Promise<void> {
    const kind = filterOneOf(ref.kind, REFERENCE_KINDS, 'reference kind');
    const ownerId = filterString(ref.ownerId, 'reference owner');
    const fields = plain(ref);
    const key = `${kind}\u0000${ownerId}`;
    const signature = JSON.stringify(fields);
    if (written.get(key) === signature) return;
    const filter = { platform: 'teams' as const, kind, ownerId };
    const update = { $set: { ...fields, updatedAt: new Date() } };
    try {
      await refs.updateOne(filter, update, { upsert: true });
    } catch (error) {
      // Two instances upserting the same new reference at once: the loser updates the winner's.
      if (!isDuplicateKey(error)) throw error;
      await refs.updateOne(filter, update);
    }
    written.set(key, signature);
  }

  const found = (doc: ReferenceDocument | null): TeamsReference | undefined =>
    doc ? plain(doc) : undefined;

  return {
    async remember(list) {
      for (const ref of list) await upsert(ref);
    },
    async find(kind, ownerId) {
      return found(
        await refs.findOne({
          platform: 'teams',
          kind: filterOneOf(kind, REFERENCE_KINDS, 'reference kind'),
          ownerId: filterString(ownerId, 'reference owner'),
        }),
      );
    },
    async personalOf(userId) {
      return found(
        await refs.findOne(
          { platform: 'teams', kind: 'personal', userId: filterString(userId, 'user id') },
          { sort: { updatedAt: -1 } },
        ),
      );
    },
    async tenant(tenantId) {
      const filter = tenantId
        ? {
            platform: 'teams' as const,
            kind: 'tenant' as const,
            ownerId: filterString(tenantId, 'tenant id'),
          }
        : { platform: 'teams' as const, kind: 'tenant' as const };
      return found(await refs.findOne(filter, { sort: { updatedAt: -1 } }));
    },
  };
}

/** Exactly the reference's fields, without undefined ones (the driver would store them as null). */
function plain(ref: TeamsReference): TeamsReference {
  return {
    kind: ref.kind,
    ownerId: ref.ownerId,
    conversationId: ref.conversationId,
    serviceUrl: ref.serviceUrl,
    ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
    ...(ref.userId ? { userId: ref.userId } : {}),
    ...(ref.botId ? { botId: ref.botId } : {}),
  };
}
