import { createLearnedMemory, LEARNED_MATCH } from '../../../src/kb/search/learned-memory';

/** Terms are the words themselves here: the memory's matching is what is under test. */
const analyze = (text: string) => ({
  terms: text
    .split(' ')
    .map((term) => ({ term, surface: term, conceptKind: undefined, corrected: false })),
  smallTalk: [],
  tokenCount: 0,
  locale: undefined,
});

describe('learned phrasings, recalled as whole questions', () => {
  const memoryOf = (texts: [string, string][]) =>
    createLearnedMemory(
      texts.map(([articleId, text]) => ({ articleId, text, lang: undefined })),
      analyze,
      () => true,
    );

  it('finds a phrasing at the threshold even when the question has words no phrasing uses', () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const memory = memoryOf([['printer-jam', words.join(' ')]]);
    // 12 of 15 terms shared: Jaccard 0.8; the three extra words are the rarest (used nowhere).
    const query = [...words, 'x1', 'x2', 'x3'];
    expect(12 / 15).toBeGreaterThanOrEqual(LEARNED_MATCH);
    expect(memory.match(query)).toEqual({ articleId: 'printer-jam', similarity: 0.8 });
  });

  it('finds the exact phrasing among hundreds of near ones', () => {
    const near: [string, string][] = Array.from({ length: 300 }, (_, i) => [
      'other',
      `printer jam p${i}`,
    ]);
    const memory = memoryOf([...near, ['printer-jam', 'printer jam']]);
    expect(memory.match(['printer', 'jam'])).toEqual({ articleId: 'printer-jam', similarity: 1 });
  });

  it('recalls nothing below the threshold', () => {
    const memory = memoryOf([['vpn', 'vpn keeps dropping at home']]);
    expect(memory.match(['vpn', 'keeps', 'dropping', 'office', 'wifi'])).toBeUndefined();
  });
});
