import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { UserRef } from '../people';
import type { L0Session } from '../ports/session-store';
import { ACTIVE_STATUSES, isActive, type L0Attempt, type Ticket } from '../ticket';
import { addFormText, type AddFormTextDeps } from './add-to-ticket';
import { field, missingFields } from './form-fields';
import { refuseStaleL0, type RefuseStaleL0Deps } from './l0-stale';
import { newTicket, readTicketForm, ticketIdFor } from './new-ticket';
import { openedHere, openOrJoin, type OpenOrJoinDeps } from './open-or-join';
import type { Payload } from './payload';
import { say } from './render';
import type { Uses } from './runtime';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** The tickets one ticket form (whose, shown at which session version) may open: see openOrJoin. */
export function formChain(user: UserRef, version: number): string {
  return `l0-form:${user.platform}:${user.id}:v${version}`;
}

/** The question a form shown at `version` was for: the newest attempt first answered at or before it. */
export function attemptOfForm(
  session: L0Session | undefined,
  version: number,
): L0Attempt | undefined {
  return session?.attempts.filter((a) => a.since !== undefined && a.since <= version).at(-1);
}

/** What staleTicketForm uses of the runtime, with what the helpers it calls use. */
export type StaleTicketFormDeps = Uses<'tickets' | 'clock' | 'whisper', 'sla'> &
  RefuseStaleL0Deps &
  AddFormTextDeps &
  OpenOrJoinDeps;

/**
 * A ticket form sent from an out-of-date button (an older question's, or sent a second time): what was
 * typed is not thrown away. With an active ticket (the one this form opened first, else their newest),
 * it is added to that ticket and the person is told where it went. Otherwise a ticket opens from it,
 * with the question the form was shown for when the session still has it (else what was typed is
 * the question), exactly as the form would have opened it in time. Only a form that brings nothing
 * (no text, and its question forgotten or a ticket already active) gets the plain "out of date" answer.
 */
export async function staleTicketForm(
  rt: StaleTicketFormDeps,
  e: ActionEvent,
  payload: Payload,
  locale: Locale,
  saved: L0Session | undefined,
  opened: (ticket: Ticket) => Promise<void>,
): Promise<void> {
  const version = payload.session;
  if (version === undefined) return refuseStaleL0(rt, e, locale, saved);
  const typed = field(e, 'details');
  const attempt = attemptOfForm(saved, version);
  const [newest] = await rt.tickets.listByRequester(e.user, ACTIVE_STATUSES);
  // Redone after this very item opened the ticket: say so again, rather than add to it.
  if (newest && openedHere(newest)) return opened(newest);
  // The ticket this form already opened, while active, before any newer one of theirs.
  const own = await rt.tickets.get(ticketIdFor(formChain(e.user, version)));
  const active = own && isActive(own) ? own : newest;
  const dm = e.dm ?? saved?.dm ?? active?.requesterDm;
  const where = { user: e.user, dm };
  if (active)
    return typed
      ? addFormText(rt, where, active, typed, locale)
      : refuseStaleL0(rt, e, locale, saved);
  // Nothing typed and the question it was for forgotten: nothing to open a ticket about.
  if (!typed && !attempt) return refuseStaleL0(rt, e, locale, saved);
  const read = readTicketForm((name) => field(e, name));
  if ('missing' in read) {
    const text = t(locale, 'refused_input', { fields: missingFields(read.missing, locale).labels });
    return dm ? rt.whisper(e.user, { dm }, say(text, locale)) : undefined;
  }
  if (!dm) return refuseStaleL0(rt, e, locale, saved);
  const result = await openOrJoin(rt, formChain(e.user, version), () =>
    newTicket({
      requester: e.user,
      requesterDm: dm,
      locale,
      question: attempt?.question ?? typed,
      attempts: attempt ? [attempt] : [],
      form: { ...read.form, details: attempt ? typed || undefined : undefined },
      origin: 'older_form',
      now: rt.clock.now(),
      sla: rt.config.sla,
    }),
  );
  if (!result) return refuseStaleL0(rt, e, locale, saved);
  if (result.opened) return opened(result.ticket);
  return typed
    ? addFormText(rt, where, result.ticket, typed, locale)
    : refuseStaleL0(rt, e, locale, saved);
}
