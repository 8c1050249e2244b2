import type { BusinessCalendar } from '../../../src/core/sla/business-calendar';
import type { Level, Priority } from '../../../src/core/ticket';
import type { Tally } from './month-tally';

/**
 * The figures the report should show, worked out from the simulation's own tally (never from what
 * was stored): the report's definitions applied to what the simulation knows it did.
 */
const nearestRank = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    s.length ? Math.round(s[Math.ceil(p * s.length) - 1]! * 10) / 10 : null;
  return { count: s.length, p50: at(0.5), p90: at(0.9) };
};
const mean = (v: number[]) =>
  v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) / 100 : null;
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);
const LEVELS: Level[] = [1, 2, 3];

export function expectedFigures(
  tally: Tally,
  to: Date,
  calendar: (p: Priority) => BusinessCalendar,
  day: (at: Date) => string,
) {
  const n = (k: Parameters<typeof tally.outcomes.get>[0]) => tally.outcomes.get(k) ?? 0;
  const questions = n('answered') + n('suggested') + n('no_answer');
  const levels = LEVELS.map((level) => {
    const first: number[] = [];
    const spent: number[] = [];
    const scores: number[] = [];
    let received = 0,
      resolved = 0,
      escalated = 0,
      auto = 0,
      sentBack = 0,
      reopened = 0;
    for (const t of tally.tickets) {
      const minutes = (a: Date, b: Date) => calendar(t.priority).minutesBetween(a, b);
      const arrival = t.arrivals.find((a) => a.level === level && a.how !== 'sent_back');
      if (arrival) {
        received += 1;
        const answer = t.responses
          .filter((r) => r.level === level && r.at >= arrival.at)
          .sort((a, b) => +a.at - +b.at)[0];
        if (answer) first.push(minutes(arrival.at, answer.at));
      }
      const standing = t.resolutions.find((r) => r.level === level && r.standing);
      if (standing) {
        resolved += 1;
        const since = t.arrivals.filter((a) => a.level === level && a.at <= standing.at).at(-1)!;
        spent.push(minutes(since.at, standing.at));
      }
      const up = t.escalations.filter((e) => e.from === level);
      if (up.length) escalated += 1;
      if (up.some((e) => e.automatic)) auto += 1;
      if (t.sendBacks.some((s) => s.from === level)) sentBack += 1;
      if (t.reopens.some((r) => r.level === level)) reopened += 1;
      if (t.rating?.level === level) scores.push(t.rating.score);
    }
    return {
      level,
      received,
      resolved,
      escalated,
      sentBack,
      escalatedAutomatically: auto,
      reopened,
      resolutionRate: ratio(resolved, resolved + escalated),
      firstResponseMinutes: nearestRank(first),
      resolutionMinutes: nearestRank(spent),
      csat: { count: scores.length, average: mean(scores) },
    };
  });
  const agents = new Map<string, number[]>();
  const days = new Map<string, number[]>();
  for (const t of tally.tickets) {
    if (!t.rating) continue;
    agents.set(t.rating.agent, [...(agents.get(t.rating.agent) ?? []), t.rating.score]);
    days.set(day(t.rating.at), [...(days.get(day(t.rating.at)) ?? []), t.rating.score]);
  }
  const backlog = LEVELS.map((level) => {
    const ages = tally.tickets
      .filter((t) => t.active && t.level === level)
      .map((t) => (to.getTime() - t.createdAt.getTime()) / 86_400_000);
    return {
      level,
      total: ages.length,
      byAge: {
        under1d: ages.filter((a) => a < 1).length,
        d1to3: ages.filter((a) => a >= 1 && a < 3).length,
        d3to7: ages.filter((a) => a >= 3 && a < 7).length,
        over7d: ages.filter((a) => a >= 7).length,
      },
    };
  });
  const slaRows = (kind: 'warning' | 'breach') => {
    const rows = new Map<
      string,
      { level: Level; priority: Priority; kind: string; count: number }
    >();
    for (const s of tally.sla.filter((x) => x.kind === kind)) {
      const key = `${s.level}|${s.priority}|${s.clock}`;
      const row = rows.get(key) ?? {
        level: s.level,
        priority: s.priority,
        kind: s.clock,
        count: 0,
      };
      row.count += 1;
      rows.set(key, row);
    }
    return [...rows.values()].sort(
      (a, b) =>
        a.level - b.level || a.priority.localeCompare(b.priority) || a.kind.localeCompare(b.kind),
    );
  };
  const articles = [...tally.articles].map(([id, a]) => ({
    id,
    ...a,
    solveRate: ratio(a.solved, a.shown),
  }));
  return {
    l0: {
      questions,
      answered: n('answered'),
      suggested: n('suggested'),
      noAnswer: n('no_answer'),
      offTopic: n('off_topic'),
      confirmedSolved: n('solved'),
      suggestionPicked: n('suggestion_picked'),
      notSolved: n('not_solved'),
      ticketAfterAnswer: tally.ticketAfterAnswer,
      ticketsOpened: n('ticket_opened'),
      deflectionRate: ratio(n('solved'), questions),
      articles: articles.sort((a, b) => b.shown - a.shown || a.id.localeCompare(b.id)),
    },
    levels,
    csatByAgent: [...agents]
      .map(([agent, s]) => ({
        agent,
        agentId: `console:${agent}`,
        count: s.length,
        average: mean(s) ?? 0,
      }))
      .sort((a, b) => b.count - a.count || a.agentId.localeCompare(b.agentId)),
    trend: [...days]
      .map(([d, s]) => ({ day: d, count: s.length, average: mean(s) ?? 0 }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    backlog,
    sla: { warnings: slaRows('warning'), breaches: slaRows('breach') },
    weakArticles: articles
      .filter((a) => a.shown >= 5 && a.solveRate !== null && a.solveRate < 0.3)
      .map((a) => ({ id: a.id, shown: a.shown, solveRate: a.solveRate })),
    gaps: [...tally.unsettled].map(([text, u]) => ({
      count: u.count,
      languages: { [u.locale]: u.count },
      examples: [text],
      drafts: [],
    })),
  };
}
