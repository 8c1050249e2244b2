import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { L0Session } from '../ports/session-store';
import { field, missingFields } from './form-fields';
import { newTicket, readTicketForm, ticketIdFor } from './new-ticket';
import { decodePayload } from './payload';
import { attemptDetails, confirmPhrasing, recordOutcome } from './l0-outcomes';
import { answerMessage, say, ticketFormMessage } from './render';
import type { Runtime } from './runtime';
import { refuseStaleL0 } from './l0-stale';
import { currentWorkKey } from './work-scope';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/**
 * The employee's buttons at L0: "Solved" / "Still need help" on an answer, a pick among "is it one
 * of these?", and the ticket form (the areas of a vague message are in area-actions.ts). Each
 * carries the session version it was shown with; a press from an older version is told where things
 * stand now. A press redone after its worker stopped (the session says it saved it) repeats its reply.
 */
export function createL0Actions(rt: Runtime) {
  const { deps } = rt;
  const stale = (e: ActionEvent, locale: Locale, session: L0Session | undefined) =>
    refuseStaleL0(rt, e, locale, session);

  async function feedback(e: ActionEvent, solved: boolean, locale: Locale) {
    const payload = decodePayload(e.payload);
    const workKey = currentWorkKey();
    const saved = await deps.sessions.get(e.user);
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
      updatedAt: deps.clock.now(),
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
    rt.sendDirect(
      e.dm ?? session.dm,
      solved
        ? say(t(locale, 'solved_reply'), locale)
        : ticketFormMessage(locale, t(locale, 'need_help_reply'), session.version),
    );
  }

  /** One of the offered articles picked: shown as the answer, asking whether it solved it. */
  async function pick(e: ActionEvent, locale: Locale) {
    const payload = decodePayload(e.payload);
    const workKey = currentWorkKey();
    const saved = await deps.sessions.get(e.user);
    if (workKey && saved?.savedBy === workKey) return pickReply(e, saved, locale);
    const session = saved && saved.version === payload.session ? saved : undefined;
    const last = session?.attempts.at(-1);
    const article = payload.article ? deps.kb.article(payload.article, locale) : undefined;
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
      updatedAt: deps.clock.now(),
      version: session.version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(next, session.version))) return stale(e, locale, saved);
    await pickReply(e, next, locale);
  }

  async function pickReply(e: ActionEvent, session: L0Session, locale: Locale) {
    const attempt = session.attempts.at(-1);
    const article = attempt?.articleId ? deps.kb.article(attempt.articleId, locale) : undefined;
    if (!attempt || !article) return;
    const who = { user: e.user, locale, question: attempt.question };
    await recordOutcome(rt, 'suggestion_picked', who, attemptDetails(attempt));
    rt.sendDirect(
      e.dm ?? session.dm,
      answerMessage(article, locale, session.version, deps.config.articleUrl),
    );
  }

  async function openTicket(e: ActionEvent, locale: Locale) {
    const payload = decodePayload(e.payload);
    const workKey = currentWorkKey();
    const saved = await deps.sessions.get(e.user);
    // Redone after the session was claimed: carry on creating the ticket from it.
    if (workKey && saved?.savedBy === workKey) return createTicket(e, locale, saved, workKey);
    const session = saved && saved.version === payload.session ? saved : undefined;
    // A second submit, or a form from an older question: say where things stand instead. The
    // form is also offered beside the area question after a vague message.
    if (!session || (session.state !== 'collecting_details' && session.state !== 'clarifying'))
      return stale(e, locale, saved);
    const read = readTicketForm((name) => field(e, name));
    if ('missing' in read) {
      const text = t(locale, 'refused_input', {
        fields: missingFields(read.missing, locale).labels,
      });
      return void rt.whisper(e.user, { dm: e.dm ?? session.dm }, say(text));
    }
    // Claim the session first: of two concurrent submits only one gets to create the ticket.
    const claimed: L0Session = {
      ...session,
      state: 'idle',
      updatedAt: deps.clock.now(),
      version: session.version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(claimed, session.version))) return;
    await createTicket(e, locale, claimed, workKey);
  }

  async function createTicket(
    e: ActionEvent,
    locale: Locale,
    session: L0Session,
    workKey: string | undefined,
  ) {
    const read = readTicketForm((name) => field(e, name));
    if ('missing' in read) return; // checked before the session was claimed
    const ticket = newTicket({
      requester: e.user,
      requesterDm: e.dm ?? session.dm,
      locale,
      session,
      form: read.form,
      now: deps.clock.now(),
      sla: deps.config.sla,
    });
    const created = await deps.tickets.create(ticket, workKey && ticketIdFor(workKey));
    const who = { user: e.user, locale, question: session.question };
    await recordOutcome(rt, 'ticket_opened', who, {
      ...attemptDetails(session.attempts.at(-1)),
      ticketId: created.id,
    });
    rt.postToLevel(created, 1);
    rt.tellRequester(
      created,
      say(t(locale, 'ticket_opened', { key: created.key, priority: created.priority }), locale),
    );
  }

  return { feedback, pick, openTicket };
}
