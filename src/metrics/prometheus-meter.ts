import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LEVELS, type Level } from '../core/ticket';
import type { HelpdeskMeter } from './helpdesk-meter';

/** Active tickets by level, as a cheap query of the store reads them. */
export type CountBacklog = () => Promise<Record<Level, number>>;

export interface LapisMetrics {
  readonly registry: Registry;
  readonly meter: HelpdeskMeter;
}

const LANGUAGES = ['en', 'id'];
const QUESTION_OUTCOMES = ['answered', 'suggested', 'no_answer', 'off_topic'];
const L0_KINDS = [
  ...QUESTION_OUTCOMES,
  'clarified',
  'solved',
  'not_solved',
  'suggestion_picked',
  'ticket_opened',
];

/**
 * Lapis's Prometheus series in a registry of their own, and the meter the instrumented ports report
 * to. Label values are fixed small sets (kinds, languages, levels, platforms, priorities), never text
 * from users. Series with known labels start at 0, so rates and dashboards have them from the start.
 */
export function createPrometheusMetrics(
  options: {
    countBacklog?: CountBacklog;
    /** The backlog is read at most this often, however often Prometheus scrapes (default 5 s). */
    backlogMaxAgeMs?: number;
    defaultMetrics?: boolean;
    onError?: (err: unknown) => void;
  } = {},
): LapisMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const questions = new Counter({
    name: 'lapis_l0_questions_total',
    help: 'Questions L0 handled, by what it did (answered, suggested, no_answer, off_topic) and language.',
    labelNames: ['outcome', 'language'],
    registers,
  });
  const answers = new Counter({
    name: 'lapis_l0_answers_total',
    help: 'L0 answers given (an article presented as the answer), by language.',
    labelNames: ['language'],
    registers,
  });
  const solved = new Counter({
    name: 'lapis_l0_solved_total',
    help: 'L0 answers or picked suggestions confirmed solved by the employee, by language.',
    labelNames: ['language'],
    registers,
  });
  const outcomes = new Counter({
    name: 'lapis_l0_outcomes_total',
    help: 'Every recorded L0 outcome, by kind and language.',
    labelNames: ['kind', 'language'],
    registers,
  });
  const opened = new Counter({
    name: 'lapis_tickets_opened_total',
    help: 'Tickets opened, by channel and priority.',
    labelNames: ['channel', 'priority'],
    registers,
  });
  const escalations = new Counter({
    name: 'lapis_escalations_total',
    help: 'Escalations, by the level escalated to.',
    labelNames: ['to_level'],
    registers,
  });
  const breaches = new Counter({
    name: 'lapis_sla_breaches_total',
    help: 'SLA breaches, by the level the ticket was at and the clock (first_response, resolution).',
    labelNames: ['level', 'kind'],
    registers,
  });
  const replyTime = new Histogram({
    name: 'lapis_event_to_reply_seconds',
    help: "From an event's arrival at the intake to the first reply or effect it caused being sent.",
    labelNames: ['channel', 'event'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers,
  });
  const searchTime = new Histogram({
    name: 'lapis_kb_search_seconds',
    help: 'Time of one knowledge-base search.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers,
  });
  createBacklogGauge(registers, options);

  for (const language of LANGUAGES) {
    for (const outcome of QUESTION_OUTCOMES) questions.inc({ outcome, language }, 0);
    for (const kind of L0_KINDS) outcomes.inc({ kind, language }, 0);
    answers.inc({ language }, 0);
    solved.inc({ language }, 0);
  }
  for (const level of LEVELS) {
    if (level > 1) escalations.inc({ to_level: String(level) }, 0);
    for (const kind of ['first_response', 'resolution'])
      breaches.inc({ level: String(level), kind }, 0);
  }

  const meter: HelpdeskMeter = {
    l0Outcome(kind, language) {
      outcomes.inc({ kind, language });
      if (QUESTION_OUTCOMES.includes(kind)) questions.inc({ outcome: kind, language });
      if (kind === 'answered') answers.inc({ language });
      if (kind === 'solved') solved.inc({ language });
    },
    ticketOpened: ({ platform, priority }) => opened.inc({ channel: platform, priority }),
    escalated: (toLevel) => escalations.inc({ to_level: String(toLevel) }),
    slaBreached: (level, kind) => breaches.inc({ level: String(level), kind }),
    kbSearched: (seconds) => searchTime.observe(seconds),
    replied: (seconds, event) =>
      replyTime.observe({ channel: event.platform, event: event.kind }, seconds),
  };
  return { registry, meter };
}

/** lapis_backlog{level}: read on scrape, at most every few seconds; a failed read keeps the last values. */
function createBacklogGauge(
  registers: Registry[],
  options: {
    countBacklog?: CountBacklog;
    backlogMaxAgeMs?: number;
    onError?: (err: unknown) => void;
  },
): void {
  const { countBacklog, onError, backlogMaxAgeMs = 5000 } = options;
  let readAt = -Infinity;
  new Gauge({
    name: 'lapis_backlog',
    help: 'Active tickets (open, claimed, waiting on the requester) by level.',
    labelNames: ['level'],
    registers,
    async collect() {
      if (!countBacklog || Date.now() - readAt < backlogMaxAgeMs) return;
      try {
        const counts = await countBacklog();
        readAt = Date.now();
        for (const level of LEVELS) this.set({ level: String(level) }, counts[level]);
      } catch (err) {
        onError?.(err);
      }
    },
  });
}
