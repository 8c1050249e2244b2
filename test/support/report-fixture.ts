import { REPORT_VERSION, type Report } from '../../src/report/report-types';

const pct = (count: number, p50: number, p90: number) => ({ count, p50, p90 });

/** A plausible report of a month at a small desk: every panel of the dashboard has something to draw. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    version: REPORT_VERSION,
    generatedAt: '2026-03-31T09:00:00.000Z',
    period: { from: '2026-03-01T00:00:00.000+07:00', to: '2026-04-01T00:00:00.000+07:00' },
    filters: {},
    l0: {
      questions: 412,
      answered: 251,
      suggested: 78,
      noAnswer: 83,
      offTopic: 19,
      confirmedSolved: 188,
      suggestionPicked: 41,
      notSolved: 44,
      ticketAfterAnswer: 37,
      ticketsOpened: 96,
      deflectionRate: 0.456,
      articles: [
        { id: 'password-reset', shown: 88, solved: 71, notSolved: 9, solveRate: 0.81 },
        { id: 'vpn-setup', shown: 52, solved: 20, notSolved: 24, solveRate: 0.38 },
      ],
    },
    levels: [
      {
        level: 1,
        received: 96,
        resolved: 71,
        escalated: 22,
        sentBack: 0,
        escalatedAutomatically: 2,
        reopened: 3,
        resolutionRate: 0.74,
        firstResponseMinutes: pct(96, 12, 48),
        resolutionMinutes: pct(71, 95, 410),
        csat: { count: 58, average: 4.3 },
      },
      {
        level: 2,
        received: 22,
        resolved: 15,
        escalated: 5,
        sentBack: 2,
        escalatedAutomatically: 1,
        reopened: 1,
        resolutionRate: 0.68,
        firstResponseMinutes: pct(22, 35, 120),
        resolutionMinutes: pct(15, 480, 1900),
        csat: { count: 12, average: 3.9 },
      },
      {
        level: 3,
        received: 5,
        resolved: 3,
        escalated: 0,
        sentBack: 1,
        escalatedAutomatically: 0,
        reopened: 0,
        resolutionRate: 0.6,
        firstResponseMinutes: pct(5, 90, 300),
        resolutionMinutes: pct(3, 2400, 5200),
        csat: { count: 2, average: 3.5 },
      },
    ],
    l1Target: { rate: 0.74, low: 0.7, high: 0.8, status: 'within' },
    sla: {
      warnings: [{ level: 1, priority: 'P2', kind: 'resolution', count: 9 }],
      breaches: [
        { level: 1, priority: 'P1', kind: 'first_response', count: 2 },
        { level: 1, priority: 'P2', kind: 'resolution', count: 5 },
        { level: 1, priority: 'P3', kind: 'resolution', count: 3 },
        { level: 2, priority: 'P2', kind: 'resolution', count: 4 },
        { level: 3, priority: 'P1', kind: 'resolution', count: 1 },
      ],
    },
    csat: {
      byAgent: [{ agent: 'Ayu', agentId: 'console:ayu', count: 31, average: 4.5 }],
      trend: Array.from({ length: 14 }, (_, i) => ({
        day: `2026-03-${String(i + 10).padStart(2, '0')}`,
        count: 2 + ((i * 7) % 5),
        average: Math.round((3.6 + ((i * 3) % 7) / 5) * 10) / 10,
      })),
    },
    backlog: [
      { level: 1, total: 14, byAge: { under1d: 7, d1to3: 4, d3to7: 2, over7d: 1 } },
      { level: 2, total: 6, byAge: { under1d: 1, d1to3: 2, d3to7: 1, over7d: 2 } },
      { level: 3, total: 2, byAge: { under1d: 0, d1to3: 0, d3to7: 1, over7d: 1 } },
    ],
    gaps: {
      groups: [
        {
          count: 17,
          languages: { id: 12, en: 5 },
          examples: ['printer lantai 3 tidak bisa scan ke email', 'scan to email fails on floor 3'],
          drafts: ['scan-to-email'],
        },
        {
          count: 9,
          languages: { en: 9 },
          examples: ['<b>how do I</b> book the big meeting room screen'],
          drafts: [],
        },
      ],
      weakArticles: [{ id: 'vpn-setup', shown: 52, solveRate: 0.38 }],
    },
    notes: [],
    drafts: {
      waiting: 1,
      total: 1,
      byStatus: { draft: 0, approved: 1, exported: 0 },
      items: [
        {
          id: 'scan-to-email',
          title: 'Scan to email',
          ticketKey: 'IT-1042',
          lang: 'en',
          status: 'approved',
        },
      ],
    },
    ...overrides,
  };
}
