import { areaLabel } from '../i18n/area-labels';
import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { OutboundMessage } from '../messages';
import type { KbMatch } from '../ports/knowledge-base';
import type { L0Session } from '../ports/session-store';
import type { L0Attempt } from '../ticket';
import { clarifyMessage } from './clarify-message';
import { answerMessage, suggestionsMessage, ticketFormMessage } from './render';
import type { Uses } from './runtime';

export type StepKind = 'clarified' | 'answered' | 'suggested' | 'no_answer' | 'need_help';

/** What l0Step uses of the runtime. */
export type L0StepDeps = Uses<'kb', 'articleUrl'>;

/**
 * What the session's current step shows the employee, and which kind of step it is: the area
 * question (clarifying), the article (awaiting feedback), the articles to pick from, the ticket form
 * (with no answer, or after "Still need help"). The one place this is decided, so a message whose
 * button is retired later is rendered again exactly as it was sent. Undefined for an idle session.
 */
export function l0Step(
  rt: L0StepDeps,
  session: L0Session,
  locale: Locale,
): { readonly kind: StepKind; readonly message: OutboundMessage } | undefined {
  const version = session.version;
  if (session.state === 'idle') return undefined;
  if (session.state === 'clarifying')
    return { kind: 'clarified', message: clarifyMessage(session.areas ?? [], locale, version) };
  const attempt = session.attempts.at(-1);
  const article = attempt?.articleId ? rt.kb.article(attempt.articleId, locale) : undefined;
  if (article && session.state === 'awaiting_feedback')
    return {
      kind: 'answered',
      message: answerMessage(article, locale, version, rt.config.articleUrl),
    };
  if (attempt?.feedback === 'not_solved')
    return {
      kind: 'need_help',
      message: ticketFormMessage(locale, t(locale, 'need_help_reply'), version),
    };
  const offered = (attempt?.suggestions ?? []).flatMap((id): KbMatch[] => {
    const view = rt.kb.article(id, locale);
    return view ? [{ id, title: view.title, score: 0 }] : [];
  });
  if (offered.length)
    return {
      kind: 'suggested',
      message: suggestionsMessage(offered, locale, version, areaWording(attempt, locale)),
    };
  return {
    kind: 'no_answer',
    message: ticketFormMessage(locale, noAnswerText(attempt, locale), version),
  };
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
