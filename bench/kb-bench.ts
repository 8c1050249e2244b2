/**
 * L0 search quality and speed, printed as Markdown tables (figures for the README):
 *   npm run bench:kb [-- --json FILE]        (BENCH_QUICK=1: the 1,000-article scale row only)
 * Quality, for each development set (kb/ with kb-devset.jsonl and kb-devset-2.jsonl: fitted on)
 * and each held-out set (test/fixtures/kb-heldout*: only scored here, never fitted on), one row per
 * system: Lapis with its semantic opinion (as the bot builds it), Lapis by words alone, e5 alone (the
 * closest passage's article when its cosine reaches a threshold chosen on the development sets
 * only), fuse.js and MiniSearch with default options. Then the calibration of Lapis's confidence on
 * each held-out set, speed and memory at 1,000 and 10,000 articles (each measured in a fresh
 * process, bench/kb/scale-probe.ts), and the aims checked on the newest held-out set.
 * The bench is a measurement: it exits 0 whether the aims are met or not.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../src/kb/article';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import { openSearch, type OpenedSearch } from '../src/kb/open-search';
import { createKnowledgeBase } from '../src/kb/search/create-knowledge-base';
import {
  calibration,
  evaluate,
  ms,
  pct,
  readSet,
  type Band,
  type Figures,
  type Labelled,
} from './kb/measure';
import type { BuildResult, Probe, SampleResult } from './kb/scale-probe';
import { cacheDirWithModel, removeCacheDir, root, scaleCacheDir } from './kb/scale-corpus';
import { chooseThreshold, e5Alone, e5Ranking, lapis, miniSearch, plainFuse } from './kb/systems';

const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const started = performance.now();

interface SetSpec {
  readonly key: string;
  readonly title: string;
  readonly kbDir: string;
  readonly queries: string;
  readonly dev: boolean;
}
const SETS: readonly SetSpec[] = [
  {
    key: 'dev-1',
    title: 'Development set 1 (kb/, kb-devset.jsonl; fitted on)',
    kbDir: 'kb',
    queries: 'test/fixtures/kb-devset.jsonl',
    dev: true,
  },
  {
    key: 'dev-2',
    title: 'Development set 2 (kb/, kb-devset-2.jsonl; fitted on)',
    kbDir: 'kb',
    queries: 'test/fixtures/kb-devset-2.jsonl',
    dev: true,
  },
  {
    key: 'heldout-1',
    title: 'Held-out set 1 (kb-heldout; earlier tuning saw its figures)',
    kbDir: 'test/fixtures/kb-heldout',
    queries: 'test/fixtures/kb-heldout-queries.jsonl',
    dev: false,
  },
  {
    key: 'heldout-2',
    title: 'Held-out set 2 (kb-heldout-2)',
    kbDir: 'test/fixtures/kb-heldout-2',
    queries: 'test/fixtures/kb-heldout-2-queries.jsonl',
    dev: false,
  },
  {
    key: 'heldout-3',
    title: 'Held-out set 3 (kb-heldout-3; the newest)',
    kbDir: 'test/fixtures/kb-heldout-3',
    queries: 'test/fixtures/kb-heldout-3-queries.jsonl',
    dev: false,
  },
];

interface Loaded {
  readonly spec: SetSpec;
  readonly articles: readonly Article[];
  readonly items: readonly Labelled[];
  readonly opened: OpenedSearch;
}

async function load(spec: SetSpec): Promise<Loaded> {
  const articles = loadKnowledgeBase(path.join(root, spec.kbDir));
  const opened = await openSearch(articles, {
    semantic: 'auto',
    cacheDir: path.join(root, '.cache'),
    // Figures must not depend on machine load: every query waits for its vector.
    queryDeadlineMs: 60_000,
    log: (m) => log(`${spec.key}: ${m}`),
  });
  return { spec, articles, items: readSet(spec.queries), opened };
}

interface SetResult {
  readonly key: string;
  readonly title: string;
  readonly dev: boolean;
  readonly articles: number;
  readonly queries: number;
  readonly outOfScope: number;
  readonly semantic: boolean;
  readonly rows: Figures[];
  readonly calibration: Band[];
}

async function scoreSet(set: Loaded, threshold: number): Promise<SetResult> {
  const { articles, items, opened } = set;
  const semantic = opened.semantic;
  const systems = [
    ...(semantic ? [lapis('Lapis (semantic)', createKnowledgeBase(articles, { semantic }))] : []),
    lapis('Lapis (lexical only)', createKnowledgeBase(articles)),
    ...(semantic ? [e5Alone(articles, semantic, threshold)] : []),
    plainFuse(articles),
    miniSearch(articles),
  ];
  const rows: Figures[] = [];
  let bands: Band[] = [];
  for (const system of systems) {
    log(`${set.spec.key}: ${system.name}`);
    const { figures, answered } = await evaluate(system, items);
    rows.push(figures);
    if (system.name === 'Lapis (semantic)') bands = calibration(answered);
  }
  return {
    key: set.spec.key,
    title: set.spec.title,
    dev: set.spec.dev,
    articles: new Set(articles.map((a) => a.id)).size,
    queries: items.length,
    outOfScope: items.filter((x) => x.expect === null).length,
    semantic: semantic !== undefined,
    rows,
    calibration: bands,
  };
}

function printSet(r: SetResult) {
  console.log(
    `\n### ${r.title}: ${r.articles} articles, ${r.queries} queries (${r.outOfScope} out of scope)${r.semantic ? '' : ' — SEMANTIC OPINION UNAVAILABLE (model not installed?)'}\n`,
  );
  console.log(
    '| system | n | right | wrong | no answer | reach | out-of-scope answered | offered anything (out of scope) | MRR@5 | long messages right | vague handled | p50 ms | p99 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const f of r.rows)
    console.log(
      `| ${f.system} | ${f.n} | ${pct(f.right)} | ${pct(f.wrong)} | ${pct(f.none)} | ${pct(f.reach)} | ${pct(f.oosAnswered)} | ${pct(f.oosOffered)} | ${f.mrr.toFixed(3)} | ${f.longN ? `${pct(f.longRight)} of ${f.longN}` : 'n/a'} | ${f.vagueHandled === null ? 'n/a' : `${pct(f.vagueHandled)} of ${f.vagueN}`} | ${ms(f.p50)} | ${ms(f.p99)} |`,
    );
}

function printCalibration(r: SetResult) {
  console.log(`\n#### Calibration of Lapis (semantic) on ${r.title}: answers by confidence\n`);
  console.log('| confidence | answers | right | mean confidence |');
  console.log('|---|---|---|---|');
  for (const b of r.calibration)
    console.log(
      `| ${b.from.toFixed(2)}–${b.to.toFixed(2)} | ${b.count} | ${pct(b.right)} | ${b.meanConfidence === null ? 'n/a' : b.meanConfidence.toFixed(3)} |`,
    );
}

// ---- scale ----

function probe<T>(p: Probe): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.join(__dirname, 'kb', 'scale-probe.ts'),
        JSON.stringify(p),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`scale probe ${JSON.stringify(p)} exited ${code}`));
      resolve(JSON.parse(last) as T);
    });
  });
}

/** Above this, a cold 10,000-article build is extrapolated from a sample rather than run. */
const COLD_LIMIT_MS = 20 * 60_000;
const SAMPLE_PASSAGES = 2000;

