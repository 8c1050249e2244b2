/**
 * The Teams channel's port for conversation references, so proactive messages (a ticket card in
 * a level's channel, a reply in a person's personal chat) work after restarts and on any instance:
 * - `personal`: a person's 1:1 chat with the bot, by conversation id (and their user id);
 * - `channel`: a Teams channel the bot has seen, by channel id;
 * - `tenant`: the latest service URL seen in a tenant, for channels the bot has not heard from yet
 *   (it is the same for every conversation of a tenant).
 * A port of the core, though only Teams uses it, so the store implements it without knowing the
 * channel: src/store/mongo-conversation-store.ts (src/app/build-channels.ts wires it in).
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

export interface ConversationStore {
  /** Stores references; unchanged ones are not written again (the store remembers what it wrote). */
  remember(refs: readonly TeamsReference[]): Promise<void>;
  find(kind: ReferenceKind, ownerId: string): Promise<TeamsReference | undefined>;
  personalOf(userId: string): Promise<TeamsReference | undefined>;
  /** The tenant's reference, or the latest of any tenant when `tenantId` is unknown. */
  tenant(tenantId?: string): Promise<TeamsReference | undefined>;
}
