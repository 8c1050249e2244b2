/**
 * The fit of the confidence model and thresholds (src/kb/search/calibrate.ts) on the labelled
 * development set (kb/ and test/fixtures/kb-devset.jsonl; no held-out set is read here).
 *
 * - Model: logistic regression of "the best-ranked article is the right answer" on the ranking
 *   features, L2-regularised, each weight held to the sign that makes sense (more evidence never
 *   lowers confidence), fitted by projected accelerated gradient descent (deterministic).
 * - The regularisation strength is chosen by cross-validation grouped by article: every query of an
 *   article sits in the same fold, so the choice rewards what carries over to articles not fitted on.
 * - The thresholds are chosen on the out-of-fold confidences, weighing the costs below.
 * `npm run bench:fit` prints the result; a unit test checks that these defaults give what ships.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import { calibrate, type ConfidenceFeatures } from '../src/kb/search/calibrate';
import { createKnowledgeBase } from '../src/kb/search/create-knowledge-base';

export type Model = Record<keyof ConfidenceFeatures | 'bias', number>;
type Feature = keyof ConfidenceFeatures;

export interface Row {
  readonly x: ConfidenceFeatures;
  /** 1 when the best-ranked article is the expected one. */
  readonly y: 0 | 1;
  readonly expect: string | null;
  /** Ranked ids with each one's features, for the suggestion threshold. */
  readonly ranked: readonly { readonly id: string; readonly x: ConfidenceFeatures }[];
  readonly intentOk: boolean;
}

/** Every choice the fit makes; the defaults are what ships. */
export const FIT_DEFAULTS = {
  kbDir: 'kb',
  setFile: 'test/fixtures/kb-devset.jsonl',
  folds: 5,
  lambdas: [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3],
  iterations: 3000,
  /** A wrong answer costs this many right ones (it sends the employee down a wrong path). */
  wrongCost: 3,
  /** An out-of-scope question answered is as bad as a wrong answer. */
  outOfScopeAnswerCost: 3,
  /**
   * Suggestions: the lowest threshold at which at most this share of out-of-scope questions get
   * suggestions (on top of those answered): offering IT articles for a lunch menu reads as not listening.
   */
  maxOutOfScopeSuggested: 0.15,
  suggestions: 3,
  /** Weights and thresholds are shipped with two decimals. */
  decimals: 2,
} as const;

/** The sign each weight must keep: more evidence for the article never lowers the confidence. */
export const SIGNS: Record<Feature, 1 | -1> = {
  lexical: 1,
  phrasing: 1,
  fuzzy: 1,
  margin: 1,
  coverage: 1,
  unknown: -1,
  length: -1,
  task: 1,
  object: 1,
};

const root = path.resolve(__dirname, '..');
export const readSet = (file: string) =>
  readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { query: string; expect: string | null });

export function rows(kbDir: string, setFile: string): Row[] {
  // Suggestion threshold 0: which messages count as questions must not depend on the thresholds
  // being fitted (a foreign subject is then off topic only when the best article lacks it).
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(root, kbDir)), {
    suggestThreshold: 0,
  });
  return readSet(setFile).flatMap((item) => {
    const e = kb.explain(item.query);
    const top = e.ranked[0];
    if (!top || !e.features) return [];
    return [
      {
        x: e.features,
        y: top.doc.id === item.expect ? 1 : 0,
        expect: item.expect,
        ranked: e.ranked.slice(0, FIT_DEFAULTS.suggestions).map((c, i) => ({
          id: c.doc.id,
          x: i === 0 ? (e.features as ConfidenceFeatures) : e.featuresAt(i),
        })),
        intentOk: e.result.intent === 'question',
      },
    ];
  });
}

const FEATURES = Object.keys(SIGNS) as Feature[];

/**
 * Projected FISTA on the L2-regularised log loss, in standardised features (so one step size suits
 * every feature); each weight is clipped to its sign after each step, then mapped back.
 */
export function fit(
  data: readonly Row[],
  lambda: number,
  iterations: number = FIT_DEFAULTS.iterations,
): Model {
  const n = Math.max(1, data.length);
  const mean = {} as Record<Feature, number>;
  const scale = {} as Record<Feature, number>;
  for (const k of FEATURES) {
    mean[k] = data.reduce((s, r) => s + r.x[k], 0) / n;
    const variance = data.reduce((s, r) => s + (r.x[k] - mean[k]) ** 2, 0) / n;
    scale[k] = Math.sqrt(variance) || 1;
  }
  const z = data.map((r) => FEATURES.map((k) => (r.x[k] - mean[k]) / scale[k]));
  const m = FEATURES.length;
  // Step 1/L, L bounding the Hessian of the mean loss: a quarter of the largest row norm squared.
  let maxNorm = 1;
  for (const row of z) maxNorm = Math.max(maxNorm, 1 + row.reduce((s, v) => s + v * v, 0));
  const step = 1 / (maxNorm / 4 + lambda);
  let w = new Float64Array(m + 1); // [bias, ...weights]
  const y = new Float64Array(m + 1);
  let t = 1;
  const grad = new Float64Array(m + 1);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    data.forEach((r, i) => {
      const row = z[i] as number[];
      let s = y[0] as number;
      for (let j = 0; j < m; j++) s += (y[j + 1] as number) * (row[j] as number);
      const err = 1 / (1 + Math.exp(-s)) - r.y;
      grad[0] = (grad[0] as number) + err / n;
      for (let j = 0; j < m; j++)
        grad[j + 1] = (grad[j + 1] as number) + (err * (row[j] as number)) / n;
    });
    const next = new Float64Array(m + 1);
    next[0] = (y[0] as number) - step * (grad[0] as number);
    for (let j = 0; j < m; j++) {
      const value =
        (y[j + 1] as number) - step * ((grad[j + 1] as number) + lambda * (y[j + 1] as number));
      next[j + 1] = SIGNS[FEATURES[j] as Feature] > 0 ? Math.max(0, value) : Math.min(0, value);
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    for (let j = 0; j <= m; j++)
      y[j] = (next[j] as number) + momentum * ((next[j] as number) - (w[j] as number));
    w = next;
    t = tNext;
  }
  const model = { bias: w[0] as number } as Model;
  FEATURES.forEach((k, j) => {
    model[k] = (w[j + 1] as number) / scale[k];
    model.bias -= model[k] * mean[k];
  });
  return model;
}

