import { DRAFT_STATUSES, type Percentiles, type Report } from './report-types';

/** The report as titled tables of text cells: what the Markdown and HTML formats both draw. */
export interface ReportTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '–' : `${(r * 100).toFixed(1)}%`;
const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));
const minutes = (p: Percentiles) => (p.count ? `${num(p.p50)} / ${num(p.p90)} (${p.count})` : '–');

export function reportTables(r: Report): ReportTable[] {
  const l0 = r.l0;
  return [
    {
      title: 'L0 self-help',
      columns: ['figure', 'value'],
      rows: [
        ['IT questions', num(l0.questions)],
        ['answered / suggested / no answer', `${l0.answered} / ${l0.suggested} / ${l0.noAnswer}`],
        ['off topic', num(l0.offTopic)],
        ['confirmed solved', num(l0.confirmedSolved)],
        ['suggestion picked', num(l0.suggestionPicked)],
        ['still need help', num(l0.notSolved)],
        [
          'tickets opened (after an answer or pick)',
          `${l0.ticketsOpened} (${l0.ticketAfterAnswer})`,
        ],
        ['deflection rate', pct(l0.deflectionRate)],
      ],
    },
    {
      title: 'Levels (minutes: p50 / p90 (count), business time)',
      columns: [
        'level',
        'received',
        'resolved',
        'escalated (auto)',
        'sent back',
        'reopened',
        'resolution rate',
        'first response',
        'resolution',
        'CSAT',
      ],
      rows: r.levels.map((l) => [
        `L${l.level}`,
        num(l.received),
        num(l.resolved),
        `${l.escalated} (${num(l.escalatedAutomatically)})`,
        num(l.sentBack),
        num(l.reopened),
        pct(l.resolutionRate),
        minutes(l.firstResponseMinutes),
        minutes(l.resolutionMinutes),
        l.csat.count ? `${num(l.csat.average)} (${l.csat.count})` : '–',
      ]),
    },
    {
      title: 'L1 target',
      columns: ['rate', 'band', 'status'],
      rows: [
        [pct(r.l1Target.rate), `${pct(r.l1Target.low)}–${pct(r.l1Target.high)}`, r.l1Target.status],
      ],
    },
    {
      title: 'SLA warnings and breaches',
      columns: ['event', 'level', 'priority', 'clock', 'count'],
      rows: [
        ...r.sla.warnings.map((w) => ['warning', `L${w.level}`, w.priority, w.kind, num(w.count)]),
        ...r.sla.breaches.map((b) => ['breach', `L${b.level}`, b.priority, b.kind, num(b.count)]),
      ],
    },
    {
      title: 'Closed tickets, by why',
      columns: ['reason', 'tickets'],
      rows: r.closures
        ? [
            ['confirmed by the requester', num(r.closures.confirmed)],
            ['cancelled by the requester', num(r.closures.cancelled)],
            ['closed automatically: no reply', num(r.closures.autoNoReply)],
            ['closed automatically: resolution not confirmed', num(r.closures.autoResolved)],
          ]
        : [],
    },
    {
      title: 'CSAT by agent',
      columns: ['agent', 'ratings', 'average'],
      rows: r.csat.byAgent.map((a) => [a.agent, num(a.count), num(a.average)]),
    },
    {
      title: 'CSAT by day',
      columns: ['day', 'ratings', 'average'],
      rows: r.csat.trend.map((d) => [d.day, num(d.count), num(d.average)]),
    },
    {
      title: 'Backlog at the end of the period',
      columns: ['level', 'total', '< 1 day', '1–3 days', '3–7 days', '> 7 days'],
      rows: r.backlog.map((b) => [
        `L${b.level}`,
        num(b.total),
        num(b.byAge.under1d),
        num(b.byAge.d1to3),
        num(b.byAge.d3to7),
        num(b.byAge.over7d),
      ]),
    },
    {
      title: 'Knowledge gaps (questions L0 did not settle)',
      columns: ['questions', 'languages', 'examples', 'drafts not exported'],
      rows: r.gaps.groups.map((g) => [
        num(g.count),
        Object.entries(g.languages)
          .map(([lang, n]) => `${lang} ${n}`)
          .join(', '),
        g.examples.join(' | '),
        g.drafts.join(', ') || '–',
      ]),
    },
    {
      title: 'Weak articles (shown 5+ times, solving under 30%)',
      columns: ['article', 'shown', 'solve rate'],
      rows: r.gaps.weakArticles.map((a) => [a.id, num(a.shown), pct(a.solveRate)]),
    },
    {
      title: 'Articles',
      columns: ['article', 'shown', 'solved', 'still need help', 'solve rate'],
      rows: l0.articles.map((a) => [
        a.id,
        num(a.shown),
        num(a.solved),
        num(a.notSolved),
        pct(a.solveRate),
      ]),
    },
    {
      title: draftsTitle(r.drafts),
      columns: ['draft', 'title', 'ticket', 'language', 'status'],
      rows: r.drafts.items.map((d) => [d.id, d.title, d.ticketKey, d.lang, d.status]),
    },
  ];
}

/**
 * "KB drafts (1 approved, 2 exported)": counted by the statuses its rows show, in the same words
 * (approved = saved by an agent, waiting for `kb drafts export`), and saying when rows are left out.
 */
export function draftsTitle(drafts: Report['drafts']): string {
  const counts = DRAFT_STATUSES.filter((s) => drafts.byStatus[s] > 0).map(
    (s) => `${num(drafts.byStatus[s])} ${s}`,
  );
  const cut = drafts.items.length < drafts.total ? `; the first ${drafts.items.length} shown` : '';
  return counts.length ? `KB drafts (${counts.join(', ')}${cut})` : 'KB drafts';
}

/** One line saying what the report covers. */
export function reportHeading(r: Report): string {
  const filters = Object.entries(r.filters)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return `Service desk report, ${r.period.from} to ${r.period.to}${filters ? ` (${filters})` : ''}`;
}
