import type { BusinessCalendar } from '../sla/business-calendar';
import type { Ticket } from '../ticket';

/**
 * Reminders and auto-close, counted in business hours (the SLA's business calendar, whatever the
 * ticket's priority: a requester is not expected to answer at night). 0 turns a timer off.
 */
export interface TimerSettings {
  /** A ticket waiting on the requester gets one reminder this long after the agent's last reply. */
  readonly waitingRemindHours: number;
  /** ... and is closed this long after it, if the requester still has not answered. */
  readonly waitingCloseHours: number;
  /** A resolved ticket neither confirmed nor reopened is closed this long after the resolution. */
  readonly resolvedCloseHours: number;
  readonly calendar: BusinessCalendar;
}

export type TimerKind = 'remind' | 'close_no_reply' | 'close_resolved';

export interface DueTimer {
  readonly kind: TimerKind;
  readonly at: Date;
}

/** The audit action of a reminder sent: one per wait (a later agent reply starts a new wait). */
export const REMINDED = 'reminded';

/**
 * When the requester was last asked for something: the agent's latest reply (relayed, not a note),
 * or the move to waiting_on_requester, whichever is later.
 */
export function waitingSince(ticket: Ticket): Date {
  const reply = ticket.transcript.findLast((e) => e.from === 'agent' && !e.internal)?.at;
  const moved = ticket.audit.findLast((a) => a.action === 'waiting_on_requester')?.at;
  const times = [reply, moved].filter((d): d is Date => d !== undefined);
  if (!times.length) return ticket.updatedAt;
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

/** Whether this wait's reminder was sent already. */
export function remindedSince(ticket: Ticket, since: Date): boolean {
  return ticket.audit.some((a) => a.action === REMINDED && a.at.getTime() >= since.getTime());
}

const after = (settings: TimerSettings, from: Date, hours: number) =>
  settings.calendar.addMinutes(from, hours * 60);

/** The ticket's next timer, or undefined when none runs (not waiting or resolved, or turned off). */
export function dueTimer(
  ticket: Ticket,
  settings: TimerSettings | undefined,
): DueTimer | undefined {
  if (!settings) return undefined;
  if (ticket.status === 'waiting_on_requester') {
    const since = waitingSince(ticket);
    const { waitingRemindHours: remind, waitingCloseHours: close } = settings;
    if (remind > 0 && !remindedSince(ticket, since))
      return { kind: 'remind', at: after(settings, since, remind) };
    if (close > 0) return { kind: 'close_no_reply', at: after(settings, since, close) };
    return undefined;
  }
  if (ticket.status === 'resolved' && settings.resolvedCloseHours > 0) {
    const resolvedAt = ticket.resolution?.at ?? ticket.updatedAt;
    return { kind: 'close_resolved', at: after(settings, resolvedAt, settings.resolvedCloseHours) };
  }
  return undefined;
}

/** The ticket with `nextTimerAt` set from its timer (the same object when it is unchanged). */
export function withNextTimer(ticket: Ticket, settings: TimerSettings | undefined): Ticket {
  const at = dueTimer(ticket, settings)?.at;
  if (at?.getTime() === ticket.nextTimerAt?.getTime()) return ticket;
  const { nextTimerAt, ...rest } = ticket;
  void nextTimerAt;
  return at ? { ...rest, nextTimerAt: at } : rest;
}
