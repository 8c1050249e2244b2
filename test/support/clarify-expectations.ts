import type { Locale } from '../../src/core/locale';
import type { KbArea, KbArticleView, KnowledgeBase } from '../../src/core/ports/knowledge-base';

export type AreaExpectation =
  | { readonly kind: 'answer'; readonly article: KbArticleView }
  | { readonly kind: 'suggest'; readonly titles: readonly string[] };

/**
 * The first offered area in which the knowledge base finds something for `question`, and what the
 * bot should then show: the answer, or the titles of (at most 3 of) the area's best matches. The
 * end-to-end tests read it from the same search the bot runs, so they hold whatever the ranking.
 */
export async function areaOutcome(
  kb: KnowledgeBase,
  question: string,
  areas: readonly KbArea[],
  locale: Locale,
): Promise<{ area: string; expected: AreaExpectation }> {
  for (const { id } of areas) {
    const result = await kb.search(question, { category: id });
    const answer = result.answer && kb.article(result.answer.id, locale);
    if (answer) return { area: id, expected: { kind: 'answer', article: answer } };
    const titles = result.results.slice(0, 3).flatMap((r) => kb.article(r.id, locale)?.title ?? []);
    if (titles.length) return { area: id, expected: { kind: 'suggest', titles } };
  }
  throw new Error(`no offered area has an article for "${question}"`);
}
