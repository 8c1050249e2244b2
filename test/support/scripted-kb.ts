import type { Locale } from '../../src/core/locale';
import type {
  KbArea,
  KbArticleView,
  KbSearchResult,
  KnowledgeBase,
  QueryIntent,
} from '../../src/core/ports/knowledge-base';

export const ARTICLES: Record<string, string> = {
  'vpn-connect': 'Connect to the VPN',
  'wifi-guest': 'Guest Wi-Fi',
  'printer-jam': 'Clear a paper jam',
  'password-reset': 'Reset your password',
  'mailbox-full': 'Your mailbox is full',
};

export type Scripted = Partial<Pick<KbSearchResult, 'intent' | 'offTopicArea'>> & {
  answer?: string;
  suggest?: string[];
  /** Ranked below the suggest threshold: in `results`, not in `suggestions`. */
  weak?: string[];
  locale?: Locale;
};

/**
 * A knowledge base that answers what each test scripts (a fake of the core's port): tests of what
 * the workflow does with a search result, not of ranking. A search within a category looks up
 * `"<query>@<category>"`; every search made is kept in `searches`.
 */
export function scriptedKb(
  script: Record<string, Scripted>,
  areas: readonly KbArea[] = [],
): KnowledgeBase & { searches: { query: string; category?: string }[] } {
  const match = (id: string, score: number) => ({ id, title: ARTICLES[id] ?? id, score });
  const searches: { query: string; category?: string }[] = [];
  return {
    size: Object.keys(ARTICLES).length,
    searches,
    search(query, options): Promise<KbSearchResult> {
      const category = options?.category;
      searches.push({ query, ...(category ? { category } : {}) });
      const s = script[category ? `${query}@${category}` : query] ?? {};
      const intent: QueryIntent = s.intent ?? 'question';
      return Promise.resolve({
        query,
        mode: 'lexical',
        intent,
        detectedLocale: s.locale ?? 'en',
        answer: s.answer ? { id: s.answer, score: 0.9 } : null,
        results: [
          ...(s.answer ? [match(s.answer, 0.9)] : []),
          ...(s.suggest ?? []).map((id) => match(id, 0.4)),
          ...(s.weak ?? []).map((id) => match(id, 0.1)),
        ],
        suggestions: (s.suggest ?? []).map((id) => match(id, 0.4)),
        ...(s.offTopicArea ? { offTopicArea: s.offTopicArea } : {}),
      });
    },
    areas: () => areas,
    article(id: string, locale: Locale): KbArticleView | undefined {
      const title = ARTICLES[id];
      return title
        ? {
            id,
            lang: locale,
            title,
            summary: `How to: ${title}`,
            details: '1. Do it',
            category: undefined,
          }
        : undefined;
    },
  };
}
