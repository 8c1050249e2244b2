import type { Locale } from '../../core/locale';
import type { Analyze } from '../text/analyzer';

/** A confirmed way of asking for an article (see src/core/ports/l0-learning.ts). */
export interface PhrasingToLearn {
  readonly articleId: string;
  readonly text: string;
  readonly lang: Locale | undefined;
}

export interface LearnedMatch {
  readonly articleId: string;
  /** Jaccard similarity of the two term sets, in [0, 1]. */
  readonly similarity: number;
}

/**
 * How alike a question and a learned phrasing must be (terms shared / terms in either) to answer with
 * the phrasing's article. High on purpose: learning repeats what people confirmed for the same
 * question (typos, greetings and word order aside), it does not generalise from one word in common.
 */
export const LEARNED_MATCH = 0.8;

/**
 * What people confirmed, kept apart from the article index: the KB files alone decide how words are
 * weighed, so teaching one article never shifts the answers to unrelated questions.
 */
export function createLearnedMemory(
  learned: readonly PhrasingToLearn[],
  analyze: Analyze,
  articleExists: (id: string) => boolean,
) {
  const entries: { articleId: string; terms: ReadonlySet<string> }[] = [];
  const byTerm = new Map<string, number[]>();
  for (const p of learned) {
    if (!articleExists(p.articleId)) continue;
    const terms = new Set(analyze(p.text).terms.map((t) => t.term));
    if (terms.size === 0) continue;
    const index = entries.push({ articleId: p.articleId, terms }) - 1;
    for (const t of terms) byTerm.set(t, [...(byTerm.get(t) ?? []), index]);
  }

  return {
    size: entries.length,
    /** The closest learned phrasing at or above LEARNED_MATCH, if any. */
    match(queryTerms: readonly string[]): LearnedMatch | undefined {
      if (entries.length === 0) return undefined;
      const terms = new Set(queryTerms);
      // At Jaccard >= LEARNED_MATCH a phrasing lacks at most (1 - LEARNED_MATCH)·|Q| of the
      // question's terms, so it has one of any k = that + 1 of them: the k rarest find every candidate.
      const k = Math.floor((1 - LEARNED_MATCH) * terms.size + 1e-9) + 1;
      const rarest = [...terms].sort(
        (a, b) => (byTerm.get(a)?.length ?? 0) - (byTerm.get(b)?.length ?? 0),
      );
      const candidates = new Set<number>();
      for (const t of rarest.slice(0, k)) for (const i of byTerm.get(t) ?? []) candidates.add(i);
      let best: LearnedMatch | undefined;
      for (const i of candidates) {
        const entry = entries[i] as (typeof entries)[number];
        let shared = 0;
        for (const t of entry.terms) if (terms.has(t)) shared++;
        const similarity = shared / (terms.size + entry.terms.size - shared);
        if (similarity >= LEARNED_MATCH && similarity > (best?.similarity ?? 0))
          best = { articleId: entry.articleId, similarity };
      }
      return best;
    },
  };
}
