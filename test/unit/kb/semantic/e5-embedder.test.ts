import path from 'node:path';
import {
  MAX_EMBEDDED_CHARS,
  boundedText,
  type Embedder,
} from '../../../../src/kb/semantic/embedder';
import { loadE5Embedder } from '../../../../src/kb/semantic/e5-embedder';
import { installedModel } from '../../../../src/kb/semantic/model-files';

/**
 * The embedder's contract on the real model (multilingual-e5-small through its C engine), as
 * `npm run setup:model` installs it into .cache/models: unit vectors of 384 dimensions, English and
 * Indonesian paraphrases close to each other, long texts cut, and the event loop left alone.
 */
const root = path.resolve(__dirname, '../../../..');
const files = installedModel(path.join(root, '.cache', 'models'));

const PARAPHRASES: readonly (readonly [string, string])[] = [
  ['I forgot my password', 'saya lupa kata sandi'],
  ['the printer does not print', 'printer tidak bisa mencetak'],
  ['VPN keeps disconnecting', 'VPN sering putus'],
  ['my laptop is very slow', 'laptop saya lemot sekali'],
  ['how do I share a file', 'bagaimana cara berbagi file'],
  ['my mailbox is full', 'kotak surat email saya penuh'],
  [
    'the projector in the meeting room shows no picture',
    'proyektor di ruang rapat tidak menampilkan gambar',
  ],
  ['I spilled coffee on my keyboard', 'keyboard saya ketumpahan kopi'],
  ['how do I install new software', 'bagaimana cara memasang aplikasi baru'],
  ['I cannot connect to the office wifi', 'saya tidak bisa terhubung ke wifi kantor'],
];

const dot = (a: Float32Array, b: Float32Array) =>
  a.reduce((s, x, i) => s + x * (b[i] as number), 0);

describe('the e5 embedder on the installed model', () => {
  let embedder: Embedder;

  beforeAll(() => {
    if (!files) throw new Error('the model is not installed: run `npm run setup:model` first');
    embedder = loadE5Embedder(files);
  });
  afterAll(() => embedder?.close());

  it('gives one unit vector of 384 dimensions per text, in order', async () => {
    expect(embedder.dimensions).toBe(384);
    const texts = ['I forgot my password', 'saya lupa kata sandi', 'x', ''];
    for (const role of ['query', 'passage'] as const) {
      const vectors = await embedder.embed(texts, role);
      expect(vectors).toHaveLength(texts.length);
      for (const v of vectors) {
        expect(v).toHaveLength(384);
        expect(v.every(Number.isFinite)).toBe(true);
        expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 3);
      }
      // In order: the same text alone gives the same vector as in the batch.
      const [alone] = await embedder.embed([texts[1] as string], role);
      expect(dot(alone as Float32Array, vectors[1] as Float32Array)).toBeGreaterThan(0.999);
      expect(dot(alone as Float32Array, vectors[0] as Float32Array)).toBeLessThan(0.999);
    }
  });

  it("finds each sentence's paraphrase in the other language as its nearest neighbour", async () => {
    const sentences = PARAPHRASES.flat();
    const vectors = await embedder.embed(sentences, 'query');
    const misses: string[] = [];
    sentences.forEach((sentence, i) => {
      let best = -1;
      let bestScore = -Infinity;
      vectors.forEach((v, j) => {
        if (j === i) return;
        const score = dot(vectors[i] as Float32Array, v);
        if (score > bestScore) [best, bestScore] = [j, score];
      });
      const paraphrase = i % 2 === 0 ? i + 1 : i - 1;
      if (best !== paraphrase)
        misses.push(`"${sentence}" -> "${sentences[best]}" instead of "${sentences[paraphrase]}"`);
    });
    expect(misses).toEqual([]);
  });

  it('cuts a text longer than the model reads, so it costs no more than the cut text', async () => {
    const sentence = 'The printer on the third floor does not print anything at all today. ';
    const long = sentence.repeat(Math.ceil(20_000 / sentence.length)).slice(0, 20_000);
    const cut = boundedText(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_EMBEDDED_CHARS);
    await embedder.embed(['warm up'], 'query');

    const timed = async (text: string) => {
      const started = performance.now();
      const [v] = await embedder.embed([text], 'query');
      return { ms: performance.now() - started, v: v as Float32Array };
    };
    const ofCut = await timed(cut);
    const ofLong = await timed(long);
    // The same vector as the cut text: the engine never saw the rest.
    expect(dot(ofLong.v, ofCut.v)).toBeGreaterThan(0.999);
    // Windows slid over all 20,000 characters would cost about ten times the cut text (~9 s here).
    // The cut text itself (~500 tokens) takes ~0.9 s on one core of a 2-core machine, so the
    // absolute bound is the model's full input, not "well under a second".
    expect(ofLong.ms).toBeLessThan(Math.max(2 * ofCut.ms, 300));
    expect(ofLong.ms).toBeLessThan(5000);
  });

  it('keeps the event loop beating while 100 embeddings run at once', async () => {
    await embedder.embed(['warm up'], 'query');
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const started = performance.now();
    const vectors = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        embedder.embed([`my laptop is very slow since the update number ${i}`], 'query'),
      ),
    );
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(vectors.flat()).toHaveLength(100);

    // From the start to the first tick, between ticks, and from the last tick to the end.
    const beats = [started, ...ticks, started + elapsed];
    const largestGap = Math.max(...beats.slice(1).map((t, i) => t - (beats[i] as number)));
    // Long enough for the beat to mean something (a blocked loop would show no ticks at all).
    expect(elapsed).toBeGreaterThan(200);
    // The largest gap is the measure: a blocked loop shows one long gap. (How many 10 ms ticks fire
    // depends on what else the machine runs, so their count is no measure of Lapis.)
    expect(largestGap).toBeLessThan(100);
  });
});
