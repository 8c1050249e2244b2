import type { Priority, SlaState } from '../ticket';
import { ALWAYS_OPEN, type BusinessCalendar } from './business-calendar';

export interface SlaTarget {
  /** Business minutes until the first human response. */
  readonly firstResponse: number;
  /** Business minutes until resolution. */
  readonly resolution: number;
}

export interface SlaPolicy {
  readonly targets: Readonly<Record<Priority, SlaTarget>>;
  /** The clock of a priority: business hours, or ALWAYS_OPEN for around-the-clock priorities. */
  calendar(priority: Priority): BusinessCalendar;
  /** Warn when this share of a target has elapsed (0.8: with a fifth of the time left). */
  readonly warnAt: number;
  /** Escalate to the next level automatically when the resolution target is breached. */
  readonly autoEscalate: boolean;
}

const HOUR = 60;
/** A business day of the default 08:00-17:00 desk. */
const DAY = 9 * HOUR;

/** In line with common service desks: P1 15 min / 4 h, P2 1 h / 8 h, P3 4 h / 3 days, P4 1 day / 10 days. */
export const DEFAULT_SLA_TARGETS: Readonly<Record<Priority, SlaTarget>> = {
  P1: { firstResponse: 15, resolution: 4 * HOUR },
  P2: { firstResponse: HOUR, resolution: 8 * HOUR },
  P3: { firstResponse: 4 * HOUR, resolution: 3 * DAY },
  P4: { firstResponse: DAY, resolution: 10 * DAY },
};

export function createSlaPolicy(options: {
  targets?: Readonly<Record<Priority, SlaTarget>>;
  businessHours: BusinessCalendar;
  aroundTheClock?: readonly Priority[];
  warnAt?: number;
  autoEscalate?: boolean;
}): SlaPolicy {
  const aroundTheClock = new Set(options.aroundTheClock ?? ['P1']);
  return {
    targets: options.targets ?? DEFAULT_SLA_TARGETS,
    calendar: (priority) => (aroundTheClock.has(priority) ? ALWAYS_OPEN : options.businessHours),
    warnAt: options.warnAt ?? 0.8,
    autoEscalate: options.autoEscalate ?? false,
  };
}

type Clock = 'first_response' | 'resolution';

/** When each clock warns and breaches, given the minutes paused so far. */
export function slaMilestones(
  createdAt: Date,
  priority: Priority,
  pausedMinutes: number,
  policy: SlaPolicy,
) {
  const calendar = policy.calendar(priority);
  const target = policy.targets[priority];
  const at = (minutes: number) => calendar.addMinutes(createdAt, minutes + pausedMinutes);
  return {
    first_response: {
      warn: at(target.firstResponse * policy.warnAt),
      due: at(target.firstResponse),
    },
    resolution: { warn: at(target.resolution * policy.warnAt), due: at(target.resolution) },
  } satisfies Record<Clock, { warn: Date; due: Date }>;
}

export function startSla(createdAt: Date, priority: Priority, policy: SlaPolicy): SlaState {
  const base: SlaState = {
    firstResponseDue: createdAt,
    resolutionDue: createdAt,
    firstResponseAt: undefined,
    pausedAt: undefined,
    pausedMinutes: 0,
    warned: [],
    breached: [],
    nextCheckAt: undefined,
  };
  return schedule(base, createdAt, priority, policy);
}

/** Recomputes due times and the next check from the pause total and what has already fired. */
export function schedule(
  sla: SlaState,
  createdAt: Date,
  priority: Priority,
  policy: SlaPolicy,
): SlaState {
  const m = slaMilestones(createdAt, priority, sla.pausedMinutes, policy);
  const pending: Date[] = [];
  const clocks: Clock[] = sla.firstResponseAt ? ['resolution'] : ['first_response', 'resolution'];
  for (const clock of clocks) {
    if (!sla.warned.includes(clock) && !sla.breached.includes(clock)) pending.push(m[clock].warn);
    if (!sla.breached.includes(clock)) pending.push(m[clock].due);
  }
  const next =
    sla.pausedAt || pending.length === 0
      ? undefined
      : new Date(Math.min(...pending.map((d) => d.getTime())));
  return {
    ...sla,
    firstResponseDue: m.first_response.due,
    resolutionDue: m.resolution.due,
    nextCheckAt: next,
  };
}

export function pauseSla(sla: SlaState, now: Date): SlaState {
  return sla.pausedAt ? sla : { ...sla, pausedAt: now, nextCheckAt: undefined };
}

export function resumeSla(
  sla: SlaState,
  now: Date,
  createdAt: Date,
  priority: Priority,
  policy: SlaPolicy,
): SlaState {
  if (!sla.pausedAt) return sla;
  const paused = policy.calendar(priority).minutesBetween(sla.pausedAt, now);
  return schedule(
    { ...sla, pausedAt: undefined, pausedMinutes: sla.pausedMinutes + paused },
    createdAt,
    priority,
    policy,
  );
}

/** The warnings and breaches that are due now and have not fired yet. */
export function dueSlaEvents(
  sla: SlaState,
  createdAt: Date,
  priority: Priority,
  policy: SlaPolicy,
  now: Date,
): { clock: Clock; kind: 'warning' | 'breach' }[] {
  if (sla.pausedAt) return [];
  const m = slaMilestones(createdAt, priority, sla.pausedMinutes, policy);
  const events: { clock: Clock; kind: 'warning' | 'breach' }[] = [];
  const clocks: Clock[] = sla.firstResponseAt ? ['resolution'] : ['first_response', 'resolution'];
  for (const clock of clocks) {
    if (now >= m[clock].due && !sla.breached.includes(clock))
      events.push({ clock, kind: 'breach' });
    else if (now >= m[clock].warn && !sla.warned.includes(clock) && !sla.breached.includes(clock))
      events.push({ clock, kind: 'warning' });
  }
  return events;
}
