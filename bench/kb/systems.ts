/** The systems the bench compares: Lapis (as the bot builds it), e5 alone, and two baselines. */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '../../src/kb/article';
import { articleOrder } from '../../src/kb/search/article-passages';
import type { SearchableKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import type { SemanticIndex } from '../../src/kb/semantic/semantic-index';
import type { Labelled, Outcome, System } from './measure';

const uniq = (ids: string[]) => [...new Set(ids)];

export function lapis(name: string, kb: SearchableKnowledgeBase): System {
  return {
    name,
    reachTop3: false,
    intents: true,
    run: async (q) => {
      const r = await kb.search(q);
      return {
        answer: r.answer?.id ?? null,
        ranked: r.results.map((x) => x.id),
        suggestions: r.suggestions.map((x) => x.id),
        intent: r.intent,
        ...(r.answer ? { confidence: r.answer.score } : {}),
      };
    },
  };
}

/** e5 alone: articles by their best passage's cosine with the query (the message as written). */
export function e5Ranking(articles: readonly Article[], semantic: SemanticIndex) {
  const ids = articleOrder(articles);
  return async (q: string): Promise<{ ranked: string[]; best: number }> => {
    const vector = await semantic.embedQuery(q);
    if (!vector) return { ranked: [], best: -1 };
    const { similarity, top } = semantic.score(vector, 5);
    return {
      ranked: top.map((i) => ids[i] as string),
      best: top.length ? (similarity[top[0] as number] as number) : -1,
    };
  };
}

export function e5Alone(
  articles: readonly Article[],
  semantic: SemanticIndex,
  threshold: number,
): System {
  const rank = e5Ranking(articles, semantic);
  return {
    name: 'e5 alone',
    reachTop3: true,
    intents: false,
    run: async (q) => {
      const { ranked, best } = await rank(q);
      return {
        answer: best >= threshold ? (ranked[0] ?? null) : null,
        ranked,
        suggestions: [],
        confidence: best,
      };
    },
  };
}

/**
 * The cosine threshold for e5 alone, from the development sets only: the one maximising
 * right - 3 x wrong - 3 x out-of-scope answered (ties: the higher threshold).
 */
export function chooseThreshold(
  scored: readonly {
    readonly item: Labelled;
    readonly top: string | undefined;
    readonly best: number;
  }[],
): { threshold: number; utility: number } {
  const candidates = [...new Set(scored.map((s) => s.best))].sort((a, b) => b - a);
  let best = { threshold: Infinity, utility: 0 };
  for (const t of candidates) {
    let utility = 0;
    for (const s of scored) {
      if (s.best < t) continue;
      if (s.item.expect === null) utility -= 3;
      else if (s.top === s.item.expect) utility += 1;
      else utility -= 3;
    }
    if (utility > best.utility) best = { threshold: t, utility };
  }
  return best;
}

/** A baseline answers with its first result whenever it has one. */
function alwaysAnswers(ranked: string[]): Outcome {
  return { answer: ranked[0] ?? null, ranked, suggestions: [] };
}

const FIELDS = ['title', 'questions', 'tags', 'summary', 'details'];

export function plainFuse(articles: readonly Article[]): System {
  const fuse = new Fuse(articles, { keys: FIELDS });
  return {
    name: 'fuse.js (defaults)',
    reachTop3: true,
    intents: false,
    run: (q) => Promise.resolve(alwaysAnswers(uniq(fuse.search(q).map((h) => h.item.id)))),
  };
}

export function miniSearch(articles: readonly Article[]): System {
  const ms = new MiniSearch<Article & { key: string }>({
    idField: 'key',
    fields: FIELDS,
    storeFields: ['id'],
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    },
  });
  ms.addAll(articles.map((a) => ({ ...a, key: a.file })));
  return {
    name: 'MiniSearch (defaults)',
    reachTop3: true,
    intents: false,
    run: (q) =>
      Promise.resolve(alwaysAnswers(uniq(ms.search(q).map((h) => String(h.id as string))))),
  };
}
