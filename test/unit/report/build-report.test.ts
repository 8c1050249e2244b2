import { ALWAYS_OPEN, createBusinessCalendar } from '../../../src/core/sla/business-calendar';
import { buildReport } from '../../../src/report/build-report';
import type { ReportInput, ReportOptions } from '../../../src/report/report-input';
import { at, DAY, outcome, ticket } from './report-builders';

const period = { from: at(0), to: at(7 * DAY) };
const options: ReportOptions = {
  ...period,
  calendar: () => ALWAYS_OPEN,
  generatedAt: at(7 * DAY),
  timeZone: 'UTC',
};

const tickets = [
  // T1: claimed, replied, resolved and rated 5 at L1 by ayu.
  ticket('1', 0, [
    [10, 'claimed', 'ayu'],
    [20, 'reply', 'ayu', 1],
    [60, 'resolved', 'ayu'],
    [70, 'rated', 5],
  ]),
  // T2: L1 -> L2 -> sent back -> resolved at L1 by rudi, rated 3.
  ticket('2', 0, [
    [30, 'claimed', 'rudi'],
    [90, 'escalated', 'rudi', 2],
    [120, 'claimed', 'dewi'],
    [150, 'sent_back', 'dewi', 1],
    [160, 'note', 'rudi', 1],
    [200, 'resolved', 'rudi'],
    [210, 'rated', 3],
  ]),
  // T3: nobody answers; SLA warning, breach, automatic escalation; still open at L2.
  ticket('3', DAY, [
    [DAY + 48, 'sla_warning', 'first_response'],
    [DAY + 500, 'sla_breach', 'resolution'],
    [DAY + 500, 'escalated', 'system', 2],
  ]),
  // T4: opened and resolved before the period, reopened in it: active at L1.
  ticket('4', -2 * DAY, [
    [-2 * DAY + 10, 'claimed', 'ayu'],
    [-DAY, 'resolved', 'ayu'],
    [-DAY + 5, 'rated', 4],
    [100, 'reopened'],
  ]),
  // T5: opened after the period: not in it at all.
  ticket('5', 8 * DAY, [[8 * DAY + 1, 'claimed', 'ayu']]),
  // T6: opened late in the period, resolved after it: received, active at the end.
  ticket('6', 6 * DAY + 60, [
    [6 * DAY + 65, 'claimed', 'ayu'],
    [8 * DAY, 'resolved', 'ayu'],
  ]),
];

const outcomes = [
  outcome(1, 'answered', 'u1', 'printer paper jam', { articleId: 'printer-jam' }),
  outcome(2, 'solved', 'u1', 'printer paper jam', { articleId: 'printer-jam' }),
  outcome(3, 'answered', 'u2', 'printer jam paper', { articleId: 'printer-jam' }),
  outcome(4, 'not_solved', 'u2', 'printer jam paper', { articleId: 'printer-jam' }),
  outcome(5, 'ticket_opened', 'u2', 'printer jam paper', { articleId: 'printer-jam' }),
  outcome(6, 'suggested', 'u3', 'vpn cannot connect', { suggestions: ['vpn', 'wifi'] }),
  outcome(7, 'suggestion_picked', 'u3', 'vpn cannot connect', { articleId: 'vpn' }),
  outcome(8, 'solved', 'u3', 'vpn cannot connect', { articleId: 'vpn' }),
  outcome(9, 'suggested', 'u4', 'vpn wont connect at home', { suggestions: ['vpn'] }),
  outcome(10, 'ticket_opened', 'u4', 'vpn wont connect at home', { suggestions: ['vpn'] }),
  outcome(11, 'off_topic', 'u5', 'what is the weather'),
  outcome(12, 'no_answer', 'u6', 'how to install foo widget'),
  outcome(13, 'no_answer', 'u9', 'install foo widget on laptop'),
  outcome(14, 'answered', 'u8', 'printer macet', {
    articleId: 'printer-jam',
    locale: 'id',
    user: { platform: 'slack', id: 'u8' },
  }),
  outcome(8 * DAY, 'answered', 'u7', 'after the period', { articleId: 'printer-jam' }),
];

