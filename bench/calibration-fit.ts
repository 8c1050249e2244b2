/**
 * The fit of L0's ranking and confidence (src/kb/search/fitted-model.ts), for each mode (words
 * alone, and words with the semantic opinion), on the labelled development sets only (kb/ and
 * FIT_DEFAULTS.setFiles; no held-out set is read here).
 *
 * 1. Ranking: logistic regression of "this candidate is the right article" on each candidate's
 *    evidence (lexical, phrasing, fuzzy, and the semantic gap and lift), signs held positive; the
 *    candidates are ranked by its linear score.
 * 2. Confidence: logistic regression of "the best-ranked article is the right answer" on the best
 *    candidate's features (calibrate.ts), L2-regularised, each weight held to the sign that makes
 *    sense, by projected accelerated gradient descent (deterministic).
 * 3. Thresholds (answer, suggest, near-tie margin) chosen on out-of-fold confidences.
 * Regularisation is chosen by cross-validation grouped by article: every query of an article sits in
 * the same fold, so the choice rewards what carries over to articles not fitted on.
 * `npm run bench:fit` prints the result (`-- --write` ships it); a unit test checks the defaults
 * give what ships.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KbSearchMode } from '../src/core/ports/knowledge-base';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import { openSearch } from '../src/kb/open-search';
import {
  calibrate,
  type ConfidenceFeatures,
  type ConfidenceModel,
  type ModeModel,
  type Thresholds,
} from '../src/kb/search/calibrate';
import {
  createKnowledgeBase,
  type SearchableKnowledgeBase,
} from '../src/kb/search/create-knowledge-base';
import type { RankingWeights } from '../src/kb/search/rank-candidates';

type Feature = keyof ConfidenceFeatures;
type RankFeature = keyof RankingWeights;

/** Every choice the fit makes; the defaults are what ships. */
export const FIT_DEFAULTS = {
  kbDir: 'kb',
  setFiles: ['test/fixtures/kb-devset.jsonl', 'test/fixtures/kb-devset-2.jsonl'],
  folds: 5,
  lambdas: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3],
  iterations: 2000,
  /** The ranking the candidates are first gathered with (fuzzy re-ranks the first few of them). */
  startRanking: { lexical: 0.5, phrasing: 0.35, fuzzy: 0.15, semanticGap: 1, semanticLift: 1 },
  /** A wrong answer costs this many right ones (it sends the employee down a wrong path). */
  wrongCost: 3,
  /** An out-of-scope question answered is as bad as a wrong answer. */
  outOfScopeAnswerCost: 3,
  /**
   * Suggestions: the lowest threshold at which at most this share of out-of-scope questions get
   * suggestions (on top of those answered): offering IT articles for a lunch menu reads as not listening.
   */
  maxOutOfScopeSuggested: 0.15,
  /** Near-tie margins tried (in ranking-score units); 0 decides every tie by its score. */
  ties: [0, 0.1, 0.25, 0.5, 1, 1.5, 2, 3],
  suggestions: 3,
  /** Weights and thresholds are shipped with two decimals. */
  decimals: 2,
} as const;

const RANK_FEATURES: Record<KbSearchMode, readonly RankFeature[]> = {
  lexical: ['lexical', 'phrasing', 'fuzzy'],
  semantic: ['lexical', 'phrasing', 'fuzzy', 'semanticGap', 'semanticLift'],
};

/** The sign each confidence weight must keep: more evidence for the article never lowers it. */
export const SIGNS: Record<Feature, 1 | -1> = {
  lexical: 1,
  phrasing: 1,
  fuzzy: 1,
  margin: 1,
  coverage: 1,
  unknown: -1,
  task: 1,
  object: 1,
  semantic: 1,
  semanticMargin: 1,
  agree: 1,
};
const SEMANTIC_ONLY: readonly Feature[] = ['semantic', 'semanticMargin', 'agree'];
const featuresOf = (mode: KbSearchMode) =>
  (Object.keys(SIGNS) as Feature[]).filter(
    (f) => mode === 'semantic' || !SEMANTIC_ONLY.includes(f),
  );

const root = path.resolve(__dirname, '..');
export interface Labelled {
  readonly query: string;
  readonly expect: string | null;
}
export const readSet = (file: string): Labelled[] =>
  readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);

export interface Row {
  readonly x: ConfidenceFeatures;
  /** 1 when the best-ranked article is the expected one. */
  readonly y: 0 | 1;
  readonly expect: string | null;
  readonly ranked: readonly string[];
  /** Whether the message reached the search as a question (not small talk, vague or off topic). */
  readonly question: boolean;
}

