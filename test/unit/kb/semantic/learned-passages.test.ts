import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LearnedPhrasing } from '../../../../src/core/ports/l0-learning';
import { loadKnowledgeBase } from '../../../../src/kb/load-kb';
import { articlePassages } from '../../../../src/kb/search/article-passages';
import { createLearningKnowledgeBase } from '../../../../src/kb/search/learning-knowledge-base';
import type { Embedder, TextRole } from '../../../../src/kb/semantic/embedder';
import { openEmbeddingCache } from '../../../../src/kb/semantic/embedding-cache';
import { buildSemanticIndex } from '../../../../src/kb/semantic/semantic-index';

/**
 * Learned phrasings join their article's passages; a refresh embeds only phrasings not yet in the
 * passage cache (the bot always has one).
 */
const DIM = 8;

function countingEmbedder() {
  const embedded: string[] = [];
  const embedder: Embedder & { embedded: string[] } = {
    id: 'fake/v1',
    dimensions: DIM,
    embedded,
    embed(texts: readonly string[], role: TextRole) {
      embedded.push(...texts);
      return Promise.resolve(
        texts.map((t) => {
          const bytes = createHash('sha256').update(`${role}\0${t}`).digest();
          const v = Float32Array.from({ length: DIM }, (_, i) => (bytes[i] as number) - 127.5);
          const norm = Math.hypot(...v);
          return v.map((x) => x / norm);
        }),
      );
    },
    close() {},
  };
  return embedder;
}

const phrasing = (id: string, articleId: string, text: string): LearnedPhrasing =>
  ({
    id,
    articleId,
    text,
    lang: 'id',
    approved: true,
    confirmations: 2,
  }) as unknown as LearnedPhrasing;

describe('learned phrasings and the semantic opinion', () => {
  const articles = loadKnowledgeBase(path.join(__dirname, '../../../fixtures/kb-mini'));

  it('embeds each learned phrasing once, as a passage of its article', async () => {
    const embedder = countingEmbedder();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-learned-'));
    const cache = openEmbeddingCache(dir, embedder.id, embedder.dimensions);
    const semantic = await buildSemanticIndex(articlePassages(articles), {
      embedder,
      cache,
      queryDeadlineMs: 1000,
    });
    const own = semantic.passages;
    expect(embedder.embedded).toHaveLength(own);
    const kb = createLearningKnowledgeBase(articles, { minConfirmations: 2, semantic });

    const first = phrasing('p1', 'printer-jam', 'kertas nyangkut di mesin cetak lantai 3');
    expect(await kb.refresh([first])).toBe(1);
    expect(embedder.embedded.slice(own)).toEqual([first.text]);

    // The same set again: nothing rebuilt, nothing embedded.
    expect(await kb.refresh([first])).toBe(1);
    expect(embedder.embedded).toHaveLength(own + 1);

    // A second phrasing: only it is embedded (the index of the articles' own passages is kept).
    const second = phrasing('p2', 'vpn-setup', 'cara konek jaringan kantor dari rumah');
    expect(await kb.refresh([first, second])).toBe(2);
    expect(embedder.embedded.slice(own + 1)).toEqual([second.text]);
    expect(kb.current.mode).toBe('semantic');
    rmSync(dir, { recursive: true, force: true });
  });
});
