import type { BusinessCalendar } from '../core/sla/business-calendar';
import type { L0Outcome } from '../core/ports/l0-learning';
import type { AuditEntry, Priority, Ticket, TranscriptEntry } from '../core/ticket';
import type { DraftStatus, ReportFilters } from './report-types';

/**
 * What buildReport reads: plain records, as stored. A full core Ticket is a ReportTicket; the
 * MongoDB reader (src/store/report-source.ts) projects only these fields.
 */
export type ReportTicket = Pick<
  Ticket,
  'id' | 'key' | 'locale' | 'category' | 'priority' | 'status' | 'level' | 'createdAt'
> & {
  readonly requester: { readonly platform: Ticket['requester']['platform'] };
  readonly audit: readonly AuditEntry[];
  readonly transcript: readonly Pick<TranscriptEntry, 'at' | 'from' | 'level' | 'internal'>[];
};

export type ReportOutcome = Pick<
  L0Outcome,
  'at' | 'kind' | 'locale' | 'question' | 'articleId' | 'suggestions' | 'ticketId'
> & { readonly user: { readonly platform: string; readonly id: string } };

/**
 * A KB draft written from a resolved ticket (collection `kb_drafts`): waiting until exported.
 */
export interface ReportDraft {
  /** The article id it is saved as: the id the bot names when it is saved and its KB file gets. */
  readonly id: string;
  readonly title: string;
  readonly ticketKey: string;
  readonly lang: 'en' | 'id';
  readonly status: DraftStatus;
  /** The questions it answers (its front matter's), matched against the knowledge gaps. */
  readonly questions?: readonly string[];
}

export interface ReportInput {
  /** Tickets that may matter for [from, to): created before `to` and changed since `from` or active. */
  readonly tickets: readonly ReportTicket[];
  /** L0 outcomes of [from, to). */
  readonly outcomes: readonly ReportOutcome[];
  readonly drafts: readonly ReportDraft[];
}

export interface ReportOptions {
  readonly from: Date;
  readonly to: Date;
  readonly filters?: ReportFilters;
  /** The business clock of a priority (the SLA policy's): durations are business minutes on it. */
  readonly calendar: (priority: Priority) => BusinessCalendar;
  /** The desk's time zone: CSAT trend days are its local dates. Default UTC. */
  readonly timeZone?: string;
  /** L1's target band of resolutionRate; default 0.7-0.8. */
  readonly l1Target?: { readonly low: number; readonly high: number };
  /** Words of a question that say what it is about (gap grouping); default normalised tokens. */
  readonly questionTerms?: (text: string) => readonly string[];
  /** Default now. */
  readonly generatedAt?: Date;
  /** Notes from loading (e.g. skipped malformed documents), passed into the report. */
  readonly notes?: readonly string[];
}

/** What the desk configures once (calendars, time zone, L1's band, question terms); a query adds the rest. */
export type ReportSettings = Omit<ReportOptions, 'from' | 'to' | 'filters' | 'notes'>;
