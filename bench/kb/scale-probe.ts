/**
 * One scale measurement in a fresh process (so start time and RSS growth are those of a bot
 * starting): `tsx bench/kb/scale-probe.ts '<json Probe>'`, the result as JSON on stdout's last line.
 */
import Fuse from 'fuse.js';
import path from 'node:path';
import { openSearch } from '../../src/kb/open-search';
import { articlePassages } from '../../src/kb/search/article-passages';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { openSemantic } from '../../src/kb/semantic/open-semantic';
import { buildSemanticIndex } from '../../src/kb/semantic/semantic-index';
import { percentile, readSet, type Labelled } from './measure';
import { fillCache, root, scaleCorpus } from './scale-corpus';

export type Probe =
  | {
      readonly kind: 'build';
      readonly size: number;
      /** undefined: words alone. */
      readonly cacheDir: string | undefined;
      readonly queries: boolean;
      /** fuse.js alone on a sample of the queries (words-alone probe only). */
      readonly fuseSample?: boolean;
    }
  | {
      readonly kind: 'sample';
      readonly size: number;
      readonly cacheDir: string;
      readonly count: number;
    }
  | { readonly kind: 'fill'; readonly size: number; readonly cacheDir: string };

export interface BuildResult {
  readonly articles: number;
  readonly passages: number;
  readonly mode: string;
  readonly buildMs: number;
  readonly rssGrowthMb: number;
  readonly p50?: number;
  readonly p99?: number;
  readonly top1?: number;
  readonly fuse?: {
    readonly sample: number;
    readonly top1: number;
    readonly mrr: number;
    readonly p50: number;
  };
}
export interface SampleResult {
  readonly passages: number;
  readonly sampled: number;
  readonly openMs: number;
  readonly msPerPassage: number;
}

const DEV_SET = 'test/fixtures/kb-devset.jsonl';
const ROUNDS = 3;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

async function build(probe: Extract<Probe, { kind: 'build' }>): Promise<BuildResult> {
  const corpus = scaleCorpus(probe.size);
  const set: Labelled[] = readSet(DEV_SET);
  gc();
  const before = rssMb();
  const started = performance.now();
  const opened = probe.cacheDir
    ? await openSearch(corpus, {
        semantic: 'on',
        cacheDir: probe.cacheDir,
        queryDeadlineMs: 60_000,
        log: () => {},
      })
    : undefined;
  const kb = createKnowledgeBase(corpus, opened?.semantic ? { semantic: opened.semantic } : {});
  const buildMs = performance.now() - started;
  gc();
  const rssGrowthMb = rssMb() - before;
  const base = {
    articles: kb.size,
    passages: opened?.semantic?.passages ?? 0,
    mode: kb.mode,
    buildMs,
    rssGrowthMb,
  };
  if (!probe.queries) {
    opened?.close();
    return base;
  }
  for (const item of set.slice(0, 20)) await kb.search(item.query);
  const times: number[] = [];
  let right = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const item of set) {
      const t = performance.now();
      const r = await kb.search(item.query);
      times.push(performance.now() - t);
      if (round === 0 && item.expect !== null && r.answer?.id === item.expect) right++;
    }
  const answerable = set.filter((x) => x.expect !== null).length;
  let fuse: BuildResult['fuse'];
  if (probe.fuseSample) {
    // fuse.js alone takes seconds a query at this size, so it is compared on a sample.
    const sample = set.filter(
      (x, i) => x.expect !== null && i % (probe.size > 5000 ? 21 : 7) === 0,
    );
    const f = new Fuse(corpus, { keys: ['title', 'questions', 'tags', 'summary', 'details'] });
    let top1 = 0;
    let rr = 0;
    const ft: number[] = [];
    for (const item of sample) {
      const t = performance.now();
      const ids = [...new Set(f.search(item.query).map((h) => h.item.id))];
      ft.push(performance.now() - t);
      if (ids[0] === item.expect) top1++;
      const rank = ids.slice(0, 5).indexOf(item.expect as string);
      if (rank >= 0) rr += 1 / (rank + 1);
    }
    fuse = {
      sample: sample.length,
      top1: top1 / Math.max(1, sample.length),
      mrr: rr / Math.max(1, sample.length),
      p50: percentile(ft, 50),
    };
  }
  opened?.close();
  return {
    ...base,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    top1: right / Math.max(1, answerable),
    ...(fuse ? { fuse } : {}),
  };
}

/** Cold embedding speed on the corpus's first `count` passages (an empty cache). */
async function sample(probe: Extract<Probe, { kind: 'sample' }>): Promise<SampleResult> {
  const passages = articlePassages(scaleCorpus(probe.size));
  const total = passages.reduce((n, p) => n + p.length, 0);
  const t0 = performance.now();
  const opening = await openSemantic({
    setting: 'on',
    cacheDir: probe.cacheDir,
    install: false,
    queryDeadlineMs: 60_000,
    log: () => {},
  });
  if (!opening.source) throw new Error('the embedding model is not installed');
  const openMs = performance.now() - t0;
  const chosen: string[][] = [];
  let n = 0;
  for (const p of passages) {
    if (n >= probe.count) break;
    chosen.push(p);
    n += p.length;
  }
  const t1 = performance.now();
  await buildSemanticIndex(chosen, opening.source);
  const ms = performance.now() - t1;
  opening.close();
  return { passages: total, sampled: n, openMs, msPerPassage: ms / n };
}

async function main() {
  const probe = JSON.parse(process.argv[2] ?? '{}') as Probe;
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const result =
    probe.kind === 'build'
      ? await build(probe)
      : probe.kind === 'sample'
        ? await sample(probe)
        : await fillCache(scaleCorpus(probe.size), probe.cacheDir, log);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  process.chdir(path.resolve(root));
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
