import { buildReport } from '../../../src/report/build-report';
import { formatMarkdown } from '../../../src/report/format-markdown';
import type { ReportDraft } from '../../../src/report/report-input';
import { ALWAYS_OPEN } from '../../../src/core/sla/business-calendar';
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

describe('the KB drafts section', () => {
  const draft = (n: number, status: ReportDraft['status']): ReportDraft => ({
    id: `article-${String(n).padStart(3, '0')}`,
    title: `Article ${n}`,
    ticketKey: `IT-${n}`,
    lang: 'en',
    status,
  });
  const report = (drafts: ReportDraft[]) =>
    buildReport(
      { tickets: [], outcomes: [], drafts },
      { from: new Date(0), to: new Date(86_400_000), calendar: () => ALWAYS_OPEN },
    );
  /** The section's heading and the status column of its rows. */
  function section(md: string): { heading: string; statuses: string[] } {
    const start = md.indexOf('## KB drafts');
    const lines = md.slice(start).split('\n');
    const rows = lines.slice(4).filter((l) => l.startsWith('| '));
    return {
      heading: lines[0] ?? '',
      statuses: rows.map((r) => r.split(' | ').at(-1)?.replace(/ \|$/, '') ?? ''),
    };
  }

  it('counts in its heading the statuses its rows show, in the same words', () => {
    const { heading, statuses } = section(
      formatMarkdown(report([draft(1, 'approved'), draft(2, 'exported'), draft(3, 'exported')])),
    );
    expect(heading).toBe('## KB drafts (1 approved, 2 exported)');
    expect(statuses).toEqual(['approved', 'exported', 'exported']);
    for (const status of ['approved', 'exported'])
      expect(heading).toContain(`${statuses.filter((s) => s === status).length} ${status}`);
    expect(heading).not.toContain('waiting');
  });

  it('says when it shows only the first rows, and nothing when there are none', () => {
    const many = Array.from({ length: 103 }, (_, i) => draft(i, 'approved'));
    const { heading, statuses } = section(formatMarkdown(report(many)));
    expect(heading).toBe('## KB drafts (103 approved; the first 100 shown)');
    expect(statuses).toHaveLength(100);
    expect(formatMarkdown(report([]))).toContain('## KB drafts\n\n(none)');
  });
});
