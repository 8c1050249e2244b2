/**
 * Search quality and speed, printed as Markdown tables (figures for the README):
 *   npm run bench:kb [-- --quick] [-- --misses]
 * Quality: the labelled development set (test/fixtures/kb-devset.jsonl) on kb/, and two held-out KBs
 * with their query sets (test/fixtures/kb-heldout*), for Lapis (with and without its fuse.js
 * re-rank), fuse.js and MiniSearch with default options, and MiniSearch fed Lapis's analyzer.
 * "reach": the right article answered, or offered among "is it one of these?" when nothing is.
 * Speed: p50/p99 per query and build time with 1,000 and 10,000 generated articles.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/kb/article';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import {
  createKnowledgeBase,
  type KnowledgeBaseOptions,
} from '../src/kb/search/create-knowledge-base';
import { generateArticles } from './generate-articles';

interface Labelled {
  readonly query: string;
  readonly expect: string | null;
  readonly kind: string;
}
interface Outcome {
  readonly answer: string | null;
  readonly ranked: readonly string[];
  readonly suggestions: readonly string[];
  readonly ms: number;
}
type System = (query: string) => Outcome;

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');

function readSet(file: string): Labelled[] {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

function timed(fn: () => Omit<Outcome, 'ms'>): Outcome {
  const t = performance.now();
  const r = fn();
  return { ...r, ms: performance.now() - t };
}

function uniq(ids: string[]): string[] {
  return [...new Set(ids)];
}

function lapis(articles: readonly Article[], options: KnowledgeBaseOptions = {}): System {
  const kb = createKnowledgeBase(articles, options);
  return (q) =>
    timed(() => {
      const r = kb.explain(q).result;
      return {
        answer: r.answer?.id ?? null,
        ranked: r.results.map((x) => x.id),
        suggestions: r.suggestions.map((x) => x.id),
      };
    });
}

/** A baseline answers with its first result whenever it has one. */
function alwaysAnswers(ranked: string[]): Omit<Outcome, 'ms'> {
  return { answer: ranked[0] ?? null, ranked, suggestions: [] };
}

const FIELDS = ['title', 'questions', 'tags', 'summary', 'details'];

function plainFuse(articles: readonly Article[]): System {
  const fuse = new Fuse(articles, { keys: FIELDS });
  return (q) => timed(() => alwaysAnswers(uniq(fuse.search(q).map((h) => h.item.id))));
}

function miniSearch(articles: readonly Article[], analyze?: (text: string) => string[]): System {
  const ms = new MiniSearch<Article & { key: string }>({
    idField: 'key',
    fields: FIELDS,
    storeFields: ['id'],
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    },
    // With Lapis's analyzer: its terms (concepts, stems, corrected words) instead of MiniSearch's words.
    ...(analyze ? { tokenize: analyze, processTerm: (term: string) => term } : {}),
  });
  ms.addAll(articles.map((a) => ({ ...a, key: a.file })));
  return (q) => timed(() => alwaysAnswers(uniq(ms.search(q).map((h) => String(h.id as string)))));
}

