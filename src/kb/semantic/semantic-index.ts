import pTimeout from 'p-timeout';
import type { Embedder } from './embedder';
import type { EmbeddingCache } from './embedding-cache';
import { topK } from '../search/top-k';
import { quantize, type QuantizedVector } from './quantized-vector';

/** The texts of one article (all its languages) that a question may resemble. */
export type ArticlePassages = readonly string[];

export interface SemanticScores {
  /** Best cosine of the query with each article's passages (by article position); -1 when not scored. */
  readonly similarity: Float32Array;
  /** Article positions by similarity, best first (a few). */
  readonly top: readonly number[];
}

export interface SemanticIndex {
  readonly modelId: string;
  readonly passages: number;
  /** The query's unit vector, or undefined when the model does not answer within the deadline. */
  embedQuery(text: string): Promise<Float32Array | undefined>;
  score(query: Float32Array, count: number): SemanticScores;
  /** The same index with more passages (learned phrasings), embedding only the new ones. */
  extend(
    extra: readonly { readonly article: number; readonly text: string }[],
  ): Promise<SemanticIndex>;
}

export interface SemanticSource {
  readonly embedder: Embedder;
  readonly cache: EmbeddingCache | undefined;
  /** How long a search waits for its query's vector before answering by words alone. */
  readonly queryDeadlineMs: number;
  /** Told how many passages had to be embedded (and how long it took), for the log. */
  readonly onEmbedded?: (count: number, ms: number) => void;
  /** Told when a query's embedding missed its deadline. */
  readonly onLate?: () => void;
}

/**
 * Above this many passages a query first compares article centroids and then only the best
 * articles' passages: an exact scan of 100,000 passages would cost more than the whole budget.
 */
const EXACT_PASSAGES = 20_000;
const PREFILTER_ARTICLES = 64;

/** Embeds the passages not in the cache (in batches, off the event loop) and indexes all of them. */
export async function buildSemanticIndex(
  articles: readonly ArticlePassages[],
  source: SemanticSource,
): Promise<SemanticIndex> {
  const rows = articles.flatMap((texts, article) => texts.map((text) => ({ article, text })));
  const vectors = await vectorsFor(
    rows.map((r) => r.text),
    source,
  );
  return indexOf(articles.length, rows, vectors, source);
}

async function vectorsFor(
  texts: readonly string[],
  source: SemanticSource,
): Promise<QuantizedVector[]> {
  const { embedder, cache } = source;
  const out: (QuantizedVector | undefined)[] = texts.map((t) => cache?.get(t, 'passage'));
  const missing = [...new Set(texts.filter((_, i) => out[i] === undefined))];
  if (missing.length) {
    const started = performance.now();
    const embedded = await embedder.embed(missing, 'passage');
    const stored = new Map<string, QuantizedVector>();
    const quantized = cache
      ? cache.put(
          missing.map((text, i) => ({
            text,
            role: 'passage',
            vector: embedded[i] as Float32Array,
          })),
        )
      : embedded.map((v) => quantize(v));
    missing.forEach((text, i) => stored.set(text, quantized[i] as QuantizedVector));
    texts.forEach((t, i) => (out[i] ??= stored.get(t)));
    source.onEmbedded?.(missing.length, performance.now() - started);
  }
  cache?.compact();
  return out as QuantizedVector[];
}

function indexOf(
  articleCount: number,
  rows: readonly { readonly article: number; readonly text: string }[],
  vectors: readonly QuantizedVector[],
  source: SemanticSource,
): SemanticIndex {
  const dim = source.embedder.dimensions;
  // Passages grouped by article, so an article's passages are one contiguous range.
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (rows[a]?.article ?? 0) - (rows[b]?.article ?? 0));
  const matrix = new Int8Array(order.length * dim);
  const scales = new Float32Array(order.length);
  const start = new Int32Array(articleCount + 1);
  order.forEach((row, i) => {
    const v = vectors[row] as QuantizedVector;
    matrix.set(v.values, i * dim);
    scales[i] = v.scale;
    const slot = (rows[row]?.article ?? 0) + 1;
    start[slot] = (start[slot] as number) + 1;
  });
  for (let a = 0; a < articleCount; a++)
    start[a + 1] = (start[a + 1] as number) + (start[a] as number);
  const centroids =
    order.length > EXACT_PASSAGES ? centroidsOf(matrix, scales, start, dim) : undefined;

  const dot = (q: Float32Array, row: number) => {
    let s = 0;
    const base = row * dim;
    for (let k = 0; k < dim; k++) s += (q[k] as number) * (matrix[base + k] as number);
    return s * (scales[row] as number);
  };

  const similarity = new Float32Array(articleCount);
  return {
    modelId: source.embedder.id,
    passages: order.length,
    async embedQuery(text) {
      const work = source.embedder.embed([text], 'query').then((v) => v[0]);
      // A late vector is of no use (p-timeout also keeps its later failure from going unhandled).
      return pTimeout(work, source.queryDeadlineMs, () => {
        source.onLate?.();
        return undefined;
      });
    },
    score(query, count) {
      similarity.fill(-1);
      const articles = centroids
        ? bestByCentroid(centroids, query, articleCount, dim, PREFILTER_ARTICLES)
        : undefined;
      const scoreArticle = (a: number) => {
        let best = -1;
        for (let r = start[a] as number; r < (start[a + 1] as number); r++)
          best = Math.max(best, dot(query, r));
        similarity[a] = best;
      };
      if (articles) articles.forEach(scoreArticle);
      else for (let a = 0; a < articleCount; a++) scoreArticle(a);
      return { similarity: similarity.slice(), top: topK(similarity, count) };
    },
    async extend(extra) {
      const more = extra.filter((e) => e.article >= 0 && e.article < articleCount);
      if (!more.length) return this;
      const allRows = [...order.map((r) => rows[r] as { article: number; text: string }), ...more];
      const moreVectors = await vectorsFor(
        more.map((m) => m.text),
        source,
      );
      const allVectors = [...order.map((r) => vectors[r] as QuantizedVector), ...moreVectors];
      return indexOf(articleCount, allRows, allVectors, source);
    },
  };
}

function centroidsOf(
  matrix: Int8Array,
  scales: Float32Array,
  start: Int32Array,
  dim: number,
): Float32Array {
  const articles = start.length - 1;
  const out = new Float32Array(articles * dim);
  for (let a = 0; a < articles; a++) {
    const base = a * dim;
    for (let r = start[a] as number; r < (start[a + 1] as number); r++)
      for (let k = 0; k < dim; k++)
        out[base + k] =
          (out[base + k] as number) + (matrix[r * dim + k] as number) * (scales[r] as number);
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += (out[base + k] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < dim; k++) out[base + k] = (out[base + k] as number) / norm;
  }
  return out;
}

function bestByCentroid(
  centroids: Float32Array,
  q: Float32Array,
  articles: number,
  dim: number,
  k: number,
): number[] {
  const scores = new Float32Array(articles);
  for (let a = 0; a < articles; a++) {
    let s = 0;
    const base = a * dim;
    for (let i = 0; i < dim; i++) s += (q[i] as number) * (centroids[base + i] as number);
    scores[a] = s;
  }
  return topK(scores, k);
}
