import { LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import { kbDraftId, type KbDrafts } from '../ports/kb-drafts';
import type { Level, Ticket } from '../ticket';
import { ActionRefused, whyNot } from './allowed-actions';
import {
  articleSlug,
  draftArticle,
  readDraftForm,
  uniqueArticleId,
  type DraftFields,
} from './draft-article';
import { missingFields, type FormFieldName } from './form-fields';
import { agentButtonTarget, type AgentButtonDeps } from './agent-button';
import type { Payload } from './payload';
import { refusalText, refuse, type RefuseDeps } from './refusals';
import { say } from './render';
import type { Uses } from './runtime';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What createDraftActions uses of the runtime, with what the helpers it calls use. */
export type DraftActionsDeps = Uses<
  'kb' | 'drafts' | 'clock' | 'whisper',
  'agentLocale' | 'reopenWindowHours'
> &
  AgentButtonDeps &
  RefuseDeps;

/**
 * "Draft KB article" on a resolved ticket's card: the agent's edit of the generated draft is stored
 * as an approved draft (one per ticket, the latest edit wins until it is exported), for
 * `kb drafts export` to write as a KB file. The ticket itself does not change.
 */
export function createDraftActions(rt: DraftActionsDeps) {
  const locale = rt.config.agentLocale;

  async function handle(e: ActionEvent, payload: Payload): Promise<void> {
    const target = await agentButtonTarget(rt, e, payload);
    if (!target) return;
    const { ticket, level } = target;
    const rules = { now: rt.clock.now(), reopenWindowHours: rt.config.reopenWindowHours };
    const why = whyNot(ticket, { role: 'agent', level }, 'draft_article', rules);
    if (why) {
      const error = new ActionRefused(why, `draft_article on ${ticket.key}: ${why}`);
      return refuse(rt, e, ticket, { level }, refusalText(error, ticket, locale), error.message);
    }
    const fields = readDraftForm(e.form ?? {}, draftArticle(ticket));
    const missing: FormFieldName[] = [];
    if (!fields.title) missing.push('title');
    if (!fields.summary) missing.push('article_summary');
    if (missing.length) {
      const error = missingFields(missing, locale);
      return refuse(rt, e, ticket, { level }, refusalText(error, ticket, locale), error.message);
    }
    if (!rt.drafts) throw new LapisError('unavailable', 'no KB draft store is configured');
    await save(e, rt.drafts, ticket, level, fields);
  }

  async function save(
    e: ActionEvent,
    drafts: KbDrafts,
    ticket: Ticket,
    level: Level,
    fields: DraftFields,
  ): Promise<void> {
    const id = kbDraftId(ticket.id);
    const others = (await drafts.list()).filter((d) => d.id !== id);
    const taken = (articleId: string) =>
      rt.kb.article(articleId, fields.lang)?.id === articleId ||
      others.some((d) => d.articleId === articleId);
    const articleId = uniqueArticleId(articleSlug(fields.title), taken);
    const now = rt.clock.now();
    const outcome = await drafts.save({
      id,
      ticketId: ticket.id,
      ticketKey: ticket.key,
      articleId,
      lang: fields.lang,
      title: fields.title,
      category: fields.category,
      tags: fields.tags,
      questions: fields.questions,
      summary: fields.summary,
      steps: fields.steps,
      by: e.user,
      createdAt: now,
      updatedAt: now,
    });
    const thread = ticket.threads[`L${level}`];
    const where = thread ? { thread } : { dm: e.dm };
    const text =
      outcome === 'saved'
        ? t(locale, 'draft_saved', {
            title: fields.title,
            key: ticket.key,
            id: articleId,
            lang: fields.lang,
          })
        : t(locale, 'draft_already_exported', { key: ticket.key });
    rt.whisper(e.user, where, say(text, locale));
  }

  return { handle };
}
