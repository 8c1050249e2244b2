import type { KbSearchMode } from '../../core/ports/knowledge-base';
import { FITTED } from './fitted-model';
import type { Candidate, RankingWeights, WeightedTerm } from './rank-candidates';

/**
 * What the confidence is computed from: evidence about the best candidate and its rival. None of
 * them grows or shrinks with the message's length as such (shares, overlaps, cosines, margins):
 * a long message loses nothing for being long.
 */
export interface ConfidenceFeatures {
  readonly lexical: number;
  readonly phrasing: number;
  readonly fuzzy: number;
  /** Ranking-score lead over the runner-up: small when the query fits two articles. */
  readonly margin: number;
  /** Share of the query's known terms (weighted) that the article contains. */
  readonly coverage: number;
  /** Share of the query's weight in words no article uses. */
  readonly unknown: number;
  /** Share of the query's task words (install, slow...) that the article is about (1 when none). */
  readonly task: number;
  /** Share of the query's IT objects (printer, VPN...) that the article is about (1 when none). */
  readonly object: number;
  /** Cosine of the query with the article's closest passage (0 without the semantic opinion). */
  readonly semantic: number;
  /** That cosine's lead over the closest other candidate's (0 without). */
  readonly semanticMargin: number;
  /** 1 when words and meaning put the same article first and it is this one. */
  readonly agree: number;
}

export type ConfidenceModel = Readonly<Record<keyof ConfidenceFeatures | 'bias', number>>;

export interface Thresholds {
  /** Confidence at or above which the article is presented as the answer. */
  readonly answer: number;
  /** Confidence at or above which articles are offered as "is it one of these?". */
  readonly suggest: number;
  /** A lead in ranking score below this is a near-tie: the two are offered, not decided by a hair. */
  readonly tie: number;
}

/** Everything fitted for one mode by `npm run bench:fit` (bench/calibration-fit.ts). */
export interface ModeModel {
  readonly ranking: RankingWeights;
  readonly confidence: ConfidenceModel;
  readonly thresholds: Thresholds;
}

export const MODELS: Readonly<Record<KbSearchMode, ModeModel>> = FITTED;

export function confidenceFeatures(
  ranked: readonly Candidate[],
  position: number,
  query: readonly WeightedTerm[],
  known: (term: string) => boolean,
): ConfidenceFeatures {
  const c = ranked[position] as Candidate;
  const next = ranked[position + 1];
  let knownWeight = 0;
  let covered = 0;
  let unknownWeight = 0;
  let total = 0;
  for (const q of query) {
    total += q.weight;
    if (!known(q.term)) unknownWeight += q.weight;
    else {
      knownWeight += q.weight;
      if (c.doc.terms.has(q.term)) covered += q.weight;
    }
  }
  const share = (role: WeightedTerm['role']) => {
    let all = 0;
    let hit = 0;
    for (const q of query) {
      if (q.role !== role) continue;
      all += q.weight;
      if (c.doc.topic.has(q.term)) hit += q.weight;
    }
    return all ? hit / all : 1;
  };
  let otherSemantic = 0;
  let bestLexical = c;
  for (const other of ranked) {
    if (other !== c) otherSemantic = Math.max(otherSemantic, other.semantic);
    if (other.lexical + other.phrasing > bestLexical.lexical + bestLexical.phrasing)
      bestLexical = other;
  }
  return {
    lexical: c.lexical,
    phrasing: c.phrasing,
    fuzzy: c.fuzzy,
    margin: next ? c.score - next.score : Math.max(0, c.score),
    coverage: knownWeight ? covered / knownWeight : 0,
    unknown: total ? unknownWeight / total : 1,
    task: share('task'),
    object: share('object'),
    semantic: c.semantic,
    semanticMargin: c.semantic > 0 ? c.semantic - otherSemantic : 0,
    agree: c.semantic > 0 && c.semanticGap === 0 && bestLexical === c ? 1 : 0,
  };
}

/** Logistic model of "the best candidate is the right answer", so the confidence reads as a probability. */
export function calibrate(f: ConfidenceFeatures, model: ConfidenceModel): number {
  let z = model.bias;
  for (const key of Object.keys(f) as (keyof ConfidenceFeatures)[]) z += model[key] * f[key];
  return 1 / (1 + Math.exp(-z));
}
