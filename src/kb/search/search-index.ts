import type { Article } from '../article';
import type { Analyze } from '../text/analyzer';
import { normalizeText, tokenize } from '../text/normalize';

export const FIELDS = ['title', 'questions', 'tags', 'summary', 'details'] as const;
export type Field = (typeof FIELDS)[number];
const TOPIC_FIELDS: readonly Field[] = ['title', 'questions', 'tags', 'summary'];

/**
 * BM25F field weights and length normalisation. Titles and the employees' own phrasings (questions)
 * say what an article is about; tags are keywords; the body mentions many things in passing.
 */
const FIELD_WEIGHT: Record<Field, number> = {
  title: 2.5,
  questions: 2.5,
  tags: 2,
  summary: 1.2,
  details: 0.6,
};
const FIELD_B: Record<Field, number> = {
  title: 0.4,
  questions: 0.5,
  tags: 0.3,
  summary: 0.6,
  details: 0.75,
};
const K1 = 1.2;

/** Parallel typed arrays: compact, and fast to sum over at 10,000 articles. */
export interface Postings {
  readonly docs: Int32Array;
  readonly weights: Float32Array;
}

/** All language variants of one article, searched as one document. */
export interface SearchDoc {
  readonly id: string;
  readonly titles: ReadonlyMap<string, string>;
  readonly fields: Readonly<Record<Field, readonly string[]>>;
  readonly terms: ReadonlySet<string>;
  /** Terms of the title, questions, tags and summary: what the article is about. */
  readonly topic: ReadonlySet<string>;
  /** Title and each question as a term set: a close paraphrase of one of them is strong evidence. */
  readonly phrasings: readonly ReadonlySet<string>[];
}

export interface SearchIndex {
  readonly docs: readonly SearchDoc[];
  /** term -> the articles using it, with the saturated BM25F weight in [0, 1) of the term there. */
  readonly postings: ReadonlyMap<string, Postings>;
  readonly idf: ReadonlyMap<string, number>;
  /** idf of a term no article uses: the rarest possible. */
  readonly unknownIdf: number;
  /** Canonical terms the articles use, for the query analyzer. */
  readonly vocabulary: ReadonlySet<string>;
  /** Terms some article has in its title, questions, tags or summary: what articles are about. */
  readonly topicTerms: ReadonlySet<string>;
  /** Surface words of titles, tags and questions with counts, for typo correction. */
  readonly surfaceFrequency: ReadonlyMap<string, number>;
}

export function buildSearchIndex(articles: readonly Article[], analyze: Analyze): SearchIndex {
  const grouped = new Map<string, Article[]>();
  for (const article of articles)
    grouped.set(article.id, [...(grouped.get(article.id) ?? []), article]);

  const surfaceFrequency = new Map<string, number>();
  const countSurface = (text: string) => {
    for (const w of tokenize(normalizeText(text)))
      surfaceFrequency.set(w, (surfaceFrequency.get(w) ?? 0) + 1);
  };
  const termsOf = (text: string) => analyze(text).terms.map((t) => t.term);

  const docs: SearchDoc[] = [];
  for (const [id, variants] of grouped) {
    const fields: Record<Field, string[]> = {
      title: [],
      questions: [],
      tags: [],
      summary: [],
      details: [],
    };
    const phrasings: Set<string>[] = [];
    const titles = new Map<string, string>();
    for (const a of variants) {
      titles.set(a.lang, a.title);
      const titleTerms = termsOf(a.title);
      fields.title.push(...titleTerms);
      phrasings.push(new Set(titleTerms));
      for (const q of a.questions) {
        const qTerms = termsOf(q);
        fields.questions.push(...qTerms);
        if (qTerms.length) phrasings.push(new Set(qTerms));
      }
      fields.tags.push(...a.tags.flatMap(termsOf));
      fields.summary.push(...termsOf(a.summary));
      fields.details.push(...termsOf(a.details));
      [a.title, ...a.tags, ...a.questions].forEach(countSurface);
    }
    const terms = new Set(FIELDS.flatMap((f) => fields[f]));
    const topic = new Set(TOPIC_FIELDS.flatMap((f) => fields[f]));
    docs.push({ id, titles, fields, terms, topic, phrasings });
  }

  const n = docs.length;
  const avgLength = Object.fromEntries(
    FIELDS.map((f) => [
      f,
      docs.reduce((sum, d) => sum + d.fields[f].length, 0) / Math.max(1, n) || 1,
    ]),
  ) as Record<Field, number>;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + (n - count + 0.5) / (count + 0.5)));

  const lists = new Map<string, [number, number][]>();
  docs.forEach((d, docIndex) => {
    const weighted = new Map<string, number>();
    for (const f of FIELDS) {
      const norm = 1 - FIELD_B[f] + (FIELD_B[f] * d.fields[f].length) / avgLength[f];
      for (const t of d.fields[f]) weighted.set(t, (weighted.get(t) ?? 0) + FIELD_WEIGHT[f] / norm);
    }
    for (const [t, tf] of weighted) {
      const list = lists.get(t) ?? [];
      list.push([docIndex, tf / (K1 + tf)]);
      lists.set(t, list);
    }
  });
  const postings = new Map<string, Postings>();
  for (const [t, list] of lists) {
    postings.set(t, {
      docs: Int32Array.from(list, (p) => p[0]),
      weights: Float32Array.from(list, (p) => p[1]),
    });
  }

  return {
    docs,
    postings,
    idf,
    unknownIdf: Math.log(1 + (n + 0.5) / 0.5),
    vocabulary: new Set(df.keys()),
    topicTerms: new Set(docs.flatMap((d) => [...d.topic])),
    surfaceFrequency,
  };
}
