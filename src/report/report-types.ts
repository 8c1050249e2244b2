import type { Level } from '../core/ticket';

/**
 * The lead's report: what `npm run -s report -- --format json` prints and what /dashboard draws. The
 * JSON shape is a contract (documented in the README, "The service-desk lead's view"): add fields,
 * never rename or remove them. Rates are in [0, 1]; times are business minutes; dates are ISO strings.
 * Fields marked (Added.) came after the first shape: optional in the type, always set by buildReport.
 */
export const REPORT_VERSION = 1;

export interface ReportFilters {
  readonly channel?: 'slack' | 'teams' | 'console';
  readonly category?: string;
  readonly language?: 'en' | 'id';
  /** Ticket figures of tickets that reached this level; L0 figures are not filtered by level. */
  readonly level?: Level;
}

/** What a report is asked for: the period [from, to) and the filters (none: every ticket). */
export interface ReportQuery {
  readonly from: Date;
  readonly to: Date;
  readonly filters?: ReportFilters;
}

export interface Percentiles {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
}

export interface Report {
  readonly version: typeof REPORT_VERSION;
  readonly generatedAt: string;
  /** [from, to): events at or after `from` and before `to`. */
  readonly period: { readonly from: string; readonly to: string };
  readonly filters: ReportFilters;
  readonly l0: {
    /** IT questions asked (off-topic and small talk not counted). */
    readonly questions: number;
    readonly answered: number;
    readonly suggested: number;
    readonly noAnswer: number;
    readonly offTopic: number;
    readonly confirmedSolved: number;
    readonly suggestionPicked: number;
    /** "Still need help" pressed on an answer or a picked suggestion. (Added.) */
    readonly notSolved?: number;
    /** Gave up to a ticket after an answer or a pick ("did not help"). */
    readonly ticketAfterAnswer: number;
    readonly ticketsOpened: number;
    /** Solved at L0 / IT questions asked. */
    readonly deflectionRate: number | null;
    readonly articles: readonly {
      readonly id: string;
      readonly shown: number;
      readonly solved: number;
      readonly notSolved: number;
      readonly solveRate: number | null;
    }[];
  };
  readonly levels: readonly {
    readonly level: Level;
    /** Tickets opened at L1, or that arrived here by escalation, in the period. */
    readonly received: number;
    readonly resolved: number;
    readonly escalated: number;
    readonly sentBack: number;
    /** Of `escalated`, escalated by the SLA sweep (a resolution breach). (Added.) */
    readonly escalatedAutomatically?: number;
    /** Resolutions at this level the requester reopened in the period. (Added.) */
    readonly reopened?: number;
    /** resolved / (resolved + escalated): of the tickets this level finished with, the share it resolved. */
    readonly resolutionRate: number | null;
    readonly firstResponseMinutes: Percentiles;
    readonly resolutionMinutes: Percentiles;
    readonly csat: { readonly count: number; readonly average: number | null };
  }[];
  /** L1 resolved / L1 tickets, against the configured band (default 0.7-0.8). */
  readonly l1Target: {
    readonly rate: number | null;
    readonly low: number;
    readonly high: number;
    readonly status: 'below' | 'within' | 'above' | 'no_data';
  };
  readonly sla: {
    readonly warnings: readonly {
      readonly level: Level;
      readonly priority: string;
      readonly kind: string;
      readonly count: number;
    }[];
    readonly breaches: readonly {
      readonly level: Level;
      readonly priority: string;
      readonly kind: string;
      readonly count: number;
    }[];
  };
  readonly csat: {
    readonly byAgent: readonly {
      readonly agent: string;
      /** `${platform}:${id}` of the agent, stable where `agent` (the display name) may not be. (Added.) */
      readonly agentId?: string;
      readonly count: number;
      readonly average: number;
    }[];
    /** One point per day of the period with ratings. */
    readonly trend: readonly {
      readonly day: string;
      readonly count: number;
      readonly average: number;
    }[];
  };
  /** Active tickets at `to`, by level and age band. */
  readonly backlog: readonly {
    readonly level: Level;
    readonly total: number;
    readonly byAge: {
      readonly under1d: number;
      readonly d1to3: number;
      readonly d3to7: number;
      readonly over7d: number;
    };
  }[];
  readonly gaps: {
    /** Unanswered and not-solved questions grouped by similarity, biggest first (top 20). */
    readonly groups: readonly {
      readonly count: number;
      readonly languages: Readonly<Partial<Record<'en' | 'id', number>>>;
      readonly examples: readonly string[];
      /** Drafts not exported yet whose title or questions fall in this group, by article id. */
      readonly drafts: readonly string[];
    }[];
    /** Shown often, rarely solving. */
    readonly weakArticles: readonly {
      readonly id: string;
      readonly shown: number;
      readonly solveRate: number;
    }[];
  };
  /**
   * Tickets closed in the period, by why: the requester confirmed or cancelled, or a timer closed it
   * (no reply while waiting on the requester; a resolution never confirmed). (Added.)
   */
  readonly closures?: {
    readonly confirmed: number;
    readonly cancelled: number;
    readonly autoNoReply: number;
    readonly autoResolved: number;
  };
  /** What the figures could not take into account (e.g. a filter L0 outcomes cannot honour). (Added.) */
  readonly notes?: readonly string[];
  readonly drafts: {
    /** Drafts not exported yet (status draft or approved). */
    readonly waiting: number;
    /** Every draft, and how many have each status: what `items` shows when it holds them all. (Added.) */
    readonly total: number;
    readonly byStatus: Readonly<Record<DraftStatus, number>>;
    /** At most 100, drafts and approved ones first. */
    readonly items: readonly {
      /** The article id it is saved as (the one the bot names and the KB file gets). */
      readonly id: string;
      readonly title: string;
      readonly ticketKey: string;
      readonly lang: 'en' | 'id';
      readonly status: DraftStatus;
    }[];
  };
}

/** approved: saved by an agent, waiting for `kb drafts export`; exported: written into the KB. */
export type DraftStatus = 'draft' | 'approved' | 'exported';
export const DRAFT_STATUSES: readonly DraftStatus[] = ['draft', 'approved', 'exported'];
