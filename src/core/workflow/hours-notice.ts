import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { OutboundMessage } from '../messages';
import { plain } from '../messages';
import type { SlaPolicy } from '../sla/sla-policy';
import type { Ticket } from '../ticket';
import { formatTime } from './render';

/**
 * For a ticket opened while the desk is closed (evening, weekend, holiday): when it opens, and when
 * the first response is due for the ticket's priority (the SLA counts business time, so that due
 * time already lies after the opening). Undefined when the desk is open, and for priorities served
 * around the clock (their calendar is always open). Read at the ticket's creation, so a redone step
 * says the same.
 */
export function hoursNotice(
  ticket: Ticket,
  policy: SlaPolicy,
  locale: Locale,
  timeZone: string,
): string | undefined {
  const opened = ticket.createdAt;
  // No business minutes after `opened`: the first working moment from then on.
  const opens = policy.calendar(ticket.priority).addMinutes(opened, 0);
  if (opens.getTime() <= opened.getTime()) return undefined;
  return t(locale, 'hours_notice', {
    opens: formatTime(opens, locale, timeZone),
    due: formatTime(ticket.sla.firstResponseDue, locale, timeZone),
  });
}

/** `text` (the ticket-opened message) with the hours notice after it when the desk is closed. */
export function withHoursNotice(
  text: string,
  ticket: Ticket,
  config: { readonly sla: SlaPolicy; readonly timeZone: string },
  locale: Locale,
): OutboundMessage {
  const notice = hoursNotice(ticket, config.sla, locale, config.timeZone);
  return {
    text: notice ? `${text}\n${notice}` : text,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(text)] },
      ...(notice ? [{ kind: 'text' as const, spans: [plain(notice)] }] : []),
    ],
  };
}