interface ScaleRow {
  readonly size: number;
  readonly passages: number;
  readonly cold: { readonly ms: number; readonly extrapolated: boolean; readonly note: string };
  readonly cached: BuildResult;
  readonly lexical: BuildResult;
}

async function scaleRow(size: number): Promise<ScaleRow> {
  log(`scale ${size}: cold build (empty embedding cache, the installed model)`);
  const coldDir = cacheDirWithModel();
  try {
    if (size <= 1000) {
      const cold = await probe<BuildResult>({
        kind: 'build',
        size,
        cacheDir: coldDir,
        queries: false,
      });
      log(`scale ${size}: cached build (second build on the same cache)`);
      const cached = await probe<BuildResult>({
        kind: 'build',
        size,
        cacheDir: coldDir,
        queries: true,
      });
      log(`scale ${size}: words alone`);
      const lexical = await probe<BuildResult>({
        kind: 'build',
        size,
        cacheDir: undefined,
        queries: true,
        fuseSample: true,
      });
      return {
        size,
        passages: cached.passages,
        cold: { ms: cold.buildMs, extrapolated: false, note: 'measured' },
        cached,
        lexical,
      };
    }
    const s = await probe<SampleResult>({
      kind: 'sample',
      size,
      cacheDir: coldDir,
      count: SAMPLE_PASSAGES,
    });
    const estimate = s.openMs + s.msPerPassage * s.passages;
    let cold: ScaleRow['cold'];
    removeCacheDir(coldDir);
    if (estimate <= COLD_LIMIT_MS) {
      const dir = cacheDirWithModel();
      try {
        log(`scale ${size}: cold build, about ${(estimate / 60_000).toFixed(0)} min`);
        const r = await probe<BuildResult>({ kind: 'build', size, cacheDir: dir, queries: false });
        cold = { ms: r.buildMs, extrapolated: false, note: 'measured' };
      } finally {
        removeCacheDir(dir);
      }
    } else {
      cold = {
        ms: estimate,
        extrapolated: true,
        note: `extrapolated: ${s.msPerPassage.toFixed(1)} ms a passage (cold, on ${s.sampled.toLocaleString('en')} passages) x ${s.passages.toLocaleString('en')} passages + ${(s.openMs / 1000).toFixed(1)} s model opening`,
      };
    }
    // The cached build needs every passage's vector once: kept in .cache/bench-scale between runs.
    log(`scale ${size}: filling ${path.relative(root, scaleCacheDir)} (only passages it lacks)`);
    await probe({ kind: 'fill', size, cacheDir: cacheDirWithModel(scaleCacheDir) });
    log(`scale ${size}: cached build`);
    const cached = await probe<BuildResult>({
      kind: 'build',
      size,
      cacheDir: scaleCacheDir,
      queries: true,
    });
    log(`scale ${size}: words alone`);
    const lexical = await probe<BuildResult>({
      kind: 'build',
      size,
      cacheDir: undefined,
      queries: true,
      fuseSample: true,
    });
    return { size, passages: cached.passages, cold, cached, lexical };
  } finally {
    removeCacheDir(coldDir);
  }
}

