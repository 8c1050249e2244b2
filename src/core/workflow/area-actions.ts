import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { L0Session } from '../ports/session-store';
import type { L0Attempt } from '../ticket';
import { areaLabel } from '../i18n/area-labels';
import { t } from '../i18n/translate';
import { replyToAttempt, type ReplyToAttemptDeps } from './l0-reply';
import { l0Step, type L0StepDeps } from './l0-step-message';
import { retire, retiredMessage } from './retire-buttons';
import { refuseStaleL0, type RefuseStaleL0Deps } from './l0-stale';
import type { Payload } from './payload';
import type { Uses } from './runtime';
import { currentWorkKey } from './work-scope';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** Articles of the picked area offered when none answers: the person chose the area, so any match. */
const AREA_SUGGESTIONS = 3;

/** What createAreaActions uses of the runtime, with what the helpers it calls use. */
export type AreaActionsDeps = Uses<'sessions' | 'kb' | 'clock' | 'saveSession'> &
  L0StepDeps &
  ReplyToAttemptDeps &
  RefuseStaleL0Deps;

/**
 * An area picked after "What is not working?": the vague question is searched within that area; a
 * confident article is the answer, else its best matches there are offered ("is it one of these?").
 * Like every L0 button it carries the session version it was shown with: a press on an older (or
 * somebody else's) conversation changes nothing and is told so; a redone press repeats its reply.
 */
export function createAreaActions(rt: AreaActionsDeps) {
  async function pickArea(e: ActionEvent, payload: Payload, locale: Locale): Promise<void> {
    const workKey = currentWorkKey();
    const saved = await rt.sessions.get(e.user);
    if (workKey && saved?.savedBy === workKey) return reply(e, locale, saved);
    const session = saved && saved.version === payload.session ? saved : undefined;
    const area = payload.area;
    if (!session || !area || session.state !== 'clarifying' || !session.areas?.includes(area))
      return refuseStaleL0(rt, e, locale, saved);

    const last = session.attempts.at(-1);
    const result = await rt.kb.search(session.question, { category: area });
    const article = result.answer ? rt.kb.article(result.answer.id, locale) : undefined;
    const suggestions = article ? [] : result.results.slice(0, AREA_SUGGESTIONS).map((r) => r.id);
    const attempt: L0Attempt = {
      question: session.question,
      articleId: article?.id,
      articleTitle: article?.title,
      score: result.answer?.score,
      feedback: 'none',
      area,
      ...(suggestions.length ? { suggestions } : {}),
      ...(last?.since !== undefined ? { since: last.since } : {}),
    };
    const next: L0Session = {
      user: session.user,
      dm: session.dm,
      state: article ? 'awaiting_feedback' : 'collecting_details',
      question: session.question,
      // Kept, so the area question can be shown again as it was, its buttons retired.
      areas: session.areas,
      // The clarifying step's attempt becomes this one: one question, one attempt.
      attempts: [...session.attempts.slice(0, -1), attempt],
      ...(session.files ? { files: session.files } : {}),
      updatedAt: rt.clock.now(),
      version: session.version + 1,
      ...(workKey ? { savedBy: workKey } : {}),
    };
    if (!(await rt.saveSession(next, session.version))) return refuseStaleL0(rt, e, locale, saved);
    await reply(e, locale, next);
  }

  /** The step after the pick, and the area question it was picked on retired with the pick named. */
  async function reply(e: ActionEvent, locale: Locale, session: L0Session): Promise<void> {
    await replyToAttempt(rt, { user: e.user, dm: e.dm ?? session.dm }, locale, session);
    const area = session.attempts.at(-1)?.area;
    const shown = { ...session, state: 'clarifying' as const, version: session.version - 1 };
    const question = l0Step(rt, shown, locale);
    if (area && question) {
      const chosen = t(locale, 'chosen_pick', { choice: areaLabel(area, locale) });
      retire(e, retiredMessage(question.message, e.action, chosen));
    }
  }

  return { pickArea };
}
