import { createHash } from 'node:crypto';
import type { NewTicket } from '../ports/ticket-store';
import type { L0Session } from '../ports/session-store';
import type { ConversationRef, UserRef } from '../people';
import type { Locale } from '../locale';
import { startSla, type SlaPolicy } from '../sla/sla-policy';
import { CATEGORIES, type Category, type Priority } from '../ticket';

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

/** A new ticket at L1 from the employee's L0 conversation and their form: a pure function. */
export function newTicket(input: {
  requester: UserRef;
  requesterDm: ConversationRef;
  locale: Locale;
  session: L0Session;
  form: TicketForm;
  now: Date;
  sla: SlaPolicy;
}): NewTicket {
  const { requester, session, form, now } = input;
  const priority = priorityOf(form.impact, form.urgency);
  return {
    requester,
    requesterDm: input.requesterDm,
    locale: input.locale,
    question: session.question,
    category: form.category,
    priority,
    impact: form.impact,
    details: form.details,
    level: 1,
    status: 'open',
    assignee: undefined,
    threads: {},
    cards: {},
    l0: session.attempts,
    escalations: [],
    transcript: [
      {
        at: now,
        from: 'requester',
        user: requester,
        text: session.question,
        level: 1,
        internal: false,
      },
    ],
    resolution: undefined,
    csat: undefined,
    sla: startSla(now, priority, input.sla),
    createdAt: now,
    updatedAt: now,
    closedAt: undefined,
    audit: [
      {
        at: now,
        actor: requester,
        action: 'created',
        detail: { priority, category: form.category },
      },
    ],
  };
}
