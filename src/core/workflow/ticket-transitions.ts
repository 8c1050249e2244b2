import { LapisError } from '../errors';
import type { UserRef } from '../people';
import { sameUser } from '../people';
import { pauseSla, resumeSla, schedule, type SlaPolicy } from '../sla/sla-policy';
import type { AuditEntry, Level, Ticket, TranscriptEntry } from '../ticket';
import { REMINDED } from './ticket-timers';
import { requireAllowed, type TicketAction } from './allowed-actions';

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

/** The rules of allowed-actions.ts, checked against the ticket as it is now. */
function requireAgent(ticket: Ticket, ctx: TransitionContext, level: Level, action: TicketAction) {
  requireAllowed(ticket, { role: 'agent', level }, action, { now: ctx.now, reopenWindowHours: 0 });
}

function requireRequester(
  ticket: Ticket,
  ctx: TransitionContext,
  action: TicketAction,
  reopenWindowHours = 0,
) {
  requireAllowed(ticket, { role: 'requester' }, action, { now: ctx.now, reopenWindowHours });
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
  if (ticket.level === level && ticket.status === 'claimed' && ticket.assignee) {
    if (!sameUser(ticket.assignee, agent))
      throw new LapisError('conflict', `claimed by ${ticket.assignee.name ?? ticket.assignee.id}`);
    return ticket; // pressed twice by its owner
  }
  requireAgent(ticket, ctx, level, 'claim');
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
  requireAgent(ticket, ctx, level, 'escalate');
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
  requireAgent(ticket, ctx, level, 'send_back');
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
  requireAgent(ticket, ctx, level, 'resolve');
  const by = ctx.actor === 'system' ? undefined : ctx.actor;
  // A resolution is also a response. The clocks stop (a pause already running goes on), so that a
  // reopened ticket resumes with the time it had, not with the time it spent resolved.
  const answered = responded(ticket, ctx);
  const sla = pauseSla(answered.sla, ctx.now);
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
  requireAgent(ticket, ctx, level, 'wait_requester');
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
  requireRequester(ticket, ctx, 'confirm_resolved');
  return touch(
    ticket,
    ctx,
    { status: 'closed', closedAt: ctx.now, closedReason: 'confirmed' },
    'confirmed',
  );
}

/** Reopened by the requester, saying what is still wrong (kept in the transcript for the agents). */
export function reopen(
  ticket: Ticket,
  ctx: TransitionContext,
  windowHours: number,
  problem: string,
): Ticket {
  requireRequester(ticket, ctx, 'reopen', windowHours);
  const status = ticket.assignee ? 'claimed' : 'open';
  // The clocks go on from where the resolution stopped them (breaches already recorded stay).
  const sla = resumeSla(ticket.sla, ctx.now, ticket.createdAt, ticket.priority, ctx.sla);
  const said: TranscriptEntry = {
    at: ctx.now,
    from: 'requester',
    user: ctx.actor === 'system' ? undefined : ctx.actor,
    text: problem,
    level: ticket.level,
    internal: false,
  };
  return reschedule(
    touch(
      ticket,
      ctx,
      {
        status,
        closedAt: undefined,
        closedReason: undefined,
        resolution: undefined,
        csat: undefined,
        sla,
        transcript: [...ticket.transcript, said],
      },
      'reopened',
    ),
    ctx,
  );
}

export function cancel(ticket: Ticket, ctx: TransitionContext): Ticket {
  requireRequester(ticket, ctx, 'cancel');
  const sla = { ...ticket.sla, nextCheckAt: undefined };
  return touch(
    ticket,
    ctx,
    { status: 'cancelled', closedAt: ctx.now, closedReason: 'cancelled', sla },
    'cancelled',
  );
}

export function rate(ticket: Ticket, ctx: TransitionContext, score: number): Ticket {
  requireRequester(ticket, ctx, 'csat');
  if (!Number.isInteger(score) || score < 1 || score > 5)
    throw new LapisError('invalid_input', 'CSAT is 1 to 5');
  return touch(ticket, ctx, { csat: { score, at: ctx.now } }, 'rated', { score });
}

/** A ticket waiting on the requester got its reminder (ticket-timers.ts: once per wait). */
export function recordReminder(ticket: Ticket, ctx: TransitionContext): Ticket {
  if (ticket.status !== 'waiting_on_requester')
    throw new LapisError('stale_action', `no reminder for ${ticket.key}: ${ticket.status}`);
  return touch(ticket, ctx, {}, REMINDED);
}

/**
 * Closed by a timer: no answer while waiting on the requester, or a resolution never confirmed. The
 * requester may still reopen it for REOPEN_WINDOW_HOURS after this (allowed-actions.ts).
 */
export function autoClose(
  ticket: Ticket,
  ctx: TransitionContext,
  reason: 'auto_no_reply' | 'auto_resolved',
): Ticket {
  const from = reason === 'auto_no_reply' ? 'waiting_on_requester' : 'resolved';
  if (ticket.status !== from)
    throw new LapisError('stale_action', `no ${reason} close for ${ticket.key}: ${ticket.status}`);
  // The SLA clocks stand still already (paused while waiting, stopped at the resolution).
  return touch(
    ticket,
    ctx,
    { status: 'closed', closedAt: ctx.now, closedReason: reason },
    'auto_closed',
    { reason },
  );
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

/** The requester's answer to a ticket that could no longer be reopened went to a follow-up ticket. */
export function recordFollowUp(
  ticket: Ticket,
  ctx: TransitionContext,
  followUpKey: string,
): Ticket {
  return touch(ticket, ctx, {}, 'followed_up', { ticket: followUpKey });
}