function printScale(rows: readonly ScaleRow[]) {
  console.log(
    '\n### Scale: development set 1 against kb/ plus generated articles (each build in a fresh process)\n',
  );
  console.log(
    '| articles | passages | cold build s (semantic) | cached build s (semantic) | lexical build s | p50 / p99 ms semantic | p50 / p99 ms lexical | top-1 semantic / lexical | RSS growth MB semantic / lexical | sample: fuse.js alone top-1 / MRR@5 / p50 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.size.toLocaleString('en')} | ${r.passages.toLocaleString('en')} | ${(r.cold.ms / 1000).toFixed(1)}${r.cold.extrapolated ? ' (extrapolated)' : ''} | ${(r.cached.buildMs / 1000).toFixed(2)} | ${(r.lexical.buildMs / 1000).toFixed(2)} | ${ms(r.cached.p50)} / ${ms(r.cached.p99)} | ${ms(r.lexical.p50)} / ${ms(r.lexical.p99)} | ${pct(r.cached.top1 ?? null)} / ${pct(r.lexical.top1 ?? null)} | ${r.cached.rssGrowthMb.toFixed(0)} / ${r.lexical.rssGrowthMb.toFixed(0)} | ${r.lexical.fuse ? `${pct(r.lexical.fuse.top1)} / ${r.lexical.fuse.mrr.toFixed(3)} / ${ms(r.lexical.fuse.p50)} (${r.lexical.fuse.sample} queries)` : 'n/a'} |`,
    );
  for (const r of rows)
    if (r.cold.extrapolated)
      console.log(`\n${r.size.toLocaleString('en')} cold build: ${r.cold.note}.`);
}

// ---- aims ----

interface Aim {
  readonly aim: string;
  readonly value: string;
  readonly met: boolean | null;
}