/** The development queries with their vectors, and the knowledge bases that search them. */
export interface FitInput {
  readonly items: readonly Labelled[];
  readonly vectors: readonly (Float32Array | undefined)[];
  readonly kbFor: (mode: KbSearchMode, model: ModeModel) => SearchableKnowledgeBase;
  /** Whether the semantic opinion could be had on this machine (its mode is fitted only then). */
  readonly semantic: boolean;
  close(): void;
}

export async function fitInput(d = FIT_DEFAULTS): Promise<FitInput> {
  const articles = loadKnowledgeBase(path.join(root, d.kbDir));
  const items = d.setFiles.flatMap(readSet);
  const opened = await openSearch(articles, {
    semantic: 'auto',
    cacheDir: path.join(root, '.cache'),
    // The fit waits for every vector: a slow machine must not change what is fitted.
    queryDeadlineMs: 600_000,
    log: (msg) => process.stderr.write(`fit: ${msg}\n`),
  });
  const probe = createKnowledgeBase(articles, opened.semantic ? { semantic: opened.semantic } : {});
  const vectors = opened.semantic
    ? await Promise.all(items.map((i) => probe.queryVector(i.query)))
    : [];
  return {
    items,
    vectors,
    semantic: opened.semantic !== undefined,
    kbFor: (mode, model) =>
      createKnowledgeBase(articles, {
        suggestThreshold: 0,
        models: { lexical: model, semantic: model },
        ...(mode === 'semantic' && opened.semantic ? { semantic: opened.semantic } : {}),
      }),
    close: () => opened.close(),
  };
}

const placeholder = (ranking: RankingWeights): ModeModel => ({
  ranking,
  confidence: Object.fromEntries(
    ['bias', ...Object.keys(SIGNS)].map((k) => [k, 0]),
  ) as unknown as ConfidenceModel,
  thresholds: { answer: 1, suggest: 0, tie: 0 },
});

function explainAll(input: FitInput, mode: KbSearchMode, model: ModeModel) {
  const kb = input.kbFor(mode, model);
  return input.items.map((item, i) => ({
    item,
    e: kb.explain(item.query, mode === 'semantic' ? input.vectors[i] : undefined),
  }));
}

/** Rows of the confidence model: the best candidate's features and whether it is right. */
export function confidenceRows(
  input: FitInput,
  mode: KbSearchMode,
  ranking: RankingWeights,
): Row[] {
  return explainAll(input, mode, placeholder(ranking)).flatMap(({ item, e }) => {
    const top = e.ranked[0];
    if (!top || !e.features) return [];
    return [
      {
        x: e.features,
        y: top.doc.id === item.expect ? 1 : 0,
        expect: item.expect,
        ranked: e.ranked.slice(0, FIT_DEFAULTS.suggestions).map((c) => c.doc.id),
        question: e.result.intent === 'question',
      },
    ];
  });
}

interface Linear {
  readonly bias: number;
  readonly w: readonly number[];
}

/**
 * Projected FISTA on the L2-regularised log loss, in standardised features (so one step size suits
 * every feature); each weight is clipped to its sign after each step, then mapped back.
 */
/**
 * Bound once: inside jest's vm context every global lookup (`Math`) in the hot loop below goes
 * through the context's interceptors and makes the fit several times slower than under node.
 */
const exp = Math.exp;

