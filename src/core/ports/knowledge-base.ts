import type { Locale } from '../locale';

/** Non-IT subjects the bot points elsewhere: facilities (rooms, canteen...), HR (leave, pay...), the rest. */
export type OffTopicArea = 'facilities' | 'hr' | 'general';

/** What the search decided about a message before looking for an article. */
export type QueryIntent =
  | 'question'
  /** Says something is wrong without saying what ("it doesn't work", "ada masalah"): worth a clarifying question. */
  | 'vague'
  | 'greeting'
  | 'thanks'
  | 'ack'
  | 'farewell'
  | 'chitchat'
  | 'off_topic'
  | 'empty';

export interface KbMatch {
  readonly id: string;
  readonly title: string;
  /** Confidence in [0, 1], higher is better. */
  readonly score: number;
}

export interface KbSearchResult {
  readonly query: string;
  readonly intent: QueryIntent;
  /** The article the bot presents as its L0 answer, or null when it should offer a ticket instead. */
  readonly answer: { readonly id: string; readonly score: number } | null;
  readonly results: readonly KbMatch[];
  /**
   * "Is it one of these?": the articles (at most 3, best first) worth offering when there is no
   * confident answer; empty when there is an answer or nothing plausible.
   */
  readonly suggestions: readonly KbMatch[];
  /** For an off-topic message, whose business it is (so the reply can point there). */
  readonly offTopicArea?: OffTopicArea;
  /** Language the query seems to be written in, when the text says so clearly. */
  readonly detectedLocale: Locale | undefined;
  /** Whether the semantic opinion took part in this search. */
  readonly mode: KbSearchMode;
}

/** One language variant of an article, ready to show in chat. */
export interface KbArticleView {
  readonly id: string;
  readonly lang: Locale;
  readonly title: string;
  readonly summary: string;
  /** The rest of the body (Markdown): the steps. */
  readonly details: string;
  readonly category: string | undefined;
}

/** One area of the knowledge base (an article category), offered when a message is vague. */
export interface KbArea {
  /** The category as the KB files name it ("network"). */
  readonly id: string;
  /** How many articles it holds (areas are offered largest first). */
  readonly articles: number;
}

export interface KbSearchOptions {
  readonly limit?: number;
  /** Search only the articles of this category (after the person picked an area). */
  readonly category?: string;
}

/** How the search ranked: with the semantic opinion of an embedding model, or by words alone. */
export type KbSearchMode = 'semantic' | 'lexical';

/** The port the workflow uses for L0; implemented by src/kb. */
export interface KnowledgeBase {
  /** Async: the semantic opinion embeds the query off the event loop. */
  search(query: string, options?: KbSearchOptions): Promise<KbSearchResult>;
  /** The KB's categories, largest first. */
  areas(): readonly KbArea[];
  /** The variant in the wanted language, else the other one. */
  article(id: string, locale: Locale): KbArticleView | undefined;
  readonly size: number;
}
