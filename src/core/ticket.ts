import type { FileMention } from './files';
import type { Locale } from './locale';
import type { ConversationRef, MessageRef, ThreadRef, UserRef } from './people';

export type Level = 1 | 2 | 3;
export const LEVELS: readonly Level[] = [1, 2, 3];
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * open: waiting in its level's queue; claimed: an agent owns it; waiting_on_requester: the SLA clock is
 * paused until the employee answers; resolved: an agent resolved it, the employee may confirm, rate or
 * reopen; closed and cancelled are final.
 */
export type TicketStatus =
  'open' | 'claimed' | 'waiting_on_requester' | 'resolved' | 'closed' | 'cancelled';
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'claimed', 'waiting_on_requester'];

/**
 * Why a ticket was closed (or cancelled): the requester confirmed the resolution, cancelled it, or a
 * timer closed it: no answer while it waited on the requester, or a resolution never confirmed.
 */
export type ClosedReason = 'confirmed' | 'cancelled' | 'auto_no_reply' | 'auto_resolved';
export const CLOSED_REASONS: readonly ClosedReason[] = [
  'confirmed',
  'cancelled',
  'auto_no_reply',
  'auto_resolved',
];
/** Closed by a timer: the requester may still reopen it for a while (allowed-actions.ts). */
export const isAutoClosed = (ticket: Pick<Ticket, 'status' | 'closedReason'>): boolean =>
  ticket.status === 'closed' &&
  (ticket.closedReason === 'auto_no_reply' || ticket.closedReason === 'auto_resolved');

export type Category =
  'account' | 'email' | 'network' | 'hardware' | 'software' | 'printing' | 'security' | 'other';
export const CATEGORIES: readonly Category[] = [
  'account',
  'email',
  'network',
  'hardware',
  'software',
  'printing',
  'security',
  'other',
];

/** What L0 suggested for a question and what the employee said about it. */
export interface L0Attempt {
  readonly question: string;
  readonly articleId: string | undefined;
  readonly articleTitle: string | undefined;
  readonly score: number | undefined;
  readonly feedback: 'solved' | 'not_solved' | 'none';
  /** Articles offered as "is it one of these?" when there was no confident answer. */
  readonly suggestions?: readonly string[];
  /** The article was picked from those suggestions rather than given as the answer. */
  readonly picked?: boolean;
  /**
   * The KB area the person picked after a vague question: the search ran within it. Such an attempt
   * teaches no phrasing (its question says nothing of what was wrong).
   */
  readonly area?: string;
  /**
   * The session version this question was first answered at. A form shown with an older version
   * than the session's belongs to the newest attempt at or before it: its question is that one's.
   */
  readonly since?: number;
}

export interface TranscriptEntry {
  readonly at: Date;
  readonly from: 'requester' | 'agent' | 'bot';
  readonly user: UserRef | undefined;
  readonly text: string;
  readonly level: Level;
  /** Internal notes stay in the agents' thread; they are never relayed. */
  readonly internal: boolean;
  /** Files sent with this message (or alone, with an empty text), kept by Lapis. */
  readonly files?: readonly FileMention[];
}

export interface Escalation {
  readonly at: Date;
  readonly by: UserRef | undefined;
  readonly from: Level;
  readonly to: Level;
  readonly reason: string;
  readonly tried: string;
  readonly automatic: boolean;
}

export interface AuditEntry {
  readonly at: Date;
  /** `system` for timers (SLA) and the bot itself. */
  readonly actor: UserRef | 'system';
  readonly action: string;
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
}

export interface SlaState {
  readonly firstResponseDue: Date;
  readonly resolutionDue: Date;
  readonly firstResponseAt: Date | undefined;
  /** When the clock was paused (waiting on requester); undefined while it runs. */
  readonly pausedAt: Date | undefined;
  /** Business minutes spent paused so far; the due times already include them. */
  readonly pausedMinutes: number;
  readonly warned: readonly ('first_response' | 'resolution')[];
  readonly breached: readonly ('first_response' | 'resolution')[];
  /** When the SLA sweep should look at this ticket next; undefined when nothing is pending. */
  readonly nextCheckAt: Date | undefined;
}

export interface Ticket {
  readonly id: string;
  /** Human key, e.g. IT-1042. */
  readonly key: string;
  /** Incremented by every change; conditional updates on it make changes race-free. */
  readonly version: number;
  readonly requester: UserRef;
  readonly requesterDm: ConversationRef;
  readonly locale: Locale;
  readonly question: string;
  readonly category: Category;
  readonly priority: Priority;
  readonly impact: string | undefined;
  readonly details: string | undefined;
  readonly level: Level;
  readonly status: TicketStatus;
  readonly assignee: UserRef | undefined;
  readonly threads: Readonly<Partial<Record<`L${Level}`, ThreadRef>>>;
  /** The ticket card in each level's channel, updated in place. */
  readonly cards: Readonly<Partial<Record<`L${Level}`, MessageRef>>>;
  readonly l0: readonly L0Attempt[];
  readonly escalations: readonly Escalation[];
  readonly transcript: readonly TranscriptEntry[];
  readonly resolution:
    { readonly summary: string; readonly at: Date; readonly by: UserRef | undefined } | undefined;
  readonly csat: { readonly score: number; readonly at: Date } | undefined;
  readonly sla: SlaState;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | undefined;
  /** Why it was closed or cancelled; absent while open, and on tickets closed before it was kept. */
  readonly closedReason?: ClosedReason;
  /**
   * When the next reminder or auto-close is due (ticket-timers.ts), kept by every change so the
   * store can find due tickets by it; absent when nothing is timed.
   */
  readonly nextTimerAt?: Date;
  readonly audit: readonly AuditEntry[];
  /** The ticket this one follows up (the requester asked to reopen it once that was no longer possible). */
  readonly followUpOf?: { readonly id: string; readonly key: string };
  /** Step keys of the latest changes (see work-scope.ts): a redone work item does not apply them twice. */
  readonly applied?: readonly string[];
}

export function isActive(ticket: Ticket): boolean {
  return ACTIVE_STATUSES.includes(ticket.status);
}