export function fitLogistic(
  X: readonly (readonly number[])[],
  y: readonly number[],
  signs: readonly (1 | -1)[],
  lambda: number,
  iterations: number = FIT_DEFAULTS.iterations,
): Linear {
  const n = Math.max(1, X.length);
  const m = signs.length;
  const mean = Array.from({ length: m }, (_, j) => X.reduce((s, r) => s + (r[j] as number), 0) / n);
  const scale = mean.map(
    (mu, j) => Math.sqrt(X.reduce((s, r) => s + ((r[j] as number) - mu) ** 2, 0) / n) || 1,
  );
  // Standardised rows in one flat array: the loop below runs rows x iterations times.
  const rows = X.length;
  const z = new Float64Array(rows * m);
  X.forEach((r, i) =>
    r.forEach((v, j) => (z[i * m + j] = (v - (mean[j] as number)) / (scale[j] as number))),
  );
  const target = Float64Array.from(y);
  let maxNorm = 1;
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let j = 0; j < m; j++) norm += (z[i * m + j] as number) * (z[i * m + j] as number);
    maxNorm = Math.max(maxNorm, 1 + norm);
  }
  const step = 1 / (maxNorm / 4 + lambda);
  let w = new Float64Array(m + 1);
  const v = new Float64Array(m + 1);
  let t = 1;
  const grad = new Float64Array(m + 1);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < rows; i++) {
      const base = i * m;
      let s = v[0] as number;
      for (let j = 0; j < m; j++) s += (v[j + 1] as number) * (z[base + j] as number);
      const err = 1 / (1 + exp(-s)) - (target[i] as number);
      grad[0] = (grad[0] as number) + err / n;
      for (let j = 0; j < m; j++)
        grad[j + 1] = (grad[j + 1] as number) + (err * (z[base + j] as number)) / n;
    }
    const next = new Float64Array(m + 1);
    next[0] = (v[0] as number) - step * (grad[0] as number);
    for (let j = 0; j < m; j++) {
      const value =
        (v[j + 1] as number) - step * ((grad[j + 1] as number) + lambda * (v[j + 1] as number));
      next[j + 1] = (signs[j] as number) > 0 ? Math.max(0, value) : Math.min(0, value);
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    for (let j = 0; j <= m; j++)
      v[j] = (next[j] as number) + momentum * ((next[j] as number) - (w[j] as number));
    w = next;
    t = tNext;
  }
  let bias = w[0] as number;
  const weights = Array.from({ length: m }, (_, j) => {
    const wj = (w[j + 1] as number) / (scale[j] as number);
    bias -= wj * (mean[j] as number);
    return wj;
  });
  return { bias, w: weights };
}

/** Folds grouped by article (out-of-scope queries spread evenly), the same on every run. */
export function foldOf(
  data: readonly { readonly expect: string | null }[],
  folds: number,
): number[] {
  const articles = [...new Set(data.flatMap((r) => (r.expect ? [r.expect] : [])))].sort();
  const byArticle = new Map(articles.map((id, i) => [id, i % folds]));
  let oos = 0;
  return data.map((r) => (r.expect ? (byArticle.get(r.expect) as number) : oos++ % folds));
}

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));
const dotOf = (m: Linear, x: readonly number[]) =>
  x.reduce((s, v, j) => s + v * (m.w[j] as number), m.bias);

function logLoss(y: readonly number[], p: readonly number[]): number {
  let loss = 0;
  y.forEach((yi, i) => {
    const q = Math.min(1 - 1e-9, Math.max(1e-9, p[i] as number));
    loss -= yi ? Math.log(q) : Math.log(1 - q);
  });
  return loss / Math.max(1, y.length);
}

/** The lambda with the lowest out-of-fold log loss, and each row's out-of-fold model for it. */
function crossValidate(
  X: readonly (readonly number[])[],
  y: readonly number[],
  groups: readonly { expect: string | null }[],
  signs: readonly (1 | -1)[],
) {
  const d = FIT_DEFAULTS;
  const fold = foldOf(groups, d.folds);
  const trial = d.lambdas.map((lambda) => {
    const models = Array.from({ length: d.folds }, (_, f) =>
      fitLogistic(
        X.filter((_, i) => fold[i] !== f),
        y.filter((_, i) => fold[i] !== f),
        signs,
        lambda,
      ),
    );
    const p = X.map((x, i) => sigmoid(dotOf(models[fold[i] as number] as Linear, x)));
    return { lambda, logLoss: logLoss(y, p), models, fold };
  });
  return trial.reduce((a, b) => (b.logLoss < a.logLoss - 1e-12 ? b : a));
}

/** What the thresholds give on rows, with each row's confidence given. */
export function outcomes(data: readonly Row[], confidence: (i: number) => number, th: Thresholds) {
  let right = 0;
  let wrong = 0;
  let oosAnswered = 0;
  let oosOffered = 0;
  let reachedBySuggestion = 0;
  data.forEach((r, i) => {
    if (!r.question) return;
    const top = confidence(i);
    if (top >= th.answer && r.x.margin >= th.tie) {
      if (r.expect === null) oosAnswered++;
      else if (r.y) right++;
      else wrong++;
      return;
    }
    if (top < th.suggest) return;
    if (r.expect === null) oosOffered++;
    else if (r.ranked.includes(r.expect)) reachedBySuggestion++;
  });
  return { right, wrong, oosAnswered, oosOffered, reachedBySuggestion };
}

const grid = (from: number, to: number) =>
  Array.from({ length: Math.round((to - from) * 100) + 1 }, (_, i) => round(from + i / 100, 2));

/**
 * On out-of-fold confidences: the answer threshold and near-tie margin that weigh best (right
 * answers against wrong and out-of-scope ones), then the lowest suggestion threshold within the
 * out-of-scope bound.
 */
