import type { Article } from '../src/kb/article';

/** Deterministic PRNG (mulberry32), so generated corpora are identical run to run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plausible filler articles for speed tests: every field is drawn from the real articles' own words
 * (so the vocabulary, postings lengths and fuse.js work look like a real, larger KB), in both languages.
 */
export function generateArticles(
  templates: readonly Article[],
  count: number,
  seed: number,
): Article[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const wordsOf = (lang: string) =>
    templates
      .filter((a) => a.lang === lang)
      .flatMap((a) => `${a.title} ${a.questions.join(' ')} ${a.summary} ${a.details}`.split(/\s+/))
      .filter((w) => /^[\p{L}]{3,}$/u.test(w));
  const vocab = { en: wordsOf('en'), id: wordsOf('id') };
  const sentence = (lang: 'en' | 'id', min: number, max: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min)) }, () => pick(vocab[lang])).join(
      ' ',
    );
  const out: Article[] = [];
  for (let i = 0; i < Math.ceil(count); i++) {
    for (const lang of ['en', 'id'] as const) {
      out.push({
        id: `generated-${i}`,
        lang,
        title: sentence(lang, 3, 7),
        category: 'generated',
        tags: Array.from({ length: 4 }, () => pick(vocab[lang]).toLowerCase()),
        questions: Array.from({ length: 4 }, () => sentence(lang, 4, 10)),
        summary: sentence(lang, 15, 30),
        details: Array.from({ length: 6 }, (_, k) => `${k + 1}. ${sentence(lang, 8, 18)}`).join(
          '\n',
        ),
        file: `generated/${i}.${lang}.md`,
      });
    }
  }
  return out;
}