function lapisAnalyzer(articles: readonly Article[]): (text: string) => string[] {
  const kb = createKnowledgeBase(articles);
  return (text) => kb.explain(text).analysis.terms.map((t) => t.term);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Quality from one pass; timing from ROUNDS passes after a warm-up, for a steady-state p99. */
const ROUNDS = 3;

function evaluate(system: System, set: readonly Labelled[], rounds = ROUNDS) {
  for (const item of set.slice(0, 20)) system(item.query);
  const inScope = set.filter((x) => x.expect !== null);
  const outScope = set.filter((x) => x.expect === null);
  let right = 0;
  let wrong = 0;
  let reach = 0;
  let oosAnswered = 0;
  let oosOffered = 0;
  let rr = 0;
  const times: number[] = [];
  const misses: string[] = [];
  for (let round = 1; round < rounds; round++)
    for (const item of set) times.push(system(item.query).ms);
  for (const item of set) {
    const out = system(item.query);
    times.push(out.ms);
    if (item.expect === null) {
      if (out.answer !== null) oosAnswered++;
      if (out.answer !== null || out.suggestions.length) {
        oosOffered++;
        misses.push(
          `  OOS ${out.answer ? `answered ${out.answer}` : `offered ${out.suggestions.join(', ')}`}: ${item.query}`,
        );
      }
      continue;
    }
    if (out.answer === item.expect) right++;
    else if (out.answer !== null) wrong++;
    if (
      out.answer === item.expect ||
      (out.answer === null && out.suggestions.includes(item.expect))
    )
      reach++;
    if (out.answer !== item.expect)
      misses.push(
        `  [${item.kind}] want ${item.expect}, got ${out.answer ?? `none (offered ${out.suggestions.join(', ') || 'nothing'})`} (${out.ranked.slice(0, 3).join(', ')}): ${item.query}`,
      );
    const rank = out.ranked.slice(0, 5).indexOf(item.expect);
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const n = Math.max(1, inScope.length);
  const m = Math.max(1, outScope.length);
  return {
    right: right / n,
    wrong: wrong / n,
    none: (n - right - wrong) / n,
    reach: reach / n,
    oosAnswered: oosAnswered / m,
    oosOffered: oosOffered / m,
    mrr: rr / n,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    misses,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => x.toFixed(2);

function qualityTable(
  title: string,
  articles: readonly Article[],
  set: readonly Labelled[],
  showMisses = false,
) {
  const inScope = set.filter((x) => x.expect !== null).length;
  console.log(
    `\n### ${title}: ${new Set(articles.map((a) => a.id)).size} articles, ${set.length} queries (${set.length - inScope} out of scope)\n`,
  );
  console.log(
    '| system | right | wrong | no answer | reach | out-of-scope answered | out-of-scope offered anything | MRR@5 | p50 ms | p99 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const systems: [string, System][] = [
    ['Lapis', lapis(articles)],
    ['Lapis without the fuse.js re-rank', lapis(articles, { fuzzyRerank: false })],
    ['fuse.js (defaults)', plainFuse(articles)],
    ['MiniSearch (defaults)', miniSearch(articles)],
    ["MiniSearch with Lapis's analyzer", miniSearch(articles, lapisAnalyzer(articles))],
  ];
  for (const [name, system] of systems) {
    const r = evaluate(system, set);
    console.log(
      `| ${name} | ${pct(r.right)} | ${pct(r.wrong)} | ${pct(r.none)} | ${pct(r.reach)} | ${pct(r.oosAnswered)} | ${pct(r.oosOffered)} | ${r.mrr.toFixed(3)} | ${ms(r.p50)} | ${ms(r.p99)} |`,
    );
    // Misses are listed for the development set only: reading a held-out set's would be tuning on it.
    if (name === 'Lapis' && showMisses && process.argv.includes('--misses'))
      console.error(`${title}\n${r.misses.join('\n')}`);
  }
}

function scaleTable(articles: readonly Article[], set: readonly Labelled[]) {
  console.log('\n### Scale: the development set against kb/ plus generated articles\n');
  console.log(
    '| articles | build ms | p50 ms | p99 ms | top-1 | sample: Lapis top-1 / MRR@5 | sample: fuse.js alone top-1 / MRR@5 | fuse.js alone p50 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const size of quick ? [1000] : [1000, 10000]) {
    const corpus = [
      ...articles,
      ...generateArticles(articles, size - new Set(articles.map((a) => a.id)).size, 42),
    ];
    const t = performance.now();
    const system = lapis(corpus);
    const build = performance.now() - t;
    const r = evaluate(system, set);
    // fuse.js alone takes seconds a query at this size, so it is compared on a sample.
    const sample = set.filter((_, i) => i % (size > 5000 ? 21 : 7) === 0);
    const fuseSample = evaluate(plainFuse(corpus), sample, 1);
    const lapisSample = evaluate(system, sample);
    console.log(
      `| ${size.toLocaleString('en')} | ${build.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${pct(r.right)} | ${pct(lapisSample.right)} / ${lapisSample.mrr.toFixed(3)} | ${pct(fuseSample.right)} / ${fuseSample.mrr.toFixed(3)} | ${ms(fuseSample.p50)} |`,
    );
  }
}

const kb = loadKnowledgeBase(path.join(root, 'kb'));
const dev = readSet('test/fixtures/kb-devset.jsonl');

console.log(
  `## Knowledge-base search (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
);
qualityTable('Development set on kb/ (fitted on)', kb, dev, true);
qualityTable(
  'Development set, English articles only (Indonesian queries must cross over)',
  kb.filter((a) => a.lang === 'en'),
  dev,
);
qualityTable(
  'Development set, Indonesian articles only',
  kb.filter((a) => a.lang === 'id'),
  dev,
);
// Held-out sets: read only here, never by the fit (bench/calibration-fit.ts).
qualityTable(
  'Old held-out set (test/fixtures/kb-heldout; earlier tuning saw its figures)',
  loadKnowledgeBase(path.join(root, 'test/fixtures/kb-heldout')),
  readSet('test/fixtures/kb-heldout-queries.jsonl'),
);
qualityTable(
  'New held-out set (test/fixtures/kb-heldout-2; written without seeing the search)',
  loadKnowledgeBase(path.join(root, 'test/fixtures/kb-heldout-2')),
  readSet('test/fixtures/kb-heldout-2-queries.jsonl'),
);
scaleTable(kb, dev);
