import type { Locale } from '../../core/locale';
import type { Article } from '../article';

/** A confirmed way of asking for an article, to be searched like one of its own questions. */
export interface PhrasingToLearn {
  readonly articleId: string;
  readonly text: string;
  readonly lang: Locale | undefined;
}

/**
 * The articles with learned phrasings attached (searched as a field of their own, see search-index.ts):
 * to the variant in the phrasing's language, else the first one. Phrasings of articles that no longer exist, and ones an article already
 * has, are left out, so the KB files stay the source of truth and learning only adds.
 */
export function withLearnedPhrasings(
  articles: readonly Article[],
  learned: readonly PhrasingToLearn[],
): readonly Article[] {
  if (learned.length === 0) return articles;
  const extra = new Map<Article, string[]>();
  const variants = new Map<string, Article[]>();
  for (const a of articles) variants.set(a.id, [...(variants.get(a.id) ?? []), a]);
  const known = new Set(articles.flatMap((a) => a.questions.map((q) => key(a.id, q))));
  for (const p of learned) {
    const of = variants.get(p.articleId);
    const target = of?.find((a) => a.lang === p.lang) ?? of?.[0];
    if (!target || known.has(key(p.articleId, p.text))) continue;
    known.add(key(p.articleId, p.text));
    extra.set(target, [...(extra.get(target) ?? []), p.text]);
  }
  return articles.map((a) => {
    const more = extra.get(a);
    return more ? { ...a, learned: [...(a.learned ?? []), ...more] } : a;
  });
}

function key(articleId: string, text: string): string {
  return `${articleId}\u0000${text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}
