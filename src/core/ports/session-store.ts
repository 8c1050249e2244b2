import type { FileMention } from '../files';
import type { ConversationRef, UserRef } from '../people';
import type { L0Attempt } from '../ticket';

/** Where an employee is in the self-help conversation before a ticket exists. */
export interface L0Session {
  readonly user: UserRef;
  readonly dm: ConversationRef;
  /** 'clarifying': the question was vague; the bot asked which area it is about (see `areas`). */
  readonly state: 'idle' | 'awaiting_feedback' | 'collecting_details' | 'clarifying';
  /** The question being worked on, with follow-up messages folded in. */
  readonly question: string;
  /** The KB areas (category ids) offered as buttons while clarifying: only these are accepted. */
  readonly areas?: readonly string[];
  readonly attempts: readonly L0Attempt[];
  /** Files sent before a ticket exists: they travel with the ticket when one is opened. */
  readonly files?: readonly FileMention[];
  readonly updatedAt: Date;
  /** The work item that saved this version: when that item is redone, the save is not repeated. */
  readonly savedBy?: string;
  /** Bumped on every save; a save against a stale version is refused. */
  readonly version: number;
}

export interface SessionStore {
  get(user: UserRef): Promise<L0Session | undefined>;
  /** Saves if the stored version is still `expectedVersion` (0 for a new session); false otherwise. */
  save(session: L0Session, expectedVersion: number): Promise<boolean>;
}
