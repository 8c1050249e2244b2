import type { Locale } from '../../../src/core/locale';
import type {
  KbArticleView,
  KbSearchResult,
  KnowledgeBase,
} from '../../../src/core/ports/knowledge-base';

/** The questions the simulated employees ask, and what the (scripted) knowledge base does with each. */
export const QUESTIONS = {
  printer: { text: 'printer paper jam', locale: 'en', answer: 'printer-jam' },
  password: { text: 'lupa kata sandi email', locale: 'id', answer: 'password-reset' },
  online: {
    text: 'cannot get online from the meeting room',
    locale: 'en',
    suggest: ['wifi-guest', 'vpn-connect'],
  },
  fan: { text: 'laptop fan is very loud', locale: 'en' },
  screen: { text: 'layar monitor berkedip terus', locale: 'id' },
  canteen: { text: "what's the cafeteria menu today?", locale: 'en', offTopic: true },
} as const satisfies Record<
  string,
  { text: string; locale: Locale; answer?: string; suggest?: readonly string[]; offTopic?: true }
>;

const TITLES: Record<string, string> = {
  'printer-jam': 'Clear a paper jam',
  'password-reset': 'Reset your password',
  'wifi-guest': 'Guest Wi-Fi',
  'vpn-connect': 'Connect to the VPN',
};

/** A fake of the core's KB port: these tests are about the figures, not about ranking. */
export function scriptedKb(): KnowledgeBase {
  const byText = new Map<string, (typeof QUESTIONS)[keyof typeof QUESTIONS]>(
    Object.values(QUESTIONS).map((q) => [q.text, q]),
  );
  const match = (id: string, score: number) => ({ id, title: TITLES[id] ?? id, score });
  return {
    size: Object.keys(TITLES).length,
    search(query: string): Promise<KbSearchResult> {
      const q = byText.get(query);
      const answer = q && 'answer' in q ? q.answer : undefined;
      const suggest = q && 'suggest' in q ? q.suggest : [];
      return Promise.resolve({
        query,
        mode: 'lexical',
        intent: q && 'offTopic' in q ? 'off_topic' : 'question',
        detectedLocale: q?.locale ?? 'en',
        answer: answer ? { id: answer, score: 0.9 } : null,
        results: [...(answer ? [match(answer, 0.9)] : []), ...suggest.map((id) => match(id, 0.4))],
        suggestions: suggest.map((id) => match(id, 0.4)),
        ...(q && 'offTopic' in q ? { offTopicArea: 'facilities' as const } : {}),
      });
    },
    areas: () => [],
    article(id: string, locale: Locale): KbArticleView | undefined {
      const title = TITLES[id];
      return title
        ? { id, lang: locale, title, summary: title, details: '1. Do it', category: undefined }
        : undefined;
    },
  };
}
