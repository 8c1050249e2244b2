/**
 * Search quality and speed, printed as Markdown tables (figures for the README):
 *   npm run bench:kb [-- --quick]
 * Quality: the labelled development set (test/fixtures/kb-devset.jsonl) on kb/, and a held-out KB and
 * query set written separately (test/fixtures/kb-heldout*) that the method was never tuned on, for
 * Lapis, plain fuse.js with default options, and MiniSearch with default options.
 * Speed: p50/p99 per query and build time with 1,000 and 10,000 generated articles.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/kb/article';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import { createKnowledgeBase } from '../src/kb/search/create-knowledge-base';
import { generateArticles } from './generate-articles';

interface Labelled {
  readonly query: string;
  readonly expect: string | null;
  readonly kind: string;
}
interface Outcome {
  readonly answer: string | null;
  readonly ranked: readonly string[];
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

function timed(fn: () => { answer: string | null; ranked: string[] }): Outcome {
  const t = performance.now();
  const r = fn();
  return { ...r, ms: performance.now() - t };
}

function uniq(ids: string[]): string[] {
  return [...new Set(ids)];
}

function lapis(articles: readonly Article[]): System {
  const kb = createKnowledgeBase(articles);
  return (q) =>
    timed(() => {
      const r = kb.search(q, { limit: 5 });
      return { answer: r.answer?.id ?? null, ranked: r.results.map((x) => x.id) };
    });
}

function plainFuse(articles: readonly Article[]): System {
  const fuse = new Fuse(articles, { keys: ['title', 'questions', 'tags', 'summary', 'details'] });
  return (q) =>
    timed(() => {
      const ranked = uniq(fuse.search(q).map((h) => h.item.id));
      return { answer: ranked[0] ?? null, ranked };
    });
}

function miniSearch(articles: readonly Article[]): System {
  const ms = new MiniSearch<Article & { key: string }>({
    idField: 'key',
    fields: ['title', 'questions', 'tags', 'summary', 'details'],
    storeFields: ['id'],
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    },
  });
  ms.addAll(articles.map((a) => ({ ...a, key: a.file })));
  return (q) =>
    timed(() => {
      const ranked = uniq(ms.search(q).map((h) => String(h.id as string)));
      return { answer: ranked[0] ?? null, ranked };
    });
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
  let correct = 0;
  let wrong = 0;
  let falseAnswers = 0;
  let rr = 0;
  const times: number[] = [];
  const misses: string[] = [];
  for (let round = 1; round < rounds; round++)
    for (const item of set) times.push(system(item.query).ms);
  for (const item of set) {
    const out = system(item.query);
    times.push(out.ms);
    if (item.expect === null) {
      if (out.answer !== null) {
        falseAnswers++;
        misses.push(`  OOS answered ${out.answer}: ${item.query}`);
      }
      continue;
    }
    if (out.answer === item.expect) correct++;
    else {
      if (out.answer !== null) wrong++;
      misses.push(
        `  [${item.kind}] want ${item.expect}, got ${out.answer ?? 'none'} (${out.ranked.slice(0, 3).join(', ')}): ${item.query}`,
      );
    }
    const rank = out.ranked.slice(0, 5).indexOf(item.expect);
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return {
    top1: correct / inScope.length,
    wrong: wrong / inScope.length,
    oos: outScope.length ? falseAnswers / outScope.length : 0,
    mrr: rr / inScope.length,
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
  showMisses: boolean,
) {
  const inScope = set.filter((x) => x.expect !== null).length;
  console.log(
    `\n### ${title}: ${new Set(articles.map((a) => a.id)).size} articles, ${set.length} queries (${set.length - inScope} out of scope)\n`,
  );
  console.log('| system | top-1 | wrong | out-of-scope answered | MRR@5 | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|---|');
  const systems: [string, System][] = [
    ['Lapis', lapis(articles)],
    ['fuse.js (defaults)', plainFuse(articles)],
    ['MiniSearch (defaults)', miniSearch(articles)],
  ];
  for (const [name, system] of systems) {
    const r = evaluate(system, set);
    console.log(
      `| ${name} | ${pct(r.top1)} | ${pct(r.wrong)} | ${pct(r.oos)} | ${r.mrr.toFixed(3)} | ${ms(r.p50)} | ${ms(r.p99)} |`,
    );
    if (showMisses && name === 'Lapis' && process.argv.includes('--misses'))
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
      `| ${size.toLocaleString('en')} | ${build.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${pct(r.top1)} | ${pct(lapisSample.top1)} / ${lapisSample.mrr.toFixed(3)} | ${pct(fuseSample.top1)} / ${fuseSample.mrr.toFixed(3)} | ${ms(fuseSample.p50)} |`,
    );
  }
}

const kb = loadKnowledgeBase(path.join(root, 'kb'));
const dev = readSet('test/fixtures/kb-devset.jsonl');
const heldKb = loadKnowledgeBase(path.join(root, 'test/fixtures/kb-heldout'));
const held = readSet('test/fixtures/kb-heldout-queries.jsonl');

console.log(
  `## Knowledge-base search (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
);
qualityTable('Development set on kb/', kb, dev, true);
qualityTable(
  'Development set, English articles only (Indonesian queries must cross over)',
  kb.filter((a) => a.lang === 'en'),
  dev,
  false,
);
qualityTable(
  'Development set, Indonesian articles only',
  kb.filter((a) => a.lang === 'id'),
  dev,
  false,
);
qualityTable('Held-out KB and queries (never tuned on)', heldKb, held, true);
scaleTable(kb, dev);
