import type { KnowledgeBase } from '../../core/ports/knowledge-base';
import type { LearnedPhrasing } from '../../core/ports/l0-learning';
import type { Article } from '../article';
import { learnedPassages } from './article-passages';
import {
  createKnowledgeBase,
  type KnowledgeBaseOptions,
  type SearchableKnowledgeBase,
} from './create-knowledge-base';

export interface LearningKnowledgeBase extends KnowledgeBase {
  /**
   * Takes the learned phrasings as they are now; the index is rebuilt only when the set searched
   * changes. Returns how many phrasings are searched.
   */
  refresh(learned: readonly LearnedPhrasing[]): Promise<number>;
  readonly current: SearchableKnowledgeBase;
}

/** A phrasing is searched once an agent approved it or enough people confirmed it. */
export function isUsable(phrasing: LearnedPhrasing, minConfirmations: number): boolean {
  return phrasing.approved || phrasing.confirmations >= minConfirmations;
}

/**
 * The KB files plus what people confirmed. The index is immutable and cheap to build at a few
 * thousand articles, so learning swaps in a rebuilt one rather than mutating postings in place.
 */
export function createLearningKnowledgeBase(
  articles: readonly Article[],
  options: KnowledgeBaseOptions & { readonly minConfirmations: number },
): LearningKnowledgeBase {
  // The articles' own passages; learned phrasings are added to a copy at each change.
  const articleIndex = options.semantic;
  let current = createKnowledgeBase(articles, options);
  let signature = '';
  return {
    get size() {
      return current.size;
    },
    get current() {
      return current;
    },
    search: (text, opts) => current.search(text, opts),
    article: (id, locale) => current.article(id, locale),
    areas: () => current.areas(),
    async refresh(learned) {
      const used = learned
        .filter((p) => isUsable(p, options.minConfirmations))
        .sort((a, b) => a.id.localeCompare(b.id));
      const next = used.map((p) => p.id).join(',');
      if (next !== signature) {
        const semantic = await articleIndex?.extend(learnedPassages(articles, used));
        current = createKnowledgeBase(articles, {
          ...options,
          learned: used,
          ...(semantic ? { semantic } : {}),
        });
        signature = next;
      }
      return used.length;
    },
  };
}
