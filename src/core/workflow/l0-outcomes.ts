import { randomUUID } from 'node:crypto';
import type { Locale } from '../locale';
import type { UserRef } from '../people';
import type { L0Outcome, L0OutcomeKind } from '../ports/l0-learning';
import type { L0Attempt } from '../ticket';
import type { Uses } from './runtime';
import { currentWorkKey } from './work-scope';

type OutcomeDetails = Omit<L0Outcome, 'id' | 'at' | 'kind' | 'user' | 'locale' | 'question'>;

/** What recordOutcome and confirmPhrasing use of the runtime. */
export type L0OutcomeDeps = Uses<'learning' | 'clock'>;

/**
 * Records what happened to an L0 question. The id comes from the work item being handled, so a step
 * redone after a crash records it once; outside the pipeline (a direct call) it is unique.
 */
export async function recordOutcome(
  rt: L0OutcomeDeps,
  kind: L0OutcomeKind,
  who: { readonly user: UserRef; readonly locale: Locale; readonly question: string },
  details: OutcomeDetails = {},
): Promise<void> {
  const learning = rt.learning;
  if (!learning) return;
  const id = `${currentWorkKey() ?? randomUUID()}:${kind}`;
  await learning.record({ id, at: rt.clock.now(), kind, ...who, ...details });
}

/** A confirmed answer teaches its question to the article (learning decides when it counts). */
export async function confirmPhrasing(
  rt: L0OutcomeDeps,
  attempt: L0Attempt,
  who: { readonly user: UserRef; readonly locale: Locale },
  key: string,
): Promise<void> {
  const learning = rt.learning;
  if (!learning || !attempt.articleId) return;
  await learning.confirm({
    articleId: attempt.articleId,
    text: attempt.question,
    lang: who.locale,
    source: 'requester',
    key,
    user: who.user,
    at: rt.clock.now(),
  });
}

/** What an outcome says about the attempt it concerns. */
export function attemptDetails(attempt: L0Attempt | undefined): OutcomeDetails {
  if (!attempt) return {};
  return {
    ...(attempt.articleId ? { articleId: attempt.articleId } : {}),
    ...(attempt.score !== undefined ? { score: attempt.score } : {}),
    ...(attempt.suggestions?.length ? { suggestions: attempt.suggestions } : {}),
  };
}