function aims(heldout: SetResult | undefined, scale: readonly ScaleRow[]): Aim[] {
  const sem = heldout?.rows.find((r) => r.system === 'Lapis (semantic)');
  const lex = heldout?.rows.find((r) => r.system === 'Lapis (lexical only)');
  const one = scale.find((r) => r.size === 1000);
  const at = (
    v: number | null | undefined,
    ok: (v: number) => boolean,
    show: (v: number) => string,
  ): Pick<Aim, 'value' | 'met'> =>
    v === null || v === undefined ? { value: 'n/a', met: null } : { value: show(v), met: ok(v) };
  const p = (x: number) => pct(x);
  return [
    { aim: 'right >= 85%', ...at(sem?.right, (v) => v >= 0.85, p) },
    { aim: 'wrong <= 4%', ...at(sem?.wrong, (v) => v <= 0.04, p) },
    { aim: 'out-of-scope answered <= 8%', ...at(sem?.oosAnswered, (v) => v <= 0.08, p) },
    { aim: 'reach >= 95%', ...at(sem?.reach, (v) => v >= 0.95, p) },
    { aim: 'long messages right >= 75%', ...at(sem?.longRight, (v) => v >= 0.75, p) },
    {
      aim: 'p99 <= 50 ms (semantic)',
      ...at(
        sem?.p99,
        (v) => v <= 50,
        (v) => `${ms(v)} ms`,
      ),
    },
    {
      aim: 'p99 <= 3 ms (lexical only)',
      ...at(
        lex?.p99,
        (v) => v <= 3,
        (v) => `${ms(v)} ms`,
      ),
    },
    {
      aim: 'cached start of 1,000 articles <= 2 s',
      ...at(
        one?.cached.buildMs,
        (v) => v <= 2000,
        (v) => `${(v / 1000).toFixed(2)} s`,
      ),
    },
    {
      aim: 'RSS growth <= 120 MB (1,000 articles, semantic)',
      ...at(
        one?.cached.rssGrowthMb,
        (v) => v <= 120,
        (v) => `${v.toFixed(0)} MB`,
      ),
    },
  ];
}

function printAims(list: readonly Aim[]) {
  console.log(
    '\n### Aims: Lapis (semantic) on held-out set 3 (kb-heldout-3), speed at 1,000 articles\n',
  );
  console.log('| aim | measured | |');
  console.log('|---|---|---|');
  for (const a of list)
    console.log(
      `| ${a.aim} | ${a.value} | ${a.met === null ? 'not measured' : a.met ? 'met' : '**MISSED**'} |`,
    );
  const missed = list.filter((a) => a.met === false);
  console.log(
    missed.length
      ? `\nMISSED ${missed.length} of ${list.length} aims: ${missed.map((a) => a.aim).join('; ')}`
      : `\nAll ${list.length} aims met.`,
  );
}

async function main() {
  console.log(
    `## Knowledge-base search (node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ', BENCH_QUICK' : ''})`,
  );
  // e5 alone's threshold: from the development sets only, before any held-out set is opened.
  const devSets: Loaded[] = [];
  for (const spec of SETS.filter((s) => s.dev)) devSets.push(await load(spec));
  const scored: Parameters<typeof chooseThreshold>[0][number][] = [];
  for (const set of devSets) {
    const semantic = set.opened.semantic;
    if (!semantic) continue;
    const rank = e5Ranking(set.articles, semantic);
    for (const item of set.items) {
      const r = await rank(item.query);
      scored.push({ item, top: r.ranked[0], best: r.best });
    }
  }
  const chosen = scored.length ? chooseThreshold(scored) : { threshold: Infinity, utility: 0 };
  console.log(
    `\ne5 alone answers when the best passage's cosine is >= ${chosen.threshold.toFixed(4)} (chosen on the development sets only: right - 3 x wrong - 3 x out-of-scope answered = ${chosen.utility} over ${scored.length} queries).`,
  );

  const results: SetResult[] = [];
  for (const spec of SETS) {
    let set: Loaded | undefined = devSets.find((d) => d.spec === spec);
    try {
      set ??= await load(spec);
    } catch (error) {
      // A set that does not load is reported, not skipped silently (its aims read "not measured").
      const problems = (error as { problems?: { file: string; message: string }[] }).problems ?? [];
      console.log(
        `\n### ${spec.title}: NOT MEASURED, the set does not load: ${error instanceof Error ? error.message : String(error)}`,
      );
      for (const p of problems) console.log(`- ${path.relative(root, p.file)}: ${p.message}`);
      continue;
    }
    try {
      const r = await scoreSet(set, chosen.threshold);
      results.push(r);
      printSet(r);
    } finally {
      set.opened.close();
    }
  }
  for (const r of results.filter((x) => !x.dev && x.semantic)) printCalibration(r);

  const scale: ScaleRow[] = [];
  for (const size of quick ? [1000] : [1000, 10000]) scale.push(await scaleRow(size));
  printScale(scale);

  const aimList = aims(
    results.find((r) => r.key === 'heldout-3'),
    scale,
  );
  printAims(aimList);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nBench run: ${seconds.toFixed(0)} s.`);
  if (jsonFile) {
    writeFileSync(
      jsonFile,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          quick,
          seconds,
          e5Threshold: chosen,
          sets: results,
          scale,
          aims: aimList,
        },
        null,
        2,
      )}\n`,
    );
    log(`figures written to ${jsonFile}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
