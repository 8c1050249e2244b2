import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { L0Session } from '../ports/session-store';
import type { Ticket } from '../ticket';
import { addFormText, type AddFormTextDeps } from './add-to-ticket';
import { field, missingFields } from './form-fields';
import { withHoursNotice } from './hours-notice';
import { l0Step, type L0StepDeps } from './l0-step-message';
import { newTicket, readTicketForm } from './new-ticket';
import { openOrJoin, type OpenOrJoinDeps } from './open-or-join';
import type { Payload } from './payload';
import { attemptDetails, confirmPhrasing, recordOutcome, type L0OutcomeDeps } from './l0-outcomes';
import { say } from './render';
import { filesToThread, openingFiles } from './relay-files';
import { retire, retiredMessage } from './retire-buttons';
import type { Uses } from './runtime';
import { refuseStaleL0, type RefuseStaleL0Deps } from './l0-stale';
import { formChain, staleTicketForm, type StaleTicketFormDeps } from './stale-ticket-form';
import { currentWorkKey } from './work-scope';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What createL0Actions uses of the runtime, with what the helpers it calls use. */
export type L0ActionsDeps = Uses<
  | 'sessions'
  | 'kb'
  | 'clock'
  | 'saveSession'
  | 'sendDirect'
  | 'tellRequester'
  | 'whisper'
  | 'postNewTicket',
  'sla' | 'timeZone'
> &
  L0StepDeps &
  L0OutcomeDeps &
  RefuseStaleL0Deps &
  StaleTicketFormDeps &
  OpenOrJoinDeps &
  AddFormTextDeps;

/**
 * The employee's buttons at L0: "Solved" / "Still need help" on an answer, a pick among "is it one
 * of these?", and the ticket form (the areas of a vague message are in area-actions.ts). Each
 * carries the session version it was shown with; a press from an older version is told where things
 * stand now (a ticket form from one still reaches a ticket: stale-ticket-form.ts). A press redone
 * after its worker stopped (the session says it saved it) repeats its reply. An honoured press
 * retires the buttons of the message it came from, which is rendered again from the session as it
 * was shown (l0-step-message.ts) with what was chosen in place of its buttons.
 */
