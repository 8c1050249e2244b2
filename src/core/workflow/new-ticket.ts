import { createHash } from 'node:crypto';
import type { NewTicket } from '../ports/ticket-store';
import type { ConversationRef, UserRef } from '../people';
import type { FileMention } from '../files';
import type { Locale } from '../locale';
import { startSla, type SlaPolicy } from '../sla/sla-policy';
import { CATEGORIES, type Category, type L0Attempt, type Priority } from '../ticket';

/** The ticket form's choices, in one place for the form (render) and its checks (here). */
export const IMPACTS = ['me', 'team', 'many'] as const;
export const URGENCIES = ['blocked', 'degraded', 'low'] as const;
export type Impact = (typeof IMPACTS)[number];
export type Urgency = (typeof URGENCIES)[number];

/** Impact x urgency -> priority, the usual ITIL matrix. */
export function priorityOf(impact: Impact, urgency: Urgency): Priority {
  const i = IMPACTS.length - 1 - IMPACTS.indexOf(impact);
  const u = URGENCIES.indexOf(urgency);
  return (['P1', 'P2', 'P3', 'P4'] as const)[Math.min(3, i + u)] as Priority;
}

export interface TicketForm {
  readonly category: Category;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly details: string | undefined;
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The submitted form, or the names of the fields that are missing or not one of the choices. */
export function readTicketForm(
  field: (name: string) => string,
): { form: TicketForm } | { missing: ('category' | 'impact' | 'urgency')[] } {
  const category = field('category');
  const impact = field('impact');
  const urgency = field('urgency');
  if (isOneOf(CATEGORIES, category) && isOneOf(IMPACTS, impact) && isOneOf(URGENCIES, urgency))
    return { form: { category, impact, urgency, details: field('details') || undefined } };
  return {
    missing: [
      ...(isOneOf(CATEGORIES, category) ? [] : (['category'] as const)),
      ...(isOneOf(IMPACTS, impact) ? [] : (['impact'] as const)),
      ...(isOneOf(URGENCIES, urgency) ? [] : (['urgency'] as const)),
    ],
  };
}

/** A ticket created by a work item has an id derived from it, so redoing the item finds it again. */
export function ticketIdFor(workKey: string): string {
  return `t-${createHash('sha256').update(workKey).digest('hex').slice(0, 32)}`;
}

/** What a new ticket starts from; the rest (level 1, open, SLA clocks, audit) follows from it. */
export interface TicketStart {
  readonly requester: UserRef;
  readonly requesterDm: ConversationRef;
  readonly locale: Locale;
  /** The question, as the first thing the requester said. */
  readonly question: string;
  /** What L0 suggested for it and what the employee said about it. */
  readonly attempts: readonly L0Attempt[];
  readonly category: Category;
  readonly priority: Priority;
  readonly impact: string | undefined;
  readonly details: string | undefined;
  readonly followUpOf?: { readonly id: string; readonly key: string };
  /** Files sent before the ticket existed (kept with the L0 conversation): listed with the question. */
  readonly files?: readonly FileMention[];
  /** Noted on the audit entry of its creation (where it came from). */
  readonly origin?: string;
  readonly now: Date;
  readonly sla: SlaPolicy;
}

/** A new ticket at L1: a pure function. */
export function startTicket(start: TicketStart): NewTicket {
  const { requester, now, priority } = start;
  return {
    requester,
    requesterDm: start.requesterDm,
    locale: start.locale,
    question: start.question,
    category: start.category,
    priority,
    impact: start.impact,
    details: start.details,
    level: 1,
    status: 'open',
    assignee: undefined,
    threads: {},
    cards: {},
    l0: start.attempts,
    escalations: [],
    transcript: [
      {
        at: now,
        from: 'requester',
        user: requester,
        text: start.question,
        level: 1,
        internal: false,
        ...(start.files?.length ? { files: start.files } : {}),
      },
    ],
    resolution: undefined,
    csat: undefined,
    sla: startSla(now, priority, start.sla),
    createdAt: now,
    updatedAt: now,
    closedAt: undefined,
    audit: [
      {
        at: now,
        actor: requester,
        action: 'created',
        detail: {
          priority,
          category: start.category,
          ...(start.followUpOf && { followUpOf: start.followUpOf.key }),
          ...(start.origin && { origin: start.origin }),
        },
      },
    ],
    ...(start.followUpOf && { followUpOf: start.followUpOf }),
  };
}

/** A new ticket from the employee's L0 question and their ticket form. */
export function newTicket(input: {
  requester: UserRef;
  requesterDm: ConversationRef;
  locale: Locale;
  question: string;
  attempts: readonly L0Attempt[];
  form: TicketForm;
  files?: readonly FileMention[];
  origin?: string;
  now: Date;
  sla: SlaPolicy;
}): NewTicket {
  const { form, ...rest } = input;
  return startTicket({
    ...rest,
    category: form.category,
    priority: priorityOf(form.impact, form.urgency),
    impact: form.impact,
    details: form.details,
  });
}
