import { t } from '../i18n/translate';
import { plain } from '../messages';
import { dueSlaEvents, schedule } from '../sla/sla-policy';
import type { Ticket } from '../ticket';
import { formatTime } from './render';
import type { Runtime } from './runtime';
import { escalate, recordSlaEvent } from './ticket-transitions';

/**
 * Warns in the thread before a breach, pings the level at a breach, and (if configured) escalates on
 * a resolution breach. Each event is recorded on the ticket by a conditional update before anything is
 * posted, so with several instances sweeping at once each warning, ping and escalation happens once.
 */
export function createSlaSweep(
  rt: Runtime,
  postToLevel: (ticket: Ticket, level: 1 | 2 | 3) => Promise<Ticket>,
) {
  const { deps } = rt;
  const locale = deps.config.defaultLocale;

  async function sweepOne(ticket: Ticket): Promise<void> {
    const now = deps.clock.now();
    const policy = deps.config.sla;
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
        due: formatTime(due, locale, deps.config.timeZone),
      });
      await rt.tellThread(after, after.level, {
        text,
        blocks: [
          { kind: 'text', spans: [plain(`⚠ ${text}`)] },
          ...(event.kind === 'breach' ? [{ kind: 'ping' as const, level: after.level }] : []),
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
                tried: '(automatic escalation)',
                automatic: true,
              }),
        );
        if (moved) {
          const posted = await postToLevel(escalated, escalated.level);
          await rt.tellThread(posted, after.level, {
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

  return async function sweep(limit = 50): Promise<number> {
    const due = await deps.tickets.listDueForSla(deps.clock.now(), limit);
    for (const ticket of due) {
      await sweepOne(ticket).catch((error: unknown) =>
        rt.log.error({ err: error, key: ticket.key }, 'SLA sweep failed for a ticket'),
      );
    }
    return due.length;
  };
}
