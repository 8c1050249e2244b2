import type { Locale } from '../../../src/core/locale';
import type { L0OutcomeKind } from '../../../src/core/ports/l0-learning';
import type { Level, Priority } from '../../../src/core/ticket';

/** What the simulated month did, written down by the simulation itself as it acts. */
export interface TicketTally {
  readonly id: string;
  readonly key: string;
  readonly priority: Priority;
  readonly locale: Locale;
  readonly createdAt: Date;
  level: Level;
  active: boolean;
  /** Arrivals that count as "received" (opened, escalated), and returns by send-back. */
  readonly arrivals: { level: Level; at: Date; how: 'created' | 'escalated' | 'sent_back' }[];
  readonly responses: { level: Level; at: Date }[];
  readonly resolutions: { level: Level; at: Date; agent: string; standing: boolean }[];
  readonly escalations: { from: Level; at: Date; automatic: boolean }[];
  readonly sendBacks: { from: Level; at: Date }[];
  readonly reopens: { level: Level; at: Date }[];
  rating?: { score: number; at: Date; level: Level; agent: string };
}

export interface Tally {
  readonly outcomes: Map<L0OutcomeKind, number>;
  readonly outcomesByLocale: Map<Locale, number>;
  ticketAfterAnswer: number;
  readonly articles: Map<string, { shown: number; solved: number; notSolved: number }>;
  /** Unsettled questions by text: count and languages. */
  readonly unsettled: Map<string, { count: number; locale: Locale }>;
  readonly tickets: TicketTally[];
  readonly sla: { kind: 'warning' | 'breach'; clock: string; level: Level; priority: Priority }[];
}

export function newTally(): Tally {
  return {
    outcomes: new Map(),
    outcomesByLocale: new Map(),
    ticketAfterAnswer: 0,
    articles: new Map(),
    unsettled: new Map(),
    tickets: [],
    sla: [],
  };
}

export function countOutcome(tally: Tally, kind: L0OutcomeKind, locale: Locale): void {
  tally.outcomes.set(kind, (tally.outcomes.get(kind) ?? 0) + 1);
  tally.outcomesByLocale.set(locale, (tally.outcomesByLocale.get(locale) ?? 0) + 1);
}

export function countArticle(
  tally: Tally,
  id: string,
  what: 'shown' | 'solved' | 'notSolved',
): void {
  const a = tally.articles.get(id) ?? { shown: 0, solved: 0, notSolved: 0 };
  a[what] += 1;
  tally.articles.set(id, a);
}

export function countUnsettled(tally: Tally, text: string, locale: Locale): void {
  const u = tally.unsettled.get(text) ?? { count: 0, locale };
  u.count += 1;
  tally.unsettled.set(text, u);
}
