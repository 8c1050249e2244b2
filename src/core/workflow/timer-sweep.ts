import { t } from '../i18n/translate';
import type { QueuedWork } from '../pipeline/queued-work';
import type { NewWorkItem } from '../ports/work-queue';
import { LEVELS, type Ticket } from '../ticket';
import { say } from './render';
import type { Uses } from './runtime';
import { dueTimer, withNextTimer, type TimerKind, type TimerSettings } from './ticket-timers';
import { autoClosedMessage, reminderMessage } from './timer-messages';
import { autoClose, recordReminder } from './ticket-transitions';

/** What createTimerSweep uses of the runtime. */
export type TimerSweepDeps = Uses<
  'tickets' | 'clock' | 'ctx' | 'mutate' | 'refreshCards' | 'tellRequester' | 'tellThread',
  'agentLocale' | 'timers' | 'timeZone'
>;

const HOURS_OF: Record<TimerKind, keyof Omit<TimerSettings, 'calendar'>> = {
  remind: 'waitingRemindHours',
  close_no_reply: 'waitingCloseHours',
  close_resolved: 'resolvedCloseHours',
};

/**
 * Reminders and auto-close, the SLA sweep's way: a ticket whose timer came due becomes an inbox item
 * of its lane, named by the ticket and the due time, so however many instances sweep it is queued
 * once; the item records the reminder (or the close) on the ticket with a keyed change, together
 * with queueing its messages, so it is sent once and never recorded without being sent.
 */
export function createTimerSweep(rt: TimerSweepDeps) {
  /** Inbox items for the tickets whose timer has come (at most `limit`). */
  async function dueWork(limit = 100): Promise<NewWorkItem<QueuedWork>[]> {
    const due = await rt.tickets.listDueForTimers(rt.clock.now(), limit);
    return due.map((ticket) => ({
      id: `timer:${ticket.id}:${ticket.nextTimerAt?.getTime() ?? 0}`,
      lane: `ticket:${ticket.id}`,
      payload: { kind: 'timer', ticketId: ticket.id },
    }));
  }

  /**
   * Tickets waiting on the requester or resolved whose `nextTimerAt` is not what the settings make of
   * it: stored before timers existed, or timed under other hours. Each gets a timer item, which sets
   * its next timer (or fires one already due). Reads the tickets collection by status: run once per
   * process start, not each sweep.
   */
  async function backfillWork(): Promise<NewWorkItem<QueuedWork>[]> {
    const settings = rt.config.timers;
    const timed = (
      await Promise.all(
        LEVELS.map((level) => rt.tickets.listByLevel(level, ['waiting_on_requester', 'resolved'])),
      )
    ).flat();
    return timed
      .filter((t) => dueTimer(t, settings)?.at.getTime() !== t.nextTimerAt?.getTime())
      .map((ticket) => ({
        id: `timer:${ticket.id}:set:${dueTimer(ticket, settings)?.at.getTime() ?? 'none'}`,
        lane: `ticket:${ticket.id}`,
        payload: { kind: 'timer', ticketId: ticket.id },
      }));
  }

  /** The timer work item of one ticket: whatever is due now (nothing, if it changed meanwhile). */
  async function fire(ticketId: string): Promise<void> {
    const ticket = await rt.tickets.get(ticketId);
    if (!ticket) return;
    const settings = rt.config.timers;
    const now = rt.clock.now();
    const due = dueTimer(ticket, settings);
    if (!settings || !due || due.at > now) {
      // Answered, reopened or reconfigured meanwhile: only the next timer moves.
      await rt.mutate(ticketId, (x) => withNextTimer(x, settings));
      return;
    }
    const hours = settings[HOURS_OF[due.kind]];
    const stillDue = (x: Ticket) => {
      const d = dueTimer(x, settings);
      return d?.kind === due.kind && d.at <= now;
    };
    const ctx = rt.ctx('system');
    const agentLocale = rt.config.agentLocale;
    if (due.kind === 'remind') {
      const { after, changed } = await rt.mutate(ticketId, (x) =>
        stillDue(x) ? recordReminder(x, ctx) : x,
      );
      if (!changed) return;
      const next = dueTimer(after, settings);
      const closeAt = next?.kind === 'close_no_reply' ? next.at : undefined;
      rt.tellRequester(after, reminderMessage(after, after.locale, closeAt, rt.config.timeZone));
      rt.tellThread(
        after,
        after.level,
        say(t(agentLocale, 'reminded_thread', { hours }), agentLocale),
      );
      return;
    }
    const reason = due.kind === 'close_no_reply' ? 'auto_no_reply' : 'auto_resolved';
    const { after, changed } = await rt.mutate(ticketId, (x) =>
      stillDue(x) ? autoClose(x, ctx, reason) : x,
    );
    if (!changed) return;
    rt.refreshCards(after);
    rt.tellRequester(after, autoClosedMessage(after, after.locale));
    const thread = reason === 'auto_no_reply' ? 'closed_no_reply_thread' : 'closed_resolved_thread';
    rt.tellThread(after, after.level, say(t(agentLocale, thread, { hours }), agentLocale));
  }

  return { dueWork, backfillWork, fire };
}
