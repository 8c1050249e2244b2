import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Action, OutboundMessage } from '../messages';
import { plain } from '../messages';
import type { Ticket } from '../ticket';
import { encodePayload } from './payload';
import { formatTime } from './render';

/** The requester's Reopen: its form asks what is still wrong (and tells the agents). */
function reopenButton(ticket: Ticket, locale: Locale): Action {
  return {
    id: 'reopen',
    label: t(locale, 'btn_reopen'),
    // The language rides along, so a channel opens the reopen form in it (a Slack modal's Cancel).
    payload: encodePayload({ ticket: ticket.id, lang: locale, notice: 'auto_closed' }),
    form: [
      { name: 'problem', label: t(locale, 'form_reopen_reason'), type: 'textarea', required: true },
    ],
  };
}

/**
 * The reminder of a ticket waiting on the requester: answering is just replying in the DM; the
 * ticket can also be cancelled from here (the one requester button a waiting ticket takes).
 */
export function reminderMessage(
  ticket: Ticket,
  locale: Locale,
  closeAt: Date | undefined,
  timeZone: string,
): OutboundMessage {
  const text = closeAt
    ? t(locale, 'remind_requester', {
        key: ticket.key,
        closeAt: formatTime(closeAt, locale, timeZone),
      })
    : t(locale, 'remind_requester_open', { key: ticket.key });
  const cancel: Action = {
    id: 'cancel',
    label: t(locale, 'btn_cancel'),
    payload: encodePayload({ ticket: ticket.id, lang: locale }),
  };
  return {
    text,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(text)] },
      { kind: 'actions', actions: [cancel] },
    ],
  };
}

/** The notice of a ticket a timer closed, with a one-click Reopen. */
export function autoClosedMessage(ticket: Ticket, locale: Locale): OutboundMessage {
  const key =
    ticket.closedReason === 'auto_resolved'
      ? 'closed_resolved_requester'
      : 'closed_no_reply_requester';
  const text = t(locale, key, { key: ticket.key });
  return {
    text,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(text)] },
      { kind: 'actions', actions: [reopenButton(ticket, locale)] },
    ],
  };
}
