import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Embedder, TextRole } from '../../../../src/kb/semantic/embedder';
import { openEmbeddingCache } from '../../../../src/kb/semantic/embedding-cache';
import {
  buildSemanticIndex,
  type ArticlePassages,
  type SemanticIndex,
} from '../../../../src/kb/semantic/semantic-index';

/**
 * The passage-vector cache under buildSemanticIndex, with a fake embedder that counts what it is
 * asked to embed (this is about the cache, not the model): a restart embeds only what changed.
 */
const DIM = 16;

interface CountingEmbedder extends Embedder {
  /** Every text embedded so far, in order. */
  readonly embedded: string[];
  calls: number;
}

/** A deterministic unit vector per text (from its sha256), tagged with the model id. */
function fakeEmbedder(id = 'fake-model/v1'): CountingEmbedder {
  const embedded: string[] = [];
  const embedder: CountingEmbedder = {
    id,
    dimensions: DIM,
    embedded,
    calls: 0,
    embed(texts: readonly string[], role: TextRole) {
      embedder.calls++;
      embedded.push(...texts);
      return Promise.resolve(texts.map((t) => vectorOf(`${id}\0${role}\0${t}`)));
    },
    close() {},
  };
  return embedder;
}

function vectorOf(seed: string): Float32Array {
  const bytes = createHash('sha256').update(seed).digest();
  const v = Float32Array.from({ length: DIM }, (_, i) => (bytes[i] as number) - 127.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const PASSAGES: readonly ArticlePassages[] = [
  ['Reset your password', 'I forgot my password', 'saya lupa kata sandi'],
  ['Printer paper jam', 'the printer does not print'],
  ['Connect to the VPN', 'VPN keeps disconnecting', 'VPN sering putus'],
  ['Mailbox full', 'kotak surat penuh'],
];
const ALL = PASSAGES.flat();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-embeddings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One start of the bot: the cache opened afresh from disk, the index built over the passages. */
async function build(
  passages: readonly ArticlePassages[],
  embedder = fakeEmbedder(),
): Promise<{ embedder: CountingEmbedder; index: SemanticIndex; cached: number }> {
  const cache = openEmbeddingCache(dir, embedder.id, embedder.dimensions);
  const cached = cache.size;
  const index = await buildSemanticIndex(passages, { embedder, cache, queryDeadlineMs: 1000 });
  return { embedder, index, cached };
}

const cacheFiles = () => readdirSync(dir).filter((f) => f.endsWith('.bin'));

/** Each passage, asked as a query with its own vector, finds its own article first. */
function expectEachPassageFindsItsArticle(index: SemanticIndex, passages = PASSAGES) {
  passages.forEach((texts, article) => {
    for (const text of texts) {
      const scores = index.score(vectorOf(`fake-model/v1\0passage\0${text}`), 1);
      expect(scores.top).toEqual([article]);
      // Its own vector, give or take the int8 rounding: not another's, not a damaged one.
      expect(scores.similarity[article]).toBeGreaterThan(0.99);
    }
  });
}

describe('the embedding cache under buildSemanticIndex', () => {
  it('embeds every passage the first time, and nothing the second', async () => {
    const first = await build(PASSAGES);
    expect(first.cached).toBe(0);
    expect([...first.embedder.embedded].sort()).toEqual([...ALL].sort());
    expect(first.index.passages).toBe(ALL.length);
    expectEachPassageFindsItsArticle(first.index);

    const second = await build(PASSAGES);
    expect(second.cached).toBe(ALL.length);
    expect(second.embedder.embedded).toEqual([]);
    expect(second.embedder.calls).toBe(0);
    expect(second.index.passages).toBe(ALL.length);
    // The vectors read back from disk rank as the fresh ones did.
    expectEachPassageFindsItsArticle(second.index);
  });

  it("embeds only the passage that changed when one article's text changes", async () => {
    await build(PASSAGES);
    const changed = PASSAGES.map((texts, a) =>
      a === 1 ? ['Printer paper jam', 'the printer prints blank pages'] : texts,
    );
    const second = await build(changed);
    expect(second.embedder.embedded).toEqual(['the printer prints blank pages']);
    expectEachPassageFindsItsArticle(second.index, changed);

    // And the changed text is remembered in turn.
    const third = await build(changed);
    expect(third.embedder.embedded).toEqual([]);
  });

  it('embeds a text shared by two articles once', async () => {
    const shared = [...PASSAGES, ['I forgot my password']];
    const first = await build(shared);
    expect(first.embedder.embedded.filter((t) => t === 'I forgot my password')).toHaveLength(1);
  });

  it("does not use another model's vectors", async () => {
    await build(PASSAGES, fakeEmbedder('fake-model/v1'));
    // Another model in the same folder: a file of its own, everything embedded again.
    const other = await build(PASSAGES, fakeEmbedder('fake-model/v2'));
    expect(other.cached).toBe(0);
    expect([...other.embedder.embedded].sort()).toEqual([...ALL].sort());
    expect(cacheFiles()).toHaveLength(2);

    // The first model's file under the second model's name: its header names the first model.
    const [v1File, v2File] = ['fake-model_v1.bin', 'fake-model_v2.bin'];
    expect(cacheFiles().sort()).toEqual([v1File, v2File]);
    copyFileSync(path.join(dir, v1File), path.join(dir, v2File));
    const again = await build(PASSAGES, fakeEmbedder('fake-model/v2'));
    expect(again.cached).toBe(0);
    expect(again.embedder.embedded).toHaveLength(ALL.length);
  });

  // A record is a 16-byte key, a 4-byte scale and DIM int8 values: cut a few bytes of its values,
  // or all but the first bytes of its key.
  const RECORD = 16 + 4 + DIM;
  const CUTS = [
    ['a few bytes', 5],
    ['all but 6 bytes', RECORD - 6],
  ] as const;

  /** A first start, then the cache file's last record torn by `cut` bytes, then a second start. */
  async function crashAndRestart(cut: number) {
    const first = await build(PASSAGES);
    const [file] = cacheFiles();
    const full = path.join(dir, file as string);
    truncateSync(full, statSync(full).size - cut);
    return {
      lastEmbedded: first.embedder.embedded.at(-1) as string,
      second: await build(PASSAGES),
    };
  }

  it.each(CUTS)(
    'ignores a last record cut short by a crash (%s) and loads the rest',
    async (_, cut) => {
      const { lastEmbedded, second } = await crashAndRestart(cut);
      expect(second.cached).toBe(ALL.length - 1);
      expect(second.embedder.embedded).toEqual([lastEmbedded]);
      expectEachPassageFindsItsArticle(second.index);
    },
  );

  // load() must drop the torn tail from the file: put() appends after it, and a record appended
  // after a torn one would otherwise be read one torn length off on every later start (a few bytes
  // cut: the re-embedded passage comes back damaged; most of a record cut: it is never found again).
  it.each(CUTS)(
    'reads back on the next start the record written after a torn one (%s)',
    async (_, cut) => {
      await crashAndRestart(cut);
      const third = await build(PASSAGES);
      expect(third.embedder.embedded).toEqual([]);
      expect(third.cached).toBe(ALL.length);
      expectEachPassageFindsItsArticle(third.index);
    },
  );
});
