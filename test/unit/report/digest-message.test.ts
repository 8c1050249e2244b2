import type { Locale } from '../../../src/core/locale';
import type { Span } from '../../../src/core/messages';
import { digestMessage } from '../../../src/report/digest-message';
import { sampleReport } from '../../support/report-fixture';
import { foreignIn } from '../../support/language-words';
import { textOf } from '../../support/recording-surface';

/** The report of one week at the desk: the fixture's month, its period narrowed to 1-7 Dec. */
const week = sampleReport({
  period: { from: '2026-11-30T17:00:00.000Z', to: '2026-12-07T17:00:00.000Z' },
});
const options = (locale: Locale) => ({
  locale,
  timeZone: 'Asia/Jakarta',
  dashboardUrl: 'https://lapis.example.com/dashboard',
});

describe('the weekly digest of a report', () => {
  it("sums the week up in English, with the report's own figures", () => {
    const message = digestMessage(week, options('en'));
    expect(message.locale).toBe('en');
    expect(message.text).toBe('Weekly IT help desk digest: 1 – 7 Dec 2026');
    const text = textOf(message);
    expect(text.split('\n')).toEqual([
      'Weekly IT help desk digest: 1 – 7 Dec 2026',
      'Self-help (L0) questions: 412 asked, 251 answered, 188 solved (46% of those asked)',
      'Tickets by level',
      'L1: 96 received, 71 resolved, 22 escalated',
      'L2: 22 received, 15 resolved, 5 escalated',
      'L3: 5 received, 3 resolved, 0 escalated',
      'L1 resolved 74% of the tickets it finished: within the 70%-80% target.',
      'SLA breaches: 15 (2 first response, 13 resolution); warnings: 9.',
      // (58 × 4.3 + 12 × 3.9 + 2 × 3.5) / 72
      'CSAT: 4.2 / 5 (ratings: 72).',
      'Top knowledge gaps (questions L0 did not settle):',
      '• 17× printer lantai 3 tidak bisa scan ke email',
      '• 9× <b>how do I</b> book the big meeting room screen',
      'Dashboard: https://lapis.example.com/dashboard?from=2026-12-01&to=2026-12-08',
    ]);
  });

  it('says the same in Indonesian, with no English left in its own words', () => {
    const message = digestMessage(week, options('id'));
    expect(message.locale).toBe('id');
    const lines = textOf(message).split('\n');
    expect(lines).toEqual([
      'Ringkasan mingguan helpdesk IT: 1–7 Des 2026',
      'Pertanyaan bantuan mandiri (L0): 412 diajukan, 251 dijawab, 188 beres (46% dari yang diajukan)',
      'Tiket per level',
      'L1: 96 masuk, 71 diselesaikan, 22 dieskalasi',
      'L2: 22 masuk, 15 diselesaikan, 5 dieskalasi',
      'L3: 5 masuk, 3 diselesaikan, 0 dieskalasi',
      'L1 menyelesaikan 74% dari tiket yang ditanganinya: sesuai target 70%-80%.',
      'SLA terlampaui: 15 (2 respons pertama, 13 penyelesaian); peringatan: 9.',
      'CSAT: 4,2 / 5 (penilaian: 72).',
      'Celah pengetahuan teratas (pertanyaan yang tidak tuntas di L0):',
      '• 17× printer lantai 3 tidak bisa scan ke email',
      '• 9× <b>how do I</b> book the big meeting room screen',
      'Dasbor: https://lapis.example.com/dashboard?from=2026-12-01&to=2026-12-08',
    ]);
    // The people's questions are theirs; every other line is Lapis's own words, in Indonesian.
    const own = message.blocks.flatMap((b) =>
      b.kind === 'text' || b.kind === 'context' ? b.spans.filter((s) => !s.user) : [],
    );
    for (const span of own) expect(foreignIn('id', span.text)).toEqual([]);
  });

  it("marks the gaps' questions as people's words, so no channel lets them ping anyone", () => {
    const spans = digestMessage(week, options('en')).blocks.flatMap((b): readonly Span[] =>
      b.kind === 'text' ? b.spans : [],
    );
    expect(spans.filter((s) => s.user).map((s) => s.text)).toEqual([
      'printer lantai 3 tidak bisa scan ke email',
      '<b>how do I</b> book the big meeting room screen',
    ]);
  });

  it('names at most three gaps, the biggest first', () => {
    const group = (count: number) => ({
      count,
      languages: {},
      examples: [`q${count}`],
      drafts: [],
    });
    const report = sampleReport({
      ...week,
      gaps: { groups: [8, 6, 5, 2].map(group), weakArticles: [] },
    });
    const text = textOf(digestMessage(report, options('en')));
    expect(text).toContain('• 8× q8\n• 6× q6\n• 5× q5');
    expect(text).not.toContain('q2');
  });

  it('says what a quiet week did not have, and links no dashboard it does not know', () => {
    const quiet = sampleReport({
      ...week,
      l0: { ...week.l0, questions: 0, answered: 0, confirmedSolved: 0, deflectionRate: null },
      levels: week.levels.map((l) => ({
        ...l,
        received: 0,
        resolved: 0,
        escalated: 0,
        csat: { count: 0, average: null },
      })),
      l1Target: { rate: null, low: 0.7, high: 0.8, status: 'no_data' },
      sla: { warnings: [], breaches: [] },
      gaps: { groups: [], weakArticles: [] },
    });
    const text = textOf(digestMessage(quiet, { locale: 'en', timeZone: 'Asia/Jakarta' }));
    expect(text).toContain(
      'Self-help (L0) questions: 0 asked, 0 answered, 0 solved (0% of those asked)',
    );
    expect(text).toContain('L1 finished no tickets this week (target 70%-80%).');
    expect(text).toContain('SLA: no target breached; warnings: 0.');
    expect(text).toContain('CSAT: no ratings this week.');
    expect(text).toContain('No knowledge gaps: L0 settled every question.');
    expect(text).not.toContain('Dashboard');
  });

  it("says whether L1 is below or above its band, in the lead's language", () => {
    const below = sampleReport({
      ...week,
      l1Target: { rate: 0.55, low: 0.7, high: 0.8, status: 'below' },
    });
    const above = sampleReport({
      ...week,
      l1Target: { rate: 0.9, low: 0.7, high: 0.8, status: 'above' },
    });
    expect(textOf(digestMessage(below, options('en')))).toContain(
      'L1 resolved 55% of the tickets it finished: below the 70%-80% target.',
    );
    expect(textOf(digestMessage(above, options('id')))).toContain(
      'L1 menyelesaikan 90% dari tiket yang ditanganinya: di atas target 70%-80%.',
    );
  });
});
