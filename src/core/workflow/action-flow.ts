import { isLapisError, LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { L0Session } from '../ports/session-store';
import type { ConversationRef, UserRef } from '../people';
import { displayName, sameUser } from '../people';
import {
  ACTIVE_STATUSES,
  CATEGORIES,
  type Category,
  type Level,
  type Priority,
  type Ticket,
} from '../ticket';
import { startSla } from '../sla/sla-policy';
import { plain } from '../messages';
import { decodePayload } from './payload';
import { ActionRefused } from './allowed-actions';
import { resolvedMessage, say, ticketFormMessage } from './render';
import type { Runtime } from './runtime';
import * as transition from './ticket-transitions';
import { currentWorkKey, emit } from './work-scope';
import { createHash } from 'node:crypto';

/** A ticket created by a work item has an id derived from it, so redoing the item finds it again. */
function ticketIdFor(workKey: string): string {
  return `t-${createHash('sha256').update(workKey).digest('hex').slice(0, 32)}`;
}

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

const MAX_TEXT = 4000;

/** Impact x urgency -> priority, the usual ITIL matrix. */
export function priorityOf(impact: string, urgency: string): Priority {
  const i = impact === 'many' ? 0 : impact === 'team' ? 1 : 2;
  const u = urgency === 'blocked' ? 0 : urgency === 'degraded' ? 1 : 2;
  return (['P1', 'P2', 'P3', 'P4'] as const)[Math.min(3, i + u)] as Priority;
}

/** A required form field left blank: refused naming its label(s). */
class MissingFields extends LapisError {
  constructor(readonly labels: string) {
    super('invalid_input', `missing: ${labels}`);
    this.name = 'MissingFields';
  }
}

const FIELD_LABELS = {
  reason: 'form_reason',
  tried: 'form_tried',
  note: 'form_note',
  summary: 'form_summary',
  problem: 'form_reopen_reason',
} as const;
type FormFieldName = keyof typeof FIELD_LABELS;

function field(form: ActionEvent['form'], name: string): string {
  return (form?.[name] ?? '').trim().slice(0, MAX_TEXT);
}

export function createActionFlow(rt: Runtime) {
  const { deps } = rt;
  const agentLocale = deps.config.agentLocale;

  /** Says no politely to the presser and records the refusal in the ticket's audit trail. */
  async function refuse(
    e: ActionEvent,
    ticket: Ticket | undefined,
    where: { level?: Level },
    text: string,
    reason: string,
  ) {
    if (ticket) {
      // Not recorded is not an answer: a failure here redoes the event (its steps are keyed).
      await rt.mutate(ticket.id, (x) =>
        transition.recordRefusal(x, rt.ctx(e.user), e.action, reason),
      );
    }
    const thread = where.level && ticket ? ticket.threads[`L${where.level}`] : undefined;
    // Only ever to the presser: the requester's chat is used only when the presser is the requester.
    const dm =
      e.dm ?? (ticket && sameUser(e.user, ticket.requester) ? ticket.requesterDm : undefined);
    if (!thread && !dm)
      return rt.log.warn({ action: e.action, reason }, 'refused; nowhere private to say so');
    rt.whisper(e.user, thread ? { thread } : { dm }, say(text));
  }

  async function l0Feedback(e: ActionEvent, solved: boolean, locale: Locale) {
    const payload = decodePayload(e.payload);
    const workKey = currentWorkKey();
    const saved = await deps.sessions.get(e.user);
    // This press was handled before its worker stopped: say again what it said.
    if (workKey && saved?.savedBy === workKey) return feedbackReply(e, saved, solved, locale);
    const session = saved && saved.version === payload.session ? saved : undefined;
    if (!session || session.state !== 'awaiting_feedback') return staleL0Button(e, locale, saved);
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
    feedbackReply(e, next, solved, locale);
  }

  /** An L0 button pressed after the conversation moved on: where it stands now (its ticket, if any). */
  async function staleL0Button(e: ActionEvent, locale: Locale, session: L0Session | undefined) {
    const [ticket] = await deps.tickets.listByRequester(e.user, ACTIVE_STATUSES);
    const text = ticket
      ? t(locale, 'refused_stale_l0_ticket', {
          key: ticket.key,
          status: t(locale, `status_${ticket.status}`),
          level: ticket.level,
        })
      : t(locale, 'refused_stale_l0');
    const dm = e.dm ?? session?.dm;
    if (!dm) return rt.log.warn({ action: e.action }, 'stale L0 button; nowhere to say so');
    rt.whisper(e.user, { dm }, say(text));
  }

  function feedbackReply(e: ActionEvent, session: L0Session, solved: boolean, locale: Locale) {
    rt.sendDirect(
      e.dm ?? session.dm,
      solved
        ? say(t(locale, 'solved_reply'))
        : ticketFormMessage(locale, t(locale, 'need_help_reply'), session.version),
    );
  }

  async function openTicket(e: ActionEvent, locale: Locale) {
    const payload = decodePayload(e.payload);
    const workKey = currentWorkKey();
    const saved = await deps.sessions.get(e.user);
    // Redone after the session was claimed: carry on creating the ticket from it.
    if (workKey && saved?.savedBy === workKey) return createTicket(e, locale, saved, workKey);
    const session = saved && saved.version === payload.session ? saved : undefined;
    // A second submit, or a form from an older question: say where things stand instead.
    if (!session || session.state !== 'collecting_details') return staleL0Button(e, locale, saved);
    const category = field(e.form, 'category');
    const impact = field(e.form, 'impact');
    const urgency = field(e.form, 'urgency');
    const missing = [
      ...(CATEGORIES.includes(category as Category) ? [] : [t(locale, 'form_category')]),
      ...(['me', 'team', 'many'].includes(impact) ? [] : [t(locale, 'form_impact')]),
      ...(['blocked', 'degraded', 'low'].includes(urgency) ? [] : [t(locale, 'form_urgency')]),
    ];
    if (missing.length)
      return void rt.whisper(
        e.user,
        { dm: e.dm ?? session.dm },
        say(t(locale, 'refused_input', { fields: missing.join(', ') })),
      );
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
    const category = field(e.form, 'category');
    const impact = field(e.form, 'impact');
    const urgency = field(e.form, 'urgency');
    const now = deps.clock.now();
    const priority = priorityOf(impact, urgency);
    const details = field(e.form, 'details') || undefined;
    const created = await deps.tickets.create(
      {
        requester: e.user,
        requesterDm: e.dm ?? session.dm,
        locale,
        question: session.question,
        category: category as Category,
        priority,
        impact,
        details,
        level: 1,
        status: 'open',
        assignee: undefined,
        threads: {},
        cards: {},
        l0: session.attempts,
        escalations: [],
        transcript: [
          {
            at: now,
            from: 'requester',
            user: e.user,
            text: session.question,
            level: 1,
            internal: false,
          },
        ],
        resolution: undefined,
        csat: undefined,
        sla: startSla(now, priority, deps.config.sla),
        createdAt: now,
        updatedAt: now,
        closedAt: undefined,
        audit: [{ at: now, actor: e.user, action: 'created', detail: { priority, category } }],
      },
      workKey && ticketIdFor(workKey),
    );
    postToLevel(created, 1);
    rt.tellRequester(created, say(t(locale, 'ticket_opened', { key: created.key, priority })));
  }

  /**
   * Puts the ticket before a level: its card is posted into the level's channel (the effect records
   * the thread once posted), and the cards it has elsewhere are brought up to date.
   */
  function postToLevel(ticket: Ticket, level: Level): Ticket {
    // Back at a level it has been at (sent back, then escalated again): its card and thread there are
    // reused, so replies in that thread keep reaching the ticket.
    if (ticket.threads[`L${level}`] && ticket.cards[`L${level}`]) {
      rt.refreshCards(ticket);
      const reason = ticket.escalations.at(-1)?.reason ?? '';
      rt.tellThread(ticket, level, {
        text: t(agentLocale, 'escalated_thread', { level, reason }),
        blocks: [
          { kind: 'text', spans: [plain(t(agentLocale, 'escalated_thread', { level, reason }))] },
          { kind: 'ping', level },
        ],
      });
      return ticket;
    }
    emit({ kind: 'card', ticketId: ticket.id, level });
    rt.refreshCards(ticket);
    return ticket;
  }

  async function agentAction(e: ActionEvent) {
    const payload = decodePayload(e.payload);
    const ticket = payload.ticket ? await deps.tickets.get(payload.ticket) : undefined;
    const level = payload.level;
    if (!ticket || !level) throw new LapisError('invalid_input', 'button without ticket or level');
    if (!(await deps.agents.isAgent(e.user, level))) {
      return refuse(
        e,
        ticket,
        { level },
        t(agentLocale, 'refused_not_agent', { level }),
        'not an agent of this level',
      );
    }
    const ctx = rt.ctx(e.user);
    const change = (x: Ticket): Ticket => {
      switch (e.action) {
        case 'claim':
          return transition.claim(x, ctx, level, e.user);
        case 'escalate':
          return transition.escalate(x, ctx, level, {
            reason: required(e, 'reason'),
            tried: required(e, 'tried'),
          });
        case 'send_back':
          return transition.sendBack(x, ctx, level, required(e, 'note'));
        case 'resolve':
          return transition.resolve(x, ctx, level, required(e, 'summary'));
        case 'wait_requester':
          return transition.waitOnRequester(x, ctx, level);
        default:
          throw new LapisError('invalid_input', `not an agent action: ${e.action}`);
      }
    };
    let result;
    try {
      result = await rt.mutate(ticket.id, change);
    } catch (error) {
      if (!isLapisError(error) || error.code === 'contended') throw error;
      const fresh = (await deps.tickets.get(ticket.id)) ?? ticket;
      return refuse(e, fresh, { level }, refusalText(error, fresh, agentLocale), error.message);
    }
    const { before, after, changed } = result;
    if (!changed) return;
    afterAgentChange(e, before, after, level);
  }

  /** A form field the button's form marks required; a blank one is refused naming its label. */
  function required(e: ActionEvent, name: FormFieldName, locale: Locale = agentLocale): string {
    const value = field(e.form, name);
    if (!value) throw new MissingFields(t(locale, FIELD_LABELS[name]));
    return value;
  }

  function refusalText(error: LapisError, ticket: Ticket, locale: Locale): string {
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

  function afterAgentChange(e: ActionEvent, before: Ticket, after: Ticket, level: Level): void {
    const locale = after.locale;
    const agent = displayName(e.user);
    switch (e.action) {
      case 'claim':
        rt.refreshCards(after);
        return void rt.tellRequester(
          after,
          say(t(locale, 'ticket_claimed', { agent, key: after.key })),
        );
      case 'escalate': {
        const reason = after.escalations.at(-1)?.reason ?? '';
        const posted = postToLevel(after, after.level);
        rt.tellThread(
          posted,
          level,
          say(t(agentLocale, 'escalated_thread', { level: after.level, reason })),
        );
        return void rt.tellRequester(
          posted,
          say(t(locale, 'escalated_requester', { key: after.key, level: after.level })),
        );
      }
      case 'send_back': {
        rt.refreshCards(after);
        const note = field(e.form, 'note');
        return void rt.tellThread(
          after,
          after.level,
          say(t(agentLocale, 'sent_back_thread', { level: after.level, agent, note })),
        );
      }
      case 'resolve':
        rt.refreshCards(after);
        return void rt.tellRequester(after, resolvedMessage(after, locale));
      case 'wait_requester':
        rt.refreshCards(after);
        return void rt.tellRequester(
          after,
          say(t(locale, 'waiting_on_you', { agent, key: after.key })),
        );
      default:
        return void before;
    }
  }

  async function requesterAction(e: ActionEvent) {
    const payload = decodePayload(e.payload);
    const ticket = payload.ticket ? await deps.tickets.get(payload.ticket) : undefined;
    if (!ticket) throw new LapisError('invalid_input', 'button without ticket');
    const locale = ticket.locale;
    if (!sameUser(e.user, ticket.requester)) {
      return refuse(
        e,
        ticket,
        {},
        t(e.locale ?? agentLocale, 'refused_not_requester', { key: ticket.key }),
        'not the requester',
      );
    }
    return changeAsRequester(e.user, e.dm, ticket, e.action, payload.score, locale, e);
  }

  async function changeAsRequester(
    user: UserRef,
    dm: ConversationRef | undefined,
    ticket: Ticket,
    action: ActionEvent['action'],
    score: number | undefined,
    locale: Locale,
    event?: ActionEvent,
  ) {
    const ctx = rt.ctx(user);
    let result;
    try {
      const reason = action === 'reopen' && event ? required(event, 'problem', locale) : '';
      result = await rt.mutate(ticket.id, (x) => {
        if (action === 'confirm_resolved') return transition.confirmResolved(x, ctx);
        if (action === 'reopen')
          return transition.reopen(x, ctx, deps.config.reopenWindowHours, reason);
        if (action === 'cancel') return transition.cancel(x, ctx);
        if (action === 'csat') return transition.rate(x, ctx, score ?? 0);
        throw new LapisError('invalid_input', `not a requester action: ${action}`);
      });
    } catch (error) {
      if (!isLapisError(error) || error.code === 'contended') throw error;
      const fresh = (await deps.tickets.get(ticket.id)) ?? ticket;
      const text = refusalText(error, fresh, locale);
      if (event) return refuse(event, fresh, {}, text, error.message);
      return void rt.whisper(user, { dm: dm ?? fresh.requesterDm }, say(text));
    }
    const { after } = result;
    rt.refreshCards(after);
    // The rating was asked with the resolution; closing does not ask again.
    if (action === 'confirm_resolved') {
      rt.tellRequester(after, say(t(locale, 'closed_requester', { key: after.key })));
    } else if (action === 'reopen') {
      const reason = after.transcript.at(-1)?.text ?? '';
      rt.tellThread(after, after.level, say(t(agentLocale, 'reopened_thread', { reason })));
      rt.tellRequester(after, say(t(locale, 'reopened_requester', { key: after.key })));
    } else if (action === 'cancel') {
      rt.tellThread(after, after.level, say(t(agentLocale, 'cancelled_thread')));
      rt.tellRequester(after, say(t(locale, 'cancelled_requester', { key: after.key })));
    } else if (action === 'csat') {
      rt.tellRequester(
        after,
        say(t(locale, 'csat_thanks', { key: after.key, score: after.csat?.score ?? 0 })),
      );
    }
  }

  return {
    postToLevel,
    changeAsRequester,
    async handle(e: ActionEvent): Promise<void> {
      const locale = decodePayload(e.payload).lang ?? e.locale ?? agentLocale;
      switch (e.action) {
        case 'l0_solved':
          return l0Feedback(e, true, locale);
        case 'l0_need_help':
          return l0Feedback(e, false, locale);
        case 'ticket_form':
          return openTicket(e, locale);
        case 'claim':
        case 'escalate':
        case 'send_back':
        case 'resolve':
        case 'wait_requester':
          return agentAction(e);
        case 'confirm_resolved':
        case 'reopen':
        case 'cancel':
        case 'csat':
          return requesterAction(e);
      }
    },
  };
}