const input: ReportInput = {
  tickets,
  outcomes,
  drafts: [
    {
      id: 'd1',
      title: 'Foo widget',
      ticketKey: 'IT-9',
      lang: 'en',
      status: 'draft',
      questions: ['foo widget install'],
    },
    { id: 'd2', title: 'Old', ticketKey: 'IT-8', lang: 'id', status: 'exported' },
  ],
};

describe('buildReport on hand-checked records', () => {
  const report = buildReport(input, options);

  it('counts the L0 outcomes of the period', () => {
    expect(report.l0).toEqual({
      questions: 7,
      answered: 3,
      suggested: 2,
      noAnswer: 2,
      offTopic: 1,
      confirmedSolved: 2,
      suggestionPicked: 1,
      notSolved: 1,
      ticketAfterAnswer: 1,
      ticketsOpened: 2,
      deflectionRate: 0.2857,
      articles: [
        { id: 'printer-jam', shown: 3, solved: 1, notSolved: 1, solveRate: 0.3333 },
        { id: 'vpn', shown: 1, solved: 1, notSolved: 0, solveRate: 1 },
      ],
    });
  });

  it('counts each level: received, resolved, escalated, sent back, reopened', () => {
    const [l1, l2, l3] = report.levels;
    expect(l1).toEqual({
      level: 1,
      received: 4, // T1, T2, T3, T6 (T4 came before the period, T5 after)
      resolved: 2, // T1, T2 (T4's resolution was reopened, T6's came after the period)
      escalated: 2, // T2 by hand, T3 by the sweep
      escalatedAutomatically: 1,
      sentBack: 0,
      reopened: 1, // T4
      resolutionRate: 0.5,
      // T1 10 (claim), T2 30 (claim), T6 5 (claim); T3 never answered at L1
      firstResponseMinutes: { count: 3, p50: 10, p90: 30 },
      // T1 0 -> 60; T2 from its return at 150 -> 200
      resolutionMinutes: { count: 2, p50: 50, p90: 60 },
      csat: { count: 2, average: 4 },
    });
    expect(l2).toEqual({
      level: 2,
      received: 2,
      resolved: 0,
      escalated: 0,
      escalatedAutomatically: 0,
      sentBack: 1,
      reopened: 0,
      resolutionRate: null,
      firstResponseMinutes: { count: 1, p50: 30, p90: 30 }, // T2 90 -> 120; T3 unanswered
      resolutionMinutes: { count: 0, p50: null, p90: null },
      csat: { count: 0, average: null },
    });
    expect(l3?.received).toBe(0);
    expect(report.l1Target).toEqual({ rate: 0.5, low: 0.7, high: 0.8, status: 'below' });
  });

  it('counts SLA events by level, priority and clock, CSAT by agent and day, the backlog at the end', () => {
    expect(report.sla).toEqual({
      warnings: [{ level: 1, priority: 'P3', kind: 'first_response', count: 1 }],
      breaches: [{ level: 1, priority: 'P3', kind: 'resolution', count: 1 }],
    });
    expect(report.csat.byAgent).toEqual([
      { agent: 'ayu', agentId: 'console:ayu', count: 1, average: 5 },
      { agent: 'rudi', agentId: 'console:rudi', count: 1, average: 3 },
    ]);
    expect(report.csat.trend).toEqual([{ day: '2026-03-02', count: 2, average: 4 }]);
    expect(report.backlog).toEqual([
      { level: 1, total: 2, byAge: { under1d: 1, d1to3: 0, d3to7: 0, over7d: 1 } }, // T6, T4
      { level: 2, total: 1, byAge: { under1d: 0, d1to3: 0, d3to7: 1, over7d: 0 } }, // T3
      { level: 3, total: 0, byAge: { under1d: 0, d1to3: 0, d3to7: 0, over7d: 0 } },
    ]);
  });

  it('groups unsettled questions and lists drafts', () => {
    expect(report.gaps.groups).toEqual([
      {
        count: 2,
        languages: { en: 2 },
        examples: ['install foo widget on laptop', 'how to install foo widget'],
        drafts: ['d1'],
      },
      { count: 1, languages: { en: 1 }, examples: ['vpn wont connect at home'], drafts: [] },
      { count: 1, languages: { en: 1 }, examples: ['printer jam paper'], drafts: [] },
    ]);
    expect(report.gaps.weakArticles).toEqual([]);
    expect(report.drafts).toEqual({
      waiting: 1,
      total: 2,
      byStatus: { draft: 1, approved: 0, exported: 1 },
      items: [
        { id: 'd1', title: 'Foo widget', ticketKey: 'IT-9', lang: 'en', status: 'draft' },
        { id: 'd2', title: 'Old', ticketKey: 'IT-8', lang: 'id', status: 'exported' },
      ],
    });
    expect(report.period).toEqual({ from: at(0).toISOString(), to: at(7 * DAY).toISOString() });
  });
});

