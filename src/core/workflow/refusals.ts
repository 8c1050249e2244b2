import type { LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import { displayName, sameUser } from '../people';
import type { Level, Ticket } from '../ticket';
import { ActionRefused } from './allowed-actions';
import { MissingFields } from './form-fields';
import { say } from './render';
import type { Uses } from './runtime';
import * as transition from './ticket-transitions';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What a refused press is told: why, in words about the ticket as it is now. */
export function refusalText(error: LapisError, ticket: Ticket, locale: Locale): string {
  const key = ticket.key;
  if (error.code === 'conflict' && ticket.assignee)
    return t(locale, 'refused_claimed', { key, agent: displayName(ticket.assignee) });
  if (error instanceof MissingFields) return t(locale, 'refused_input', { fields: error.labels });
  const reason = error instanceof ActionRefused ? error.reason : 'moved_on';
  switch (reason) {
    case 'top_level':
      return t(locale, 'refused_top_level', { key });
    case 'lowest_level':
      return t(locale, 'refused_lowest_level', { key });
    case 'reopen_window':
      return t(locale, 'refused_reopen_window', { key });
    case 'already_rated':
      return t(locale, 'refused_already_rated', { key });
    case 'moved_on':
      return t(locale, 'refused_stale', {
        key,
        status: t(locale, `status_${ticket.status}`),
        level: ticket.level,
      });
  }
}

/** What refuse uses of the runtime. */
export type RefuseDeps = Uses<'mutate' | 'ctx' | 'log' | 'whisper'>;

/**
 * Says no politely, only to the presser, and records the refusal in the ticket's audit trail (a
 * failure to record it redoes the event: its steps are keyed).
 */
export async function refuse(
  rt: RefuseDeps,
  e: ActionEvent,
  ticket: Ticket | undefined,
  where: { level?: Level },
  text: string,
  reason: string,
): Promise<void> {
  if (ticket)
    await rt.mutate(ticket.id, (x) =>
      transition.recordRefusal(x, rt.ctx(e.user), e.action, reason),
    );
  const thread = where.level && ticket ? ticket.threads[`L${where.level}`] : undefined;
  // The requester's chat is used only when the presser is the requester.
  const dm =
    e.dm ?? (ticket && sameUser(e.user, ticket.requester) ? ticket.requesterDm : undefined);
  if (!thread && !dm)
    return rt.log.warn({ action: e.action, reason }, 'refused; nowhere private to say so');
  rt.whisper(e.user, thread ? { thread } : { dm }, say(text));
}
