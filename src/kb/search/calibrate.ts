import type { Candidate, WeightedTerm } from './rank-candidates';

/** What the confidence is computed from: evidence about the best candidate and its rival. */
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
  /** ln(1 + number of distinct terms). */
  readonly length: number;
  /** Share of the query's task words (install, slow...) that the article is about (1 when none). */
  readonly task: number;
  /** Share of the query's IT objects (printer, VPN...) that the article is about (1 when none). */
  readonly object: number;
}

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
  return {
    lexical: c.lexical,
    phrasing: c.phrasing,
    fuzzy: c.fuzzy,
    margin: next ? c.score - next.score : c.score,
    coverage: knownWeight ? covered / knownWeight : 0,
    unknown: total ? unknownWeight / total : 1,
    length: Math.log1p(query.length),
    task: share('task'),
    object: share('object'),
  };
}

/**
 * Logistic model of "the best candidate is the right answer", fitted on the labelled development
 * set by `npm run bench:fit` (bench/fit-calibration.ts), so the confidence reads as a probability.
 */
export const CALIBRATION = {
  bias: -0.78,
  lexical: 2.04,
  phrasing: 0.2,
  fuzzy: 0.81,
  margin: 2.83,
  coverage: 0,
  unknown: -1.73,
  length: 0,
  task: 1.15,
  object: 0,
} as const satisfies Record<keyof ConfidenceFeatures | 'bias', number>;

/**
 * Confidence at or above which the bot presents an article as the answer, and at or above which an
 * article is offered among "is it one of these?" when nothing reaches the first. Chosen by the same
 * fit, on out-of-fold confidences (see bench/calibration-fit.ts for the costs it weighs).
 */
export const THRESHOLDS = { answer: 0.67, suggest: 0.49 } as const;
export const DEFAULT_ANSWER_THRESHOLD = THRESHOLDS.answer;

export function calibrate(
  f: ConfidenceFeatures,
  model: Readonly<Record<keyof ConfidenceFeatures | 'bias', number>> = CALIBRATION,
): number {
  let z = model.bias;
  for (const key of Object.keys(f) as (keyof ConfidenceFeatures)[]) z += model[key] * f[key];
  return 1 / (1 + Math.exp(-z));
}
