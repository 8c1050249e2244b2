import type { Locale } from '../../src/core/locale';
import type { KbArea, KbArticleView, KnowledgeBase } from '../../src/core/ports/knowledge-base';

export type AreaExpectation =
  | { readonly kind: 'answer'; readonly article: KbArticleView }
  | { readonly kind: 'suggest'; readonly titles: readonly string[] };

/**
 * The first offered area in which the knowledge base gives `question` an answer (`want` 'answer')
 * or only matches to offer ('suggest'), and what the bot should then show: the answer, or the
 * titles of (at most 3 of) the area's best matches. The end-to-end tests read it from the same
 * search the bot runs, so they hold whatever the ranking, as long as some area gives that kind.
 */
export async function areaOutcome<K extends AreaExpectation['kind']>(
  kb: KnowledgeBase,
  question: string,
  areas: readonly KbArea[],
  locale: Locale,
  want: K,
): Promise<{ area: string; expected: Extract<AreaExpectation, { kind: K }> }> {
  for (const { id } of areas) {
    const result = await kb.search(question, { category: id });
    const article = result.answer ? kb.article(result.answer.id, locale) : undefined;
    const titles = result.results.slice(0, 3).flatMap((r) => kb.article(r.id, locale)?.title ?? []);
    const found: AreaExpectation | undefined = article
      ? { kind: 'answer', article }
      : titles.length
        ? { kind: 'suggest', titles }
        : undefined;
    if (found?.kind === want)
      return { area: id, expected: found as Extract<AreaExpectation, { kind: K }> };
  }
  throw new Error(
    `no offered area gives "${question}" ${want === 'answer' ? 'an answer' : 'only matches'}`,
  );
}
