import { LEVELS, type Level } from '../core/ticket';
import type { ReportOptions, ReportTicket } from './report-input';
import { average, inPeriod, percentiles, rate, round } from './report-math';
import type { Report } from './report-types';
import type { TicketHistory } from './ticket-history';

export interface ReadTicket {
  readonly ticket: ReportTicket;
  readonly history: TicketHistory;
}

type LevelRow = Report['levels'][number];

interface Tally {
  received: number;
  resolved: number;
  escalated: number;
  escalatedAutomatically: number;
  sentBack: number;
  reopened: number;
  firstResponse: number[];
  resolution: number[];
  csat: number[];
}

const newTally = (): Tally => ({
  received: 0,
  resolved: 0,
  escalated: 0,
  escalatedAutomatically: 0,
  sentBack: 0,
  reopened: 0,
  firstResponse: [],
  resolution: [],
  csat: [],
});

/**
 * Per level, over [from, to), each a count of tickets (a ticket counts once per figure and level):
 * received (opened at L1, or escalated into the level), resolved there (the resolution that stands
 * at `to`), escalated up from it, sent back down from it, reopened after its resolution there.
 * First response: from a ticket's first arrival in the period to the level's first agent action or
 * relayed reply there; resolution time: from its latest arrival at the level to the resolution;
 * both in business minutes of the ticket's priority. CSAT: ratings given in the period that stand,
 * counted at the level that resolved the ticket.
 */
export function levelFigures(read: readonly ReadTicket[], options: ReportOptions): LevelRow[] {
  const tallies = new Map<Level, Tally>(LEVELS.map((l) => [l, newTally()]));
  const { from, to } = options;
  const within = (at: Date) => inPeriod(at, from, to);
  for (const { ticket, history: h } of read) {
    const minutes = (a: Date, b: Date) => options.calendar(ticket.priority).minutesBetween(a, b);
    for (const level of LEVELS) {
      const t = tallies.get(level) ?? newTally();
      const here = <T extends { level: Level }>(x: T) => x.level === level;
      const arrival = h.arrivals.find((a) => here(a) && a.how !== 'sent_back' && within(a.at));
      if (arrival) {
        t.received += 1;
        const answer = h.responses.find((r) => here(r) && r.at >= arrival.at);
        if (answer) t.firstResponse.push(minutes(arrival.at, answer.at));
      }
      const resolved = h.resolutions.find((r) => here(r) && r.standing && within(r.at));
      if (resolved) {
        t.resolved += 1;
        const since = h.arrivals.filter((a) => here(a) && a.at <= resolved.at).at(-1);
        if (since) t.resolution.push(minutes(since.at, resolved.at));
      }
      const up = h.escalations.filter((e) => e.from === level && within(e.at));
      if (up.length) t.escalated += 1;
      if (up.some((e) => e.automatic)) t.escalatedAutomatically += 1;
      if (h.sendBacks.some((s) => s.from === level && within(s.at))) t.sentBack += 1;
      if (h.reopens.some((r) => here(r) && within(r.at))) t.reopened += 1;
      if (h.rating && h.rating.of.level === level && within(h.rating.at))
        t.csat.push(h.rating.score);
    }
  }
  return LEVELS.map((level) => {
    const t = tallies.get(level) ?? newTally();
    return {
      level,
      received: t.received,
      resolved: t.resolved,
      escalated: t.escalated,
      sentBack: t.sentBack,
      escalatedAutomatically: t.escalatedAutomatically,
      reopened: t.reopened,
      resolutionRate: rate(t.resolved, t.resolved + t.escalated),
      firstResponseMinutes: percentiles(t.firstResponse),
      resolutionMinutes: percentiles(t.resolution),
      csat: { count: t.csat.length, average: average(t.csat) },
    };
  });
}

/** L1's resolution rate against the band. */
export function l1Target(levels: readonly LevelRow[], band: { low: number; high: number }) {
  const value = levels.find((l) => l.level === 1)?.resolutionRate ?? null;
  const status: Report['l1Target']['status'] =
    value === null
      ? 'no_data'
      : value < band.low
        ? 'below'
        : value > band.high
          ? 'above'
          : 'within';
  return { rate: value, low: round(band.low, 4), high: round(band.high, 4), status };
}
