import { parseEmployeeCommand, type EmployeeCommand } from '../employee-commands';
import { LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { OutboundMessage } from '../messages';
import type { KbSearchResult } from '../ports/knowledge-base';
import type { L0Session } from '../ports/session-store';
import { displayName, type UserRef } from '../people';
import { ACTIVE_STATUSES, LEVELS, type L0Attempt, type Ticket } from '../ticket';
import { truncate } from '../text/truncate';
import { readsAsContinuation } from './follow-up';
import { areasToOffer } from './clarify-message';
import { recordOutcome, type L0OutcomeDeps } from './l0-outcomes';
import { replyToAttempt, type ReplyToAttemptDeps } from './l0-reply';
import { offTopicMessage, say } from './render';
import type { Uses } from './runtime';
import { currentWorkKey } from './work-scope';
import { addRequesterText, type AddRequesterTextDeps } from './add-to-ticket';
import { ticketViews } from './ticket-views';
import { createRequesterActions, type RequesterActionsDeps } from './requester-actions';
import type { FileMention } from '../files';
import { keepFiles, pendingFiles, MAX_SESSION_FILES, type KeepFilesDeps } from './keep-files';
import { fileLabel, sayWith } from './file-messages';

type DirectMessage = Extract<Inbound, { kind: 'direct_message' }>;

/** The longest question kept (and stored with the session and the ticket). */
const MAX_QUESTION = 4000;

/** How long a message still answers "What is not working?" (and joins the vague one). */
const CLARIFYING_SECONDS = 600;

/**
 * A follow-up joins the question before it, up to MAX_QUESTION: past that the new message starts
 * the question afresh, so a stream of messages cannot grow it (and the session document) unbounded.
 */
export function questionOf(previous: string | undefined, text: string): string {
  const joined = previous === undefined ? text : `${previous}\n${text}`;
  return joined.length <= MAX_QUESTION ? joined : truncate(text, MAX_QUESTION);
}

/** What createEmployeeFlow uses of the runtime, with what the helpers it calls use. */
export type EmployeeFlowDeps = Uses<
  'tickets' | 'sessions' | 'kb' | 'agents' | 'clock' | 'saveSession' | 'sendDirect',
  'defaultLocale' | 'followUpSeconds' | 'offTopicContacts'
> &
  RequesterActionsDeps &
  AddRequesterTextDeps &
  ReplyToAttemptDeps &
  L0OutcomeDeps &
  KeepFilesDeps;

export function createEmployeeFlow(rt: EmployeeFlowDeps) {
  const views = ticketViews(rt.tickets);
  const requester = createRequesterActions(rt);
  const send = (e: DirectMessage, message: OutboundMessage) => rt.sendDirect(e.dm, message);
  /** The reply to the session's latest attempt (again, when this message was handled before). */
  const answerAgain = (e: DirectMessage, locale: Locale, session: L0Session) =>
    replyToAttempt(rt, e, locale, session);

  function statusLine(ticket: Ticket, locale: Locale): string {
    return t(locale, 'ticket_status', {
      key: ticket.key,
      status: t(locale, `status_${ticket.status}`),
      level: ticket.level,
      assignee: ticket.assignee
        ? t(locale, 'assigned_to', { agent: displayName(ticket.assignee) })
        : t(locale, 'unassigned'),
    });
  }

  /** The active queue of every level the person is an agent of, oldest first (10 a level). */
  async function queueText(user: UserRef, locale: Locale): Promise<string> {
    const parts: string[] = [];
    for (const level of LEVELS) {
      if (!(await rt.agents.isAgent(user, level))) continue;
      const queue = await views.levelQueue(level);
      if (!queue.length) {
        parts.push(t(locale, 'queue_empty', { level }));
        continue;
      }
      const lines = queue.slice(0, 10).map((x) => `• ${statusLine(x, locale)}`);
      parts.push(
        `${t(locale, 'queue_heading', { level, count: queue.length })}\n${lines.join('\n')}`,
      );
    }
    return parts.length ? parts.join('\n\n') : t(locale, 'queue_not_agent');
  }

  async function runCommand(e: DirectMessage, command: EmployeeCommand, locale: Locale) {
    if (command.name === 'help') return void send(e, say(t(locale, 'help'), locale));
    if (command.name === 'queue') return void send(e, say(await queueText(e.user, locale)));
    const mine = await views.myTickets(e.user);
    if (command.name === 'my_tickets') {
      const lines = mine.slice(0, 10).map((x) => `• ${statusLine(x, locale)}`);
      return void send(
        e,
        say(
          mine.length
            ? `${t(locale, 'my_tickets')}\n${lines.join('\n')}`
            : t(locale, 'my_tickets_none'),
        ),
      );
    }
    const ticket = mine.find((x) => x.key === command.key);
    if (!ticket)
      return void send(e, say(t(locale, 'ticket_not_found', { key: command.key }), locale));
    if (command.name === 'status') return void send(e, say(statusLine(ticket, locale)));
    // Cancelling by text goes through the same rules as the button.
    await requester.change(e.user, e.dm, ticket, 'cancel', undefined, locale);
  }

  /** While a ticket is active, what the employee writes (and sends) goes to its thread. */
  async function relayToAgents(e: DirectMessage, ticket: Ticket, files: readonly FileMention[]) {
    await addRequesterText(rt, ticket, e.user, e.text, { files });
  }

  /**
   * Files sent while no ticket is active: kept with the L0 conversation (its latest
   * MAX_SESSION_FILES), to travel with the ticket it may lead to. Returns the session after.
   */
  async function keepWithSession(
    e: DirectMessage,
    files: readonly FileMention[],
    tries = 0,
  ): Promise<L0Session | undefined> {
    const session = await rt.sessions.get(e.user);
    const pending = pendingFiles(session);
    const added = files.filter((f) => !pending.some((p) => p.id === f.id));
    // Redone: they are kept already.
    if (!added.length) return session;
    const going = session && session.state !== 'idle' ? session : undefined;
    const version = session?.version ?? 0;
    const next: L0Session = {
      user: e.user,
      dm: e.dm,
      state: going?.state ?? 'collecting_details',
      question: going?.question ?? '',
      ...(going?.areas ? { areas: going.areas } : {}),
      attempts: session?.attempts ?? [],
      files: [...pending, ...added].slice(-MAX_SESSION_FILES),
      updatedAt: rt.clock.now(),
      version: version + 1,
    };
    if (await rt.saveSession(next, version)) return next;
    if (tries >= 3)
      throw new LapisError('contended', 'the conversation kept changing; trying again later');
    return keepWithSession(e, files, tries + 1);
  }

  async function selfHelp(
    e: DirectMessage,
    locale: Locale,
    session: L0Session | undefined,
    search: (text: string) => Promise<KbSearchResult>,
    tries = 0,
  ): Promise<void> {
    const workKey = currentWorkKey();
    // This very message was handled before (its worker stopped before the answer was queued).
    if (workKey && session?.savedBy === workKey) return answerAgain(e, locale, session);
    const now = rt.clock.now();
    const alone = await search(e.text);
    // Thanks, greetings and acknowledgements are answered as such, whatever came before.
    if (alone.intent !== 'question' && alone.intent !== 'off_topic' && alone.intent !== 'vague') {
      const key = alone.intent === 'thanks' || alone.intent === 'ack' ? alone.intent : 'greeting';
      return void send(e, say(t(locale, key), locale));
    }
    if (alone.intent === 'off_topic') {
      await recordOutcome(rt, 'off_topic', { user: e.user, locale, question: e.text });
      return void send(
        e,
        offTopicMessage(alone.offTopicArea ?? 'general', locale, rt.config.offTopicContacts),
      );
    }
    // Typed while "What is not working?" is open, a message answers it (unless it has an answer
    // of its own): the vague words and the new ones are searched together.
    const clarifying = session?.state === 'clarifying';
    const window = clarifying ? CLARIFYING_SECONDS : rt.config.followUpSeconds;
    const recent =
      session !== undefined &&
      session.state !== 'idle' &&
      now.getTime() - session.updatedAt.getTime() < window * 1000;
    const continues = recent && (clarifying ? !alone.answer : readsAsContinuation(e.text, alone));
    // A conversation opened by a file alone has no question yet: this message is its question.
    const question = questionOf(continues ? session.question || undefined : undefined, e.text);
    const result = continues ? await search(question) : alone;

    // Says something is wrong without saying what: ask which area, rather than guess.
    const areas = result.intent === 'vague' && !result.answer ? areasToOffer(rt.kb.areas()) : [];
    const article = result.answer ? rt.kb.article(result.answer.id, locale) : undefined;
    const suggestions = article || areas.length ? [] : result.suggestions.map((s) => s.id);
    const version = session?.version ?? 0;
    // A folded follow-up goes on with its question: forms shown for it still belong to it.
    const since = (continues ? session.attempts.at(-1)?.since : undefined) ?? version + 1;
    const attempt: L0Attempt = {
      question,
      articleId: article?.id,
      articleTitle: article?.title,
      score: result.answer?.score,
      feedback: 'none',
      ...(suggestions.length ? { suggestions } : {}),
      since,
    };
    const previous =
      continues && session ? session.attempts.slice(0, -1) : (session?.attempts ?? []).slice(-4);
    const next: L0Session = {
      user: e.user,
      dm: e.dm,
      state: article ? 'awaiting_feedback' : areas.length ? 'clarifying' : 'collecting_details',
      question,
      ...(areas.length ? { areas } : {}),
      attempts: [...previous, attempt],
      ...(pendingFiles(session).length ? { files: pendingFiles(session) } : {}),
      updatedAt: now,
      version: version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(next, version))) {
      // Another message of the same person won the race; fold this one in on top of it.
      if (tries >= 3)
        throw new LapisError('contended', 'the conversation kept changing; trying again later');
      return selfHelp(e, locale, await rt.sessions.get(e.user), search, tries + 1);
    }
    await answerAgain(e, locale, next);
  }

  return {
    async handle(e: DirectMessage): Promise<void> {
      const hasText = e.text.trim() !== '';
      if (!hasText && !e.command && !e.files?.length) return;
      let session = await rt.sessions.get(e.user);
      // One search serves both the language guess and the answer when the message stands alone.
      let first: Promise<KbSearchResult> | undefined;
      const search = (text: string) =>
        text === e.text ? (first ??= rt.kb.search(text)) : rt.kb.search(text);
      const active = (await rt.tickets.listByRequester(e.user, ACTIVE_STATUSES))[0];
      const locale: Locale =
        e.locale ??
        active?.locale ??
        (hasText ? (await search(e.text)).detectedLocale : undefined) ??
        rt.config.defaultLocale;
      // Files are fetched and kept before anything is changed, so a redo repeats nothing.
      const files = e.files?.length
        ? await keepFiles(rt, e.user, e.files, locale, (message) => send(e, message))
        : [];
      const command = e.command ?? parseEmployeeCommand(e.text);
      if (command) {
        if (files.length && active) await relayToAgents({ ...e, text: '' }, active, files);
        else if (files.length) await keepWithSession(e, files);
        return runCommand(e, command, locale);
      }
      // Only refused files, no text: the refusal was all there was to say.
      if (active) return hasText || files.length ? relayToAgents(e, active, files) : undefined;
      if (files.length) session = await keepWithSession(e, files);
      if (hasText) return selfHelp(e, locale, session, search);
      if (files.length) {
        const names = files.map((f) => fileLabel(f, locale)).join(', ');
        send(e, sayWith(locale, 'file_kept_ask', { names }, ['names']));
      }
    },
  };
}
