import type { L0OutcomeKind } from '../core/ports/l0-learning';
import type { ReportOutcome } from './report-input';
import { rate } from './report-math';
import type { Report } from './report-types';

type Articles = Report['l0']['articles'];

/**
 * The L0 figures from the outcomes of the period. An IT question is one answered, suggested or
 * no-answer outcome (each message handled as a question records exactly one). An article is shown
 * when it is presented as the answer or picked among suggestions; its solve rate is solved / shown.
 */
export function l0Figures(outcomes: readonly ReportOutcome[]): Report['l0'] {
  const n = new Map<L0OutcomeKind, number>();
  const articles = new Map<string, { shown: number; solved: number; notSolved: number }>();
  const article = (id: string) => {
    const found = articles.get(id) ?? { shown: 0, solved: 0, notSolved: 0 };
    articles.set(id, found);
    return found;
  };
  let ticketAfterAnswer = 0;
  for (const o of outcomes) {
    n.set(o.kind, (n.get(o.kind) ?? 0) + 1);
    if (o.kind === 'ticket_opened' && o.articleId) ticketAfterAnswer += 1;
    if (!o.articleId) continue;
    if (o.kind === 'answered' || o.kind === 'suggestion_picked') article(o.articleId).shown += 1;
    else if (o.kind === 'solved') article(o.articleId).solved += 1;
    else if (o.kind === 'not_solved') article(o.articleId).notSolved += 1;
  }
  const count = (kind: L0OutcomeKind) => n.get(kind) ?? 0;
  const questions = count('answered') + count('suggested') + count('no_answer');
  return {
    questions,
    answered: count('answered'),
    suggested: count('suggested'),
    noAnswer: count('no_answer'),
    offTopic: count('off_topic'),
    confirmedSolved: count('solved'),
    suggestionPicked: count('suggestion_picked'),
    notSolved: count('not_solved'),
    ticketAfterAnswer,
    ticketsOpened: count('ticket_opened'),
    deflectionRate: rate(count('solved'), questions),
    articles: sortArticles(articles),
  };
}

function sortArticles(
  articles: Map<string, { shown: number; solved: number; notSolved: number }>,
): Articles {
  return [...articles]
    .map(([id, a]) => ({ id, ...a, solveRate: rate(a.solved, a.shown) }))
    .sort((a, b) => b.shown - a.shown || a.id.localeCompare(b.id));
}

/** Shown at least `minShown` times, solving less than `below` of the time. */
export function weakArticles(
  articles: Articles,
  minShown = 5,
  below = 0.3,
): Report['gaps']['weakArticles'] {
  return articles.flatMap((a) =>
    a.shown >= minShown && a.solveRate !== null && a.solveRate < below
      ? [{ id: a.id, shown: a.shown, solveRate: a.solveRate }]
      : [],
  );
}