export function chooseThresholds(
  data: readonly Row[],
  confidence: (i: number) => number,
  outOfScope: number,
): Thresholds {
  const d = FIT_DEFAULTS;
  let best = -Infinity;
  let answer = 0.5;
  let tie = 0;
  for (const t of d.ties)
    for (const th of grid(0.3, 0.97)) {
      const o = outcomes(data, confidence, { answer: th, suggest: 1, tie: t });
      const value = o.right - d.wrongCost * o.wrong - d.outOfScopeAnswerCost * o.oosAnswered;
      if (value > best + 1e-9) [best, answer, tie] = [value, th, t];
    }
  let suggest = answer;
  for (const th of grid(0.02, answer).reverse()) {
    const o = outcomes(data, confidence, { answer, suggest: th, tie });
    if (o.oosOffered > d.maxOutOfScopeSuggested * outOfScope) break;
    suggest = th;
  }
  return { answer, suggest, tie };
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f + 0;
}

export interface ModeFit {
  readonly model: ModeModel;
  readonly rankingLambda: number;
  readonly confidenceLambda: number;
  readonly crossValidatedLogLoss: number;
  /** The development rows under the shipped model, and their in-sample confidences. */
  readonly rows: readonly Row[];
}

/** Ranking, confidence and thresholds for one mode, rounded as shipped. */
export function fitMode(input: FitInput, mode: KbSearchMode): ModeFit {
  const d = FIT_DEFAULTS;
  const features = RANK_FEATURES[mode];
  const start: RankingWeights = {
    ...d.startRanking,
    ...(mode === 'lexical' ? { semanticGap: 0, semanticLift: 0 } : {}),
  };
  // 1. Ranking, on every candidate of every in-scope question.
  const X: number[][] = [];
  const y: number[] = [];
  const groups: { expect: string | null }[] = [];
  for (const { item, e } of explainAll(input, mode, placeholder(start))) {
    if (item.expect === null || e.result.intent !== 'question') continue;
    for (const c of e.ranked) {
      X.push(features.map((f) => c[f]));
      y.push(c.doc.id === item.expect ? 1 : 0);
      groups.push({ expect: item.expect });
    }
  }
  const rankCv = crossValidate(
    X,
    y,
    groups,
    features.map(() => 1),
  );
  const rankFit = fitLogistic(
    X,
    y,
    features.map(() => 1),
    rankCv.lambda,
  );
  const ranking = Object.fromEntries(
    (Object.keys(d.startRanking) as RankFeature[]).map((f) => {
      const j = features.indexOf(f);
      return [f, j < 0 ? 0 : round(rankFit.w[j] as number, d.decimals)];
    }),
  ) as unknown as RankingWeights;

  // 2. Confidence, on the best candidate of every question under that ranking.
  const rows = confidenceRows(input, mode, ranking);
  const questions = rows.filter((r) => r.question);
  const names = featuresOf(mode);
  const cx = questions.map((r) => names.map((f) => r.x[f]));
  const cy = questions.map((r) => r.y);
  const signs = names.map((f) => SIGNS[f]);
  const cv = crossValidate(cx, cy, questions, signs);
  const full = fitLogistic(cx, cy, signs, cv.lambda);
  const confidence = {
    bias: round(full.bias, d.decimals),
    ...Object.fromEntries(
      (Object.keys(SIGNS) as Feature[]).map((f) => {
        const j = names.indexOf(f);
        return [f, j < 0 ? 0 : round(full.w[j] as number, d.decimals)];
      }),
    ),
  } as ConfidenceModel;

  // 3. Thresholds, on out-of-fold confidences.
  const oof = cx.map((x, i) => sigmoid(dotOf(cv.models[cv.fold[i] as number] as Linear, x)));
  const outOfScope = input.items.filter((q) => q.expect === null).length;
  const thresholds = chooseThresholds(questions, (i) => oof[i] as number, outOfScope);
  return {
    model: { ranking, confidence, thresholds },
    rankingLambda: rankCv.lambda,
    confidenceLambda: cv.lambda,
    crossValidatedLogLoss: cv.logLoss,
    rows: questions,
  };
}

export interface FitResult {
  readonly lexical: ModeFit;
  /** Absent when the embedding model could not be had on this machine. */
  readonly semantic: ModeFit | undefined;
}

export async function fitOnDevelopmentSets(): Promise<FitResult> {
  const input = await fitInput();
  try {
    return {
      lexical: fitMode(input, 'lexical'),
      semantic: input.semantic ? fitMode(input, 'semantic') : undefined,
    };
  } finally {
    input.close();
  }
}

export { calibrate };
