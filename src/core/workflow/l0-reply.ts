import type { Locale } from '../locale';
import type { ConversationRef, UserRef } from '../people';
import type { L0Session } from '../ports/session-store';
import { l0Step, type L0StepDeps } from './l0-step-message';
import { attemptDetails, recordOutcome, type L0OutcomeDeps } from './l0-outcomes';
import type { Uses } from './runtime';

/** What replyToAttempt uses of the runtime, with what the helpers it calls use. */
export type ReplyToAttemptDeps = Uses<'sendDirect'> & L0StepDeps & L0OutcomeDeps;

/**
 * The reply to the session's latest attempt: the area question (while clarifying), the article, the
 * articles to pick from, or the ticket form. Recording the outcome here too means a redone step
 * still records it (once: its id comes from the work item).
 */
export async function replyToAttempt(
  rt: ReplyToAttemptDeps,
  to: { readonly user: UserRef; readonly dm: ConversationRef },
  locale: Locale,
  session: L0Session,
): Promise<void> {
  const step = l0Step(rt, session, locale);
  if (!step) return;
  const who = { user: to.user, locale, question: session.question };
  if (step.kind === 'clarified') await recordOutcome(rt, 'clarified', who);
  else {
    const kind = step.kind === 'need_help' ? 'no_answer' : step.kind;
    await recordOutcome(rt, kind, who, attemptDetails(session.attempts.at(-1)));
  }
  rt.sendDirect(to.dm, step.message);
}
