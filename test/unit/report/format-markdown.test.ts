import { formatMarkdown } from '../../../src/report/format-markdown';
import { sampleReport } from '../../support/report-fixture';

describe('the Markdown report', () => {
  it("shows employees' words as text, never as links, HTML or emphasis", () => {
    const report = sampleReport();
    const hostile = '[click](http://evil.example) <img src=x onerror=alert(1)> **now** | `rm`';
    const md = formatMarkdown({
      ...report,
      gaps: {
        ...report.gaps,
        groups: [{ count: 3, languages: { en: 3 }, examples: [hostile], drafts: [] }],
      },
    });
    expect(md).toContain(
      '\\[click\\](http://evil.example) \\<img src=x onerror=alert(1)\\> \\*\\*now\\*\\* \\| \\`rm\\`',
    );
    // Nothing unescaped: every [ and < in the output is preceded by a backslash.
    expect(md).not.toMatch(/(^|[^\\])\[click\]\(/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });
});
