import path from 'node:path';
import type { Article } from './article';
import { articlePassages } from './search/article-passages';
import {
  buildSemanticIndex,
  openSemantic,
  type SemanticIndex,
  type SemanticSetting,
  type SemanticStatus,
} from './semantic/open-semantic';

export interface SearchSettings {
  readonly semantic: SemanticSetting;
  /** The project cache: the model and the passage vectors live under it. */
  readonly cacheDir: string;
  readonly queryDeadlineMs: number;
  readonly modelUrl?: string;
  readonly log: (msg: string) => void;
  /** Notices that the semantic opinion is off or late (default: log). */
  readonly warn?: (msg: string) => void;
}

export interface OpenedSearch {
  /** The articles' passages embedded, when the semantic opinion is on. */
  readonly semantic: SemanticIndex | undefined;
  readonly status: SemanticStatus;
  close(): void;
}

/**
 * The one way the bot and the KB command line set up L0's search: the model fetched on first use,
 * the articles' passages embedded (only those the cache lacks), or words alone when that fails.
 */
export async function openSearch(
  articles: readonly Article[],
  settings: SearchSettings,
): Promise<OpenedSearch> {
  const opening = await openSemantic({
    setting: settings.semantic,
    cacheDir: settings.cacheDir,
    install: true,
    queryDeadlineMs: settings.queryDeadlineMs,
    log: settings.log,
    ...(settings.warn ? { warn: settings.warn } : {}),
    ...(settings.modelUrl ? { url: settings.modelUrl } : {}),
  });
  if (!opening.source) return { semantic: undefined, status: opening.status, close: () => {} };
  try {
    const semantic = await buildSemanticIndex(articlePassages(articles), opening.source);
    return { semantic, status: opening.status, close: () => opening.close() };
  } catch (error) {
    opening.close();
    const reason = `embedding the articles failed: ${error instanceof Error ? error.message : String(error)}`;
    if (settings.semantic === 'on') throw new Error(`L0_SEMANTIC=on but ${reason}`);
    (settings.warn ?? settings.log)(`semantic search off, answering by words alone: ${reason}`);
    return { semantic: undefined, status: { mode: 'lexical', reason }, close: () => {} };
  }
}

/** Search settings from the environment, for the command line (the bot reads them through its config). */
export function searchSettingsFromEnv(root: string, log: (msg: string) => void): SearchSettings {
  const setting = process.env.L0_SEMANTIC?.trim() || 'auto';
  if (setting !== 'auto' && setting !== 'on' && setting !== 'off')
    throw new Error(`L0_SEMANTIC must be auto, on or off (got "${setting}")`);
  const deadline = Number(process.env.L0_QUERY_DEADLINE_MS?.trim() || DEFAULT_QUERY_DEADLINE_MS);
  if (!Number.isFinite(deadline) || deadline < 10 || deadline > 10_000)
    throw new Error('L0_QUERY_DEADLINE_MS must be a number of milliseconds from 10 to 10000');
  return {
    semantic: setting,
    cacheDir: path.resolve(root, process.env.LAPIS_CACHE_DIR?.trim() || '.cache'),
    queryDeadlineMs: deadline,
    ...(process.env.L0_MODEL_URL?.trim() ? { modelUrl: process.env.L0_MODEL_URL.trim() } : {}),
    log,
  };
}

export const DEFAULT_QUERY_DEADLINE_MS = 250;