describe('buildReport filters and settings', () => {
  it('filters by channel and language (L0 and tickets), by level (tickets that reached it)', () => {
    const slack = buildReport(input, { ...options, filters: { channel: 'slack' } });
    expect(slack.l0.questions).toBe(1);
    expect(slack.levels.map((l) => l.received)).toEqual([0, 0, 0]);
    const id = buildReport(input, { ...options, filters: { language: 'id' } });
    expect(id.l0.answered).toBe(1);
    const l2 = buildReport(input, { ...options, filters: { level: 2 } });
    expect(l2.levels.map((l) => l.received)).toEqual([2, 2, 0]); // T2 and T3
    expect(l2.l0.questions).toBe(7); // L0 is not filtered by level
    const category = buildReport(input, { ...options, filters: { category: 'network' } });
    expect(category.levels[0]?.received).toBe(0);
    expect(category.notes).toEqual([
      'L0 figures are not filtered by category: L0 outcomes carry none.',
    ]);
  });

  it('finds weak articles: shown 5+ times, solving under 30%', () => {
    const shown = Array.from({ length: 5 }, (_, i) =>
      outcome(i, 'answered', `w${i}`, 'q', { articleId: 'weak' }),
    );
    const report = buildReport(
      {
        tickets: [],
        drafts: [],
        outcomes: [...shown, outcome(9, 'solved', 'w0', 'q', { articleId: 'weak' })],
      },
      options,
    );
    expect(report.gaps.weakArticles).toEqual([{ id: 'weak', shown: 5, solveRate: 0.2 }]);
    expect(report.l1Target.status).toBe('no_data');
  });

  it('measures in business minutes of the priority, and takes the L1 band', () => {
    const jakarta = createBusinessCalendar({
      timeZone: 'Asia/Jakarta',
      days: [1, 2, 3, 4, 5],
      open: 8 * 60,
      close: 17 * 60,
      holidays: [],
    });
    // Friday 16:30 in Jakarta (09:30 UTC), claimed Monday 08:30: 30 + 30 business minutes.
    const friday = 4 * DAY + 9 * 60 + 30;
    const monday = 7 * DAY + 90;
    const p3 = ticket('7', friday, [
      [monday, 'claimed', 'ayu'],
      [monday + 10, 'resolved', 'ayu'],
    ]);
    const p1 = ticket('8', friday, [[monday, 'claimed', 'ayu']], { priority: 'P1' });
    const report = buildReport(
      { tickets: [p3, p1], outcomes: [], drafts: [] },
      {
        ...options,
        to: at(8 * DAY),
        calendar: (priority) => (priority === 'P1' ? ALWAYS_OPEN : jakarta),
        l1Target: { low: 0.9, high: 1 },
      },
    );
    expect(report.levels[0]?.firstResponseMinutes).toEqual({ count: 2, p50: 60, p90: 3840 });
    expect(report.l1Target).toEqual({ rate: 1, low: 0.9, high: 1, status: 'within' });
  });
});
