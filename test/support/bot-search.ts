import path from 'node:path';
import type { Article } from '../../src/kb/article';
import { openSearch, DEFAULT_QUERY_DEADLINE_MS } from '../../src/kb/open-search';
import {
  createKnowledgeBase,
  type SearchableKnowledgeBase,
} from '../../src/kb/search/create-knowledge-base';

const root = path.resolve(__dirname, '../..');

/**
 * The knowledge base exactly as the bot builds it on this machine: with the semantic opinion when
 * the model is installed (setup:test installs it), words alone otherwise. Close it after the tests.
 */
export async function botKnowledgeBase(
  articles: readonly Article[],
): Promise<SearchableKnowledgeBase & { close(): void }> {
  const opened = await openSearch(articles, {
    semantic: 'auto',
    cacheDir: path.join(root, '.cache'),
    // Tests run beside other tests on two cores: a late vector must not change what they see.
    queryDeadlineMs: Math.max(DEFAULT_QUERY_DEADLINE_MS, 60_000),
    log: () => {},
  });
  const kb = createKnowledgeBase(articles, opened.semantic ? { semantic: opened.semantic } : {});
  return Object.assign(kb, { close: () => opened.close() });
}
