import path from 'node:path';
import { KbValidationError, loadKnowledgeBase, readKnowledgeBase } from '../../../src/kb/load-kb';
import { articleFile, writeTempKb } from '../../support/temp-kb';

function problemsFor(files: Record<string, string>): string[] {
  const kb = writeTempKb(files);
  try {
    return readKnowledgeBase(kb.dir).problems.map(
      (p) => `${path.relative(kb.dir, p.file) || '.'}: ${p.field}: ${p.message}`,
    );
  } finally {
    kb.cleanup();
  }
}

describe('readKnowledgeBase', () => {
  it('loads articles with their fields, summary and steps', () => {
    const kb = writeTempKb({
      'accounts/reset.en.md': articleFile(
        {
          id: 'password-reset',
          title: 'Reset your password',
          category: 'accounts',
          tags: '[password, login]',
          questions: '\n  - I forgot my password\n  - "Password: expired?"',
        },
        '# Heading is not the summary\n\nReset it at the portal.\nIt takes a minute.\n\n## Steps\n\n1. Open the portal.',
      ),
      'accounts/reset.id.md': articleFile({
        id: 'password-reset',
        lang: 'id',
        title: 'Reset kata sandi',
      }),
      'README.md': 'This folder holds the articles.',
    });
    try {
      const result = readKnowledgeBase(kb.dir);
      expect(result.problems).toEqual([]);
      expect(result.files).toBe(2);
      const en = result.articles.find((a) => a.lang === 'en');
      expect(en).toEqual({
        id: 'password-reset',
        lang: 'en',
        title: 'Reset your password',
        category: 'accounts',
        tags: ['password', 'login'],
        questions: ['I forgot my password', 'Password: expired?'],
        summary: 'Reset it at the portal. It takes a minute.',
        details: '## Steps\n\n1. Open the portal.',
        file: path.join('accounts', 'reset.en.md'),
      });
    } finally {
      kb.cleanup();
    }
  });

  it('names the file and the field of each problem', () => {
    const problems = problemsFor({
      'a.md': articleFile({ id: 'Bad_Id' }),
      'b.md': articleFile({ lang: 'fr', id: 'b' }),
      'c.md': articleFile({ title: undefined, id: 'c' }),
      'd.md': articleFile({ id: 'd', tags: 'password' }),
      'e.md': articleFile({ id: 'e', questions: '[ok, 3]' }),
      'f.md': articleFile({ id: 'f' }, ''),
    });
    expect(problems).toEqual([
      'a.md: id: must match [a-z0-9-]+ (lowercase letters, digits and -)',
      'b.md: lang: required: en or id',
      'c.md: title: required: a non-empty string',
      'd.md: tags: expected a list of strings, e.g. [password, login]',
      'e.md: questions[1]: expected a string',
      'f.md: body: empty: the first paragraph is the summary shown in chat',
    ]);
  });

  it('reports broken YAML and missing front matter', () => {
    const problems = problemsFor({
      'yaml.md': '---\nid: x\ntitle: [unclosed\n---\nBody.\n',
      'plain.md': '# Just markdown\n\nNo front matter here.\n',
    });
    expect(problems[0]).toBe(
      'plain.md: front matter: missing: the file must start with a --- line',
    );
    expect(problems[1]).toMatch(/^yaml\.md: front matter: invalid YAML: /);
  });

  it('refuses two files for the same article and language, naming both', () => {
    const problems = problemsFor({
      'one/x.en.md': articleFile({ id: 'dup' }),
      'two/x.en.md': articleFile({ id: 'dup' }),
    });
    expect(problems).toEqual([
      expect.stringMatching(/^two\/x\.en\.md: id: "dup" in lang en is also in .*one\/x\.en\.md$/),
    ]);
  });

  it('warns about unknown fields without failing', () => {
    const kb = writeTempKb({ 'x.md': articleFile({ owner: 'it-team' }) });
    try {
      const result = readKnowledgeBase(kb.dir);
      expect(result.articles).toHaveLength(1);
      expect(result.problems).toEqual([
        expect.objectContaining({ field: 'owner', severity: 'warning' }),
      ]);
    } finally {
      kb.cleanup();
    }
  });

  it('reports a missing or empty folder', () => {
    expect(readKnowledgeBase('/nonexistent/kb').problems[0]).toMatchObject({
      field: 'folder',
      message: 'not found',
    });
    expect(problemsFor({ 'notes.txt': 'x' })).toEqual(['.: folder: no .md articles found']);
  });

  it('throws one error listing every problem when loading for the bot', () => {
    const kb = writeTempKb({
      'a.md': articleFile({ id: 'A' }),
      'b.md': articleFile({ lang: 'xx' }),
    });
    try {
      expect(() => loadKnowledgeBase(kb.dir)).toThrow(KbValidationError);
      expect(() => loadKnowledgeBase(kb.dir)).toThrow(
        /2 problem\(s\):\n.*a\.md: id: .*\n.*b\.md: lang: /,
      );
    } finally {
      kb.cleanup();
    }
  });
});
