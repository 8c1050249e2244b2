import { areaLabel } from '../i18n/area-labels';
import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { ConversationRef, UserRef } from '../people';
import type { KbMatch } from '../ports/knowledge-base';
import type { L0Session } from '../ports/session-store';
import type { L0Attempt } from '../ticket';
import { clarifyMessage } from './clarify-message';
import { attemptDetails, recordOutcome } from './l0-outcomes';
import { answerMessage, suggestionsMessage, ticketFormMessage } from './render';
import type { Runtime } from './runtime';

/**
 * The reply to the session's latest attempt: the area question (while clarifying), the article, the
 * articles to pick from, or the ticket form. Recording the outcome here too means a redone step
 * still records it (once: its id comes from the work item).
 */
export async function replyToAttempt(
  rt: Runtime,
  to: { readonly user: UserRef; readonly dm: ConversationRef },
  locale: Locale,
  session: L0Session,
): Promise<void> {
  const { deps } = rt;
  const attempt = session.attempts.at(-1);
  const who = { user: to.user, locale, question: session.question };
  if (session.state === 'clarifying') {
    await recordOutcome(rt, 'clarified', who);
    return rt.sendDirect(to.dm, clarifyMessage(session.areas ?? [], locale, session.version));
  }
  const article = attempt?.articleId ? deps.kb.article(attempt.articleId, locale) : undefined;
  const offered = (attempt?.suggestions ?? []).flatMap((id): KbMatch[] => {
    const view = deps.kb.article(id, locale);
    return view ? [{ id, title: view.title, score: 0 }] : [];
  });
  const kind = article ? 'answered' : offered.length ? 'suggested' : 'no_answer';
  await recordOutcome(rt, kind, who, attemptDetails(attempt));
  rt.sendDirect(
    to.dm,
    article && session.state === 'awaiting_feedback'
      ? answerMessage(article, locale, session.version, deps.config.articleUrl)
      : offered.length
        ? suggestionsMessage(offered, locale, session.version, areaWording(attempt, locale))
        : ticketFormMessage(locale, noAnswerText(attempt, locale), session.version),
  );
}

/** After an area was picked: its name in the question, and a word about describing it instead. */
function areaWording(attempt: L0Attempt | undefined, locale: Locale) {
  if (!attempt?.area) return {};
  return {
    intro: t(locale, 'area_suggest_intro', { area: areaLabel(attempt.area, locale) }),
    hint: t(locale, 'area_own_words'),
  };
}

function noAnswerText(attempt: L0Attempt | undefined, locale: Locale): string {
  return attempt?.area
    ? t(locale, 'area_no_match', { area: areaLabel(attempt.area, locale) })
    : t(locale, 'no_answer');
}
