import type { Locale } from '../core/locale';

/** One validated knowledge-base file: one language variant of one article. */
export interface Article {
  readonly id: string;
  readonly lang: Locale;
  readonly title: string;
  readonly category: string | undefined;
  readonly tags: readonly string[];
  readonly questions: readonly string[];
  /** First paragraph of the body: what chat shows. */
  readonly summary: string;
  /** The body after the summary: the steps. */
  readonly details: string;
  /** Path relative to the KB folder, for error messages and links. */
  readonly file: string;
}
