import { LapisError } from '../errors';
import type { Level, Ticket } from '../ticket';
import { ACTIVE_STATUSES, isAutoClosed } from '../ticket';

/** Who looks at a ticket: an agent of a level (its card there), or the person who opened it. */
export type Viewer =
  { readonly role: 'agent'; readonly level: Level } | { readonly role: 'requester' };

export const AGENT_ACTIONS = [
  'claim',
  'escalate',
  'send_back',
  'wait_requester',
  'resolve',
  'draft_article',
] as const;
export const REQUESTER_ACTIONS = ['confirm_resolved', 'reopen', 'cancel', 'csat'] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];
export type RequesterAction = (typeof REQUESTER_ACTIONS)[number];
export type TicketAction = AgentAction | RequesterAction;

export const isRequesterAction = (action: string): action is RequesterAction =>
  (REQUESTER_ACTIONS as readonly string[]).includes(action);

export interface ActionRules {
  readonly now: Date;
  /** How long after resolution the requester may reopen. */
  readonly reopenWindowHours: number;
}

/** Why an action is not possible now: each has its own wording for the person who pressed. */
export type NotAllowed =
  /** The ticket moved on (another level or status) since the button was shown. */
  'moved_on' | 'top_level' | 'lowest_level' | 'reopen_window' | 'already_rated';

/**
 * What `viewer` may do to `ticket` now, or why not. The one place for these rules: the cards show a
 * button only when this allows it, and every transition checks it against the fresh ticket.
 */
export function whyNot(
  ticket: Ticket,
  viewer: Viewer,
  action: TicketAction,
  rules: ActionRules,
): NotAllowed | undefined {
  const active = ACTIVE_STATUSES.includes(ticket.status);
  if (viewer.role === 'agent') {
    if (!(AGENT_ACTIONS as readonly string[]).includes(action)) return 'moved_on';
    // Knowledge-centred: the level that resolved it may draft a KB article from it, also once closed.
    if (action === 'draft_article')
      return ticket.resolution && ticket.level === viewer.level && isDone(ticket)
        ? undefined
        : 'moved_on';
    if (!active || ticket.level !== viewer.level) return 'moved_on';
    switch (action) {
      case 'claim':
        return ticket.status === 'open' ? undefined : 'moved_on';
      case 'escalate':
        return ticket.level === 3 ? 'top_level' : undefined;
      case 'send_back':
        return ticket.level === 1 ? 'lowest_level' : undefined;
      case 'wait_requester':
        return ticket.status === 'waiting_on_requester' ? 'moved_on' : undefined;
      default:
        return undefined;
    }
  }
  switch (action) {
    case 'cancel':
      return active ? undefined : 'moved_on';
    case 'confirm_resolved':
      return ticket.status === 'resolved' ? undefined : 'moved_on';
    // Only before the requester confirmed: once they said it works, a new problem is a new ticket.
    // A ticket a timer closed was never confirmed: it reopens for the window after the close.
    case 'reopen': {
      const autoClosed = isAutoClosed(ticket);
      if (ticket.status !== 'resolved' && !autoClosed) return 'moved_on';
      const since = autoClosed
        ? (ticket.closedAt ?? ticket.updatedAt)
        : (ticket.resolution?.at ?? ticket.updatedAt);
      const windowMs = rules.reopenWindowHours * 3_600_000;
      return rules.now.getTime() - since.getTime() > windowMs ? 'reopen_window' : undefined;
    }
    case 'csat':
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') return 'moved_on';
      // A ticket closed for want of an answer was never resolved: there is no help to rate.
      if (!ticket.resolution) return 'moved_on';
      return ticket.csat ? 'already_rated' : undefined;
    default:
      return 'moved_on';
  }
}

/** Resolved, or closed after a resolution (the requester confirmed it). */
function isDone(ticket: Ticket): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}

export function allowedActions(ticket: Ticket, viewer: Viewer, rules: ActionRules): TicketAction[] {
  const candidates = viewer.role === 'agent' ? AGENT_ACTIONS : REQUESTER_ACTIONS;
  return candidates.filter((action) => whyNot(ticket, viewer, action, rules) === undefined);
}

/**
 * What the requester's buttons on `ticket` offer: what the rules allow, the reopen window aside. A
 * message is read long after it was sent, and a Reopen pressed too late still reaches a ticket (a
 * follow-up: follow-up-ticket.ts), so it is offered while the ticket is resolved.
 */
export function offeredToRequester(ticket: Ticket): RequesterAction[] {
  const windowAside = { now: ticket.updatedAt, reopenWindowHours: Number.POSITIVE_INFINITY };
  return REQUESTER_ACTIONS.filter(
    (action) => whyNot(ticket, { role: 'requester' }, action, windowAside) === undefined,
  );
}

/** A transition refused by the rules above; `reason` picks the wording. */
export class ActionRefused extends LapisError {
  constructor(
    readonly reason: NotAllowed,
    message: string,
  ) {
    super(
      reason === 'moved_on' || reason === 'already_rated' ? 'stale_action' : 'invalid_input',
      message,
    );
    this.name = 'ActionRefused';
  }
}

/** Throws ActionRefused unless `viewer` may do `action` to `ticket` now. */
export function requireAllowed(
  ticket: Ticket,
  viewer: Viewer,
  action: TicketAction,
  rules: ActionRules,
): void {
  const reason = whyNot(ticket, viewer, action, rules);
  if (reason)
    throw new ActionRefused(
      reason,
      `${action} on ${ticket.key} (${ticket.status} at L${ticket.level}): ${reason}`,
    );
}
