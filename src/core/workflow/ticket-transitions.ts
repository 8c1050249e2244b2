import { LapisError } from '../errors';
import type { UserRef } from '../people';
import { sameUser } from '../people';
import { pauseSla, resumeSla, schedule, type SlaPolicy } from '../sla/sla-policy';
import type { AuditEntry, Level, Ticket, TranscriptEntry } from '../ticket';

/**
 * The ticket state machine as pure functions: each takes the current ticket and returns the next one
 * (with its audit entry appended) or throws a LapisError saying why not. The caller stores the result
 * with a conditional update and retries on a lost race, so every rule is checked against fresh state.
 */
export interface TransitionContext {
  readonly actor: UserRef | 'system';
  readonly now: Date;
  readonly sla: SlaPolicy;
}

function audit(
  ticket: Ticket,
  ctx: TransitionContext,
  action: string,
  detail?: AuditEntry['detail'],
): readonly AuditEntry[] {
  return [
    ...ticket.audit,
    { at: ctx.now, actor: ctx.actor, action, ...(detail ? { detail } : {}) },
  ];
}

function touch(
  ticket: Ticket,
  ctx: TransitionContext,
  changes: Partial<Ticket>,
  action: string,
  detail?: AuditEntry['detail'],
): Ticket {
  return { ...ticket, ...changes, updatedAt: ctx.now, audit: audit(ticket, ctx, action, detail) };
}

function reschedule(ticket: Ticket, ctx: TransitionContext): Ticket {
  return { ...ticket, sla: schedule(ticket.sla, ticket.createdAt, ticket.priority, ctx.sla) };
}

function requireStatus(ticket: Ticket, allowed: readonly Ticket['status'][]): void {
  if (!allowed.includes(ticket.status))
    throw new LapisError('stale_action', `${ticket.key} is ${ticket.status}`);
}

function requireLevel(ticket: Ticket, level: Level): void {
  if (ticket.level !== level)
    throw new LapisError('stale_action', `${ticket.key} is at L${ticket.level}, not L${level}`);
}

/** First human response stops the first-response clock. */
function responded(ticket: Ticket, ctx: TransitionContext): Ticket {
  if (ticket.sla.firstResponseAt) return ticket;
  return reschedule({ ...ticket, sla: { ...ticket.sla, firstResponseAt: ctx.now } }, ctx);
}

export function claim(
  ticket: Ticket,
  ctx: TransitionContext,
  level: Level,
  agent: UserRef,
): Ticket {
  requireLevel(ticket, level);
  if (ticket.status === 'claimed' && ticket.assignee && !sameUser(ticket.assignee, agent)) {
    throw new LapisError('conflict', `claimed by ${ticket.assignee.name ?? ticket.assignee.id}`);
  }
  requireStatus(ticket, ['open', 'claimed']);
  if (ticket.status === 'claimed') return ticket;
  return responded(
    touch(ticket, ctx, { status: 'claimed', assignee: agent }, 'claimed', { level }),
    ctx,
  );
}

export function escalate(
  ticket: Ticket,
  ctx: TransitionContext,
  level: Level,
  input: { reason: string; tried: string; automatic?: boolean },
): Ticket {
  requireLevel(ticket, level);
  requireStatus(ticket, ['open', 'claimed', 'waiting_on_requester']);
  if (ticket.level === 3) throw new LapisError('invalid_input', 'L3 is the top level');
  const to = (ticket.level + 1) as Level;
  const escalation = {
    at: ctx.now,
    by: ctx.actor === 'system' ? undefined : ctx.actor,
    from: ticket.level,
    to,
    reason: input.reason,
    tried: input.tried,
    automatic: input.automatic ?? false,
  };
  const sla = ticket.sla.pausedAt
    ? resumeSla(ticket.sla, ctx.now, ticket.createdAt, ticket.priority, ctx.sla)
    : ticket.sla;
  return reschedule(
    touch(
      ticket,
      ctx,
      {
        level: to,
        status: 'open',
        assignee: undefined,
        sla,
        escalations: [...ticket.escalations, escalation],
      },
      'escalated',
      { from: ticket.level, to, reason: input.reason, automatic: escalation.automatic },
    ),
    ctx,
  );
}

export function sendBack(
  ticket: Ticket,
  ctx: TransitionContext,
  level: Level,
  note: string,
): Ticket {
  requireLevel(ticket, level);
  requireStatus(ticket, ['open', 'claimed', 'waiting_on_requester']);
  if (ticket.level === 1) throw new LapisError('invalid_input', 'L1 is the lowest level');
  const to = (ticket.level - 1) as Level;
  return touch(ticket, ctx, { level: to, status: 'open', assignee: undefined }, 'sent_back', {
    from: ticket.level,
    to,
    note,
  });
}

