import { isLapisError, LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { ConversationRef, UserRef } from '../people';
import { sameUser } from '../people';
import { isAutoClosed, type Ticket } from '../ticket';
import { ActionRefused, isRequesterAction, type RequesterAction } from './allowed-actions';
import { reopenTooLate, type ReopenTooLateDeps } from './follow-up-ticket';
import { required } from './form-fields';
import type { Payload } from './payload';
import { refusalText, refuse, type RefuseDeps } from './refusals';
import { say } from './render';
import { resolvedMessage } from './resolved-message';
import { retire, retiredMessage } from './retire-buttons';
import { autoClosedMessage } from './timer-messages';
import type { Uses } from './runtime';
import * as transition from './ticket-transitions';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What createRequesterActions uses of the runtime, with what the helpers it calls use. */
export type RequesterActionsDeps = Uses<
  'tickets' | 'ctx' | 'mutate' | 'refreshCards' | 'tellRequester' | 'tellThread' | 'whisper',
  'agentLocale' | 'reopenWindowHours'
> &
  RefuseDeps &
  ReopenTooLateDeps;

/**
 * What the person who opened a ticket can do to it: confirm the resolution, reopen it (saying what is
 * still wrong), cancel it, rate it. By button, or (cancel) by a typed command through `change`. A
 * press honoured retires the buttons of the message it came from; a reopen that is too late opens a
 * follow-up ticket with what was written (follow-up-ticket.ts).
 */
export function createRequesterActions(rt: RequesterActionsDeps) {
  async function handle(e: ActionEvent, payload: Payload): Promise<void> {
    const ticket = payload.ticket ? await rt.tickets.get(payload.ticket) : undefined;
    if (!ticket) throw new LapisError('invalid_input', 'button without ticket');
    if (!sameUser(e.user, ticket.requester)) {
      const locale = e.locale ?? rt.config.agentLocale;
      const text = t(locale, 'refused_not_requester', { key: ticket.key });
      return refuse(rt, e, ticket, {}, text, 'not the requester');
    }
    if (!isRequesterAction(e.action))
      throw new LapisError('invalid_input', `not a requester action: ${e.action}`);
    const notice = payload.notice === 'auto_closed';
    return change(e.user, e.dm, ticket, e.action, payload.score, ticket.locale, e, notice);
  }

  async function change(
    user: UserRef,
    dm: ConversationRef | undefined,
    ticket: Ticket,
    action: RequesterAction,
    score: number | undefined,
    locale: Locale,
    event?: ActionEvent,
    /** Pressed on the notice of a timer's close (its Reopen), not on the resolution message. */
    onNotice = false,
  ): Promise<void> {
    const ctx = rt.ctx(user);
    let result;
    let problem = '';
    try {
      problem = action === 'reopen' && event ? required(event, 'problem', locale) : '';
      result = await rt.mutate(ticket.id, (x) => {
        switch (action) {
          case 'confirm_resolved':
            return transition.confirmResolved(x, ctx);
          case 'reopen':
            return transition.reopen(x, ctx, rt.config.reopenWindowHours, problem);
          case 'cancel':
            return transition.cancel(x, ctx);
          case 'csat':
            return transition.rate(x, ctx, score ?? 0);
        }
      });
    } catch (error) {
      if (!isLapisError(error) || error.code === 'contended') throw error;
      const fresh = (await rt.tickets.get(ticket.id)) ?? ticket;
      // Too late to reopen (or reopened already): what they wrote still reaches a ticket.
      if (event && problem && error instanceof ActionRefused)
        return reopenTooLate(rt, event, fresh, problem, locale);
      const text = refusalText(error, fresh, locale);
      if (event) return refuse(rt, event, fresh, {}, text, error.message);
      return void rt.whisper(user, { dm: dm ?? fresh.requesterDm }, say(text, locale));
    }
    afterChange(result.after, action, locale);
    // The message it was pressed on: its buttons give way to what became of them (the notice of a
    // timer's close, or the resolution message).
    if (event && onNotice && isAutoClosed(result.before))
      retire(
        event,
        retiredMessage(
          autoClosedMessage(result.before, locale),
          action,
          t(locale, 'chosen_reopened'),
        ),
      );
    else if (event && result.before.resolution)
      retire(event, resolvedMessage(result.before, locale, result.after));
  }

  function afterChange(after: Ticket, action: RequesterAction, locale: Locale): void {
    const agentLocale = rt.config.agentLocale;
    const key = after.key;
    rt.refreshCards(after);
    switch (action) {
      // The rating was asked with the resolution; closing does not ask again.
      case 'confirm_resolved':
        return rt.tellRequester(after, say(t(locale, 'closed_requester', { key }), locale));
      case 'reopen': {
        const reason = after.transcript.at(-1)?.text ?? '';
        rt.tellThread(
          after,
          after.level,
          say(t(agentLocale, 'reopened_thread', { reason }), agentLocale),
        );
        return rt.tellRequester(after, say(t(locale, 'reopened_requester', { key }), locale));
      }
      case 'cancel':
        rt.tellThread(after, after.level, say(t(agentLocale, 'cancelled_thread'), agentLocale));
        return rt.tellRequester(after, say(t(locale, 'cancelled_requester', { key }), locale));
      case 'csat':
        return rt.tellRequester(
          after,
          say(t(locale, 'csat_thanks', { key, score: after.csat?.score ?? 0 }), locale),
        );
    }
  }

  return { handle, change };
}
