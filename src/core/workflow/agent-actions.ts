import { isLapisError, LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import { displayName } from '../people';
import type { Level, Ticket } from '../ticket';
import { field, required } from './form-fields';
import { agentButtonTarget, type AgentButtonDeps } from './agent-button';
import type { Payload } from './payload';
import { ActionRefused } from './allowed-actions';
import { keepAgentText, type KeepAgentTextDeps } from './keep-agent-text';
import { refusalText, refuse, type RefuseDeps } from './refusals';
import { say } from './render';
import { resolvedMessage } from './resolved-message';
import type { Uses } from './runtime';
import * as transition from './ticket-transitions';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What createAgentActions uses of the runtime, with what the helpers it calls use. */
export type AgentActionsDeps = Uses<
  | 'tickets'
  | 'kb'
  | 'learning'
  | 'clock'
  | 'ctx'
  | 'mutate'
  | 'refreshCards'
  | 'tellRequester'
  | 'tellThread'
  | 'postToLevel',
  'agentLocale'
> &
  AgentButtonDeps &
  KeepAgentTextDeps &
  RefuseDeps;

/**
 * The buttons on a ticket's card in a level's channel: claim, escalate, send back, wait on the
 * requester, resolve. Only agents of that level may press them; the transition decides the rest
 * against the fresh ticket (allowed-actions.ts), and a refusal tells the presser why.
 */
export function createAgentActions(rt: AgentActionsDeps) {
  const locale = rt.config.agentLocale;

  async function handle(e: ActionEvent, payload: Payload): Promise<void> {
    const target = await agentButtonTarget(rt, e, payload);
    if (!target) return;
    const { ticket, level } = target;
    const article = e.action === 'resolve' ? field(e, 'article').toLowerCase() : '';
    if (article && !rt.kb.article(article, ticket.locale)) {
      const text = t(locale, 'refused_unknown_article', { id: article.slice(0, 100) });
      return refuse(rt, e, ticket, { level }, text, 'unknown article named at resolve');
    }
    const ctx = rt.ctx(e.user);
    let result;
    try {
      result = await rt.mutate(ticket.id, (x) => change(e, x, ctx, level));
    } catch (error) {
      if (!isLapisError(error) || error.code === 'contended') throw error;
      const fresh = (await rt.tickets.get(ticket.id)) ?? ticket;
      // A form typed for a ticket that moved on: the text is kept as a note, and the refusal says so.
      const kept = error instanceof ActionRefused && (await keepAgentText(rt, e, fresh, level));
      const why = refusalText(error, fresh, locale);
      const text = kept ? `${why} ${t(locale, 'refused_kept_note')}` : why;
      return refuse(rt, e, fresh, { level }, text, error.message);
    }
    if (result.changed) afterChange(e, result.after, level);
    if (article && result.after.resolution) await teach(e, result.after, article);
  }

  /**
   * The agent named the article that solved it: the ticket's question becomes an approved phrasing of
   * that article. Keyed by the ticket's version, so a redone press teaches once.
   */
  async function teach(e: ActionEvent, ticket: Ticket, articleId: string) {
    await rt.learning?.confirm({
      articleId,
      text: ticket.question,
      lang: ticket.locale,
      source: 'agent',
      // The resolution, not the version (later changes move it on): a redone press teaches once.
      key: `ticket:${ticket.id}:resolved@${ticket.resolution?.at.toISOString() ?? ''}`,
      user: e.user,
      at: rt.clock.now(),
    });
  }

  function change(
    e: ActionEvent,
    ticket: Ticket,
    ctx: transition.TransitionContext,
    level: Level,
  ): Ticket {
    switch (e.action) {
      case 'claim':
        return transition.claim(ticket, ctx, level, e.user);
      case 'escalate':
        return transition.escalate(ticket, ctx, level, {
          reason: required(e, 'reason', locale),
          tried: required(e, 'tried', locale),
        });
      case 'send_back':
        return transition.sendBack(ticket, ctx, level, required(e, 'note', locale));
      case 'resolve':
        return transition.resolve(ticket, ctx, level, required(e, 'summary', locale));
      case 'wait_requester':
        return transition.waitOnRequester(ticket, ctx, level);
      default:
        throw new LapisError('invalid_input', `not an agent action: ${e.action}`);
    }
  }

  /** What the change means for the others: cards brought up to date, the requester and threads told. */
  function afterChange(e: ActionEvent, after: Ticket, level: Level): void {
    const requesterLocale = after.locale;
    const agent = displayName(e.user);
    switch (e.action) {
      case 'claim':
        rt.refreshCards(after);
        return rt.tellRequester(
          after,
          say(t(requesterLocale, 'ticket_claimed', { agent, key: after.key }), requesterLocale),
        );
      case 'escalate': {
        const reason = after.escalations.at(-1)?.reason ?? '';
        const posted = rt.postToLevel(after, after.level);
        rt.tellThread(
          posted,
          level,
          say(t(locale, 'escalated_thread', { level: after.level, reason }), locale),
        );
        return rt.tellRequester(
          posted,
          say(
            t(requesterLocale, 'escalated_requester', { key: after.key, level: after.level }),
            requesterLocale,
          ),
        );
      }
      case 'send_back': {
        rt.refreshCards(after);
        const note = field(e, 'note');
        return rt.tellThread(
          after,
          after.level,
          say(t(locale, 'sent_back_thread', { level: after.level, agent, note }), locale),
        );
      }
      case 'resolve':
        rt.refreshCards(after);
        return rt.tellRequester(after, resolvedMessage(after, requesterLocale));
      case 'wait_requester':
        rt.refreshCards(after);
        return rt.tellRequester(
          after,
          say(t(requesterLocale, 'waiting_on_you', { agent, key: after.key }), requesterLocale),
        );
    }
  }

  return { handle };
}
