import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../store/collections';
import { filterOneOf, filterString } from '../../store/filter-values';
import { isDuplicateKey } from '../../store/version-guard';

/**
 * Conversation references in MongoDB (`conversation_refs`), so proactive messages (a ticket card in
 * a level's channel, a reply in a person's personal chat) work after restarts and on any instance:
 * - `personal`: a person's 1:1 chat with the bot, by conversation id (and their user id);
 * - `channel`: a Teams channel the bot has seen, by channel id;
 * - `tenant`: the latest service URL seen in a tenant, for channels the bot has not heard from yet
 *   (it is the same for every conversation of a tenant).
 * Only plain strings from zod-parsed activities are stored or used in filters.
 */
export const REFERENCE_KINDS = ['personal', 'channel', 'tenant'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface TeamsReference {
  readonly kind: ReferenceKind;
  readonly ownerId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
  /** The person of a personal chat (their UserRef id). */
  readonly userId?: string;
  readonly botId?: string;
}

interface ReferenceDocument extends TeamsReference {
  platform: 'teams';
  updatedAt: Date;
}

export interface ConversationStore {
  /** Stores references; unchanged ones are not written again (the store remembers what it wrote). */
  remember(refs: readonly TeamsReference[]): Promise<void>;
  find(kind: ReferenceKind, ownerId: string): Promise<TeamsReference | undefined>;
  personalOf(userId: string): Promise<TeamsReference | undefined>;
  /** The tenant's reference, or the latest of any tenant when `tenantId` is unknown. */
  tenant(tenantId?: string): Promise<TeamsReference | undefined>;
}

const MAX_REMEMBERED = 10_000;

export function createConversationStore(db: Db): ConversationStore {
  const refs = db.collection<ReferenceDocument>(COLLECTIONS.conversations);
  const written = new Map<string, string>();

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
    if (written.size >= MAX_REMEMBERED) written.clear();
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
