import { t } from '../i18n/translate';
import { plain } from '../messages';
import { dueSlaEvents, schedule } from '../sla/sla-policy';
import { isActive, type Ticket } from '../ticket';
import type { NewWorkItem } from '../ports/work-queue';
import type { QueuedWork } from '../pipeline/queued-work';
import { formatTime, pingBlock } from './render';
import type { Uses } from './runtime';
import { escalate, recordSlaEvent } from './ticket-transitions';

/** What createSlaSweep uses of the runtime. */
export type SlaSweepDeps = Uses<
  'tickets' | 'clock' | 'log' | 'ctx' | 'mutate' | 'postToLevel' | 'tellThread',
  'agentLocale' | 'sla' | 'timeZone'
>;

/**
 * Warns in the thread before a breach, pings the level at a breach, and (if configured) escalates on
 * a resolution breach. A due ticket becomes an inbox item of the ticket's lane (one per due time), so
 * it is handled once however many instances sweep; each event is recorded on the ticket by the same
 * work item that queues its message, so a warning is never recorded without being sent.
 */
export function createSlaSweep(rt: SlaSweepDeps) {
  const locale = rt.config.agentLocale;

  async function sweepOne(ticket: Ticket): Promise<void> {
    const now = rt.clock.now();
    const policy = rt.config.sla;
    const events = dueSlaEvents(ticket.sla, ticket.createdAt, ticket.priority, policy, now);
    if (events.length === 0) {
      // Nothing due after all (e.g. paused meanwhile): just move the next check on.
      await rt.mutate(ticket.id, (x) => {
        const sla = schedule(x.sla, x.createdAt, x.priority, policy);
        return sla.nextCheckAt?.getTime() === x.sla.nextCheckAt?.getTime() ? x : { ...x, sla };
      });
      return;
    }
    for (const event of events) {
      const { after, changed } = await rt.mutate(ticket.id, (x) => {
        const done = event.kind === 'warning' ? x.sla.warned : x.sla.breached;
        return done.includes(event.clock)
          ? x
          : recordSlaEvent(x, rt.ctx('system'), event.clock, event.kind);
      });
      if (!changed) continue;
      const due =
        event.clock === 'first_response' ? after.sla.firstResponseDue : after.sla.resolutionDue;
      const text = t(locale, event.kind === 'warning' ? 'sla_warning' : 'sla_breach', {
        clock: t(locale, `clock_${event.clock}`),
        key: after.key,
        due: formatTime(due, locale, rt.config.timeZone),
      });
      rt.tellThread(after, after.level, {
        text,
        locale,
        blocks: [
          { kind: 'text', spans: [plain(`⚠ ${text}`)] },
          ...(event.kind === 'breach' ? [pingBlock(after.level, locale)] : []),
        ],
      });
      if (
        event.kind === 'breach' &&
        event.clock === 'resolution' &&
        policy.autoEscalate &&
        after.level < 3
      ) {
        const { after: escalated, changed: moved } = await rt.mutate(after.id, (x) =>
          x.level !== after.level
            ? x
            : escalate(x, rt.ctx('system'), x.level, {
                reason: text,
                tried: t(locale, 'sla_auto_escalated'),
                automatic: true,
              }),
        );
        if (moved) {
          const posted = rt.postToLevel(escalated, escalated.level);
          rt.tellThread(posted, after.level, {
            text,
            blocks: [
              {
                kind: 'context',
                spans: [
                  plain(t(locale, 'escalated_thread', { level: escalated.level, reason: text })),
                ],
              },
            ],
          });
        }
      }
    }
  }

  /** Inbox items for the tickets whose SLA check time has come (at most `limit`). */
  async function dueWork(limit = 100): Promise<NewWorkItem<QueuedWork>[]> {
    const due = await rt.tickets.listDueForSla(rt.clock.now(), limit);
    return due.map((ticket) => ({
      id: `sla:${ticket.id}:${ticket.sla.nextCheckAt?.getTime() ?? 0}`,
      lane: `ticket:${ticket.id}`,
      payload: { kind: 'sla', ticketId: ticket.id },
    }));
  }

  /**
   * Tickets whose card at their level never got posted (the post was given up): each gets a fresh
   * try, as an inbox item of its lane, at most once per `periodKey`.
   */
  async function missingCardWork(
    periodKey: string,
    limit = 50,
  ): Promise<NewWorkItem<QueuedWork>[]> {
    const createdBefore = new Date(rt.clock.now().getTime() - 5 * 60_000);
    const missing = await rt.tickets.listMissingCards(createdBefore, limit);
    return missing.map((ticket) => ({
      id: `repost:${ticket.id}:${ticket.level}:${periodKey}`,
      lane: `ticket:${ticket.id}`,
      payload: { kind: 'repost_card', ticketId: ticket.id },
    }));
  }

  /** Posts the card of a ticket at its level again (see missingCardWork). */
  async function repostCard(ticketId: string): Promise<void> {
    const ticket = await rt.tickets.get(ticketId);
    if (ticket && isActive(ticket) && !ticket.cards[`L${ticket.level}`]) {
      rt.log.warn({ key: ticket.key, level: ticket.level }, 'posting a missing ticket card again');
      rt.postToLevel(ticket, ticket.level);
    }
  }

  /** The SLA work item of one ticket: whatever is due now (nothing, if it changed meanwhile). */
  async function check(ticketId: string): Promise<void> {
    const ticket = await rt.tickets.get(ticketId);
    if (ticket && isActive(ticket)) await sweepOne(ticket);
  }

  return { dueWork, check, missingCardWork, repostCard };
}
