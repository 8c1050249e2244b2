import Fuse from 'fuse.js';
import type { SearchDoc, SearchIndex } from './search-index';
import { topK } from './top-k';

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
  /** 'task' for what is wanted or wrong (install, slow), 'object' for IT things, else 'other'. */
  readonly role: 'task' | 'object' | 'other';
}

export interface Candidate {
  readonly doc: SearchDoc;
  /** The article's position in the index (and in the semantic index). */
  readonly position: number;
  /** BM25F evidence as a share of the query's total weight, in [0, 1). */
  readonly lexical: number;
  /** Best weighted overlap with the title or one question, in [0, 1]. */
  readonly phrasing: number;
  /** fuse.js token-search similarity over the candidates, in [0, 1]. */
  readonly fuzzy: number;
  /** Best cosine of the query with one of the article's passages (0 without the semantic opinion). */
  readonly semantic: number;
  /** Its distance below the best article's cosine (0 for the semantically closest, 0 without). */
  readonly semanticGap: number;
  /** Its height above the cosine of the query's SEMANTIC_BASELINE-th closest article (0 without). */
  readonly semanticLift: number;
  readonly score: number;
}

/** Weights of the ranking score (fitted by `npm run bench:fit`, see src/kb/search/ranking-model.ts). */
export type RankingWeights = Readonly<
  Record<'lexical' | 'phrasing' | 'fuzzy' | 'semanticGap' | 'semanticLift', number>
>;

/** What the semantic opinion says about the query: every article's best cosine and the closest few. */
export interface SemanticOpinion {
  readonly similarity: Float32Array;
  readonly top: readonly number[];
}

/** Articles the semantic opinion adds to the shortlist even when they share no word with the query. */
export const SEMANTIC_CANDIDATES = 8;
/** The closest articles' cosine at this rank is the baseline of a query's semanticLift. */
export const SEMANTIC_BASELINE = 8;

const CANDIDATES = 24;
/** fuse.js costs ~0.15 ms an article, so it reorders only the head of the shortlist. */
const FUSE_CANDIDATES = 4;
/** The rarest terms carry the meaning; fuse.js runs one Bitap scan per term, so long messages are capped. */
const FUSE_TERMS = 8;

/**
 * Two stages: the inverted index sums precomputed BM25F weights over the query's terms (a few
 * postings lists, so it stays fast at 10,000 articles) and keeps the best few dozen; fuse.js then
 * scores that short list, and the features are blended into one ranking score.
 */
export function rankCandidates(
  index: SearchIndex,
  query: readonly WeightedTerm[],
  options: {
    readonly fuzzy: boolean;
    readonly weights: RankingWeights;
    readonly semantic?: SemanticOpinion;
    /** Only articles this says yes to are ranked (a category the person picked). */
    readonly only?: (position: number) => boolean;
  },
): Candidate[] {
  const total = query.reduce((sum, q) => sum + q.weight, 0);
  const sums = scratchFor(index);
  const touched: number[] = [];
  if (total > 0)
    for (const { term, weight } of query) {
      const postings = index.postings.get(term);
      if (!postings) continue;
      const { docs, weights } = postings;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const before = sums[doc] as number;
        if (before === 0) touched.push(doc);
        sums[doc] = before + weight * (weights[i] as number) + Number.EPSILON;
      }
    }
  const only = options.only;
  const eligible = only ? touched.filter(only) : touched;
  const positions = topK(sums, CANDIDATES, eligible);
  const semantic = options.semantic;
  if (semantic) {
    const extra = (only ? topOfFiltered(semantic, only) : semantic.top).slice(
      0,
      SEMANTIC_CANDIDATES,
    );
    for (const p of extra) if (!positions.includes(p)) positions.push(p);
  }
  const lexicalOf = new Map(positions.map((p) => [p, total > 0 ? (sums[p] as number) / total : 0]));
  for (const doc of touched) sums[doc] = 0;
  if (positions.length === 0) return [];

  const sims = semantic?.similarity;
  const bestSim = semantic?.top[0] !== undefined ? (sims?.[semantic.top[0]] ?? 0) : 0;
  const baseIndex = semantic?.top[Math.min(SEMANTIC_BASELINE, semantic.top.length) - 1];
  const baseline = baseIndex !== undefined ? (sims?.[baseIndex] ?? 0) : 0;
  const w = options.weights;
  const partial = positions.map((position) => {
    const doc = index.docs[position] as SearchDoc;
    const lexical = lexicalOf.get(position) ?? 0;
    const phrasing = total > 0 ? bestPhrasing(doc, query, total) : 0;
    const sim = sims ? Math.max(0, sims[position] as number) : 0;
    const semanticGap = sims ? sim - bestSim : 0;
    const semanticLift = sims ? sim - baseline : 0;
    const base =
      w.lexical * lexical +
      w.phrasing * phrasing +
      w.semanticGap * semanticGap +
      w.semanticLift * semanticLift;
    return { doc, position, lexical, phrasing, semantic: sim, semanticGap, semanticLift, base };
  });
  partial.sort((a, b) => b.base - a.base);
  const fuzzy =
    options.fuzzy && total > 0
      ? fuseSimilarity(
          partial.slice(0, FUSE_CANDIDATES).map((c) => c.doc),
          [...query].sort((a, b) => b.weight - a.weight).slice(0, FUSE_TERMS),
        )
      : new Map<string, number>();
  return partial
    .map(({ base, ...c }) => {
      const fz = fuzzy.get(c.doc.id) ?? 0;
      return { ...c, fuzzy: fz, score: base + w.fuzzy * fz };
    })
    .sort((a, b) => b.score - a.score);
}

