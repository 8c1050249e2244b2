import type { LearnedPhrasing } from '../../../src/core/ports/l0-learning';
import type { Article } from '../../../src/kb/article';
import { planLearnedExport } from '../../../src/kb/plan-learned-export';
import { isUsable as isUsed } from '../../../src/kb/search/learning-knowledge-base';

function article(id: string, lang: 'en' | 'id', questions: string[] = []): Article {
  return {
    id,
    lang,
    title: id,
    category: undefined,
    tags: [],
    questions,
    summary: 's',
    details: '',
    file: `${id}.${lang}.md`,
  };
}

function phrasing(overrides: Partial<LearnedPhrasing>): LearnedPhrasing {
  return {
    id: `${overrides.articleId ?? 'a'}~${overrides.text ?? 'x'}`,
    articleId: 'a',
    text: 'x',
    lang: 'id',
    confirmations: 2,
    approved: false,
    firstAt: new Date(0),
    lastAt: new Date(0),
    ...overrides,
  };
}

describe('planLearnedExport', () => {
  const articles = [article('a', 'en', ['Known Question']), article('a', 'id'), article('b', 'id')];

  it('uses a phrasing when approved or confirmed at least min times', () => {
    expect(isUsed(phrasing({ confirmations: 1 }), 2)).toBe(false);
    expect(isUsed(phrasing({ confirmations: 2 }), 2)).toBe(true);
    expect(isUsed(phrasing({ confirmations: 1, approved: true }), 5)).toBe(true);
  });

  it("puts a phrasing into its language's variant, else the first variant", () => {
    const steps = planLearnedExport(
      articles,
      [
        phrasing({ text: 'lupa', lang: 'id' }),
        phrasing({ text: 'forgot', lang: 'en' }),
        phrasing({ articleId: 'b', text: 'no lang', lang: undefined }),
        phrasing({ articleId: 'b', text: 'english', lang: 'en' }),
      ],
      2,
    );
    expect(steps.map((s) => [s.kind, s.phrasing.text, 'file' in s ? s.file : ''])).toEqual([
      ['add', 'lupa', 'a.id.md'],
      ['add', 'forgot', 'a.en.md'],
      ['add', 'no lang', 'b.id.md'],
      ['add', 'english', 'b.id.md'],
    ]);
  });

  it('skips unused and exported phrasings, finds texts already there, reports missing articles', () => {
    const steps = planLearnedExport(
      articles,
      [
        phrasing({ text: 'few', confirmations: 1 }),
        phrasing({ text: 'done', exportedAt: new Date(0) }),
        phrasing({ text: 'known  QUESTION', lang: 'en' }),
        phrasing({ articleId: 'gone', text: 'old' }),
        phrasing({ text: 'twice' }),
        phrasing({ id: 'other-id', text: 'Twice' }),
      ],
      2,
    );
    expect(steps.map((s) => [s.kind, s.phrasing.text])).toEqual([
      ['present', 'known  QUESTION'],
      ['missing', 'old'],
      ['add', 'twice'],
      ['present', 'Twice'],
    ]);
  });
});
