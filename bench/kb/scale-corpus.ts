import { mkdirSync, mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/kb/article';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { articlePassages } from '../../src/kb/search/article-passages';
import { openSemantic } from '../../src/kb/semantic/open-semantic';
import { buildSemanticIndex } from '../../src/kb/semantic/semantic-index';
import { generateArticles } from '../generate-articles';

export const root = path.resolve(__dirname, '../..');
/** The installed model (npm run setup:model). */
export const modelsDir = path.join(root, '.cache', 'models');
/**
 * Where the scale rows keep their passage vectors between runs (not the bot's .cache/embeddings, so
 * the bench neither grows nor compacts the bot's cache). Cold builds use a fresh temporary dir.
 */
export const scaleCacheDir = path.join(root, '.cache', 'bench-scale');

/** kb/ plus generated articles up to `size` article ids (deterministic: seed 42, as before). */
export function scaleCorpus(size: number): Article[] {
  const kb = loadKnowledgeBase(path.join(root, 'kb'));
  return [...kb, ...generateArticles(kb, size - new Set(kb.map((a) => a.id)).size, 42)];
}

/** A LAPIS cache dir holding the installed model (a `models` symlink) and no passage vectors yet. */
export function cacheDirWithModel(dir?: string): string {
  const at = dir ?? mkdtempSync(path.join(os.tmpdir(), 'lapis-bench-cache-'));
  mkdirSync(at, { recursive: true });
  if (!existsSync(path.join(at, 'models'))) symlinkSync(modelsDir, path.join(at, 'models'), 'dir');
  return at;
}

export function removeCacheDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Embeds the corpus's passages into `cacheDir` in chunks, saying how far it got: the vectors a
 * build would compute, stored the same way (the embedding cache), with progress on stderr.
 */
export async function fillCache(
  articles: readonly Article[],
  cacheDir: string,
  log: (msg: string) => void,
): Promise<{ passages: number; ms: number }> {
  const opening = await openSemantic({
    setting: 'on',
    cacheDir,
    install: false,
    queryDeadlineMs: 60_000,
    log: () => {},
  });
  if (!opening.source) throw new Error('the embedding model is not installed');
  const passages = articlePassages(articles);
  const total = passages.reduce((n, p) => n + p.length, 0);
  const started = performance.now();
  const CHUNK = 250;
  let done = 0;
  try {
    for (let i = 0; i < passages.length; i += CHUNK) {
      const chunk = passages.slice(i, i + CHUNK);
      await buildSemanticIndex(chunk, opening.source);
      done += chunk.reduce((n, p) => n + p.length, 0);
      const s = (performance.now() - started) / 1000;
      log(
        `  embedded ${done.toLocaleString('en')}/${total.toLocaleString('en')} passages, ${s.toFixed(0)} s, ~${((s / done) * (total - done)).toFixed(0)} s to go`,
      );
    }
  } finally {
    opening.close();
  }
  return { passages: total, ms: performance.now() - started };
}

if (require.main === module) {
  // npx tsx bench/kb/scale-corpus.ts 10000: fills .cache/bench-scale for the 10,000-article row.
  const size = Number(process.argv[2] ?? 10000);
  void fillCache(scaleCorpus(size), cacheDirWithModel(scaleCacheDir), (m) =>
    process.stderr.write(`${m}\n`),
  ).then((r) =>
    process.stderr.write(`done: ${r.passages} passages in ${(r.ms / 1000).toFixed(0)} s\n`),
  );
}