export function createL0Actions(rt: L0ActionsDeps) {
  const stale = (e: ActionEvent, locale: Locale, session: L0Session | undefined) =>
    refuseStaleL0(rt, e, locale, session);
  /** The message of the step `shown` was at, with `chosen` in place of the pressed button's row. */
  const retireStep = (e: ActionEvent, shown: L0Session, locale: Locale, chosen: string) => {
    const step = l0Step(rt, shown, locale);
    if (step) retire(e, retiredMessage(step.message, e.action, chosen));
  };

  async function feedback(e: ActionEvent, payload: Payload, solved: boolean, locale: Locale) {
    const workKey = currentWorkKey();
    const saved = await rt.sessions.get(e.user);
    if (workKey && saved?.savedBy === workKey) return feedbackReply(e, saved, solved, locale);
    const session = saved && saved.version === payload.session ? saved : undefined;
    if (!session || session.state !== 'awaiting_feedback') return stale(e, locale, saved);
    const attempts = session.attempts.map((a, i) =>
      i === session.attempts.length - 1
        ? { ...a, feedback: solved ? ('solved' as const) : ('not_solved' as const) }
        : a,
    );
    const next: L0Session = {
      ...session,
      attempts,
      state: solved ? 'idle' : 'collecting_details',
      updatedAt: rt.clock.now(),
      version: session.version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(next, session.version))) return;
    await feedbackReply(e, next, solved, locale);
  }

  async function feedbackReply(
    e: ActionEvent,
    session: L0Session,
    solved: boolean,
    locale: Locale,
  ) {
    const attempt = session.attempts.at(-1);
    const who = { user: e.user, locale, question: attempt?.question ?? session.question };
    await recordOutcome(rt, solved ? 'solved' : 'not_solved', who, attemptDetails(attempt));
    // One confirmation per person and phrasing, however often it is pressed or redone: the count
    // is of people, so nobody teaches the bot a phrasing alone.
    // After a vague message, the question says nothing of what was wrong: nothing to learn from it.
    if (solved && attempt && !attempt.area)
      await confirmPhrasing(rt, attempt, who, `requester:${e.user.platform}:${e.user.id}`);
    // Not solved: the ticket form, which is what the session's step now shows.
    const reply = solved
      ? say(t(locale, 'solved_reply'), locale)
      : l0Step(rt, session, locale)?.message;
    if (reply) rt.sendDirect(e.dm ?? session.dm, reply);
    // The answer it was pressed on: the step before this one (only the feedback changed).
    const shown = { ...session, state: 'awaiting_feedback' as const, version: session.version - 1 };
    retireStep(e, shown, locale, t(locale, solved ? 'chosen_solved' : 'chosen_need_help'));
  }

  /** One of the offered articles picked: shown as the answer, asking whether it solved it. */
  async function pick(e: ActionEvent, payload: Payload, locale: Locale) {
    const workKey = currentWorkKey();
    const saved = await rt.sessions.get(e.user);
    if (workKey && saved?.savedBy === workKey) return pickReply(e, saved, locale);
    const session = saved && saved.version === payload.session ? saved : undefined;
    const last = session?.attempts.at(-1);
    const article = payload.article ? rt.kb.article(payload.article, locale) : undefined;
    if (
      !session ||
      !last ||
      !article ||
      session.state !== 'collecting_details' ||
      !last.suggestions?.includes(article.id)
    )
      return stale(e, locale, saved);
    const next: L0Session = {
      ...session,
      attempts: [
        ...session.attempts.slice(0, -1),
        { ...last, articleId: article.id, articleTitle: article.title, picked: true },
      ],
      state: 'awaiting_feedback',
      updatedAt: rt.clock.now(),
      version: session.version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(next, session.version))) return stale(e, locale, saved);
    await pickReply(e, next, locale);
  }

  async function pickReply(e: ActionEvent, session: L0Session, locale: Locale) {
    const attempt = session.attempts.at(-1);
    const step = l0Step(rt, session, locale);
    if (!attempt || step?.kind !== 'answered') return;
    const who = { user: e.user, locale, question: attempt.question };
    await recordOutcome(rt, 'suggestion_picked', who, attemptDetails(attempt));
    rt.sendDirect(e.dm ?? session.dm, step.message);
    // The suggestions it was picked from: the step before (the attempt had not been answered yet).
    const shown = {
      ...session,
      state: 'collecting_details' as const,
      version: session.version - 1,
    };
    const choice = attempt.articleTitle ?? attempt.articleId ?? '';
    retireStep(e, shown, locale, t(locale, 'chosen_pick', { choice }));
  }

  async function openTicket(e: ActionEvent, payload: Payload, locale: Locale) {
    const workKey = currentWorkKey();
    const saved = await rt.sessions.get(e.user);
    // Redone after the session was claimed: carry on creating the ticket from it.
    if (workKey && saved?.savedBy === workKey) return createTicket(e, locale, saved);
    const session = saved && saved.version === payload.session ? saved : undefined;
    // A second submit, or a form from an older question: what was typed still reaches a ticket.
    // The form is also offered beside the area question after a vague message.
    if (!session || (session.state !== 'collecting_details' && session.state !== 'clarifying'))
      return staleForm(e, payload, locale, saved);
    const read = readTicketForm((name) => field(e, name));
    if ('missing' in read) {
      const text = t(locale, 'refused_input', {
        fields: missingFields(read.missing, locale).labels,
      });
      return void rt.whisper(e.user, { dm: e.dm ?? session.dm }, say(text, locale));
    }
    // Claim the session first: of two concurrent submits only one gets to create the ticket; the
    // other finds the session moved on and goes the way of an out-of-date form (to that ticket).
    const claimed: L0Session = {
      ...session,
      state: 'idle',
      updatedAt: rt.clock.now(),
      version: session.version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(claimed, session.version)))
      return staleForm(e, payload, locale, await rt.sessions.get(e.user));
    await createTicket(e, locale, claimed);
  }

  const staleForm = (
    e: ActionEvent,
    payload: Payload,
    locale: Locale,
    saved: L0Session | undefined,
  ) =>
    staleTicketForm(rt, e, payload, locale, saved, (ticket) =>
      announce(e, locale, ticket, undefined),
    );

  /** The session claimed for this form (at the form's version + 1): its ticket, opened or joined. */
  async function createTicket(e: ActionEvent, locale: Locale, session: L0Session) {
    const read = readTicketForm((name) => field(e, name));
    if ('missing' in read) return; // checked before the session was claimed
    const version = session.version - 1;
    const result = await openOrJoin(rt, formChain(e.user, version), () =>
      newTicket({
        requester: e.user,
        requesterDm: e.dm ?? session.dm,
        locale,
        question: session.question,
        attempts: session.attempts,
        form: read.form,
        // The claimed session still holds the conversation's files: they travel with the ticket.
        ...(session.files?.length ? { files: session.files } : {}),
        now: rt.clock.now(),
        sla: rt.config.sla,
      }),
    );
    if (!result) return stale(e, locale, session);
    if (!result.opened) {
      const who = { user: e.user, dm: e.dm ?? session.dm };
      return read.form.details
        ? addFormText(rt, who, result.ticket, read.form.details, locale)
        : stale(e, locale, session);
    }
    // The message the form came from: the step the session was at before it was claimed (beside
    // the area question while clarifying, which is the only step that keeps the areas offered).
    const clarifying = !!session.areas?.length && !session.attempts.at(-1)?.area;
    const shown: L0Session = {
      ...session,
      state: clarifying ? 'clarifying' : 'collecting_details',
      version,
    };
    await announce(e, locale, result.ticket, shown);
  }

  /**
   * A ticket opened from a form: recorded, posted to L1, the employee told its key, and the form's
   * message (`shown`: the step it was sent at) retired. A form that was out of date keeps its message
   * as it is: which of the session's steps showed it is not known any more.
   */
  async function announce(
    e: ActionEvent,
    locale: Locale,
    ticket: Ticket,
    shown: L0Session | undefined,
  ) {
    const who = { user: e.user, locale, question: ticket.question };
    await recordOutcome(rt, 'ticket_opened', who, {
      ...attemptDetails(ticket.l0.at(-1)),
      ticketId: ticket.id,
    });
    rt.postNewTicket(ticket);
    filesToThread(rt, ticket, 1, openingFiles(ticket), ticket.requester);
    const opened = t(locale, 'ticket_opened', { key: ticket.key, priority: ticket.priority });
    rt.tellRequester(ticket, withHoursNotice(opened, ticket, rt.config, locale));
    if (shown) retireStep(e, shown, locale, t(locale, 'chosen_ticket', { key: ticket.key }));
  }

  return { feedback, pick, openTicket };
}
