import type { Article } from '../article';
import type { PhrasingToLearn } from './learned-memory';

/** Questions per language variant embedded as passages (an article rarely needs more to be found). */
const MAX_QUESTIONS = 8;
/** The summary passage: the title and the start of the first paragraph. */
const SUMMARY_CHARS = 400;

/** Article ids in the order the search index holds them (first appearance in the KB). */
export function articleOrder(articles: readonly Article[]): string[] {
  return [...new Set(articles.map((a) => a.id))];
}

/**
 * What a question may resemble, per article in index order: each variant's title, its questions,
 * and its title with the summary. The best-matching passage speaks for the article.
 */
export function articlePassages(articles: readonly Article[]): string[][] {
  const order = articleOrder(articles);
  const at = new Map(order.map((id, i) => [id, i]));
  const passages = order.map(() => [] as string[]);
  for (const a of articles) {
    const list = passages[at.get(a.id) as number] as string[];
    list.push(a.title, ...a.questions.slice(0, MAX_QUESTIONS));
    list.push(`${a.title}. ${a.summary}`.slice(0, SUMMARY_CHARS));
  }
  return passages.map((list) => [...new Set(list.map((p) => p.trim()).filter(Boolean))]);
}

/** Learned phrasings as extra passages of their articles (those still in the KB). */
export function learnedPassages(
  articles: readonly Article[],
  learned: readonly PhrasingToLearn[],
): { article: number; text: string }[] {
  const at = new Map(articleOrder(articles).map((id, i) => [id, i]));
  return learned.flatMap((p) => {
    const article = at.get(p.articleId);
    return article === undefined ? [] : [{ article, text: p.text }];
  });
}
