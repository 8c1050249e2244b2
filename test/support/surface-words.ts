import type { Locale } from '../../src/core/locale';
import type { KbArticleView } from '../../src/core/ports/knowledge-base';
import { foreignIn, wordsOf } from './language-words';

/** One thing a person saw: where (a method and channel, a card...) and all of its text. */
export interface Surface {
  readonly where: string;
  readonly text: string;
}

/** What people typed and the KB article shown: their words are theirs, not the bot's chrome. */
export function contentWords(
  typed: readonly string[],
  articles: readonly KbArticleView[],
): string[] {
  const texts = [...typed, ...articles.flatMap((a) => [a.title, a.summary, a.details ?? ''])];
  return texts.flatMap((text) => wordsOf(text).map((word) => word.toLowerCase()));
}

/**
 * The words of the other language on each surface meant to be in `locale`, leaving out `content`
 * (contentWords): `[]` when every word of the bot's own is in `locale`.
 */
export function foreignWords(
  locale: Locale,
  surfaces: readonly Surface[],
  content: readonly string[],
): { where: string; words: string[]; text: string }[] {
  const theirs = new Set(content);
  return surfaces
    .map((s) => ({
      where: s.where,
      words: foreignIn(locale, s.text).filter((word) => !theirs.has(word)),
      text: s.text.slice(0, 300),
    }))
    .filter((s) => s.words.length > 0);
}

/**
 * Every text an Adaptive Card activity shows: its summary, TextBlocks, facts, button titles, input
 * labels, placeholders, error messages and choices. Pre-filled input values (a drafted article) and
 * what buttons carry (`data`) are not shown as the bot's words, nor is the mention markup.
 */
export function cardWords(activity: unknown): string {
  const texts: string[] = [];
  const shown = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'summary']);
  const walk = (value: unknown, parent: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, parent));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'data' || key === 'mentioned') continue;
      if (typeof inner === 'string') {
        if (shown.has(key) || (parent === 'facts' && key === 'value')) texts.push(inner);
      } else walk(inner, key);
    }
  };
  walk(activity, '');
  // <at>…</at> is how a card marks a mention, not a word of either language.
  return texts.join('\n').replace(/<\/?at>/g, ' ');
}