/** Folds grouped by article (out-of-scope queries spread evenly), the same on every run. */
export function foldOf(data: readonly Pick<Row, 'expect'>[], folds: number): number[] {
  const articles = [...new Set(data.flatMap((r) => (r.expect ? [r.expect] : [])))].sort();
  const byArticle = new Map(articles.map((id, i) => [id, i % folds]));
  let oos = 0;
  return data.map((r) => (r.expect ? (byArticle.get(r.expect) as number) : oos++ % folds));
}

function logLoss(data: readonly Row[], p: readonly number[]): number {
  let loss = 0;
  data.forEach((r, i) => {
    const q = Math.min(1 - 1e-9, Math.max(1e-9, p[i] as number));
    loss -= r.y ? Math.log(q) : Math.log(1 - q);
  });
  return loss / Math.max(1, data.length);
}

/** Confidence of each row from a model fitted without the row's fold. */
export function outOfFold(data: readonly Row[], lambda: number, folds: number): Model[] {
  const fold = foldOf(data, folds);
  const models: Model[] = [];
  for (let f = 0; f < folds; f++)
    models.push(
      fit(
        data.filter((_, i) => fold[i] !== f),
        lambda,
      ),
    );
  return data.map((_, i) => models[fold[i] as number] as Model);
}

export interface Thresholds {
  readonly answer: number;
  readonly suggest: number;
}

/** What the thresholds give on a set, with the model each row is scored by. */
export function outcomes(data: readonly Row[], modelOf: (i: number) => Model, th: Thresholds) {
  let right = 0;
  let wrong = 0;
  let oosAnswered = 0;
  let oosOffered = 0;
  let reachedBySuggestion = 0;
  let uselessOffers = 0;
  data.forEach((r, i) => {
    const model = modelOf(i);
    const top = calibrate(r.x, model);
    if (r.intentOk && top >= th.answer) {
      if (r.expect === null) oosAnswered++;
      else if (r.y) right++;
      else wrong++;
      return;
    }
    if (!r.intentOk) return;
    // As the search does: the first few articles are offered when the best one is plausible.
    if (top < th.suggest) return;
    const offered = r.ranked;
    if (r.expect === null) oosOffered++;
    else if (offered.some((c) => c.id === r.expect)) reachedBySuggestion++;
    else uselessOffers++;
  });
  return { right, wrong, oosAnswered, oosOffered, reachedBySuggestion, uselessOffers };
}

const grid = (from: number, to: number) =>
  Array.from({ length: Math.round((to - from) * 100) + 1 }, (_, i) => from + i / 100);

/**
 * On out-of-fold confidences: the answer threshold that weighs best (right answers against wrong and
 * out-of-scope ones), then the lowest suggestion threshold within the out-of-scope bound.
 */
export function chooseThresholds(
  data: readonly Row[],
  modelOf: (i: number) => Model,
  /** Every out-of-scope query of the set, including those no search result or small talk took. */
  outOfScope: number,
): Thresholds {
  const d = FIT_DEFAULTS;
  let answer = 0.5;
  let best = -Infinity;
  for (const th of grid(0.3, 0.95)) {
    const o = outcomes(data, modelOf, { answer: th, suggest: 1 });
    const value = o.right - d.wrongCost * o.wrong - d.outOfScopeAnswerCost * o.oosAnswered;
    if (value > best + 1e-9) [best, answer] = [value, th];
  }
  let suggest = answer;
  for (const th of grid(0.02, answer).reverse()) {
    const o = outcomes(data, modelOf, { answer, suggest: th });
    if (o.oosOffered > d.maxOutOfScopeSuggested * outOfScope) break;
    suggest = th;
  }
  return { answer: round(answer, 2), suggest: round(suggest, 2) };
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

export interface FitResult {
  readonly model: Model;
  readonly thresholds: Thresholds;
  readonly lambda: number;
  readonly crossValidation: readonly { readonly lambda: number; readonly logLoss: number }[];
}

/** The model and thresholds fitted on the development set only, rounded as shipped. */
export function fitOnDevelopmentSet(): FitResult {
  const d = FIT_DEFAULTS;
  const data = rows(d.kbDir, d.setFile).filter((r) => r.intentOk);
  const crossValidation = d.lambdas.map((lambda) => {
    const models = outOfFold(data, lambda, d.folds);
    return {
      lambda,
      logLoss: logLoss(
        data,
        data.map((r, i) => calibrate(r.x, models[i] as Model)),
      ),
    };
  });
  const lambda = crossValidation.reduce((a, b) => (b.logLoss < a.logLoss - 1e-12 ? b : a)).lambda;
  const models = outOfFold(data, lambda, d.folds);
  const outOfScope = readSet(d.setFile).filter((q) => q.expect === null).length;
  const thresholds = chooseThresholds(data, (i) => models[i] as Model, outOfScope);
  const full = fit(data, lambda);
  const model = Object.fromEntries(
    Object.entries(full).map(([k, v]) => [k, round(v, d.decimals) + 0]),
  ) as Model;
  return { model, thresholds, lambda, crossValidation };
}