export function resolve(
  ticket: Ticket,
  ctx: TransitionContext,
  level: Level,
  summary: string,
): Ticket {
  requireLevel(ticket, level);
  requireStatus(ticket, ['open', 'claimed', 'waiting_on_requester']);
  const by = ctx.actor === 'system' ? undefined : ctx.actor;
  // A resolution is also a response; after it, no SLA clock runs any more.
  const answered = responded(ticket, ctx);
  const sla = { ...answered.sla, pausedAt: undefined, nextCheckAt: undefined };
  return touch(
    answered,
    ctx,
    {
      status: 'resolved',
      resolution: { summary, at: ctx.now, by },
      assignee: ticket.assignee ?? by,
      sla,
    },
    'resolved',
    { summary },
  );
}

export function waitOnRequester(ticket: Ticket, ctx: TransitionContext, level: Level): Ticket {
  requireLevel(ticket, level);
  requireStatus(ticket, ['open', 'claimed']);
  const assignee = ticket.assignee ?? (ctx.actor === 'system' ? undefined : ctx.actor);
  return responded(
    touch(
      ticket,
      ctx,
      { status: 'waiting_on_requester', assignee, sla: pauseSla(ticket.sla, ctx.now) },
      'waiting_on_requester',
    ),
    ctx,
  );
}

function appendTranscript(ticket: Ticket, ctx: TransitionContext, entry: TranscriptEntry): Ticket {
  return { ...ticket, transcript: [...ticket.transcript, entry], updatedAt: ctx.now };
}

/** The requester answered: a paused clock runs again. */
export function requesterReplied(
  ticket: Ticket,
  ctx: TransitionContext,
  entry: TranscriptEntry,
): Ticket {
  const withEntry = appendTranscript(ticket, ctx, entry);
  if (ticket.status !== 'waiting_on_requester') return withEntry;
  const sla = resumeSla(ticket.sla, ctx.now, ticket.createdAt, ticket.priority, ctx.sla);
  return touch(
    withEntry,
    ctx,
    { status: ticket.assignee ? 'claimed' : 'open', sla },
    'requester_replied',
  );
}

export function agentReplied(
  ticket: Ticket,
  ctx: TransitionContext,
  entry: TranscriptEntry,
): Ticket {
  const withEntry = appendTranscript(ticket, ctx, entry);
  return entry.internal ? withEntry : responded(withEntry, ctx);
}

export function confirmResolved(ticket: Ticket, ctx: TransitionContext): Ticket {
  requireStatus(ticket, ['resolved']);
  return touch(ticket, ctx, { status: 'closed', closedAt: ctx.now }, 'confirmed');
}

export function reopen(ticket: Ticket, ctx: TransitionContext, windowHours: number): Ticket {
  requireStatus(ticket, ['resolved', 'closed']);
  const resolvedAt = ticket.resolution?.at ?? ticket.updatedAt;
  if (ctx.now.getTime() - resolvedAt.getTime() > windowHours * 3_600_000) {
    throw new LapisError('invalid_input', 'reopen window has passed');
  }
  const status = ticket.assignee ? 'claimed' : 'open';
  const sla = { ...ticket.sla, breached: [], warned: [] };
  return reschedule(
    touch(
      ticket,
      ctx,
      { status, closedAt: undefined, resolution: undefined, csat: undefined, sla },
      'reopened',
    ),
    ctx,
  );
}

export function cancel(ticket: Ticket, ctx: TransitionContext): Ticket {
  requireStatus(ticket, ['open', 'claimed', 'waiting_on_requester']);
  const sla = { ...ticket.sla, nextCheckAt: undefined };
  return touch(ticket, ctx, { status: 'cancelled', closedAt: ctx.now, sla }, 'cancelled');
}

export function rate(ticket: Ticket, ctx: TransitionContext, score: number): Ticket {
  requireStatus(ticket, ['resolved', 'closed']);
  if (ticket.csat) throw new LapisError('stale_action', `${ticket.key} is already rated`);
  if (!Number.isInteger(score) || score < 1 || score > 5)
    throw new LapisError('invalid_input', 'CSAT is 1 to 5');
  return touch(ticket, ctx, { csat: { score, at: ctx.now } }, 'rated', { score });
}

/** A refused action is recorded too: who tried what, and why not. */
export function recordRefusal(
  ticket: Ticket,
  ctx: TransitionContext,
  action: string,
  reason: string,
): Ticket {
  return touch(ticket, ctx, {}, 'refused', { action, reason });
}

export function recordSlaEvent(
  ticket: Ticket,
  ctx: TransitionContext,
  clock: 'first_response' | 'resolution',
  kind: 'warning' | 'breach',
): Ticket {
  const sla =
    kind === 'warning'
      ? { ...ticket.sla, warned: [...ticket.sla.warned, clock] }
      : { ...ticket.sla, breached: [...ticket.sla.breached, clock] };
  return reschedule(touch(ticket, ctx, { sla }, `sla_${kind}`, { clock }), ctx);
}

/** A message about the ticket could not be delivered, however often it was tried. */
export function recordDeliveryFailure(
  ticket: Ticket,
  ctx: TransitionContext,
  what: string,
  reason: string,
): Ticket {
  return touch(ticket, ctx, {}, 'delivery_failed', { what, reason: reason.slice(0, 300) });
}