/** The semantically closest articles among those allowed (the opinion's own top may hold none). */
function topOfFiltered(semantic: SemanticOpinion, only: (position: number) => boolean): number[] {
  const allowed: number[] = [];
  semantic.similarity.forEach((sim, position) => {
    if (sim > -1 && only(position)) allowed.push(position);
  });
  return allowed
    .sort((a, b) => (semantic.similarity[b] as number) - (semantic.similarity[a] as number))
    .slice(0, SEMANTIC_CANDIDATES);
}

// One score buffer per index, zeroed after each use: at 10,000 articles a fresh array per query
// would be 80 KB of garbage, and young-generation collections show up in the p99.
const scratch = new WeakMap<SearchIndex, Float64Array>();

function scratchFor(index: SearchIndex): Float64Array {
  let buffer = scratch.get(index);
  if (!buffer) {
    buffer = new Float64Array(index.docs.length);
    scratch.set(index, buffer);
  }
  return buffer;
}

/** Weighted Dice overlap between the query and the closest of the article's phrasings. */
function bestPhrasing(doc: SearchDoc, query: readonly WeightedTerm[], total: number): number {
  const weightOf = new Map(query.map((q) => [q.term, q.weight]));
  let best = 0;
  for (const phrasing of doc.phrasings) {
    let shared = 0;
    let own = 0;
    for (const t of phrasing) {
      const weight = weightOf.get(t);
      if (weight === undefined) own += 0.5;
      else {
        shared += weight;
        own += weight;
      }
    }
    const dice = (2 * shared) / (total + own);
    if (dice > best) best = dice;
  }
  return best;
}

interface FuseRecord {
  readonly title: string;
  readonly questions: string;
  readonly tags: string;
}

const FUSE_OPTIONS = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'questions', weight: 3 },
    { name: 'tags', weight: 2 },
  ],
  useTokenSearch: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
};

/** fuse.js text of canonical terms ("~" is not a word character for its tokenizer). */
function fuseText(terms: readonly string[]): string {
  return terms.join(' ').replace(/~/g, 'x_');
}

// One prebuilt fuse.js instance per article: per-query construction would cost more than the whole
// rest of the search.
const fuseByDoc = new WeakMap<SearchDoc, Fuse<FuseRecord>>();

/** Builds every article's fuse.js instance up front, so no query pays for it. */
export function prepareFuzzyMatching(index: SearchIndex): void {
  for (const doc of index.docs) fuseFor(doc);
}

function fuseFor(doc: SearchDoc): Fuse<FuseRecord> {
  let fuse = fuseByDoc.get(doc);
  if (!fuse) {
    // Each distinct term once: Bitap's cost grows with the text, and repeats add nothing to a match.
    const distinct = (terms: readonly string[]) => fuseText([...new Set(terms)]);
    const record = {
      title: distinct(doc.fields.title),
      questions: distinct(doc.fields.questions),
      tags: distinct(doc.fields.tags),
    };
    fuse = new Fuse([record], FUSE_OPTIONS);
    fuseByDoc.set(doc, fuse);
  }
  return fuse;
}

/** fuse.js token search (per-term fuzzy Bitap) of the query against each shortlisted article. */
function fuseSimilarity(
  docs: readonly SearchDoc[],
  query: readonly WeightedTerm[],
): Map<string, number> {
  const pattern = fuseText(query.map((q) => q.term));
  const out = new Map<string, number>();
  for (const doc of docs) {
    const hit = fuseFor(doc).search(pattern)[0];
    if (hit) out.set(doc.id, 1 - (hit.score ?? 1));
  }
  return out;
}
