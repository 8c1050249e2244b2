import { isUsable } from './search/learning-knowledge-base';
import { phrasingText, type LearnedPhrasing } from '../core/ports/l0-learning';
import type { Article } from './article';

/** What `kb learned export` does with each used phrasing not yet exported. */
export type ExportStep =
  /** Its text goes into this file's questions. */
  | { readonly kind: 'add'; readonly phrasing: LearnedPhrasing; readonly file: string }
  /** The file has it already (any case): only marked exported. */
  | { readonly kind: 'present'; readonly phrasing: LearnedPhrasing; readonly file: string }
  /** No article with its id: reported, left for later. */
  | { readonly kind: 'missing'; readonly phrasing: LearnedPhrasing };

/**
 * One step per used, unexported phrasing, in the phrasings' order. A phrasing goes into the variant
 * of its language, else the article's first variant (by file path).
 */
export function planLearnedExport(
  articles: readonly Article[],
  phrasings: readonly LearnedPhrasing[],
  min: number,
): ExportStep[] {
  const known = new Map<string, Set<string>>();
  const questionsOf = (article: Article) => {
    let set = known.get(article.file);
    if (!set) {
      set = new Set(article.questions.map(comparable));
      known.set(article.file, set);
    }
    return set;
  };
  const steps: ExportStep[] = [];
  for (const phrasing of phrasings) {
    if (phrasing.exportedAt || !isUsable(phrasing, min)) continue;
    const variants = articles
      .filter((a) => a.id === phrasing.articleId)
      .sort((a, b) => (a.file < b.file ? -1 : 1));
    const article = variants.find((a) => a.lang === phrasing.lang) ?? variants[0];
    if (!article) {
      steps.push({ kind: 'missing', phrasing });
      continue;
    }
    const questions = questionsOf(article);
    const text = comparable(phrasing.text);
    steps.push({ kind: questions.has(text) ? 'present' : 'add', phrasing, file: article.file });
    questions.add(text);
  }
  return steps;
}

const comparable = (text: string): string => phrasingText(text).toLowerCase();
