import { addQuestions, yamlScalar } from '../../../src/kb/add-questions';
import { parseArticle } from '../../../src/kb/parse-article';

const BODY = 'A summary.\n\n## Steps\n\n1. Do it.\n';

function questionsOf(text: string): readonly string[] {
  const outcome = parseArticle(text, 'x.md', 'x.md');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.article.questions;
}

describe('addQuestions', () => {
  it('appends to a block list in its own indentation, every other byte kept', () => {
    const file =
      "---\nid: a\nlang: en\nquestions:\n    -   First one\n    -   'Second: quoted?'\n# about tags\ntags: [x]\n---\n" +
      BODY;
    const out = addQuestions(file, ['third one', 'yes']);
    expect(out).toBe(
      file.replace(
        "'Second: quoted?'\n",
        '\'Second: quoted?\'\n    -   third one\n    -   "yes"\n',
      ),
    );
  });

  it('appends to a list written at the key indentation', () => {
    const file = '---\nid: a\nlang: en\ntitle: T\nquestions:\n- one\n---\n' + BODY;
    expect(addQuestions(file, ['two'])).toBe(file.replace('- one\n', '- one\n- two\n'));
  });

  it('rewrites a flow list as a block list, nothing else', () => {
    const file = "---\nid: a\nlang: en\ntitle: T\nquestions: ['one', two]\ntags: [x]\n---\n" + BODY;
    expect(addQuestions(file, ['three'])).toBe(
      file.replace("questions: ['one', two]\n", 'questions:\n  - one\n  - two\n  - three\n'),
    );
  });

  it('adds the entry at the end of the front matter when there is none', () => {
    const file = '---\nid: a\nlang: en\ntitle: T\n---\n' + BODY;
    expect(addQuestions(file, ['one'])).toBe(
      '---\nid: a\nlang: en\ntitle: T\nquestions:\n  - one\n---\n' + BODY,
    );
  });

  it('keeps CRLF line ends and a byte-order mark', () => {
    const file =
      '\uFEFF---\r\nid: a\r\nlang: en\r\ntitle: T\r\nquestions:\r\n  - one\r\n---\r\nBody.\r\n';
    expect(addQuestions(file, ['two'])).toBe(file.replace('  - one\r\n', '  - one\r\n  - two\r\n'));
  });

  it('writes any text so that it reads back exactly', () => {
    const texts = [
      'printer: paper jam',
      '"quoted" start',
      '- dash',
      '#hash',
      'a # comment?',
      '123',
      '2024-01-01',
      'null',
      'On',
      'kenapa  tidak bisa login?',
      "can't log in (laptop)",
      'wi-fi / vpn + email',
      'ünïcödé ✓',
      '[x]',
      'a: b: c',
      'back\\slash',
    ];
    const file = '---\nid: a\nlang: en\ntitle: T\nquestions:\n  - one\n---\n' + BODY;
    expect(questionsOf(addQuestions(file, texts))).toEqual(['one', ...texts.map((t) => t.trim())]);
  });

  it('quotes only what plain YAML would misread', () => {
    expect(yamlScalar('lupa password')).toBe('lupa password');
    expect(yamlScalar('Bagaimana cara konek VPN?')).toBe('Bagaimana cara konek VPN?');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('error: 403')).toBe('"error: 403"');
  });
});
