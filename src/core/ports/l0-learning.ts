import type { Locale } from '../locale';
import type { UserRef } from '../people';

/** What happened to one L0 question; the lead's figures and the learning are read from these. */
export type L0OutcomeKind =
  /** An article was presented as the answer. */
  | 'answered'
  /** No confident answer; "is it one of these?" offered the listed articles. */
  | 'suggested'
  /** Nothing to show: the ticket form was offered. */
  | 'no_answer'
  /**
   * A vague message ("it doesn't work"): asked what is not working, with the KB's areas. Not a
   * question outcome: the pick of an area (or the next message) records one.
   */
  | 'clarified'
  /** Not an IT question: the person was pointed elsewhere. */
  | 'off_topic'
  /** "Solved" pressed on an answer (or on a picked suggestion). */
  | 'solved'
  /** "Still need help" pressed on an answer. */
  | 'not_solved'
  /** One of the offered articles picked. */
  | 'suggestion_picked'
  /** A ticket opened from the L0 conversation. */
  | 'ticket_opened';

export interface L0Outcome {
  /** Deterministic (the work item's key and the kind), so a redone step records it once. */
  readonly id: string;
  readonly at: Date;
  readonly kind: L0OutcomeKind;
  readonly user: UserRef;
  readonly locale: Locale;
  readonly question: string;
  readonly articleId?: string;
  readonly score?: number;
  readonly suggestions?: readonly string[];
  readonly ticketId?: string;
}

/** A way of asking that people confirmed an article answers: an extra question of that article. */
export interface LearnedPhrasing {
  /** Stable for (article, normalised text): see learnedPhrasingId. */
  readonly id: string;
  readonly articleId: string;
  readonly text: string;
  readonly lang: Locale | undefined;
  /** Distinct confirmations (each a solved answer or picked suggestion confirmed solved). */
  readonly confirmations: number;
  /** An agent named the article for this question (or approved it): used whatever the count. */
  readonly approved: boolean;
  readonly firstAt: Date;
  readonly lastAt: Date;
  /** Set once written into the KB files (`kb learned export`). */
  readonly exportedAt?: Date;
}

export interface PhrasingConfirmation {
  readonly articleId: string;
  readonly text: string;
  readonly lang: Locale | undefined;
  /** Who confirmed: the employee (after "Solved") or an agent (naming the article at resolve). */
  readonly source: 'requester' | 'agent';
  /** Idempotency: one confirmation per key, however often the step is redone. */
  readonly key: string;
  readonly user: UserRef | undefined;
  readonly at: Date;
}

/** The port the workflow records L0 outcomes and confirmed phrasings through (src/store implements it). */
export interface L0Learning {
  /** Idempotent by `outcome.id`: true when this call stored it, false when it was already there. */
  record(outcome: L0Outcome): Promise<boolean>;
  /** Idempotent by `confirmation.key`; ignored for a phrasing that was removed. */
  confirm(confirmation: PhrasingConfirmation): Promise<void>;
  /** Every phrasing not removed, with its counts. */
  learned(): Promise<LearnedPhrasing[]>;
}

/** Longest phrasing kept: past this a message is a story, not a way of asking. */
/** What an admin operation did; `unknown` for an id that is not (or no longer) a learned phrasing. */
export type PhrasingChange = 'changed' | 'unchanged' | 'unknown';

export interface OutcomeQuery {
  /** Inclusive. */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  /** Only these kinds; all when absent. */
  readonly kinds?: readonly L0OutcomeKind[];
}

/** The port plus what reports and the `kb learned` commands need. */
export interface L0LearningAdmin extends L0Learning {
  /** Outcomes in the time range, oldest first. */
  outcomes(query: OutcomeQuery): Promise<L0Outcome[]>;
  /** Permanent: later confirmations of the same article and text are ignored. */
  remove(id: string): Promise<PhrasingChange>;
  /** Used by search whatever its count. */
  approve(id: string): Promise<PhrasingChange>;
  /** Records that these phrasings are in the KB files; returns how many were not marked before. */
  markExported(ids: readonly string[], at: Date): Promise<number>;
}

export const MAX_PHRASING_LENGTH = 300;

/** The text a phrasing is stored and compared as: trimmed, spaces collapsed, at most MAX_PHRASING_LENGTH. */
export function phrasingText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_PHRASING_LENGTH);
}

/** Same article and same words (ignoring case and spacing) give the same id. */
export function learnedPhrasingId(articleId: string, text: string): string {
  const key = `${articleId}\u0000${phrasingText(text).toLowerCase()}`;
  // FNV-1a, 2 × 32 bits: short, stable across processes and platforms, no crypto needed.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return `${articleId}~${h1.toString(36)}${h2.toString(36)}`;
}
